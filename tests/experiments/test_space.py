"""Search spaces, objectives and constraints: parsing, refusals and how a
trial's values land in a copy of the document. No TensorFlow."""

import json

import pytest

from engine.experiments.apply import apply_values, trial_network
from engine.experiments.objectives import parse_constraints, parse_objectives
from engine.experiments.space import (SpaceError, check_space, document_space, load_space,
                                      parse_space)
from engine.experiments.study import SweepConfig, StudyError
from engine.experiments.trials import analyse_candidate
from engine.network import Network
from tests.experiments.documents import digits_conv_net, iris_net


def test_every_distribution_parses_and_grids():
    space = parse_space({"lr": {"loguniform": [1e-4, 0.1]}, "hidden.units": {"int": [4, 12], "step": 4},
                         "optimizer": {"choice": ["adam", "sgd"]},
                         "training.batch_size": {"choice": [16, 32]},
                         "drop.rate": {"float": [0.0, 0.5], "step": 0.25}})
    by = {d.name: d for d in space}
    assert by["hidden.units"].grid() == [4, 8, 12]
    assert by["drop.rate"].grid() == [0.0, 0.25, 0.5]
    assert by["optimizer"].target == "shorthand" and by["training.batch_size"].target == "training"
    with pytest.raises(SpaceError, match="continuous range"):
        by["lr"].grid()


@pytest.mark.parametrize("space, words", [
    ({}, "empty"),
    ({"units": {"int": [1, 2]}}, "NODE.PARAM"),
    ({"h.units": [1, 2]}, "must be an object"),
    ({"h.units": {"int": [1, 2], "float": [1, 2]}}, "exactly one"),
    ({"h.units": {"int": [8, 2]}}, "above the high end"),
    ({"h.units": {"int": [1.5, 2]}}, "whole number"),
    ({"lr": {"loguniform": [0, 1]}}, "above zero"),
    ({"h.units": {"choice": []}}, "non-empty"),
    ({"c1.kernel_size": {"choice": [[3, 3]]}}, "written as a number"),
    ({"lr": {"float": [0.1, 0.2], "step": -1}}, "above zero"),
])
def test_bad_spaces_are_refused_with_what_to_write(space, words):
    with pytest.raises(SpaceError, match=words):
        parse_space(space)


def test_space_must_name_what_the_network_has():
    net = iris_net()
    with pytest.raises(SpaceError, match="no layer called 'h'") as info:
        check_space(net, parse_space({"h.units": {"int": [4, 8]}}))
    assert "hidden" in info.value.hint
    with pytest.raises(SpaceError, match="no parameter 'unit'") as info:
        check_space(net, parse_space({"hidden.unit": {"int": [4, 8]}}))
    assert "units" in info.value.hint
    with pytest.raises(SpaceError, match="unknown optimizer"):
        check_space(net, parse_space({"optimizer": {"choice": ["adam", "adamm"]}}))
    check_space(net, parse_space({"hidden.units": {"int": [4, 8]}, "lr": {"float": [0.1, 0.2]}}))


def test_trial_values_go_into_a_copy_through_the_engine():
    net = iris_net()
    before = json.dumps(net.to_dict(), sort_keys=True)
    out = trial_network(net, {"hidden.units": 16, "lr": 0.05, "optimizer": "sgd",
                              "training.batch_size": 8})
    assert json.dumps(net.to_dict(), sort_keys=True) == before  # the document is untouched
    assert out.nodes["hidden"].params["units"] == 16
    assert out.analyze().total_params == 4 * 16 + 16 + 16 * 3 + 3
    opt = out.extra["training"]["compile"]["optimizer"]
    assert opt["name"] == "sgd" and opt["learning_rate"] == 0.05
    assert out.extra["training"]["batch_size"] == 8
    # a value the catalog refuses names the setting and leaves the document as it was
    with pytest.raises(Exception, match="hidden.units"):
        apply_values(net, {"hidden.units": -3})
    assert net.nodes["hidden"].params["units"] == 8


def test_an_invalid_candidate_and_a_broken_constraint_are_found_without_training():
    net = trial_network(digits_conv_net(), {"c1.kernel_size": 9})
    costs, reason = analyse_candidate(net)
    assert reason and "c1" in reason and "kernel" in reason.lower()
    net = iris_net()
    costs, reason = analyse_candidate(net, parse_constraints("params<=40"))
    assert costs["params"] == 67 and reason == "params 67 is above the limit params<=40."
    assert analyse_candidate(net, parse_constraints("params<=100000"))[1] is None


def test_objectives_and_constraints_parse_or_say_how():
    objs = parse_objectives("val_accuracy:max, params:min")
    assert [(o.name, o.direction) for o in objs] == [("val_accuracy", "maximize"),
                                                     ("params", "minimize")]
    with pytest.raises(SpaceError, match="METRIC:max"):
        parse_objectives("val_accuracy")
    with pytest.raises(SpaceError, match="params<=100000"):
        parse_constraints("val_accuracy>0.5")


def test_sweep_settings_are_checked_before_a_study_exists():
    net = iris_net()
    base = dict(network=net.to_dict(), space={"lr": {"loguniform": [1e-3, 0.1]}})
    with pytest.raises(SpaceError, match="grid cannot list"):
        SweepConfig(**base, sampler="grid").check()
    with pytest.raises(StudyError, match="Unknown sampler"):
        SweepConfig(**base, sampler="bayes").check()
    with pytest.raises(StudyError, match="one objective"):
        SweepConfig(**base, sampler="cmaes", objectives=["val_accuracy:max", "params:min"]).check()
    SweepConfig(**base).check()


def test_the_experiments_section_is_kept_on_save(tmp_path):
    net = iris_net()
    net.extra["experiments"] = {"space": {"hidden.units": {"choice": [4, 8]}},
                                "objective": "val_accuracy:max"}
    net.save(tmp_path / "d.json")
    back = Network.load(tmp_path / "d.json")
    assert back.extra["experiments"] == net.extra["experiments"]
    assert [d.name for d in document_space(back)] == ["hidden.units"]
    (tmp_path / "space.json").write_text("{not json")
    with pytest.raises(SpaceError, match="not valid JSON"):
        load_space(tmp_path / "space.json")


def test_a_document_whose_experiments_section_is_not_an_object_is_refused(tmp_path):
    from engine.errors import DocumentError

    data = iris_net().to_dict()
    data["experiments"] = [1, 2]
    with pytest.raises(DocumentError, match="'experiments' must be an object"):
        Network.from_dict(data)


@pytest.mark.parametrize("sampler, pruner", [("cmaes", "hyperband"), ("random", "none"),
                                             ("tpe", "median")])
def test_candidates_over_a_cost_limit_are_pruned_before_training(tmp_path, sampler, pruner):
    """Every sampler and pruner runs a study; a constraint prunes each candidate
    with its reason before anything is trained (no run folder)."""
    from engine.experiments.study import load_study, study_summary
    from engine.experiments.trials import run_study
    from tests.experiments.documents import new_study

    space = {"hidden.units": {"int": [64, 256]}, "lr": {"float": [0.01, 0.1]}}
    study, config, storage = new_study(tmp_path, iris_net(), space, sampler=sampler,
                                       pruner=pruner, trials=3, epochs=2, seed=0,
                                       constraints=["params<=100"])
    run_study(storage, "s")
    out = study_summary(load_study(storage, "s")[0], storage)
    assert [t["state"] for t in out["trials"]] == ["pruned"] * 3
    for t in out["trials"]:
        assert 64 <= t["params"]["hidden.units"] <= 256 and t["run_dir"] is None
        assert t["reason"] == f"params {t['params_count']:,} is above the limit params<=100."
    assert out["best"] is None and out["pareto"] == []
    assert not list((tmp_path / "doc.runs").glob("*/run.json"))  # nothing was trained


def test_sweep_usage_mistakes_get_one_plain_line_and_exit_2(tmp_path, capsys, monkeypatch):
    from neurocanvas_cli import main

    monkeypatch.chdir(tmp_path)
    iris_net().save(tmp_path / "iris.json")
    (tmp_path / "space.json").write_text(json.dumps({"h.units": {"int": [4, 8]}}))
    cases = [
        (["sweep", "iris.json"], "has no search space", "--space SPACE.json"),
        (["sweep", "iris.json", "--space", "space.json"], "no layer called 'h'", "hidden"),
        (["sweep", "iris.json", "--space", "nope.json"], "cannot read the space", ""),
        (["sweep", "iris.json", "--space", "space.json", "--parallel", "0"],
         "--parallel must be at least 1", ""),
        (["sweep"], "needs a FILE", ""),
        (["sweep-worker", "--storage", str(tmp_path / "j"), "--study", "x"],
         "no study 'x'", "neurocanvas sweep DOC"),
    ]
    for argv, words, hint in cases:
        assert main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and words in err and hint in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    (tmp_path / "space.json").write_text(json.dumps({"hidden.units": {"int": [4, 8]}}))
    assert main(["sweep", "iris.json", "--space", "space.json", "--objective", "acc"]) == 2
    assert "METRIC:max" in capsys.readouterr().err
    assert not list(tmp_path.glob("iris.runs/*/run.json"))  # nothing ran


def test_pruning_candidates_before_training_never_loads_tensorflow(tmp_path):
    """A study whose candidates are all refused by the analysis or a constraint
    runs without importing TensorFlow or Keras (a fresh process proves it)."""
    import subprocess
    import sys

    from engine.experiments.trials import worker_env

    doc = tmp_path / "digits.json"
    digits_conv_net().save(doc)
    script = f"""
import sys
from engine.experiments.study import SweepConfig, create_study, load_study, study_summary
from engine.experiments.trials import run_study
from engine.network import Network
net = Network.load({str(doc)!r})
config = SweepConfig(network=net.to_dict(), space={{"c1.kernel_size": {{"choice": [9, 11]}}}},
                     document={str(doc)!r}, runs_root={str(tmp_path / 'runs')!r},
                     sampler="grid", trials=2)
create_study(config, {str(tmp_path / 'j')!r}, "s")
run_study({str(tmp_path / 'j')!r}, "s")
out = study_summary(load_study({str(tmp_path / 'j')!r}, "s")[0], "j")
print([t["state"] for t in out["trials"]], "tensorflow" in sys.modules, "keras" in sys.modules)
"""
    r = subprocess.run([sys.executable, "-c", script], env=worker_env(), capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "['pruned', 'pruned'] False False"

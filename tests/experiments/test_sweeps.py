"""Real studies over tiny documents (iris, digits; 1–4 epochs): every trial a
recorded run, invalid candidates pruned before training, several objectives,
a pruner stopping a bad trial."""


import pytest

from engine.experiments.study import load_study, study_summary
from engine.experiments.trials import run_study
from engine.training.runs import list_runs, load_run
from tests.experiments.documents import digits_conv_net, iris_net, new_study, run_json

pytestmark = pytest.mark.slow


def test_iris_sweep_over_lr_and_units_reaches_090(tmp_path):
    space = {"lr": {"loguniform": [0.01, 0.1]}, "hidden.units": {"int": [8, 32], "step": 8}}
    study, config, storage = new_study(tmp_path, iris_net(), space, name="iris", trials=3,
                                       epochs=4, seed=7)
    run_study(storage, "iris")
    out = study_summary(load_study(storage, "iris")[0], storage)
    assert [t["state"] for t in out["trials"]] == ["complete"] * 3
    assert out["best"]["values"][0] >= 0.9
    assert set(out["best"]["params"]) == {"lr", "hidden.units"}
    best = next(t for t in out["trials"] if t["number"] == out["best"]["number"])
    # the trial is a normal run of the document, tagged with the study and its number
    info = run_json(best["run_dir"])
    assert info["study"] == "iris" and info["trial"] == best["number"]
    assert info["status"] == "finished" and info["epochs_run"] == 4
    opt = info["settings"]["training"]["compile"]["optimizer"]
    assert opt["learning_rate"] == pytest.approx(best["params"]["lr"])
    run = load_run(best["run_dir"])
    assert run.network().nodes["hidden"].params["units"] == best["params"]["hidden.units"]
    assert max(run.history()["val_accuracy"]) == pytest.approx(best["values"][0])
    assert len(list_runs(tmp_path / "doc.json")) == 3  # every existing run view lists them


def test_grid_prunes_an_invalid_value_before_training_with_its_reason(tmp_path):
    space = {"c1.kernel_size": {"choice": [3, 9]}, "c1.filters": {"choice": [4]}}
    study, config, storage = new_study(tmp_path, digits_conv_net(), space, name="grid",
                                       sampler="grid", trials=5, epochs=1)
    run_study(storage, "grid")
    rows = {t["params"]["c1.kernel_size"]: t for t in
            study_summary(load_study(storage, "grid")[0], storage)["trials"]}
    assert set(rows) == {3, 9}  # the grid is exhausted, each point once
    bad = rows[9]
    assert bad["state"] == "pruned" and bad["run_dir"] is None
    assert "c1" in bad["reason"] and "kernel" in bad["reason"].lower()
    assert bad["params_count"] is not None and bad["epochs_run"] is None
    assert rows[3]["state"] == "complete" and rows[3]["epochs_run"] == 1
    assert len(list_runs(tmp_path / "doc.json")) == 1  # no run was started for the bad one


def test_nsga2_on_digits_gives_a_mutually_non_dominated_front(tmp_path):
    space = {"c1.filters": {"int": [1, 8]}, "lr": {"loguniform": [1e-3, 0.05]}}
    study, config, storage = new_study(
        tmp_path, digits_conv_net(), space, name="moo", sampler="nsga2", trials=4, epochs=1,
        seed=0, objectives=["val_accuracy:max", "params:min"])
    run_study(storage, "moo")
    out = study_summary(load_study(storage, "moo")[0], storage)
    done = {t["number"]: t for t in out["trials"] if t["state"] == "complete"}
    assert len(done) == 4 and out["pareto"]
    for t in done.values():  # params really is the analysed count of that candidate
        assert t["values"][1] == t["params_count"]

    def dominates(a, b):
        return (a[0] >= b[0] and a[1] <= b[1]) and (a[0] > b[0] or a[1] < b[1])

    front = [done[n]["values"] for n in out["pareto"]]
    for a in front:
        assert not any(dominates(b, a) for b in front)
    for n, t in done.items():  # what is left out is dominated by a member of the front
        if n not in out["pareto"]:
            assert any(dominates(f, t["values"]) for f in front)


def test_median_pruner_stops_a_bad_trial_after_its_first_epoch(tmp_path):
    space = {"lr": {"loguniform": [1e-6, 0.1]}}
    study, config, storage = new_study(tmp_path, iris_net(), space, name="prune", trials=2,
                                       epochs=4, pruner="median",
                                       pruner_options={"n_startup_trials": 1})
    study.enqueue_trial({"lr": 0.05})
    study.enqueue_trial({"lr": 1e-6})
    run_study(storage, "prune")
    good, bad = study_summary(load_study(storage, "prune")[0], storage)["trials"]
    assert good["state"] == "complete" and good["epochs_run"] == 4
    assert bad["state"] == "pruned" and bad["epochs_run"] < 4
    assert "median pruner after epoch" in bad["reason"]
    info = run_json(bad["run_dir"])
    assert info["status"] == "stopped" and info["epochs_run"] == bad["epochs_run"]
    assert info["trial"] == bad["number"]

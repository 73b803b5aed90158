"""engine.events: every kind declared once, with its dataclass, its dict form and its delivery."""

from __future__ import annotations

import ast
import json
from dataclasses import FrozenInstanceError, fields
from pathlib import Path

import numpy as np
import pytest

from engine import events as ev
from engine.events import (CHANGES, TRAINING_EVENTS, Change, ChangeKind, Delivery, EventKind,
                           coalesce, training_event, training_event_from_dict)
from engine.network import Edge, Network

ROOT = Path(__file__).resolve().parents[1]
RUN_STATE = {"started", "paused", "resumed", "finished", "stopped", "failed"}


def sample_data(kind: EventKind) -> dict:
    """A value for every declared field of ``kind``'s event, and one undeclared key."""
    cls = TRAINING_EVENTS[kind]
    data = {}
    for i, f in enumerate(fields(cls)):
        if f.name in ("extra", "time"):
            continue
        data[f.name] = {"points": [{"step": 1}], "maps": {"conv": [1, 2]}}.get(f.name, i)
    data["from_a_newer_version"] = "kept"
    return data


def test_every_training_kind_has_one_event_class_that_declares_it():
    assert set(TRAINING_EVENTS) == set(EventKind)
    for kind, cls in TRAINING_EVENTS.items():
        assert cls.KIND is kind and issubclass(cls, ev.TrainingEvent)
        assert cls.__dataclass_params__.frozen


@pytest.mark.parametrize("kind", list(EventKind), ids=str)
def test_each_training_event_round_trips_through_its_dict_form(kind):
    data = sample_data(kind)
    event = training_event(kind.value, **data)
    assert type(event) is TRAINING_EVENTS[kind] and event.kind is kind
    assert event.data == data                     # the undeclared key is kept, in extra
    assert event.extra == {"from_a_newer_version": "kept"}
    for name, value in data.items():
        if name != "from_a_newer_version":
            assert getattr(event, name) == value  # typed access to each declared field
    back = training_event_from_dict(json.loads(json.dumps(event.to_dict())))
    assert back == event and back.data == data and back.time == event.time
    with pytest.raises(FrozenInstanceError):
        event.extra = {}


def test_fields_an_event_was_not_given_stay_out_of_its_dict_form():
    e = training_event("stopped", reason="Stopped by the user.", code="user")
    assert e.data == {"reason": "Stopped by the user.", "code": "user"}
    assert e.hint is ev.UNSET and not e.hint and "hint" not in e.data
    assert training_event_from_dict(e.to_dict()).data == e.data


def test_an_unknown_kind_from_an_old_or_newer_file_reads_as_nothing():
    assert training_event_from_dict({"kind": "telemetry", "data": {"x": 1}}) is None
    assert training_event_from_dict({"kind": "epoch", "data": "not a dict"}) is None
    assert training_event_from_dict(["epoch", {}]) is None
    assert Change.from_dict({"kind": "reset", "nodes": [], "detail": {}}) is None
    assert EventKind.parse("telemetry") is None and ChangeKind.parse("reset") is None
    # an emitter's typo is refused at once, naming the kinds
    with pytest.raises(ValueError, match="Unknown training event kind 'epoch_end'.*epoch"):
        training_event("epoch_end", epoch=1)
    # the bridge's coalescing passes a kind it does not know through, in order
    q = [("batch", {"points": [1]}), ("telemetry", {"x": 1}), ("batch", {"points": [2]})]
    assert [str(k) for k, _ in coalesce(q)] == ["batch", "telemetry", "batch"]


def test_delivery_is_declared_once_for_every_kind():
    for kind in EventKind:
        assert isinstance(kind.delivery, Delivery)
        assert kind.urgent == (kind.value in RUN_STATE)
        assert kind.urgent + kind.latest_only + kind.merged <= 1
        if kind.accumulate:       # the field it gathers is one the event declares
            assert kind.accumulate in {f.name for f in fields(TRAINING_EVENTS[kind])}
            assert kind.merged or kind.latest_only
    assert {k.value for k in EventKind if k.latest_only} == {
        "feature_maps", "filters", "layer_stats", "confusion", "predictions", "boundary"}
    assert [k for k in EventKind if k.merged] == [EventKind.BATCH]
    assert not EventKind.HISTOGRAMS.latest_only       # the panel shows them over the epochs
    assert {k for k in EventKind if k.ends_run} == set(ev.ENDED)


def test_coalescing_follows_the_declared_delivery():
    q = [("batch", {"points": [{"step": 0}], "last": {"step": 0}}),
         ("batch", {"points": [{"step": 1}], "last": {"step": 1}}),
         ("feature_maps", {"epoch": 1, "maps": {"a": 1, "b": 1}}),
         ("histograms", {"epoch": 1}),
         ("epoch", {"epoch": 1}),
         ("batch", {"points": [{"step": 2}], "last": {"step": 2}}),
         ("feature_maps", {"epoch": 1, "maps": {"b": 2}, "on_demand": True}),
         ("histograms", {"epoch": 2})]
    out = coalesce(q)
    assert [str(k) for k, _ in out] == ["batch", "histograms", "epoch", "batch", "feature_maps",
                                        "histograms"]
    assert out[0][1] == {"points": [{"step": 0}, {"step": 1}], "last": {"step": 1}}
    assert out[4][1]["maps"] == {"a": 1, "b": 2} and out[4][1]["on_demand"]
    assert all(isinstance(k, EventKind) for k, _ in out)
    # the queued dicts are not changed
    assert q[0][1]["points"] == [{"step": 0}] and q[2][1]["maps"] == {"a": 1, "b": 1}


def test_coalescing_a_long_run_of_batches_keeps_every_point_in_order():
    q = [("batch", {"points": [{"step": i}], "last": {"step": i}}) for i in range(20_000)]
    (kind, data), = coalesce(q)
    assert kind is EventKind.BATCH and data["last"] == {"step": 19_999}
    assert [p["step"] for p in data["points"]] == list(range(20_000))


# ---------------------------------------------------------------- document changes --

def test_every_change_kind_has_one_class():
    assert set(CHANGES) == set(ChangeKind)
    for kind, cls in CHANGES.items():
        assert cls.KIND is kind and cls.__dataclass_params__.frozen


def _edits():
    """Every kind of edit on a real network, with the changes it emitted."""
    net = Network("t")
    seen: list[Change] = []
    net.subscribe(seen.append)
    x = net.add_node("Input", {"shape": [4]})
    d = net.add_node("Dense", {"units": 3})
    net.connect(x, d)
    net.set_params(d, {"units": 5})
    net.rename(d, "head")
    net.move(d, (10.0, 20.0))
    net.set_group([x, d], "block")
    net.set_trainable(d, False)
    net.set_outputs([(d, 0)])
    net.set_name("renamed")
    net.disconnect(x, d)
    net.remove_node(d)
    return net, seen


def test_a_network_emits_one_typed_change_per_edit():
    _net, seen = _edits()
    assert [c.kind.value for c in seen] == [
        "node_added", "node_added", "edge_added", "params_changed", "renamed", "moved",
        "grouped", "trainable_changed", "outputs_changed", "meta_changed", "edge_removed",
        "node_removed"]
    assert {c.kind for c in seen} == set(ChangeKind)     # every declared kind is emitted
    assert all(type(c) is CHANGES[c.kind] for c in seen)
    params = seen[3]
    assert params.node == "dense" and params.old["units"] == 3 and params.new["units"] == 5
    assert params.nodes == ("dense",) and params.detail == {"old": params.old, "new": params.new}
    edge = seen[2]
    assert edge.edge == Edge("input", "dense") and edge.nodes == ("input", "dense")


def test_each_change_round_trips_through_its_dict_form():
    _net, seen = _edits()
    for change in seen:
        d = change.to_dict()
        assert set(d) == {"kind", "nodes", "detail"} and d["kind"] == change.kind.value
        assert Change.from_dict(d) == change


def test_undo_and_redo_handle_every_change_kind():
    from engine.edit_journal import Journal

    net = Network("t")
    x = net.add_node("Input", {"shape": [4]})
    before = (net.name, set(net.nodes))
    with Journal(net) as journal:
        d = net.add_node("Dense", {"units": 3})
        net.connect(x, d)
        net.set_params(d, {"units": 5})
        net.rename(d, "head")
        net.move(d, (10.0, 20.0))
        net.set_group([x, d], "block")
        net.set_trainable(d, False)
        net.set_outputs([(d, 0)])
        net.set_name("renamed")
        net.disconnect(x, d)
    after = (net.name, set(net.nodes), net.nodes[d].name, net.nodes[d].trainable)
    journal.undo()
    assert (net.name, set(net.nodes)) == before
    journal.redo()
    assert (net.name, set(net.nodes), net.nodes[d].name, net.nodes[d].trainable) == after
    assert net.nodes[d].params["units"] == 5 and not net.edges


# ------------------------------------------------------------------- the trainer --

def test_the_trainer_emits_typed_events_through_its_public_emit():
    from engine.data import load_dataset
    from engine.training.trainer import Trainer

    t = Trainer(lambda: None, load_dataset("iris"), {"epochs": 1})
    got = []
    t.subscribe(got.append)
    event = t.emit(EventKind.EPOCH, epoch=1, logs={"loss": 0.5})
    assert got == [event] and isinstance(event, ev.Epoch) and event.logs == {"loss": 0.5}
    t.subscribe(lambda e: 1 / 0)                  # a broken subscriber does not stop the others
    t.emit("paused", epoch=0, step=3)
    assert got[-1].kind is EventKind.PAUSED and got[-1].step == 3
    with pytest.raises(ValueError):
        t.emit("epoch_end")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_the_lr_finder_does_not_import_the_trainer_and_events_import_nothing_heavy():
    assert "engine.training.trainer" not in _imports(ROOT / "engine/training/lr_finder.py")
    heavy = {"PySide6", "tensorflow", "keras", "numpy", "engine.network"}
    assert not {m.split(".")[0] for m in _imports(ROOT / "engine/events.py")} & heavy
    assert not _imports(ROOT / "engine/events.py") & heavy


def test_events_carry_arrays_untouched():
    probs = np.zeros((3, 3))
    e = training_event("boundary", epoch=1, probs=probs)
    assert e.probs is probs and e.data["probs"] is probs


def test_the_module_examples_run():
    import doctest

    result = doctest.testmod(ev, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_a_training_section_from_an_older_file_still_loads():
    from engine.training.settings import TrainingSettings

    s = TrainingSettings.from_dict({"epochs": 3, "batch_events_per_second": 20.0})
    assert s.epochs == 3 and "batch_events_per_second" not in s.to_dict()

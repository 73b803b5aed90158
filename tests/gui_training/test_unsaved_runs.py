"""Runs of a document that was never saved: recorded in a scratch folder of
its own and listed like any other run; moved beside the file when the
document is first saved (a run still training moves when it ends, and a
continued run goes on writing there); listed again when the saved document
is reopened, with a model that can be exported. Old scratch folders are
removed. Layer badges cope with a missing gradient norm."""

import errno
import gc
import json
import os
import re
import time

import pytest

from engine.training.runs import (
    RUN_FILE,
    list_runs,
    load_run,
    move_runs,
    new_scratch_folder,
    remove_stale_scratch,
    runs_folder,
)
from gui import app_paths
from gui.training import badges
from gui.training.controller import has_unsaved_runs, scratch_runs_folder
from tests.gui_training.conftest import iris_net, wait_state

DEAD_PID = 4_194_305  # above the largest process id Linux hands out: no such process
DAY = 86400.0


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    """Collect the Qt wrappers of earlier tests' windows here, on the GUI thread.

    Left to the cyclic collector, they may be destroyed on the training thread,
    where a QObject's destructor and the GUI thread can wait on each other
    (seen as a hang of the long run below).
    """
    gc.collect()
    yield


def train_to_end(qtbot, window, expected="finished"):
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == expected, \
        dash.run_controls.status.text()
    qtbot.waitUntil(lambda: not dash.controller.trainer.running, timeout=30_000)


def fake_scratch(root, pid=DEAD_PID, age_days=0.0, name="old"):
    """A scratch folder holding one run record, last written ``age_days`` ago."""
    folder = root / f"{name}-20240101-000000-p{pid}-abc123.runs"
    run = folder / "20240101-000000_abc123"
    run.mkdir(parents=True)
    (run / RUN_FILE).write_text(json.dumps({"format": "neurocanvas-run/1", "status": "finished"}))
    stamp = time.time() - age_days * DAY
    for p in (run / RUN_FILE, run, folder):
        os.utime(p, (stamp, stamp))
    return folder


def test_a_run_of_an_unsaved_document_is_listed_moves_on_save_and_reopens(
        qtbot, make_window, tmp_path):
    scratch_root = app_paths.scratch_runs_dir()
    stale = fake_scratch(scratch_root, age_days=8)  # a document closed unsaved long ago
    window = make_window(iris_net(epochs=2))
    assert window.doc.path is None
    dash, runs = window.dashboard, window.dashboard.runs_panel
    train_to_end(qtbot, window)

    # recorded in the document's own scratch folder, listed like any other run
    scratch = scratch_runs_folder(window.doc, create=False)
    assert scratch is not None and scratch.parent == scratch_root and scratch.is_dir()
    assert not stale.exists(), "a week-old scratch folder is removed when a new one is made"
    assert has_unsaved_runs(window.doc)
    assert runs.table.rowCount() == 1
    assert [runs.table.item(0, c).text() for c in (1, 2)] == ["finished", "2"]
    best = runs.table.item(0, 3).text()
    assert re.fullmatch(r"val_loss \d\.\d+ @ [12]", best), best
    record = runs.records[0]
    assert record.path.parent == scratch and (record.path / "last.keras").exists()
    assert "not saved yet" in runs.info.text()

    # closing the untouched untitled document asks first: its runs live with it
    from PySide6.QtWidgets import QMessageBox

    assert not window.doc.modified
    asked = []
    window.ask_unsaved = lambda: asked.append(1) or QMessageBox.Cancel
    assert not window.close() and asked == [1] and scratch.is_dir()
    window.ask_unsaved = lambda: QMessageBox.Discard

    # the first save moves it beside the file; the list follows
    path = tmp_path / "iris.json"
    assert window.save_as(path)
    moved = runs_folder(path) / record.path.name
    assert moved.is_dir() and (moved / "last.keras").exists() and (moved / "best.keras").exists()
    assert not scratch.exists(), "the scratch folder is gone once its runs moved"
    assert not has_unsaved_runs(window.doc)
    assert load_run(moved).info["document"] == str(path)
    qtbot.waitUntil(lambda: [r.path for r in runs.records] == [moved], timeout=5_000)
    assert runs.table.rowCount() == 1 and runs.table.item(0, 3).text() == best
    assert "not saved yet" not in runs.info.text()
    assert dash.controller.run_record.path == moved   # the controller follows the move

    # reopening the saved document lists its past run, whose model can be exported
    other = make_window(None)
    assert other.open_path(path)
    listed = other.dashboard.runs_panel
    assert listed.table.rowCount() == 1 and listed.records[0].path == moved
    assert listed.table.item(0, 3).text() == best
    listed.select_rows([0])
    out = tmp_path / "exported.keras"
    assert listed.export_model(str(out))
    assert out.read_bytes() == (moved / "last.keras").read_bytes()


def test_a_run_training_while_the_document_is_saved_moves_when_it_ends(
        qtbot, make_window, tmp_path):
    window = make_window(iris_net(epochs=2))
    dash, c, runs = window.dashboard, window.dashboard.controller, window.dashboard.runs_panel
    train_to_end(qtbot, window)
    first = runs.records[0].path
    # a long second run with another batch size, saved while it trains
    window.doc.network.extra["training"].update(epochs=400, batch_size=4)
    gc.collect()  # see _collect_on_the_gui_thread
    assert dash.start()
    qtbot.waitUntil(lambda: c.trainer is not None and c.trainer.epochs_done >= 1, timeout=120_000)
    live = c.session.recorder.path
    scratch = live.parent
    path = tmp_path / "iris.json"
    assert window.save_as(path)
    target = runs_folder(path)
    assert (target / first.name).is_dir() and not first.exists()   # the ended run moved
    assert live.is_dir() and c.session.recorder.path == live      # the live one keeps writing
    runs.refresh()
    assert sorted(r.path for r in runs.records) == sorted([target / first.name, live])
    assert {runs.table.item(r, 1).text() for r in range(2)} == {"finished", "running"}

    c.stop()
    assert wait_state(qtbot, window, ("stopped",), 60_000) == "stopped"
    qtbot.waitUntil(lambda: not c.trainer.running, timeout=30_000)
    moved = target / live.name
    assert moved.is_dir() and not live.exists() and not scratch.exists()
    assert c.session.recorder.path == moved and c.trainer.run_dir == str(moved)
    assert load_run(moved).status == "stopped"
    qtbot.waitUntil(lambda: sorted(r.path for r in runs.records)
                    == sorted([target / first.name, moved]), timeout=5_000)

    # continuing the run goes on in its new folder
    done = c.trainer.epochs_done
    assert c.continue_training(1)
    qtbot.waitUntil(lambda: c.state == "finished" and not c.trainer.running, timeout=60_000)
    record = load_run(moved)
    assert record.status == "finished" and record.epochs_run == done + 1
    assert len(record.epoch_rows()) == done + 1
    assert not scratch.exists()

    # the two runs overlay and compare like any others
    runs.refresh()
    overlays = []
    runs.overlay_changed.connect(overlays.append)
    runs.select_rows([0, 1])
    assert len(overlays[-1]) == 2
    assert "training.batch_size: 16 → 4" in runs.info.text()


def test_old_scratch_folders_are_removed_and_live_ones_kept(tmp_path):
    root = tmp_path / "unsaved-runs"
    old = fake_scratch(root, age_days=8, name="old")
    recent = fake_scratch(root, age_days=1, name="recent")
    own = fake_scratch(root, pid=os.getpid(), age_days=30, name="own")   # this program's
    kept = fake_scratch(root, age_days=30, name="kept")
    other = root / "notes"              # not a scratch folder: never touched
    other.mkdir()
    os.utime(other, (time.time() - 30 * DAY,) * 2)
    # a run written to lately keeps its folder, however old the folder itself
    busy = fake_scratch(root, age_days=30, name="busy")
    run = next(busy.iterdir())
    (run / "epoch_metrics.csv").write_text("epoch\n1\n")

    removed = remove_stale_scratch(root, keep=[kept])
    assert removed == [old]
    assert not old.exists()
    assert all(p.exists() for p in (recent, own, kept, other, busy))
    assert remove_stale_scratch(root, max_age_days=0.5, keep=[kept]) == [recent]
    assert remove_stale_scratch(tmp_path / "nowhere") == []
    made = new_scratch_folder(root, "LeNet 5 / v2")
    assert not made.exists() and made.name.startswith("LeNet-5-v2-")
    assert f"-p{os.getpid()}-" in made.name and made.name.endswith(".runs")


def test_runs_move_by_copy_across_file_systems(tmp_path, monkeypatch):
    import engine.training.runs.records as runs_module

    source = fake_scratch(tmp_path / "scratch")
    run = next(source.iterdir())
    (run / "last.keras").write_bytes(b"model" * 100)
    real_rename = os.rename

    def rename(src, dst):
        if str(src) == str(run):   # the first, direct rename fails as between devices
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(src, dst)

    monkeypatch.setattr(runs_module.os, "rename", rename)
    target = tmp_path / "doc.runs"
    moved = move_runs(source, target, document=tmp_path / "doc.json")
    dest = target / run.name
    assert moved == [(run, dest)]
    assert (dest / "last.keras").read_bytes() == b"model" * 100
    assert not source.exists()
    assert [p.name for p in target.iterdir()] == [run.name]       # no hidden copy left
    assert [r.path for r in list_runs(target)] == [dest]
    assert load_run(dest).info["document"] == str(tmp_path / "doc.json")


def test_a_name_clash_never_overwrites_a_run(tmp_path):
    source = fake_scratch(tmp_path / "scratch")
    run = next(source.iterdir())
    target = tmp_path / "doc.runs"
    (target / run.name).mkdir(parents=True)
    (target / run.name / "keep.txt").write_text("mine")
    moved = move_runs(source, target)
    assert moved[0][1] == target / f"{run.name}-2"
    assert (target / run.name / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize("stats, text", [
    ({"grad_norm": None, "weight_norm": 1.5, "dead_fraction": None}, "∇ –"),
    ({"grad_norm": None, "weight_norm": None, "dead_fraction": None}, ""),
    ({"grad_norm": None, "weight_norm": 1.5, "dead_fraction": 0.2}, "20% dead"),
    ({"grad_norm": 0.0, "weight_norm": 0.0, "dead_fraction": 0.1}, "10% dead"),
    ({"grad_norm": 0.0, "weight_norm": 0.0, "dead_fraction": None}, ""),
    ({"grad_norm": float("nan"), "weight_norm": 1.0, "dead_fraction": None}, "∇ not finite"),
    ({"grad_norm": "n/a", "weight_norm": 1.0}, "∇ –"),
    ({}, ""),
    (None, ""),
])
def test_badge_texts_without_a_gradient_norm(stats, text):
    shown, tip, level = badges.badge_for(stats)
    assert shown == text
    assert level in (badges.INFO, badges.ERROR)
    if text == "∇ –":
        assert "gradient norm not available" in tip and "weight norm" in tip


def test_layer_stats_with_missing_values_reach_the_canvas_without_errors(qtbot, make_window):
    window = make_window(iris_net(epochs=2))
    dash = window.dashboard
    dash._on_event("layer_stats", {"epoch": 1, "stats": {
        "dense": {"grad_norm": None, "weight_norm": 2.0, "dead_fraction": None},
        "features": None, "no_such_layer": {"grad_norm": None}}})
    dash.flush()
    badge = badges.badge_of(window.scene.nodes["dense"])
    assert badge is not None and badge.text == "∇ –" and "dense" in badge.toolTip()
    assert badges.badge_of(window.scene.nodes["features"]) is None
    # a later epoch with a gradient replaces it
    dash._on_event("layer_stats", {"epoch": 2, "stats": {
        "dense": {"grad_norm": 0.25, "weight_norm": 2.0, "dead_fraction": None}}})
    dash.flush()
    assert badges.badge_of(window.scene.nodes["dense"]).text == "∇ 0.25"


def test_a_run_that_cannot_move_stays_and_the_others_move(tmp_path, monkeypatch):
    import engine.training.runs.records as runs_module
    from engine.training.runs import RunError

    source = fake_scratch(tmp_path / "scratch")
    stuck = next(source.iterdir())
    other = source / "20240102-000000_def456"
    other.mkdir()
    (other / RUN_FILE).write_text(json.dumps({"format": "neurocanvas-run/1", "status": "stopped"}))
    real_rename = os.rename

    def rename(src, dst):
        if str(src) == str(stuck):
            raise OSError(errno.EACCES, "Permission denied")
        return real_rename(src, dst)

    monkeypatch.setattr(runs_module.os, "rename", rename)
    target = tmp_path / "doc.runs"
    with pytest.raises(RunError, match="Cannot move the run") as info:
        move_runs(source, target)
    assert info.value.moved == [(other, target / other.name)]
    assert (stuck / RUN_FILE).exists() and (target / other.name / RUN_FILE).exists()

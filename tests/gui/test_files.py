"""Files: save and reopen, damaged files, autosave recovery, recent files,
exports, the preset gallery and start-up without TensorFlow."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from gui import recovery
from gui.commands import SetParamCommand

from .conftest import Recorder

ROOT = Path(__file__).resolve().parents[2]


def test_save_and_reopen_gives_the_identical_document(window, make_window, tmp_path):
    doc = window.doc
    doc.push(SetParamCommand(doc, "f5", "units", 100))
    window.scene.select_nodes(["c1", "s2"])
    window.group_selection("features")
    assert doc.modified
    path = tmp_path / "lenet.json"
    assert window.save_as(path)
    assert not doc.modified and doc.path == path
    assert "lenet.json" in window.windowTitle()
    other = make_window(None)
    assert other.open_path(path)
    assert other.doc.network.to_dict() == doc.network.to_dict()
    assert not other.doc.modified
    assert str(path.resolve()) == other.recent_files()[0]


def test_damaged_file_is_refused_and_the_open_document_kept(window, tmp_path):
    before = window.doc.network.to_dict()
    doc = window.doc
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "neurocanvas/1", "nodes": [{"id": "a", "type": "Nope"}]}')
    assert not window.open_path(bad)
    assert window.doc is doc and window.doc.network.to_dict() == before
    assert "Nope" in window.errors.errors[-1]
    bad.write_text("{not json")
    assert not window.open_path(bad)
    assert "not valid JSON" in window.errors.errors[-1]
    assert window.doc is doc


def test_close_with_unsaved_changes_asks(window):
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 7))
    asked = []
    window.ask_unsaved = lambda: asked.append(1) or QMessageBox.Cancel
    assert not window.close()
    assert asked and window.isVisible()
    window.ask_unsaved = lambda: QMessageBox.Discard
    assert window.close()


def _journalled_window(qtbot, preset="lenet5"):
    """A window whose journal writes (the fixture's windows keep theirs off)."""
    from gui.main_window import MainWindow

    window = MainWindow(autosave=True)
    window.errors = Recorder()
    window.show_error = window.errors
    window.ask_unsaved = lambda: QMessageBox.Discard
    qtbot.addWidget(window)
    assert window.open_preset(preset)
    return window


def _crash(window):
    """What a kill leaves: the records stay, the instance's lock is gone."""
    window.journal.timer.stop()
    window.journal.enabled = False
    recovery.instance().lock.unlock()
    recovery._INSTANCE = None


def test_journal_then_recover_at_next_start(qtbot, make_window):
    window = _journalled_window(qtbot)
    doc = window.doc
    window.journal.write()
    doc.push(SetParamCommand(doc, "f5", "units", 76))
    doc.push(SetParamCommand(doc, "f5", "units", 77))
    assert window.journal.timer.isActive()  # written within DELAY_MS, not at once
    qtbot.waitUntil(lambda: not window.journal.timer.isActive(), timeout=3 * recovery.DELAY_MS)
    record = recovery.read_record(window.journal.path)
    assert record.unsaved and record.network.nodes["f5"].params["units"] == 77
    assert record.entry == {"preset": "lenet5"}
    crashed = doc.network.to_dict()
    _crash(window)
    # the next start takes the folder over and offers its unsaved work
    stale = recovery.claim_stale()
    assert [r.title for r in stale.unsaved] == ["lenet5 (untitled)"]
    fresh = make_window(None)
    fresh.recover(stale.unsaved[0])
    stale.discard()
    assert fresh.doc.network.to_dict() == crashed
    assert fresh.isWindowModified() and fresh.doc.modified
    assert not recovery.claim_stale().records  # taken over once, then gone


def test_a_burst_of_edits_is_written_together(qtbot, monkeypatch):
    window = _journalled_window(qtbot)
    doc = window.doc
    window.journal.write()
    writes = []
    real = recovery.write_atomic
    monkeypatch.setattr(recovery, "write_atomic", lambda path, text: writes.append(text) or real(path, text))
    window.journal._last_write = float("-inf")  # a quiet spell: the next change goes at once
    doc.push(SetParamCommand(doc, "f5", "units", 30))
    assert len(writes) == 1  # on disk before the event loop runs again
    assert recovery.read_record(window.journal.path).network.nodes["f5"].params["units"] == 30
    for units in range(31, 36):  # typing: written together, DELAY_MS later
        doc.push(SetParamCommand(doc, "f5", "units", units))
    assert window.journal.timer.isActive() and len(writes) == 1
    qtbot.waitUntil(lambda: len(writes) == 2, timeout=4 * recovery.DELAY_MS)
    f5 = next(n for n in json.loads(writes[-1])["document"]["nodes"] if n["id"] == "f5")
    assert f5["params"]["units"] == 35


def test_saving_and_discarding_remove_the_recovery_copy(qtbot, tmp_path):
    window = _journalled_window(qtbot)
    doc = window.doc
    doc.push(SetParamCommand(doc, "f5", "units", 12))
    window.journal.write()
    assert "document" in json.loads(window.journal.path.read_text())
    assert window.save_as(tmp_path / "saved.json")
    payload = json.loads(window.journal.path.read_text())
    assert payload["unsaved"] is False and "document" not in payload
    assert payload["entry"] == {"path": str((tmp_path / "saved.json").resolve())}
    # an edit, then undo back to the saved state: no copy either
    doc.push(SetParamCommand(doc, "f5", "units", 13))
    window.journal.write()
    assert "document" in json.loads(window.journal.path.read_text())
    doc.undo_stack.undo()
    window.journal.write()
    assert "document" not in json.loads(window.journal.path.read_text())
    # discarding the changes (a new document) removes the record
    doc.push(SetParamCommand(doc, "f5", "units", 14))
    window.journal.write()
    old = window.journal.path
    assert window.new_document()  # ask_unsaved answers Discard
    assert not old.exists()
    window.close()
    assert not window.journal.path.exists()
    assert recovery.read_session() == [{"new": "untitled"}]


def test_declined_recovery_is_discarded(qtbot):
    window = _journalled_window(qtbot)
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 5))
    window.journal.write()
    folder = window.journal.path.parent
    _crash(window)
    stale = recovery.claim_stale()
    assert len(stale.unsaved) == 1
    stale.discard()
    assert not folder.exists()


def test_a_live_instance_records_are_not_offered(qtbot):
    window = _journalled_window(qtbot)
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 5))
    window.journal.write()
    assert recovery.claim_stale().records == []  # its lock is held


def test_a_failing_disk_is_reported_once(qtbot, monkeypatch):
    window = _journalled_window(qtbot)

    def full(path, text):
        raise OSError(28, "No space left on device", str(path))
    monkeypatch.setattr(recovery, "write_atomic", full)
    for units in (21, 22, 23):
        window.doc.push(SetParamCommand(window.doc, "f5", "units", units))
        assert not window.journal.write()
    assert len(window.errors.errors) == 1 and "No space left" in window.errors.errors[0]
    assert window.doc.network.nodes["f5"].params["units"] == 23  # the work is untouched
    monkeypatch.undo()
    assert window.journal.write()
    assert recovery.read_record(window.journal.path).network.nodes["f5"].params["units"] == 23
    monkeypatch.setattr(recovery, "write_atomic", full)
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 24))
    window.journal.write()
    assert len(window.errors.errors) == 2  # a new failure after a success is told again


def test_open_a_preset_from_the_gallery(window):
    dialog = window.show_gallery()
    dialog.search.setText("resnet")
    ids = dialog.visible_ids()
    assert ids and all("resnet" in i for i in ids)
    dialog.search.setText("")
    dialog.choose("iris-dense")
    assert window.doc.network.name == "iris-dense"
    assert window.doc.path is None and "untitled" in window.windowTitle()
    assert "untitled (untitled)" not in window.windowTitle()
    assert window.doc.report().total_params == 15
    assert not dialog.isVisible()


def test_exports(window, tmp_path):
    assert window.export_python(tmp_path / "lenet.py")
    assert "keras" in (tmp_path / "lenet.py").read_text()
    assert window.export_image(tmp_path / "lenet.png")
    assert (tmp_path / "lenet.png").stat().st_size > 1000
    assert window.export_image(tmp_path / "lenet.svg")
    assert "<svg" in (tmp_path / "lenet.svg").read_text()


def test_new_document_and_recent_files_menu(window, tmp_path):
    path = tmp_path / "a.json"
    window.save_as(path)
    assert window.new_document()
    assert window.doc.network.nodes == {}
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == ["a.json"]


def test_window_starts_without_importing_tensorflow(tmp_path):
    # nor networkx (graph algorithms on demand) nor numpy/pyqtgraph (the training
    # dashboard, loaded on a thread after the window is up)
    code = ("import sys; from neurocanvas_cli import main; rc = main(['--exit-when-ready']); "
            "heavy = ('tensorflow', 'keras', 'networkx', 'numpy', 'pyqtgraph'); "
            "loaded = [m for m in heavy if m in sys.modules]; "
            "assert not loaded, loaded; sys.exit(rc)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROCANVAS_CONFIG_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert 0 < shown["seconds"] < 60
    assert shown["source"] == "lenet5" and shown["layers"] == 9
    assert not list((tmp_path / "recovery").glob("*/*.json"))


def test_new_document_title_says_untitled_once(window):
    window.new_document()
    assert window.doc.title == "untitled"
    assert window.windowTitle().startswith("untitled[*]") or window.windowTitle().startswith("untitled")
    assert "(untitled)" not in window.windowTitle()


def test_recovery_record_is_plain_json(qtbot):
    window = _journalled_window(qtbot)
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 3))
    window.journal.write()
    payload = json.loads(window.journal.path.read_text())
    assert payload["document"]["format"] == "neurocanvas/1"

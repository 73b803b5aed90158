"""Files: save and reopen, damaged files, autosave recovery, recent files,
exports, the preset gallery and start-up without TensorFlow."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from gui.commands import SetParamCommand
from gui.recovery import read_recovery

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


def test_autosave_then_recover_at_next_start(window, make_window):
    doc = window.doc
    doc.push(SetParamCommand(doc, "f5", "units", 77))
    assert window.autosaver.autosave()
    assert not window.autosaver.autosave()  # nothing new since
    found = read_recovery(window.autosaver.path)
    assert found is not None and found[0].nodes["f5"].params["units"] == 77
    crashed = doc.network.to_dict()
    # a new session finds the file and offers it
    fresh = make_window(None)
    fresh.ask_yes_no = lambda title, text: True
    assert fresh.offer_recovery()
    assert fresh.doc.network.to_dict() == crashed
    assert fresh.isWindowModified()
    # saving normally removes the recovery file
    fresh.save_as(window.autosaver.path.parent / "saved.json")
    assert not window.autosaver.path.exists()


def test_declined_recovery_is_discarded(window, make_window):
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 5))
    window.autosaver.autosave()
    fresh = make_window(None)
    fresh.ask_yes_no = lambda title, text: False
    assert not fresh.offer_recovery()
    assert not fresh.autosaver.path.exists()


def test_open_a_preset_from_the_gallery(window):
    dialog = window.show_gallery()
    dialog.search.setText("resnet")
    ids = dialog.visible_ids()
    assert ids and all("resnet" in i for i in ids)
    dialog.search.setText("")
    dialog.choose("iris-dense")
    assert window.doc.network.name == "iris-dense"
    assert window.doc.path is None and "untitled" in window.windowTitle()
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
    code = ("import sys; from engine.cli import main; rc = main(['--exit-when-ready']); "
            "heavy = ('tensorflow', 'keras', 'networkx', 'numpy', 'pyqtgraph'); "
            "loaded = [m for m in heavy if m in sys.modules]; "
            "assert not loaded, loaded; sys.exit(rc)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROCANVAS_CONFIG_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seconds = float(out.stdout.strip().splitlines()[-1])
    assert 0 < seconds < 60
    assert not (tmp_path / "recovery.json").exists()


def test_recovery_file_is_plain_json(window):
    window.doc.push(SetParamCommand(window.doc, "f5", "units", 3))
    window.autosaver.autosave()
    payload = json.loads(window.autosaver.path.read_text())
    assert payload["document"]["format"] == "neurocanvas/1"

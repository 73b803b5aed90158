"""The trust prompt: a document with custom layers (opaque nodes) asks before its
module's code runs, for an export and for a training run."""

import hashlib
import json

import numpy as np

import pytest
from PySide6.QtCore import Qt

from engine import trust
from lazy_import import keras  # imported when a test runs
from tests.opaque.test_opaque_import import MODULE, cl

IMPORT_TIMEOUT = 120_000


@pytest.fixture
def text_doc(qtbot, window, tmp_path, monkeypatch):
    trust.forget_loaded()
    inp = keras.Input((6,), dtype="int32")
    x = cl.TokenAndPositionEmbedding(6, 20, 4, name="embed")(inp)
    x = keras.layers.GlobalAveragePooling1D()(x)
    keras.Model(inp, keras.layers.Dense(2, name="head")(x)).save(tmp_path / "text.keras")
    marker = tmp_path / "ran"
    monkeypatch.setenv("NEUROCANVAS_TEST_IMPORT_MARKER", str(marker))
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT) as blocker:
        window.import_model(tmp_path / "text.keras", ask=False)
    assert blocker.args[0]
    assert window.doc.network.nodes["embed"].type == "OpaqueLayer"
    doc_path = tmp_path / "text.json"
    assert window.save_as(str(doc_path))
    yield window, marker, doc_path
    trust.forget_loaded()


def _type_path(qtbot, dialog, text):
    edit = dialog.path_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)


def test_export_asks_for_trust_and_runs_the_module_only_after_the_click(qtbot, text_doc, tmp_path):
    window, marker, doc_path = text_doc
    out = tmp_path / "out.keras"
    assert window.export_keras(str(out)) is False
    dialog = window.trust_dialog
    assert dialog.isVisible() and not out.exists() and not marker.exists()
    # a file that is not a module: refused, the button stays off
    (tmp_path / "notes.txt").write_text("x")
    _type_path(qtbot, dialog, str(tmp_path / "notes.txt"))
    assert not dialog.trust_button.isEnabled() and ".py" in dialog.status.text()
    # the module: its path, its hash and the classes it defines, read without running it
    _type_path(qtbot, dialog, str(MODULE))
    digest = hashlib.sha256(MODULE.read_bytes()).hexdigest()
    assert dialog.path_edit.text() == str(MODULE)
    assert digest in dialog.hash_label.text()
    assert "TokenAndPositionEmbedding" in dialog.classes_label.text()
    assert dialog.trust_button.isEnabled() and not marker.exists()
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    qtbot.waitUntil(out.exists, timeout=60_000)
    assert marker.exists()
    records = json.loads((tmp_path / "config" / trust.TRUST_FILE).read_text())
    assert records[str(doc_path.resolve())] == [{"module": str(MODULE), "sha256": digest}]
    assert "trust" not in json.loads(doc_path.read_text())  # nothing of it in the document
    # trusted for this document now: the next export does not ask
    window.trust_dialog = None
    out.unlink()
    assert window.export_keras(str(out)) is True and window.trust_dialog is None
    qtbot.waitUntil(out.exists, timeout=60_000)


def test_cancel_runs_nothing_and_training_waits_for_the_trust(qtbot, text_doc, tmp_path):
    window, marker, _doc_path = text_doc
    controller = window.dashboard.controller
    assert controller.start() is False
    dialog = window.trust_dialog
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert not dialog.isVisible() and not marker.exists() and controller.state == "idle"
    assert controller.start() is False
    dialog = window.trust_dialog
    _type_path(qtbot, dialog, str(MODULE))
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: controller.state != "idle", timeout=60_000)
    assert marker.exists() and trust.loaded_class("TokenAndPositionEmbedding") is not None
    controller.stop()
    qtbot.waitUntil(lambda: not controller.busy, timeout=60_000)


def test_lambda_code_runs_only_after_its_box_is_ticked(qtbot, window, tmp_path):
    from engine.keras_import import import_file

    trust.forget_loaded()
    inp = keras.Input((3,))
    tripled = keras.layers.Lambda(lambda t: t * 3.0, name="triple")(keras.layers.Dense(2, name="dense")(inp))
    model = keras.Model(inp, keras.layers.Dense(1, name="head")(tripled))
    model.save(tmp_path / "lam.keras")
    doc_path = tmp_path / "lam.json"
    import_file(tmp_path / "lam.keras", trust_lambda=True).network.save(doc_path)
    assert window.open_path(str(doc_path), ask=False)
    out = tmp_path / "out.keras"
    assert window.export_keras(str(out)) is False
    dialog = window.trust_dialog
    assert dialog.lambda_box.isVisible() and "triple" in dialog.lambda_box.text()
    assert not dialog.path_edit.isVisible()  # no custom class: no module to choose
    assert not dialog.trust_button.isEnabled()
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    assert not out.exists()
    dialog.lambda_box.click()
    assert dialog.trust_button.isEnabled()
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    qtbot.waitUntil(out.exists, timeout=60_000)
    reloaded = keras.saving.load_model(out, safe_mode=False)
    x = np.ones((1, 3), "float32")
    np.testing.assert_allclose(reloaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
    records = json.loads((tmp_path / "config" / trust.TRUST_FILE).read_text())
    assert records[str(doc_path.resolve())] == [
        {"lambda": trust.lambda_digest(window.doc.network.nodes["triple"].params)}]
    trust.forget_loaded()


def test_an_unrecorded_shape_is_asked_for_on_import(qtbot, window, tmp_path, monkeypatch):
    from gui.model_import import ModelImport

    inp = keras.Input((4, 4, 1))
    x = keras.layers.Conv2D(2, 1, name="conv")(inp)
    keras.Model(inp, cl.ReflectionPadding2D((1, 1), name="reflect")(x)).save(tmp_path / "last.keras")
    answers = iter(["6,x", "None,6,6,2"])  # a typo first: asked again
    asked = []
    monkeypatch.setattr(ModelImport, "ask_opaque_shape",
                        lambda self, layer, cls: asked.append((layer, cls)) or next(answers))
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT) as blocker:
        window.import_model(tmp_path / "last.keras", ask=False)
    assert blocker.args[0]
    assert asked == [("reflect", "ReflectionPadding2D")] * 2
    node = window.doc.network.nodes["reflect"]
    assert node.params["output_shapes"] == [[None, 6, 6, 2]] and node.params["shapes_entered"]

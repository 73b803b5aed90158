"""Opening Keras models in the editor: File ▸ Open, Open Recent, a file dropped
on the canvas, File ▸ Import ▸ Keras application…, refusals shown in a dialog,
and the weights of an imported model that was never saved surviving a crash."""

import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from engine.keras_applications import NAMES
from gui import recovery
from gui.commands import SetParamCommand

from lazy_import import keras  # noqa: E402  (imported when a test runs)

IMPORT_TIMEOUT = 120_000


def _branchy(path):
    i = keras.Input((16,), name="features")
    a = keras.layers.Dense(8, activation="relu", name="left")(i)
    b = keras.layers.Dense(8, activation="tanh", name="right")(i)
    m = keras.layers.Add(name="merge")([a, b])
    o = keras.layers.Dense(3, activation="softmax", name="out")(m)
    model = keras.Model(i, o, name="branchy")
    model.save(path)
    return model


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    branchy = _branchy(folder / "branchy.keras")
    inp = keras.Input((4,))
    lam = keras.layers.Lambda(lambda x: x * 2.0, name="doubler")(inp)
    keras.Model(inp, keras.layers.Dense(2, name="head")(lam)).save(folder / "lambda.keras")
    (folder / "truncated.keras").write_bytes((folder / "branchy.keras").read_bytes()[:300])
    return {"folder": folder, "branchy": folder / "branchy.keras", "model": branchy,
            "lambda": folder / "lambda.keras", "truncated": folder / "truncated.keras"}


def _wait_import(qtbot, window, trigger):
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT) as blocker:
        trigger()
        # the work runs on a thread while a progress dialog says what happens
        assert window.imports and isinstance(window.imports[0].progress, QProgressDialog)
        assert window.imports[0].progress.isVisible()
    return blocker.args[0]


def test_file_open_imports_a_keras_model_with_its_weights(qtbot, window, models):
    window.ask_open_path = lambda *args: str(models["branchy"])
    assert _wait_import(qtbot, window, window.act_open.trigger)
    doc = window.doc
    assert sorted(n.name for n in doc.network.nodes.values()) == \
        ["features", "left", "merge", "out", "right"]
    assert doc.report().total_params == models["model"].count_params() == 299
    assert doc.report().valid and doc.path is None and not doc.modified
    assert window.windowTitle().startswith("branchy (imported from branchy.keras, unsaved)")
    assert len(doc.network.weights) == 3  # left, right, out
    # Open Recent lists the model and opens it again
    window._fill_recent()
    (recent,) = [a for a in window.recent_menu.actions() if a.text() == "branchy.keras"]
    window.new_document()
    assert _wait_import(qtbot, window, recent.trigger)
    assert len(window.doc.network.nodes) == 5


def test_a_model_file_dropped_on_the_canvas_opens(qtbot, window, models):
    viewport = window.view.viewport()
    pos = viewport.rect().center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(models["branchy"]))])
    enter = QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT) as blocker:
        QApplication.sendEvent(viewport, drop)
        assert drop.isAccepted()
    assert blocker.args == [True]
    assert window.doc.network.name == "branchy" and len(window.doc.network.nodes) == 5
    # a file the editor cannot open is not taken
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(models["folder"] / "notes.txt"))])
    enter = QDragEnterEvent(QPoint(pos), Qt.CopyAction, other, Qt.LeftButton, Qt.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_a_broken_model_is_refused_in_a_dialog_naming_the_layer(qtbot, make_window, models,
                                                                monkeypatch):
    window = make_window()
    del window.show_error  # the real one: a dialog
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append((title, text))))
    before = window.doc.network.to_dict()
    assert window.open_path(models["lambda"])
    qtbot.waitUntil(lambda: not window.imports, timeout=IMPORT_TIMEOUT)
    (title, text), = shown
    assert title == "Cannot import lambda.keras"
    assert "'doubler' (Lambda) is refused" in text and "Traceback" not in text
    assert window.doc.network.to_dict() == before  # the open document is untouched
    assert window.open_path(models["truncated"])
    qtbot.waitUntil(lambda: not window.imports, timeout=IMPORT_TIMEOUT)
    assert len(shown) == 2 and "truncated.keras" in shown[1][1] and "Traceback" not in shown[1][1]
    assert window.doc.network.to_dict() == before


def test_import_keras_application_menu_lists_every_architecture(qtbot, window):
    from gui.application_dialog import ApplicationDialog

    (file_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    (import_menu,) = [a.menu() for a in file_menu.actions() if a.menu() is not None
                      and a.text() == "&Import"]
    assert [a.text() for a in import_menu.actions()] == ["Keras &Model File…", "Keras &Application…"]
    dialog = ApplicationDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.visible_names() == list(NAMES) and len(NAMES) == 40
    dialog.search.setText("resnet")
    assert dialog.visible_names() == ["InceptionResNetV2", "ResNet50", "ResNet101", "ResNet152",
                                      "ResNet50V2", "ResNet101V2", "ResNet152V2"]
    assert dialog.choice() == ("InceptionResNetV2", None)


def test_import_keras_application_builds_it_exactly(qtbot, window):
    window.ask_application = lambda: ("MobileNetV3Small", None)
    assert _wait_import(qtbot, window, window.act_import_app.trigger)
    expected = keras.applications.MobileNetV3Small(weights=None).count_params()
    assert window.doc.report().total_params == expected
    assert window.doc.report().valid
    assert window.doc.origin == {"import": "MobileNetV3Small"}


def test_weights_of_an_imported_never_saved_model_are_recovered(qtbot, models):
    from gui.main_window import MainWindow

    window = MainWindow(autosave=True)
    qtbot.addWidget(window)
    window.ask_unsaved = lambda: QMessageBox.Discard
    assert _wait_import(qtbot, window, lambda: window.open_path(models["branchy"]))
    doc = window.doc
    left = next(nid for nid, n in doc.network.nodes.items() if n.name == "left")
    out = next(nid for nid, n in doc.network.nodes.items() if n.name == "out")
    doc.push(SetParamCommand(doc, out, "units", 5))
    window.journal.write()
    payload = json.loads(window.journal.path.read_text())
    assert payload["unsaved"] and payload["weights"] == f"{doc.uid}.weights.npz"
    window.journal.enabled = False  # a crash: the lock goes, the records stay
    recovery.instance().lock.unlock()
    recovery._INSTANCE = None
    stale = recovery.claim_stale()
    (record,) = stale.unsaved
    store = record.network.weights
    expected = models["model"].get_layer("left").get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(store.layers[left].arrays, expected))
    assert record.network.nodes[out].params["units"] == 5
    assert record.entry == {"import": str(models["branchy"].resolve())}
    stale.discard()

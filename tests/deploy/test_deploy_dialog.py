"""File ▸ Deploy… in the editor: pick a run, click formats, export on the
worker thread, read the table, copy it as Markdown."""

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox

from tests.gui.conftest import _isolated, make_window  # noqa: F401  (the editor's GUI fixtures)

pytestmark = pytest.mark.slow


def click(widget):
    """A left click where a person aims: a check box's box, a button's middle."""
    pos = QPoint(10, widget.height() // 2) if isinstance(widget, QCheckBox) else \
        widget.rect().center()
    QTest.mouseClick(widget, Qt.LeftButton, pos=pos)


def test_deploy_a_run_from_the_file_menu(make_window, qtbot, trained_runs, tmp_path):
    from engine.training.runs import load_run

    doc = tmp_path / "cnn.json"
    load_run(trained_runs["cnn"]).network().save(doc)
    run = tmp_path / "cnn.runs" / "20260101-000000_abcdef"
    shutil.copytree(trained_runs["cnn"], run)
    window = make_window(preset=None)
    assert window.open_path(doc)

    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_deploy in file_menu.actions()
    window.act_deploy.trigger()
    dialog = window.deploy_dialog
    qtbot.waitExposed(dialog)
    assert dialog.source_box.currentData() == str(run)
    assert dialog.source_box.currentText().startswith("Run 20260101-000000_abcdef — finished")
    assert dialog.out_edit.text() == str(tmp_path / "cnn-deploy")
    assert dialog.chosen_formats() == ["tflite-float32", "tflite-int8", "onnx"]

    click(dialog.format_boxes["onnx"])
    assert not dialog.opset_spin.isEnabled()
    click(dialog.format_boxes["onnx"])
    assert dialog.opset_spin.isEnabled()
    click(dialog.format_boxes["tflite-float32"])
    assert dialog.chosen_formats() == ["tflite-int8", "onnx"]
    dialog.samples_spin.setValue(80)

    click(dialog.export_button)
    assert dialog.worker.running and dialog.cancel_button.isEnabled()
    assert not dialog.export_button.isEnabled() and not dialog.format_boxes["onnx"].isEnabled()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=240_000)

    assert dialog.progress.value() == 100 and dialog.export_button.isEnabled()
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["TFLite full-integer int8", "ONNX"]
    assert table.item(1, 1).text() == "digits_cnn.onnx"
    assert table.item(1, 4).text().endswith("%") and table.item(1, 4).text() == \
        table.item(1, 5).text()  # ONNX computes what Keras computes
    # int8 keeps the accuracy: no warning, only its notes
    assert table.item(0, 7).text() == "calibrated on 200 training samples"
    assert table.item(0, 7).background().style() == Qt.NoBrush
    assert "2 of 2 exported" in dialog.status.text()
    assert sorted(p.name for p in (tmp_path / "cnn-deploy").iterdir()) == \
        ["digits_cnn-int8.tflite", "digits_cnn.onnx"]

    click(dialog.copy_button)
    text = QGuiApplication.clipboard().text()
    assert "| onnx | digits_cnn.onnx |" in text and "| tflite-int8 |" in text
    assert text == dialog.report.to_markdown()


def test_a_keras_file_without_data_is_refused_in_words(qtbot, tmp_path):
    import keras

    from gui.deploy_dialog import DeployDialog

    inp = keras.Input((4,))
    path = tmp_path / "mlp.keras"
    keras.Model(inp, keras.layers.Dense(3)(inp)).save(path)
    dialog = DeployDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.export_button.isEnabled()  # nothing to deploy yet
    dialog.add_source(str(path))
    assert "choose the dataset" in dialog.status.text()
    dialog.out_edit.setText(str(tmp_path / "out"))
    click(dialog.export_button)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Cannot deploy"), timeout=60_000)
    assert "--dataset" in dialog.status.text() or "dataset" in dialog.status.text()
    assert dialog.table.rowCount() == 0 and dialog.export_button.isEnabled()
    assert not (tmp_path / "out").exists()


def test_cancel_stops_before_the_next_format(qtbot, trained_runs, tmp_path):
    from gui.deploy_dialog import DeployDialog

    dialog = DeployDialog([("the digits CNN", trained_runs["cnn"])], str(tmp_path / "out"))
    qtbot.addWidget(dialog)
    dialog.show()
    click(dialog.format_boxes["savedmodel"])
    click(dialog.export_button)
    qtbot.waitUntil(lambda: "converting" in dialog.status.text(), timeout=120_000)
    click(dialog.cancel_button)
    assert "Cancelling" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    assert dialog.report.cancelled and dialog.table.rowCount() == 0
    assert dialog.status.text().startswith("Cancelled during “SavedModel:")
    assert not dialog.cancel_button.isEnabled() and dialog.export_button.isEnabled()
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []  # no work folder left behind


CRASH = ("import os, signal, sys; print('[ 40%] TFLite full-integer int8: converting', "
         "file=sys.stderr, flush=True); os.kill(os.getpid(), signal.SIGSEGV)")


def test_a_converter_crash_leaves_the_editor_running(qtbot, monkeypatch, tmp_path):
    """The export runs in a child process: when native converter code dies, the
    dialog says where it happened and stays usable."""
    import sys

    from gui.deploy_dialog import DeployDialog, DeployWorker

    monkeypatch.setattr(DeployWorker, "command",
                        staticmethod(lambda *a, **k: [sys.executable, "-c", CRASH]))
    dialog = DeployDialog([("a run", str(tmp_path))], str(tmp_path / "out"))
    qtbot.addWidget(dialog)
    dialog.show()
    click(dialog.export_button)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Cannot deploy"), timeout=60_000)
    assert "crashed (signal 11) during “TFLite full-integer int8: converting”" in \
        dialog.status.text()
    assert "the editor and the document are unaffected" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not dialog.worker.running


def test_refused_and_warned_rows_stand_out(qtbot):
    """A report as the engine returns it: the refusal reads in words with its
    hint on hover, a warning row is tinted, regression shows MAE columns."""
    from engine.deploy import DeployReport, ExportRow
    from gui.deploy_dialog import REFUSED_BRUSH, WARNING_BRUSH, DeployDialog

    dialog = DeployDialog()
    qtbot.addWidget(dialog)
    report = DeployReport("diabetes.keras", "regression", 50, out_dir="/o", rows=[
        ExportRow("tflite-dynamic", "/o/m-dynamic.tflite", 5000, 0.02, error=0.61,
                  keras_error=0.52, latency_ms=0.05, warning="error 0.61 against Keras's 0.52"),
        ExportRow("onnx", refused="ONNX opset 17 cannot express the TensorFlow op Erfinv made "
                  "by layer 'inverse_erf' (InverseErf).", hint="Replace layer 'inverse_erf'.",
                  layer="inverse_erf")])
    dialog._on_finished(report)
    table = dialog.table
    assert table.horizontalHeaderItem(4).text() == "MAE"
    assert table.item(0, 4).text() == "0.61" and table.item(0, 5).text() == "0.52"
    assert table.item(0, 7).background() == WARNING_BRUSH
    assert table.item(1, 7).text().startswith("Refused: ONNX opset 17 cannot express")
    assert table.item(1, 7).background() == REFUSED_BRUSH
    assert table.item(1, 7).toolTip() == "Replace layer 'inverse_erf'."
    assert "1 refused" in dialog.status.text() and "1 with a warning" in dialog.status.text()

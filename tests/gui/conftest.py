"""GUI test fixtures: offscreen Qt, a private settings folder, and no modal
dialog can ever block (any that is opened fails the test)."""

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


def _no_modal(*args, **kwargs):
    raise AssertionError(f"a modal dialog was opened: {args[1:3]}")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("NEUROCANVAS_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_no_modal))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(_no_modal))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_no_modal))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(_no_modal))


class Recorder:
    def __init__(self):
        self.errors = []

    def __call__(self, title, message):
        self.errors.append(message)


@pytest.fixture
def make_window(qtbot):
    from gui.main_window import MainWindow

    def make(preset="lenet5"):
        window = MainWindow(autosave=False)
        window.errors = Recorder()
        window.show_error = window.errors
        window.ask_unsaved = lambda: QMessageBox.Discard
        qtbot.addWidget(window)
        if preset:
            assert window.open_preset(preset)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        return window
    return make


@pytest.fixture
def window(make_window):
    return make_window()

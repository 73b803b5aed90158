"""Fixtures of the training-dashboard tests: the editor window (offscreen,
no modal dialog may open), small real networks and their data settings."""

import faulthandler
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


def _no_modal(*args, **kwargs):
    raise AssertionError(f"a modal dialog was opened: {args[1:3]}")


@pytest.fixture(autouse=True)
def _stack_dump_if_stuck():
    """A test stuck for five minutes prints every thread's stack (then goes on)."""
    faulthandler.dump_traceback_later(300, exit=False, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("NEUROCANVAS_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_no_modal))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(_no_modal))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_no_modal))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(_no_modal))


@pytest.fixture
def make_window(qtbot):
    from gui.main_window import MainWindow

    windows = []

    def make(network=None):
        from gui.document import Document

        window = MainWindow(autosave=False)
        window.errors = []
        window.show_error = lambda title, message: window.errors.append(message)
        window.ask_unsaved = lambda: QMessageBox.Discard
        qtbot.addWidget(window)
        if network is not None:
            window.set_document(Document(network))
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for w in windows:  # never leave a training thread running into the next test
        c = w.dashboard.controller
        if c.trainer is not None and c.trainer.running:
            c.trainer.stop()
            c.trainer.wait(30)


def iris_net(epochs=3, **training):
    """iris-dense with a short training section."""
    from presets import build_preset

    net = build_preset("iris-dense")
    net.extra["data"] = {"dataset": "iris"}
    net.extra["training"] = {"epochs": epochs, "batch_size": 16, "seed": 0,
                             **training}
    return net


def digits_cnn(epochs=2):
    """A tiny CNN on the 8×8 digits: conv (4 channels) → pool → dense."""
    from engine.network import Network

    net = Network("tiny-cnn")
    net.add_node("Input", {"shape": [8, 8, 1]}, id="image", pos=(0, 0))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 3, "activation": "relu"}, id="conv",
                 pos=(0, 120))
    net.add_node("Flatten", {}, id="flat", pos=(0, 240))
    net.add_node("Dense", {"units": 10, "activation": "softmax"}, id="out", pos=(0, 360))
    net.connect("image", "conv")
    net.connect("conv", "flat")
    net.connect("flat", "out")
    net.extra["data"] = {"dataset": "digits", "preprocess": {"add_channel": True, "scale": "minmax"}}
    net.extra["training"] = {"epochs": epochs, "batch_size": 64, "seed": 0}
    return net


def wait_state(qtbot, window, states, timeout=120_000):
    c = window.dashboard.controller
    qtbot.waitUntil(lambda: c.state in states, timeout=timeout)
    return c.state

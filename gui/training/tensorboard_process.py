"""TensorBoard on a document's runs: ``python -m tensorboard.main --logdir …
--port …`` on a free local port, as a child process that is stopped when the
editor quits (or when another one replaces it)."""

from __future__ import annotations

import atexit
import importlib.util
import socket
import subprocess
import sys
import weakref

from PySide6.QtCore import QObject

from engine.errors import NeuroCanvasError
from gui.i18n import translate

_live: "weakref.WeakSet" = weakref.WeakSet()


class TensorBoardError(NeuroCanvasError):
    """TensorBoard cannot be started (the message says why)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def command(folders, port: int, host: str = "127.0.0.1") -> list[str]:
    """The command line: one folder as ``--logdir``, several as ``--logdir_spec``."""
    folders = [str(f) for f in folders]
    logdir = ["--logdir", folders[0]] if len(folders) == 1 else \
        ["--logdir_spec", ",".join(f"run{i}:{f}" for i, f in enumerate(folders, 1))]
    return [sys.executable, "-m", "tensorboard.main", *logdir, "--host", host,
            "--port", str(port), "--reload_interval", "5"]


class TensorBoardProcess(QObject):
    """One TensorBoard child process.

    Example::

        board = TensorBoardProcess(["net.runs"]); board.start(); board.url
        board.stop()
    """

    def __init__(self, folders, host: str = "127.0.0.1", parent=None):
        super().__init__(parent)
        self.folders = [str(f) for f in folders]
        self.host = host
        self.port: int | None = None
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> "TensorBoardProcess":
        if self.running:
            return self
        if importlib.util.find_spec("tensorboard") is None:
            raise TensorBoardError(translate("TensorBoardProcess", "TensorBoard is not installed."),
                                   hint=translate("TensorBoardProcess",
                                                  "Install it with pip install tensorboard."))
        from pathlib import Path

        for f in self.folders:
            Path(f).mkdir(parents=True, exist_ok=True)
        self.port = free_port(self.host)
        try:
            self.process = subprocess.Popen(
                command(self.folders, self.port, self.host), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            raise TensorBoardError(translate("TensorBoardProcess",
                                             "TensorBoard could not be started: {error}.").format(
                                       error=exc.strerror or exc),
                                   hint=translate("TensorBoardProcess",
                                                  "Check the Python installation.")) from None
        _live.add(self)
        _hook_quit()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        p, self.process = self.process, None
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout)


def stop_all() -> None:
    """Stop every TensorBoard this editor started."""
    for board in list(_live):
        board.stop()


_hooked = False


def _hook_quit() -> None:
    global _hooked
    if _hooked:
        return
    _hooked = True
    atexit.register(stop_all)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_all)

"""Imports TensorFlow and Keras on a background thread after the window is up,
and says which device training would use. Actions that need Keras wait for it.

TensorFlow's start-up lines (oneDNN, cuInit, absl) are kept off the terminal
unless the person asked for them (``verbose``, ``NEUROCANVAS_TF_LOG=1``; see
:mod:`engine.tf_logging`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui import background

NOT_LOADED, LOADING, READY, FAILED = "not loaded", "loading", "ready", "failed"


class TensorFlowLoader(QObject):
    state_changed = Signal(str)
    ready = Signal(str)  # device description
    failed = Signal(str)

    def __init__(self, parent=None, verbose: bool = False):
        super().__init__(parent)
        self.verbose = verbose
        self.state = NOT_LOADED
        self.device = ""
        self.error = ""
        self._waiting: list = []
        self._job = None
        self.ready.connect(self._run_waiting)

    def start(self) -> None:
        if self.state in (LOADING, READY):
            return
        self._set(LOADING)
        self._job = background.run(self._load, self._loaded, parent=self, name="tensorflow-import")

    def _load(self) -> str:
        """Worker thread: import TensorFlow and Keras; the device training would use."""
        from engine.tf_logging import asked_for_logs, quiet_tensorflow

        quiet_tensorflow(self.verbose)
        import tensorflow as tf  # noqa: F401  (the whole point: import it here)
        import keras  # noqa: F401

        if not asked_for_logs(self.verbose):
            tf.get_logger().setLevel("ERROR")

        gpus = tf.config.list_physical_devices("GPU")
        if not gpus:
            return "CPU"
        try:
            name = tf.config.experimental.get_device_details(gpus[0]).get("device_name", "GPU")
        except Exception:  # details are best effort
            name = "GPU"
        return f"GPU: {name}" + (f" (+{len(gpus) - 1})" if len(gpus) > 1 else "")

    def _loaded(self, device, error: str) -> None:
        if error:  # reported in the status bar, never a traceback
            self.error = error
            self._set(FAILED)
            self.failed.emit(error)
            return
        self.device = device
        self._set(READY)
        self.ready.emit(device)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the import thread has ended (tests, exit)."""
        return self._job is None or self._job.wait(timeout)

    def _set(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def when_ready(self, callback) -> bool:
        """Run ``callback`` now if Keras is loaded, else once it is (starting the load).
        Returns True if it ran at once."""
        if self.state == READY:
            callback()
            return True
        self._waiting.append(callback)
        self.start()
        return False

    def _run_waiting(self, _device: str) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

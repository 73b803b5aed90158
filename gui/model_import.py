"""Import a Keras model (a ``.keras``/``.h5`` file or a ``keras.applications``
architecture) on a worker thread while a progress dialog says what is happening.

TensorFlow loads first (through the window's TensorFlowLoader, which quiets
its start-up lines), then :mod:`engine.keras_import` reads the model in
Keras's safe mode on a worker thread (`gui.background`). The result comes back on the GUI thread
as a :class:`~gui.document.Document` (weights attached), or as a refusal
shown in a dialog that names the layer and why, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from gui import background
from gui.format_text import error_text
from gui.i18n import tx

MODEL_SUFFIXES = (".keras", ".h5", ".hdf5")


def is_model_file(path) -> bool:
    return Path(str(path)).suffix.lower() in MODEL_SUFFIXES


class ModelImport(QObject):
    """``ModelImport(window, source).start()``; ``finished`` carries the new
    Document, or None when it was refused or cancelled."""

    finished = Signal(object)

    def __init__(self, window, source: str, *, weights=None, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.source = str(source)
        self.application = not is_model_file(self.source)
        self.app_weights = weights  # keras.applications: "imagenet" from Keras's cache, or None
        self.cancelled = False
        self.error = ""
        self.notes: list[str] = []
        self.progress: QProgressDialog | None = None
        self.job = None
        self.opaque_shapes: dict = {}  # custom layers' output shapes the file does not record

    @property
    def label(self) -> str:
        return self.source if self.application else Path(self.source).name

    def start(self) -> None:
        self.progress = QProgressDialog(self.tr("Loading TensorFlow to import {model}…").format(model=self.label),
                                        self.tr("Cancel"), 0, 0, self.window)
        self.progress.setWindowTitle(self.tr("Importing"))
        self.progress.setWindowModality(Qt.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._cancel)
        self.progress.show()
        self._run()

    def _run(self) -> None:
        source, application, app_weights = self.source, self.application, self.app_weights
        reading = self.tr("Reading {model} and converting its layers…").format(model=self.label)
        shapes = dict(self.opaque_shapes)

        def work(task):
            task.progress(reading)
            from engine import keras_import
            from engine.opaque import OpaqueShapeMissing

            if application:
                return keras_import.import_application(source, weights=app_weights)
            try:
                return keras_import.import_file(source, opaque_shapes=shapes)
            except OpaqueShapeMissing as exc:  # asked on the GUI thread, then read again
                return exc

        self.job = background.run(work, self._done, parent=self, with_task=True,
                                  on_progress=self._say, tensorflow=self.window.tensorflow,
                                  name="neurocanvas-import")

    def _say(self, text: str) -> None:
        if self.progress is not None:
            self.progress.setLabelText(tx(text))

    def _done(self, result, error: str) -> None:
        self._close_progress()
        if self.cancelled:
            return
        if error:
            if self.job.started:
                self._refuse(error)
            else:  # TensorFlow did not load
                self._refuse(self.tr("{reason}, so {model} cannot be imported.").format(
                    reason=error, model=self.label))
            return
        from engine.opaque import OpaqueShapeMissing

        if isinstance(result, OpaqueShapeMissing):
            self._ask_shape(result)
            return
        from collections import Counter

        from gui.document import Document

        kept = Counter(g.class_name for g in result.generic)
        self.notes = [self.tr("{layer} ×{count} kept as a generic Keras layer").format(layer=name, count=n)
                      for name, n in sorted(kept.items())]
        self.notes += [tx(note) for note in result.notes]
        origin = self.source if self.application else str(Path(self.source).resolve())
        self.finished.emit(Document(result.network, None, origin={"import": origin}))

    def ask_opaque_shape(self, layer: str, class_name: str) -> str:
        """The person's answer (text such as ``None,6,6,2``), or "" to give up."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self.window, self.tr("Output shape of a custom layer"),
            self.tr("The file does not record the output shape of {layer} ({cls}), a custom "
                    "layer kept without its code.\nIts output shape, batch axis first (e.g. None,64,48):").format(
                layer=repr(layer), cls=class_name))
        return text if ok else ""

    def _ask_shape(self, missing) -> None:
        from engine.keras_import import KerasImportError
        from engine.opaque import parse_shape_option

        while True:
            text = self.ask_opaque_shape(missing.layer, missing.class_name)
            if not text:
                self._refuse(error_text(missing))
                return
            try:
                _, shapes = parse_shape_option(f"{missing.layer}={text}")
            except KerasImportError as exc:
                self.window.notify(error_text(exc))
                continue
            break
        self.opaque_shapes[missing.layer] = shapes
        self.progress = QProgressDialog(self.tr("Reading {model} again…").format(model=self.label),
                                        self.tr("Cancel"), 0, 0, self.window)
        self.progress.setWindowModality(Qt.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._cancel)
        self.progress.show()
        self._run()

    def _refuse(self, message: str) -> None:
        self.cancelled = True  # one answer only
        self.error = message
        self.window.show_error(self.tr("Cannot import {model}").format(model=self.label), message)
        self.finished.emit(None)

    def _cancel(self) -> None:
        self.cancelled = True
        if self.job is not None:
            self.job.cancel()
        self._close_progress()
        self.window.notify(self.tr("Import of {model} cancelled").format(model=self.label))

        self.finished.emit(None)

    def _close_progress(self) -> None:
        if self.progress is not None:
            try:
                self.progress.canceled.disconnect(self._cancel)
            except (RuntimeError, TypeError):
                pass
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

"""The Explain window: pick what to explain (a run of the document, the paused
training, the document's imported weights, or a .keras file), then look at it
tab by tab. Loading and every computation run on worker threads; the editor
stays usable the whole time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from gui.background import Worker
from gui.i18n import translate
from gui.relayed import relayed, run_status

MODEL_FILTER = QT_TRANSLATE_NOOP("ExplainWindow", "Keras models (*.keras *.h5);;All files (*)")


@dataclass
class Source:
    """Something that can be explained: ``kind`` is run, paused, weights or file."""

    label: str
    kind: str
    value: Any = None


def document_sources(window) -> list[Source]:
    """The sources the editor offers now, the paused training and newest run first."""
    out: list[Source] = []
    dashboard = getattr(window, "_dashboard", None)
    controller = getattr(dashboard, "controller", None)
    trainer = getattr(controller, "trainer", None)
    if trainer is not None and getattr(controller, "state", "") == "paused" and \
            getattr(trainer, "model", None) is not None:
        out.append(Source(translate("ExplainWindow", "Training in progress (paused)"), "paused",
                          trainer))
    doc = getattr(window, "doc", None)
    runs = []
    try:
        from engine.training.runs import list_runs
        from gui.training.controller import document_runs_folders

        for folder in document_runs_folders(doc):
            runs.extend(list_runs(folder))
    except Exception:  # an unreadable folder: offer the others
        pass
    runs = [r for r in runs if r.last_model_path.exists() or r.best_model_path.exists()]
    runs.sort(key=lambda r: r.started or "", reverse=True)
    for r in runs:
        when = (r.started or "")[:16].replace("T", " ")
        out.append(Source(translate("ExplainWindow", "Run {run} · {status} · {epochs} epochs · "
                                    "{when}").format(run=r.id, status=run_status(r.status),
                                                     epochs=r.epochs_run, when=when), "run",
                          r.path))
    if doc is not None:
        try:
            store = doc.network.weights
            if store is not None:
                net = doc.network.copy()  # a snapshot: editing goes on meanwhile
                net.weights = store
                out.append(Source(translate("ExplainWindow", "{name}: imported weights").format(
                    name=doc.network.name), "weights", net))
        except Exception:
            pass
    return out


def load_source(source: Source, document_network=None):
    """The `Subject` of a source (runs on a worker thread)."""
    from engine.explain.subject import open_subject, subject_from_model

    if source.kind == "run":
        return open_subject(source.value)
    if source.kind == "paused":
        trainer = source.value
        return subject_from_model(trainer.model, trainer.dataset,
                                  translate("ExplainWindow", "training (paused)"), trainer.run_dir)
    if source.kind == "weights":
        net = source.value
        model = net.to_keras()
        return subject_from_model(model, _document_dataset(net, model),
                                  translate("ExplainWindow", "{name} (imported)").format(
                                      name=net.name))
    if source.kind == "file":
        subject = open_subject(source.value)
        if document_network is not None:
            subject.dataset = _document_dataset(document_network, subject.model)
            if subject.dataset is not None:
                subject = subject_from_model(subject.model, subject.dataset, subject.name,
                                             source.value)
        return subject
    raise ValueError(f"unknown source kind {source.kind!r}")


def _document_dataset(net, model):
    """The document's dataset fitted to ``model``, or ``None`` when it has none
    or it does not fit."""
    data = net.extra.get("data") if isinstance(net.extra.get("data"), dict) else None
    if not data or not data.get("dataset"):
        return None
    try:
        from engine.explain.subject import load_dataset_for

        ds = load_dataset_for(model, data["dataset"])
        expected = tuple(model.inputs[0].shape[1:])
        if len(expected) != len(ds.input_shape or ()):
            return None
        return ds
    except Exception:
        return None


class ExplainWindow(QWidget):
    """A top-level window beside the editor; ``loaded`` is emitted with the subject."""

    loaded = Signal(object)
    load_failed = Signal(str)

    def __init__(self, main_window=None):
        super().__init__(main_window, Qt.Window)
        self.setObjectName("explain-window")
        self.setWindowTitle(self.tr("Explain — NeuroCanvas"))
        self.main_window = main_window
        self.subject = None
        self.preferred_layer: str | None = None
        self.sources: list[Source] = []
        self._loader = Worker(self)
        self.source_box = QComboBox()
        self.source_box.setMinimumWidth(380)
        self.open_button = QPushButton(self.tr("Open model file…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.state = QLabel("")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Explain")))
        bar.addWidget(self.source_box, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.open_button)
        self.tabs = QTabWidget()
        self.views = self._make_views()
        for view in self.views:
            self.tabs.addTab(view, translate("ExplainWindow", view.title))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        self.source_box.activated.connect(lambda i: self.load(i))
        self.refresh_button.clicked.connect(self.refresh_sources)
        self.open_button.clicked.connect(lambda: self.open_model_file())
        self.tabs.currentChanged.connect(lambda _i: self._current_view_changed())
        self.resize(1000, 700)

    def _make_views(self):
        from gui.explain.attribution_view import AttributionView
        from gui.explain.embedding_view import EmbeddingView
        from gui.explain.health_view import HealthView
        from gui.explain.mistakes_view import MistakesView
        from gui.explain.sequence_view import SequenceView

        mw = self.main_window
        self.attribution = AttributionView()
        self.embeddings = EmbeddingView()
        self.mistakes = MistakesView()
        self.health = HealthView(scene=getattr(mw, "scene", None),
                                 document=(lambda: getattr(mw, "doc", None)) if mw else None)
        self.sequences = SequenceView()
        return [self.attribution, self.embeddings, self.mistakes, self.health, self.sequences]

    def prefer_layer(self, name: str | None) -> None:
        """Start Grad-CAM, the embedding and the sequence views at layer ``name``
        (the node selected on the canvas) where the model has it."""
        self.preferred_layer = name
        if name and self.subject is not None:
            self._apply_preferred_layer()

    def _apply_preferred_layer(self) -> None:
        name = self.preferred_layer
        for view, box in ((self.attribution, self.attribution.layer_box),
                          (self.embeddings, self.embeddings.layer_box),
                          (self.sequences, self.sequences.layer_box)):
            i = box.findText(name) if name else -1
            if i >= 0 and i != box.currentIndex():
                box.setCurrentIndex(i)  # recomputes the view if it is shown
        if name and self.attribution.layer_box.findText(name) >= 0 and \
                self.attribution.method_box.currentData() != "gradcam":
            self.attribution.method_box.setCurrentIndex(
                self.attribution.method_box.findData("gradcam"))

    # ------------------------------------------------------------------ sources --
    def refresh_sources(self, prefer_run=None) -> None:
        """List what can be explained; load the run ``prefer_run`` (a folder) when
        given, else the first source when nothing is loaded yet."""
        current = self.sources[self.source_box.currentIndex()] \
            if 0 <= self.source_box.currentIndex() < len(self.sources) else None
        found = document_sources(self.main_window) if self.main_window is not None else []
        files = [s for s in self.sources if s.kind == "file"]
        self.sources = found + files
        self.source_box.clear()
        for s in self.sources:
            self.source_box.addItem(s.label)
        if not self.sources:
            self.state.setText(self.tr("Nothing to explain yet: train the network (Train menu), "
                                       "import a model with weights, or open a .keras file."))
            return
        keep = next((i for i, s in enumerate(self.sources)
                     if current is not None and s.kind == current.kind
                     and s.value == current.value), None)
        wanted = next((i for i, s in enumerate(self.sources)
                       if prefer_run is not None and s.kind == "run"
                       and Path(s.value) == Path(prefer_run)), None)
        if wanted is not None and (current is None or current.kind != "run"
                                   or Path(current.value) != Path(prefer_run)):
            self.source_box.setCurrentIndex(wanted)
            self.load(wanted)
        elif keep is not None:
            self.source_box.setCurrentIndex(keep)
        elif self.subject is None and not self._loader.busy:
            self.load(0)

    def add_source(self, source: Source) -> int:
        self.sources.append(source)
        self.source_box.addItem(source.label)
        return len(self.sources) - 1

    def open_model_file(self, path: str | None = None) -> bool:
        if path is None:
            path = self.ask_model_path()
        if not path:
            return False
        i = self.add_source(Source(self.tr("File {name}").format(name=Path(path).name), "file",
                                   Path(path)))
        self.source_box.setCurrentIndex(i)
        self.load(i)
        return True

    def ask_model_path(self) -> str:
        doc_path = getattr(getattr(self.main_window, "doc", None), "path", None)
        start = str(Path(doc_path).parent) if doc_path else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a Keras model"), start,
                                              translate("ExplainWindow", MODEL_FILTER))
        return path

    def load(self, index: int) -> None:
        if not 0 <= index < len(self.sources):
            return
        source = self.sources[index]
        net = getattr(getattr(self.main_window, "doc", None), "network", None)
        self.state.setText(self.tr("Loading {source}…").format(source=source.label))
        self._loader.run(lambda: load_source(source, net), self._loaded)

    def _loaded(self, subject, error: str) -> None:
        if error:
            self.state.setText(self.tr("Cannot explain this: {reason}").format(
                reason=relayed(error, "explain")))
            self.load_failed.emit(error)
            return
        self.subject = subject
        data = subject.dataset
        if data is not None:
            text = self.tr("{name}: {count} validation samples of {dataset}").format(
                name=subject.name, count=len(subject.x_val), dataset=data.name)
        else:
            text = self.tr("{name}: no dataset (choose the document's data to see samples)") \
                .format(name=subject.name)
        self.state.setText(text)
        for view in self.views:
            view.set_subject(subject)
        self._apply_preferred_layer()
        self.loaded.emit(subject)
        self._current_view_changed()

    def _current_view_changed(self) -> None:
        view = self.tabs.currentWidget()
        if view is not None and view.isVisible():
            view.ensure()

    def showEvent(self, event):
        super().showEvent(event)
        self._current_view_changed()

    def current_view(self):
        return self.tabs.currentWidget()

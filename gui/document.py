"""An open document: the engine ``Network``, its file path and its undo stack.

Views subscribe to :attr:`Document.changed` (engine change events, forwarded
as they happen) and :attr:`Document.analyzed` (a fresh analysis report after
each command, undo or redo). They always read shapes and counts from the
report, never from a copy of their own.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.layout import layout, needs_layout


class Document(QObject):
    changed = Signal(object)  # an engine.events.Change
    analyzed = Signal(object)  # engine.analysis.Report
    modified_changed = Signal(bool)
    title_changed = Signal(str)
    saved = Signal(object)  # the Path just written (after path and clean state are set)

    def __init__(self, network, path: str | Path | None = None, parent=None, *,
                 origin: dict | None = None):
        super().__init__(parent)
        if needs_layout(network):
            place_unpositioned(network)
        self.network = network
        self.path = Path(path) if path else None
        # where an unsaved document came from, to open it again in the next
        # session: {"preset": id} or {"import": model file or keras.applications.NAME}
        self.origin = dict(origin or {})
        self.uid = uuid.uuid4().hex[:12]  # names its recovery record
        self.undo_stack = QUndoStack(self)
        self.generation = 0  # counts engine changes (autosave compares it)
        self._report = None
        self._dirty = True
        self._emitted = None  # the generation the views last heard about
        network.subscribe(self._on_change)
        self.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # ----------------------------------------------------------- state --

    def _on_change(self, change) -> None:
        self._dirty = True
        self.generation += 1
        self.changed.emit(change)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)
        self.title_changed.emit(self.title)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        """The file's name; for a document never saved, its network's name and
        where it came from ("untitled" alone for a new, unnamed one)."""
        if self.path:
            return self.path.name
        name = self.network.name or "untitled"
        if "import" in self.origin:
            return self.tr("{name} (imported from {source}, unsaved)").format(
                name=name, source=Path(self.origin["import"]).name)
        return self.tr("untitled") if name == "untitled" else self.tr("{name} (untitled)").format(name=name)


    def session_entry(self) -> dict:
        """How to open this document again at the next start (see gui.recovery)."""
        if self.path:
            return {"path": str(self.path.resolve())}
        return dict(self.origin) if self.origin else {"new": self.network.name}

    def report(self):
        """The analysis of the current state (recomputed incrementally when stale)."""
        if self._dirty or self._report is None:
            self._report = self.network.analyze()
            self._dirty = False
        return self._report

    def refresh(self) -> None:
        """Re-analyse after edits and tell the views."""
        if self._emitted != self.generation:
            self._emitted = self.generation
            self.analyzed.emit(self.report())

    # --------------------------------------------------------- editing --

    def push(self, command) -> None:
        """Run an undo command's edits now (raising if the engine refuses them)
        and put it on the undo stack."""
        command.perform()
        self.undo_stack.push(command)
        self.refresh()

    def mark_saved(self, path) -> None:
        self.path = Path(path)
        self.origin = {}
        self.undo_stack.setClean()
        self.title_changed.emit(self.title)
        self.saved.emit(self.path)

    def close(self) -> None:
        self.network.unsubscribe(self._on_change)


def place_unpositioned(network) -> None:
    """Give positions from the auto-layout to nodes that have none (not undoable:
    used when a document is opened)."""
    for nid, pos in layout(network).items():
        if network.nodes[nid].pos is None:
            network.move(nid, pos)

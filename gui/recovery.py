"""Autosave to a recovery file every 30 seconds while there are unsaved
changes; the file is offered at the next start after a crash and removed when
the document is saved or closed normally."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from engine.errors import NeuroCanvasError
from engine.fileformat import write_atomic
from engine.network import Network

INTERVAL_MS = 30_000


class Autosaver(QObject):
    def __init__(self, path: Path, get_document, parent=None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.path = Path(path)
        self._get_document = get_document
        self._saved_generation = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)

    def start(self) -> None:
        self.timer.start()

    def autosave(self) -> bool:
        """Write the recovery file if the document changed since; returns whether it wrote."""
        doc = self._get_document()
        if doc is None or not doc.modified:
            return False
        if self._saved_generation == (id(doc), doc.generation):
            return False
        payload = {"recovery": 1, "path": str(doc.path) if doc.path else None,
                   "document": doc.network.to_dict()}
        write_atomic(self.path, json.dumps(payload, indent=1))
        self._saved_generation = (id(doc), doc.generation)
        return True

    def discard(self) -> None:
        self._saved_generation = None
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


def read_recovery(path: Path):
    """(Network, original path or None) from a recovery file, or None if there is
    none or it cannot be read."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        net = Network.from_dict(payload["document"])
    except (OSError, ValueError, KeyError, TypeError, NeuroCanvasError):
        return None
    return net, payload.get("path")

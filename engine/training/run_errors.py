"""The errors of run folders: one that cannot be read or written, and one
held by another process."""

from __future__ import annotations

from engine.errors import NeuroCanvasError


class RunError(NeuroCanvasError):
    """A run folder that cannot be read or written."""


class RunLockedError(RunError):
    """The run folder is held by another recording process; ``pid`` names it
    (``None`` when it cannot be read)."""

    def __init__(self, message: str, hint: str = "", code: str = "locked", pid: int | None = None):
        super().__init__(message, hint, code)
        self.pid = pid


__all__ = ["RunError", "RunLockedError"]

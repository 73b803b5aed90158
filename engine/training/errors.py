"""The error raised when training settings cannot be turned into Keras objects."""

from __future__ import annotations

from engine.errors import Diagnostic, NeuroCanvasError
from engine.i18n import msg


class SettingsError(NeuroCanvasError):
    """Settings that cannot be built; ``diagnostics`` lists every problem found.

    Example:
        >>> from engine.errors import Diagnostic
        >>> e = SettingsError.from_diagnostics(
        ...     [Diagnostic("optimizer", "error", "Adam's beta_1 must be in [0, 1), not 1.5.")])
        >>> str(e)
        "Adam's beta_1 must be in [0, 1), not 1.5."
    """

    def __init__(self, message: str, hint: str = "", code: str = "settings",
                 diagnostics: list[Diagnostic] | None = None):
        super().__init__(message, hint, code)
        self.diagnostics = list(diagnostics or [])

    @classmethod
    def from_diagnostics(cls, diagnostics: list[Diagnostic]) -> "SettingsError":
        errors = [d for d in diagnostics if d.is_error]
        first = errors[0] if errors else diagnostics[0]
        message = first.message
        if len(errors) > 1:
            message = msg("{problem} ({count} more problem(s))", problem=message, count=len(errors) - 1)
        return cls(message, first.hint, first.code or "settings", diagnostics)


def raise_on_errors(diagnostics: list[Diagnostic]) -> None:
    """Raise a `SettingsError` if any diagnostic is an error."""
    if any(d.is_error for d in diagnostics):
        raise SettingsError.from_diagnostics(diagnostics)

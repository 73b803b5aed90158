"""Errors as values: what went wrong, where, and what to do about it.

Nothing here imports TensorFlow or Qt. Every message is meant to be read by a
person: it names the layer or field concerned and, where one is clear, says
what to change. Messages and hints are kept as given: the engine writes them
with :func:`engine.i18n.msg`, so they stay whole translatable templates
(``Text``) all the way to the interface.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of the analysis, attached to a node (or to the whole graph)."""

    node: str | None
    severity: str
    message: str
    hint: str = ""
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict:
        return {"node": self.node, "severity": self.severity,
                "message": self.message, "hint": self.hint}

    def __str__(self) -> str:
        text = f"{self.severity}: {self.message}"
        return f"{text} Hint: {self.hint}" if self.hint else text


class NeuroCanvasError(Exception):
    """Base class for errors that carry a user-facing message and a hint."""

    def __init__(self, message: str, hint: str = "", code: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


class ShapeError(NeuroCanvasError):
    """Raised by a shape rule when the layer cannot take its input shapes."""


class ParamError(NeuroCanvasError):
    """Raised when a parameter value is missing, ill-typed or out of range."""

    def __init__(self, param: str, message: str, hint: str = ""):
        super().__init__(message, hint, code="param")
        self.param = param


class BuildError(NeuroCanvasError):
    """The network cannot be turned into a Keras model; ``diagnostics`` says why."""

    def __init__(self, message, hint="", diagnostics=()):
        super().__init__(message, hint, code="build")
        self.diagnostics = list(diagnostics)


class DocumentError(NeuroCanvasError):
    """A file or document structure that cannot be loaded; nothing was changed."""


class KerasImportError(DocumentError):
    """A model that cannot be imported; the message names the layer and why."""


class EditError(NeuroCanvasError):
    """An edit operation that was refused; the document is unchanged."""


@dataclass
class ShapeWarning:
    """A legal-but-surprising situation reported by a shape rule."""

    message: str
    hint: str = ""
    code: str = ""


@dataclass
class RuleContext:
    """Passed to shape rules so they can report warnings alongside a result."""

    warnings: list[ShapeWarning] = field(default_factory=list)

    def warn(self, message: str, hint: str = "", code: str = "") -> None:
        self.warnings.append(ShapeWarning(message, hint, code))


def array_file_errors() -> tuple:
    """What numpy.load raises for a damaged .npz/.npy file (a truncated zip, a bad
    member, a bad header), to be turned into a message naming the file."""
    import zipfile
    import zlib

    return (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError, zipfile.BadZipFile,
            zlib.error)

"""How numbers, shapes and params read on screen (display only; shapes come
from the engine's analysis)."""

from __future__ import annotations

from engine.shapes import fmt


def si(n: int | float) -> str:
    """12.3M, 4.56G: for MACs and big counts."""
    for unit, size in (("T", 1e12), ("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if abs(n) >= size:
            return f"{n / size:.3g}{unit}"
    return f"{int(n)}"


def count(n: int) -> str:
    return f"{n:,}"


def bytes_text(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} B"


def shape_text(shape) -> str:
    """Keras style, batch axis included: (None, 28, 28, 6)."""
    return fmt(shape) if shape is not None else "?"


def compact_shape(shape) -> str:
    """Without the batch axis, for edge labels: 28×28×6."""
    if shape is None:
        return "?"
    dims = shape[1:] if len(shape) > 1 else shape
    return "×".join("?" if d is None else str(d) for d in dims) or "scalar"


def param_value(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, int) for v in value) and len(set(value)) == 1 and len(value) > 1:
            return "×".join(str(v) for v in value)
        return "×".join("?" if v is None else str(v) for v in value) if value else "()"
    if isinstance(value, dict):
        if "type" in value and "params" in value:
            return value["type"]
        return ", ".join(f"{k}={v}" if v is not None else str(k) for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def error_text(exc) -> str:
    """An engine error's message and hint, in the interface's language."""
    from gui.i18n import tx

    message = getattr(exc, "message", None)
    if message is None:
        return str(exc)
    hint = getattr(exc, "hint", "")
    return f"{tx(message)} {tx(hint)}".strip() if hint else tx(message)


def severity_text(diagnostic) -> str:
    """"error" or "warning", in the interface's language."""
    from gui.i18n import translate

    return translate("Diagnostic", "error") if diagnostic.is_error else translate("Diagnostic", "warning")


def diagnostic_text(diagnostic) -> str:
    """A diagnostic on one line, its severity first and its hint after it, as the
    engine words it (``str(diagnostic)``) but in the interface's language."""
    from gui.i18n import translate, tx

    if diagnostic.hint:
        return translate("Diagnostic", "{severity}: {message} Hint: {hint}").format(
            severity=severity_text(diagnostic), message=tx(diagnostic.message), hint=tx(diagnostic.hint))
    return translate("Diagnostic", "{severity}: {message}").format(
        severity=severity_text(diagnostic), message=tx(diagnostic.message))

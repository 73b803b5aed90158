"""Python source for data: the only way document text reaches exported code.

Every value a document holds is written into a generated script as a Python
literal made here — ``repr`` of plain data, checked type by type — and every
name used as code (a keyword argument, a variable) must be an ASCII Python
identifier that is not a keyword. Nothing read from a document is pasted into
source text any other way, so no name, key or value can become code.
"""

from __future__ import annotations

import keyword
import math
import numbers

from engine.errors import NeuroCanvasError
from engine.i18n import msg


class SourceError(NeuroCanvasError):
    """A value that cannot be written as Python source (a name that is not an identifier,
    an object that is not plain data)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message, hint, code="source")


_NON_FINITE = {math.inf: "float('inf')", -math.inf: "float('-inf')"}


def is_identifier(name) -> bool:
    """An ASCII Python identifier that is not a keyword (usable as ``name=`` in a call)."""
    return (isinstance(name, str) and name.isascii() and name.isidentifier()
            and not keyword.iskeyword(name))


def literal(value, tuples: bool = True) -> str:
    """Python source that evaluates to ``value`` (JSON-like data only).

    Lists become tuples when ``tuples`` (shapes and dims read that way);
    ±inf and NaN become ``float('inf')`` / ``float('nan')``. Anything that is
    not plain data raises :class:`SourceError`.
    """
    if value is None or isinstance(value, bool):
        return "None" if value is None else ("True" if value else "False")
    if isinstance(value, str):
        return str.__repr__(value)
    if isinstance(value, numbers.Integral):
        return int.__repr__(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return "float('nan')"
        return _NON_FINITE.get(number) or float.__repr__(number)
    if isinstance(value, (list, tuple)):
        items = [literal(v, tuples) for v in value]
        if not tuples:
            return "[" + ", ".join(items) + "]"
        return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k, tuples)}: {literal(v, tuples)}"
                               for k, v in value.items()) + "}"
    raise SourceError(msg("a value of type {kind} cannot be written as Python source.",
                          kind=type(value).__name__))


def keyword_arguments(mapping, where: str = "", tuples: bool = True) -> list[str]:
    """``['stddev=0.05', 'seed=1']`` for a dict whose keys are identifiers."""
    out = []
    for key, value in (mapping or {}).items():
        if not is_identifier(key):
            raise SourceError(msg("{where}: {key} is not a Python identifier, so it cannot be a keyword argument.",
                                  where=where, key=repr(key)) if where else
                              msg("{key} is not a Python identifier, so it cannot be a keyword argument.",
                                  key=repr(key)),
                              msg("Keyword argument names use letters, digits and '_' "
                                  "and do not start with a digit."))
        out.append(f"{key}={literal(value, tuples)}")
    return out


def is_plain_text(text: str) -> bool:
    """Text that can sit inside a triple-quoted docstring as it is."""
    return text.isprintable() and '"' not in text and "\\" not in text


def docstring(lines: list[str]) -> str:
    """A module docstring for these lines: triple-quoted when every line is plain text,
    otherwise one ``repr``'d string constant (still the module's docstring)."""
    text = "\n".join(lines)
    if all(is_plain_text(line) for line in lines):
        return '"""' + text + '\n"""'
    return literal(text)

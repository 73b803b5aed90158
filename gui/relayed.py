"""Engine sentences that reach the interface as plain English text from a
child process (a deployment, a sweep worker), shown in the interface's language.

Across a process the template of a :class:`engine.i18n.Text` is lost: only
the English arrives. :func:`relayed` recognises the engine's template the text
was made from (every ``msg("…")`` and ``N_("…")`` of the engine package named),
takes the values back out of it and fills them into the translation. A text
made of two sentences (a message and its hint) is recognised sentence by
sentence. Anything not recognised is shown as it came.
"""

from __future__ import annotations

import ast
import re
import string
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine.i18n import CONTEXT, Text
from gui.i18n import tx

ENGINE = Path(__file__).resolve().parents[1] / "engine"
RUN_STATUSES = {"running": QT_TRANSLATE_NOOP("RunStatus", "running"),
                "finished": QT_TRANSLATE_NOOP("RunStatus", "finished"),
                "stopped": QT_TRANSLATE_NOOP("RunStatus", "stopped"),
                "failed": QT_TRANSLATE_NOOP("RunStatus", "failed"),
                "damaged": QT_TRANSLATE_NOOP("RunStatus", "damaged"),
                "interrupted": QT_TRANSLATE_NOOP("RunStatus", "interrupted")}
_FIELD_SPEC = re.compile(r"\{(\w+)[!:][^{}]*\}")


def _pattern(template: str) -> re.Pattern | None:
    """A regular expression matching ``template`` filled with any values."""
    parts, seen = [], set()
    try:
        for literal, field, _spec, _conv in string.Formatter().parse(template):
            parts.append(re.escape(literal))
            if field is None:
                continue
            if not field.isidentifier():
                return None
            parts.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
            seen.add(field)
    except ValueError:
        return None
    return re.compile("".join(parts), re.DOTALL)


@lru_cache(maxsize=None)
def templates(package: str) -> tuple:
    """``(pattern, template)`` of every sentence with values in ``engine/<package>``,
    the most specific (longest fixed text) first."""
    found: dict[str, None] = {}
    for path in sorted((ENGINE / package).rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) == "msg"
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
    out = []
    for template in found:
        pattern = _pattern(template)
        if pattern is not None:
            fixed = len(re.sub(r"\{[^{}]*\}", "", template))
            out.append((fixed, pattern, template))
    out.sort(key=lambda t: -t[0])
    return tuple((pattern, template) for _fixed, pattern, template in out)


def _one(text: str, package: str, depth: int = 0) -> str | None:
    """``text`` translated when it is one sentence of the engine, else ``None``;
    values that are themselves engine phrases (a layer described) are translated too."""
    translated = QCoreApplication.translate(CONTEXT, text)
    if translated != text:
        return translated
    for pattern, template in templates(package):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        if translated == template:
            return None
        values = m.groupdict()
        if depth < 2:
            values = {k: _one(v, package, depth + 1) or v for k, v in values.items()}
        try:
            return _FIELD_SPEC.sub(r"{\1}", translated).format(**values)
        except (KeyError, IndexError, ValueError):
            return None
    return None


def relayed(text, package: str = "") -> str:
    """``text`` (English from a child process running ``engine/<package>``) in
    the interface's language, where it is one of the engine's sentences, or
    sentence by sentence where it is two; otherwise unchanged."""
    if not isinstance(text, str) or not text:
        return text
    whole = _one(text, package)
    if whole is not None:
        return whole
    for cut in (m.end() for m in re.finditer(r"[.:;]\s| — ", text)):
        head, tail = text[:cut].rstrip(" —"), text[cut:].strip()
        first, second = _one(head, package), _one(tail, package)
        if first is not None or second is not None:
            return f"{first or head}{text[len(head):cut]}{second or tail}"
    return str(text)


def engine_text(text, package: str = "") -> str:
    """An engine sentence in the interface's language: a :class:`Text` (through
    ``tx``, the engine words in it translated too), or English relayed from
    ``engine/<package>``."""
    if isinstance(text, Text):
        return tx(text)
    return relayed(text, package)


def run_status(status) -> str:
    """A training run's status (``finished``, ``stopped``…) in the interface's language."""
    text = RUN_STATUSES.get(str(status))
    return QCoreApplication.translate("RunStatus", text) if text else str(status)


__all__ = ["engine_text", "relayed", "run_status", "templates"]

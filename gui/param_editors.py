"""Editors generated from the catalog's ``Param`` declarations.

Each editor shows a value and emits ``committed(value)`` when the user
finishes an edit; whether the value is acceptable is the engine's decision
(the inspector shows its ``ParamError`` message and puts the old value back).
"""

from __future__ import annotations

import ast
import json
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from engine.catalog import ACTIVATIONS, CONSTRAINTS, INITIALIZERS, REGULARIZERS

INT_LIMIT = 2**31 - 1
NONE_TEXTS = {"", "none", "null", "default"}


def value_text(value) -> str:
    """How a param value reads in a text field."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (list, tuple)):
        return ", ".join("None" if v is None else value_text(v) for v in value)
    if isinstance(value, dict):
        if "resolved" in value:
            value = {"type": value["type"], "params": value["params"]}
        return json.dumps(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def parse_text(kind: str, text: str):
    """A value from what the user typed; anything unreadable is passed on as text
    so that the engine's message explains what is expected."""
    stripped = text.strip()
    if stripped.lower() in NONE_TEXTS:
        return None
    if kind == "str":
        return text
    if kind in ("tuple", "shape", "ints") and re.fullmatch(r"\d+(\s*[x×]\s*\d+)+", stripped):
        return [int(p) for p in re.split(r"\s*[x×]\s*", stripped)]
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        try:
            value = json.loads(stripped)
        except ValueError:
            return stripped
    return _listify(value)


def _listify(value):
    if isinstance(value, tuple):
        return [_listify(v) for v in value]
    if isinstance(value, list):
        return [_listify(v) for v in value]
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    return value


class ParamEditor(QObject):
    committed = Signal(object)

    def __init__(self, param, parent=None):
        super().__init__(parent)
        self.param = param
        self.widget = self._make()
        self.widget.setToolTip(param.help)
        self.widget.setObjectName(f"param:{param.name}")

    # ------------------------------------------------------------ widgets --

    def _make(self):
        p = self.param
        kind = p.kind
        if kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda v: self.committed.emit(bool(v)))
            return w
        if kind == "int" and not p.nullable and p.default is not None:
            w = QSpinBox()
            lo = int(p.min) + (1 if p.min_exclusive else 0) if p.min is not None else -INT_LIMIT
            hi = int(p.max) - (1 if p.max_exclusive else 0) if p.max is not None else INT_LIMIT
            w.setRange(lo, hi)
            w.setKeyboardTracking(False)
            w.setAccelerated(True)
            w.valueChanged.connect(lambda v: self.committed.emit(int(v)))
            return w
        if kind == "choice":
            w = QComboBox()
            for choice in p.choices:
                w.addItem("(default)" if choice is None else str(choice), choice)
            w.activated.connect(lambda i: self.committed.emit(w.itemData(i)))
            return w
        names = {"activation": ("None",) + ACTIVATIONS, "initializer": INITIALIZERS,
                 "regularizer": ("None",) + REGULARIZERS, "constraint": ("None",) + CONSTRAINTS}
        if kind in names:
            w = QComboBox()
            w.setEditable(kind != "activation")
            w.addItems(list(names[kind]))
            w.activated.connect(lambda _i: self._commit_text(w.currentText()))
            if w.isEditable():
                w.lineEdit().editingFinished.connect(lambda: self._commit_text(w.currentText()))
            return w
        w = QLineEdit()
        w.setPlaceholderText(_placeholder(p))
        w.editingFinished.connect(lambda: self._commit_text(w.text()) if w.isModified() else None)
        return w

    def _commit_text(self, text: str) -> None:
        value = parse_text(self.param.kind, text)
        if self.param.kind in ("activation", "regularizer", "constraint", "initializer") \
                and isinstance(value, str):
            value = value.strip()
        self.committed.emit(value)

    # -------------------------------------------------------------- value --

    def set_value(self, value) -> None:
        w = self.widget
        blocked = w.blockSignals(True)
        try:
            if isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value) if value is not None else 0)
            elif isinstance(w, QComboBox):
                if w.isEditable():
                    w.setCurrentText(_combo_text(value))
                else:
                    index = w.findData(value) if self.param.kind == "choice" else \
                        w.findText(_combo_text(value))
                    w.setCurrentIndex(max(0, index))
            else:
                w.setText(value_text(value))
                w.setModified(False)
        finally:
            w.blockSignals(blocked)


def _combo_text(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value.values())) is None:
            return next(iter(value))
        return json.dumps(value)
    return str(value)


def _placeholder(p) -> str:
    return {"tuple": "e.g. 3 or 3, 3", "shape": "e.g. 28, 28, 1", "ints": "e.g. 2, 1",
            "axis": "e.g. -1", "float": "a number", "layer": '{"type": "LSTM", "params": {"units": 32}}',
            "int": "an integer or None"}.get(p.kind, "")

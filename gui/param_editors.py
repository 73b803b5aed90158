"""Editors generated from the catalog's ``Param`` declarations.

Each editor shows a value and emits ``committed(value)`` when the user
finishes an edit (Enter, leaving the field, a click), and ``typed(value)``
after a short pause while typing, so edits apply live. Whether a value is
acceptable is the engine's decision: a finished edit it refuses shows its
``ParamError`` message and the old value comes back; typed text it refuses is
marked in place (red border, the message as tooltip) and nothing is applied.

:class:`ParamForm` lays out one editor per param of a layer spec; the
inspector uses it for the selected layer, and :class:`LayerEditor` (the
editor of a ``layer`` param, a wrapper's inner layer) uses it again for the
inner layer, so nested layers get the same widgets at any depth.
"""

from __future__ import annotations

import ast
import functools
import json
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from engine.catalog import (
    ACTIVATIONS, CONSTRAINTS, INITIALIZERS, REGULARIZERS, all_specs, get_spec, has_spec,
)
from engine.errors import ParamError
from gui.canvas import style
from gui.i18n import param_help, translate, tx
from gui.starter_params import starter_params

INT_LIMIT = 2**31 - 1
LIVE_DELAY_MS = 400  # typing pauses this long before what was typed is applied
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
    """The editor of one param: ``widget`` shows the value, ``committed(value)``
    carries an edit. ``owner`` is the spec that declares the param (a ``layer``
    param needs it to know which layer types it may hold)."""

    committed = Signal(object)
    typed = Signal(object)

    def __init__(self, param, parent=None, owner=None):
        super().__init__(parent)
        self.param = param
        self.owner = owner
        self.invalid = ""  # the message of typed text the engine refuses
        self._emitting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_DELAY_MS)
        self._timer.timeout.connect(self._typed_pause)
        self.widget = self._make()
        self.widget.setToolTip(param_help(param))
        self.widget.setObjectName(f"param:{param.name}")
        self._watch_typing()

    # ------------------------------------------------------------ widgets --

    def _make(self):
        p = self.param
        kind = p.kind
        if kind == "layer":
            w = LayerEditor(p, self.owner)
            w.committed.connect(self.committed.emit)
            w.typed.connect(self.typed.emit)
            return w
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
                w.addItem(self.tr("(default)") if choice is None else str(choice), choice)
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
        self.committed.emit(self._text_value(text))

    def _text_value(self, text: str):
        value = parse_text(self.param.kind, text)
        if self.param.kind in ("activation", "regularizer", "constraint", "initializer") \
                and isinstance(value, str):
            value = value.strip()
        return value

    # ----------------------------------------------------------- typing --

    def text_field(self) -> QLineEdit | None:
        """The line edit a person types into (inside a spin or combo box too)."""
        w = self.widget
        if isinstance(w, QLineEdit):
            return w
        if isinstance(w, QSpinBox):
            return w.findChild(QLineEdit)
        if isinstance(w, QComboBox) and w.isEditable():
            return w.lineEdit()
        return None

    def _watch_typing(self) -> None:
        field = self.text_field()
        if field is None:
            return
        field.textEdited.connect(lambda _text: self._timer.start())
        finished = self.widget.editingFinished if isinstance(self.widget, QSpinBox) else field.editingFinished
        finished.connect(self._timer.stop)  # a finished edit commits at once

    def typing_pending(self) -> bool:
        return self._timer.isActive()

    def _typed_pause(self) -> None:
        w = self.widget
        if isinstance(w, QSpinBox):
            text = w.cleanText()
            state, _text, _pos = w.validate(w.text(), 0)
            from PySide6.QtGui import QValidator

            if state != QValidator.Acceptable or not text.strip():
                self.mark_invalid(self.tr("{param} must be a whole number from {low} to {high}.").format(
                    param=self.param.name, low=w.minimum(), high=w.maximum()))
                return
            value = int(w.valueFromText(text))
        else:
            value = self._text_value(self.text_field().text())
        self._emitting = True
        try:
            self.typed.emit(value)
        finally:
            self._emitting = False

    def mark_invalid(self, message: str) -> None:
        """Mark the field as holding text the engine refuses (nothing was applied)."""
        w = self.widget
        if isinstance(w, LayerEditor):
            w.mark_invalid(message)
            return
        self.invalid = message
        w.setProperty("invalid", True)
        w.setStyleSheet(f"border: 2px solid {style.error_color().name()}; border-radius: 3px;")
        w.setToolTip(message)

    def clear_invalid(self) -> None:
        w = self.widget
        if isinstance(w, LayerEditor):
            w.clear_invalid()
            return
        if self.invalid:
            self.invalid = ""
            w.setProperty("invalid", False)
            w.setStyleSheet("")
            w.setToolTip(param_help(self.param))

    # -------------------------------------------------------------- value --

    def set_value(self, value) -> None:
        w = self.widget
        if self._emitting:  # the value typed is being applied: leave the text as typed
            return
        self._timer.stop()
        self.clear_invalid()
        if isinstance(w, LayerEditor):
            w.set_value(value)
            return
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

    def edit_path(self) -> tuple:
        """Which field inside a nested layer the last commit changed (() for a plain editor)."""
        return self.widget.path if isinstance(self.widget, LayerEditor) else ()


# ------------------------------------------------------------------ forms --

class ParamForm(QWidget):
    """One row per param of ``spec``: name, editor, a reset button and, when the
    engine refuses a value, its reason under the field. Advanced params sit in a
    collapsed box. ``committed(name, value)`` and ``reset_requested(name)`` carry
    the edits; the form itself never changes the document."""

    committed = Signal(str, object)
    typed = Signal(str, object)
    reset_requested = Signal(str)

    def __init__(self, spec, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.editors: dict[str, ParamEditor] = {}
        self.reset_buttons: dict[str, QToolButton] = {}
        self.refusals: dict[str, QLabel] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        main_host = QWidget()
        self.form = _form_layout(main_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.advanced = QGroupBox(self.tr("Advanced"))
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        self.advanced_host = QWidget()
        self.advanced_form = _form_layout(self.advanced_host)
        inner = QVBoxLayout(self.advanced)
        inner.setContentsMargins(4, 4, 4, 4)
        inner.addWidget(self.advanced_host)
        self.advanced_host.setVisible(False)
        self.advanced.toggled.connect(self.advanced_host.setVisible)
        box.addWidget(main_host)
        box.addWidget(self.advanced)
        n_advanced = 0
        for param in spec.params:
            if param.call and param.kind == "any":
                continue
            self._add_row(param)
            n_advanced += param.advanced
        self.advanced.setVisible(n_advanced > 0)
        chain_tab_order(self.focus_chain())

    def focus_chain(self) -> list:
        """The fields in the order they are shown (main, then advanced; nested forms inline)."""
        main = [e for e in self.editors.values() if not e.param.advanced]
        advanced = [e for e in self.editors.values() if e.param.advanced]
        out = []
        for editor in main + advanced:
            w = editor.widget
            out.extend(w.focus_chain() if isinstance(w, LayerEditor) else [w])
        return out

    def _add_row(self, param) -> None:
        editor = ParamEditor(param, self, owner=self.spec)
        editor.committed.connect(lambda value, name=param.name: self.committed.emit(name, value))
        editor.typed.connect(lambda value, name=param.name: self.typed.emit(name, value))
        reset = QToolButton()
        reset.setFocusPolicy(Qt.NoFocus)  # Tab goes from field to field
        reset.setText("↺")
        reset.setAutoRaise(True)
        reset.setToolTip(self.tr("Reset {param} to the Keras default").format(param=param.name))
        reset.clicked.connect(lambda _=False, name=param.name: self.reset_requested.emit(name))
        refusal = QLabel()
        refusal.setWordWrap(True)
        refusal.setObjectName(f"refusal:{param.name}")
        refusal.hide()
        row = QWidget()
        v = QVBoxLayout(row)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        h = QHBoxLayout()
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(editor.widget, 1)
        h.addWidget(reset, 0, Qt.AlignTop)
        v.addLayout(h)
        v.addWidget(refusal)
        label = QLabel(param.name + ("*" if param.required else ""))
        label.setToolTip(param_help(param))
        form = self.advanced_form if param.advanced else self.form
        if param.kind == "layer":  # a nested form needs the full width
            form.addRow(label)
            form.addRow(row)
        else:
            form.addRow(label, row)
        self.editors[param.name] = editor
        self.reset_buttons[param.name] = reset
        self.refusals[param.name] = refusal

    def editor(self, name: str) -> ParamEditor:
        return self.editors[name]

    def set_values(self, user_params: dict, resolved: dict) -> None:
        """Show ``resolved`` values (defaults filled); reset is offered for what the user set."""
        for name, editor in self.editors.items():
            p = editor.param
            if name in resolved:
                value = resolved[name]
            elif name in user_params:
                value = user_params[name]
            else:
                value = None if p.required else p.default
            editor.set_value(value)
            self.reset_buttons[name].setEnabled(name in user_params and not p.required)

    def show_refusal(self, name: str, message: str) -> None:
        """Show the engine's reason next to field ``name`` (inside a nested layer,
        next to the inner field that was edited)."""
        editor = self.editors[name]
        if editor.param.advanced and not self.advanced.isChecked():
            self.advanced.setChecked(True)
        if isinstance(editor.widget, LayerEditor):
            editor.widget.show_refusal(message)
            return
        label = self.refusals[name]
        label.setText(refusal_html(message))
        label.show()

    def clear_refusals(self) -> None:
        for name, label in self.refusals.items():
            label.hide()
            widget = self.editors[name].widget
            if isinstance(widget, LayerEditor):
                widget.clear_refusals()


def chain_tab_order(widgets) -> None:
    """Tab goes through ``widgets`` in this order (Shift+Tab back)."""
    for a, b in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(a, b)


def _form_layout(host) -> QFormLayout:
    form = QFormLayout(host)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    return form


def refusal_html(message: str) -> str:
    color = style.error_color().name()
    text = tx(message).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<span style='color:{color}'>✖ {text}</span>"


# ---------------------------------------------------------- nested layers --

NO_LAYER_TEXT = QT_TRANSLATE_NOOP("LayerEditor", "(none)")


def _no_layer() -> str:
    """The combo's entry for no inner layer, in the interface's language."""
    return translate("LayerEditor", NO_LAYER_TEXT)


class LayerEditor(QFrame):
    """The editor of a ``layer`` param: a combo for the inner layer's type and,
    below it, a :class:`ParamForm` for that type's own params. Every edit emits
    the whole new value ``{"type": ..., "params": {...}}`` (or None), so one
    change of an inner field is one change of the outer param. ``path`` says
    which inner field the last commit changed."""

    committed = Signal(object)
    typed = Signal(object)

    def __init__(self, param, owner=None, parent=None):
        super().__init__(parent)
        self.param = param
        self.owner = owner
        self.value: dict | None = None  # {"type", "params"} as last shown
        self.path: tuple = ()
        self.form: ParamForm | None = None
        self.setFrameShape(QFrame.StyledPanel)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 4, 4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("layer_type")
        self.type_combo.setToolTip(self.tr("The type of the wrapped layer. Params that still apply are "
                                           "kept; the others take the new type's defaults."))
        self._fill_types()
        self.type_combo.activated.connect(self._type_chosen)
        self.json_button = QToolButton()
        self.json_button.setText("{…}")
        self.json_button.setCheckable(True)
        self.json_button.setAutoRaise(True)
        self.json_button.setFocusPolicy(Qt.NoFocus)
        self.json_button.setToolTip(self.tr("Advanced: edit the wrapped layer as JSON"))
        top.addWidget(self.type_combo, 1)
        top.addWidget(self.json_button)
        box.addLayout(top)
        self.json_edit = QLineEdit()
        self.json_edit.setObjectName("layer_json")
        self.json_edit.setPlaceholderText(_placeholder(param))
        self.json_edit.setVisible(False)
        self.json_edit.editingFinished.connect(self._json_edited)
        self.json_button.toggled.connect(self.json_edit.setVisible)
        box.addWidget(self.json_edit)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setObjectName("refusal:type")
        self.refusal.hide()
        box.addWidget(self.refusal)
        self._form_box = box

    # ------------------------------------------------------------ types --

    def _fill_types(self) -> None:
        combo = self.type_combo
        if self.param.nullable or self.param.default is None:
            combo.addItem(_no_layer())
        last_category = None
        for type_name in wrappable_types(self.owner, self.param):
            category = get_spec(type_name).category
            if last_category is not None and category != last_category:
                combo.insertSeparator(combo.count())
            combo.addItem(type_name)
            last_category = category

    def types(self) -> list[str]:
        """The layer types offered in the combo."""
        return [self.type_combo.itemText(i) for i in range(self.type_combo.count())
                if self.type_combo.itemText(i) and self.type_combo.itemText(i) != _no_layer()]

    @property
    def type_name(self) -> str | None:
        return self.value["type"] if self.value else None

    # ------------------------------------------------------------ value --

    def set_value(self, value) -> None:
        type_name, params, resolved = _layer_parts(value)
        self.value = None if type_name is None else {"type": type_name, "params": params}
        text = _no_layer() if type_name is None else type_name
        combo = self.type_combo
        if combo.findText(text) < 0:  # e.g. a file holds a type this wrapper does not offer
            combo.addItem(text)
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findText(text))
        combo.blockSignals(blocked)
        spec = get_spec(type_name) if type_name is not None and has_spec(type_name) else None
        if self.form is not None and (spec is None or self.form.spec.type != spec.type):
            self._form_box.removeWidget(self.form)
            self.form.hide()
            self.form.deleteLater()
            self.form = None
        if spec is not None and self.form is None:
            self.form = ParamForm(spec, self)
            self.form.setObjectName(f"layer_form:{spec.type}")
            self.form.committed.connect(self._field_edited)
            self.form.typed.connect(self._field_typed)
            self.form.reset_requested.connect(self._field_reset)
            self._form_box.addWidget(self.form)
        if self.form is not None:
            self.form.set_values(params, resolved)
            chain_tab_order(self.focus_chain())
        if not self.json_edit.hasFocus():
            self.json_edit.setText(value_text(self.value))
            self.json_edit.setModified(False)

    # ------------------------------------------------------------ edits --

    def _emit(self, path: tuple, value) -> None:
        self.path = path
        self.committed.emit(value)

    def _field_edited(self, name: str, value) -> None:
        if self.value is None:
            return
        params = dict(self.value["params"])
        params[name] = value
        path = (name,) + self.form.editors[name].edit_path()
        self._emit(path, {"type": self.value["type"], "params": params})

    def focus_chain(self) -> list:
        return [self.type_combo] + (self.form.focus_chain() if self.form is not None else [])

    def _field_typed(self, name: str, value) -> None:
        if self.value is None:
            return
        params = dict(self.value["params"])
        params[name] = value
        self.path = (name,) + self.form.editors[name].edit_path()
        self.typed.emit({"type": self.value["type"], "params": params})

    def mark_invalid(self, message: str) -> None:
        name = self.path[0] if self.path else None
        if self.form is not None and name in self.form.editors:
            self.form.editors[name].mark_invalid(message)

    def clear_invalid(self) -> None:
        if self.form is not None:
            for editor in self.form.editors.values():
                editor.clear_invalid()

    def _field_reset(self, name: str) -> None:
        if self.value is None:
            return
        params = {k: v for k, v in self.value["params"].items() if k != name}
        self._emit((name,), {"type": self.value["type"], "params": params})

    def _type_chosen(self, index: int) -> None:
        text = self.type_combo.itemText(index)
        new_type = None if text == _no_layer() else text
        if new_type == self.type_name or (new_type is not None and not has_spec(new_type)):
            return
        if new_type is None:
            self._emit(("type",), None)
            return
        old = self.value["params"] if self.value else {}
        self._emit(("type",), {"type": new_type, "params": carry_params(old, get_spec(new_type))})

    def _json_edited(self) -> None:
        if not self.json_edit.isModified():
            return
        self.json_edit.setModified(False)
        self._emit(("json",), parse_text("layer", self.json_edit.text()))

    # --------------------------------------------------------- refusals --

    def show_refusal(self, message: str) -> None:
        """Show the reason next to the field the last commit changed."""
        name = self.path[0] if self.path else None
        if self.form is not None and name in self.form.editors:
            self.form.show_refusal(name, message)
            return
        self.refusal.setText(refusal_html(message))
        self.refusal.show()

    def clear_refusals(self) -> None:
        self.refusal.hide()
        if self.form is not None:
            self.form.clear_refusals()


def _layer_parts(value):
    """(type, user params, resolved params) of a layer value as the engine holds it."""
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        return None, {}, {}
    type_name = value["type"]
    params = value.get("params") or {}
    if not isinstance(params, dict):
        params = {}
    resolved = value.get("resolved")
    if not isinstance(resolved, dict):
        resolved = {}
        if has_spec(type_name):
            try:
                resolved = get_spec(type_name).resolve(params)
            except ParamError:
                pass
    return type_name, dict(params), resolved


def carry_params(old: dict, spec) -> dict:
    """Params for a layer of type ``spec`` made from another layer's ``old``
    params: those the new type declares and accepts are kept, required ones it
    lacks get starter values, everything else takes the new type's defaults."""
    declared = {p.name: p for p in spec.params}
    params = {}
    for name, value in old.items():
        p = declared.get(name)
        if p is None:
            continue
        try:
            p.normalize(value)
        except ParamError:
            continue
        params[name] = value
    for name, value in starter_params(spec).items():
        params.setdefault(name, value)
    for _ in range(len(params)):  # drop kept values the new type's cross-checks refuse
        try:
            spec.resolve(params)
            break
        except ParamError as exc:
            if exc.param not in params or declared[exc.param].required:
                break
            del params[exc.param]
    return params


def wrappable_types(owner, param) -> tuple[str, ...]:
    """The palette types a ``layer`` param of ``owner`` may hold, asked of the
    engine: each candidate (not an Input, not itself a wrapper) is put in the
    owner's first required ``layer`` param and kept if the owner's own checks
    accept it."""
    return _wrappable(owner.type if owner is not None else None, param.name)


@functools.lru_cache(maxsize=None)
def _wrappable(owner_type: str | None, param_name: str) -> tuple[str, ...]:
    candidates = [s for s in all_specs()
                  if s.palette and s.type != "Input" and not s.variadic
                  and len(s.inputs) - s.optional_inputs == 1
                  and not any(p.kind == "layer" for p in s.params)]
    if owner_type is None:
        return tuple(s.type for s in candidates)
    owner = get_spec(owner_type)
    probe = next((p for p in owner.params if p.kind == "layer" and p.required),
                 owner.param(param_name))
    base = starter_params(owner)
    out = []
    for spec in candidates:
        params = dict(base)
        params[probe.name] = {"type": spec.type, "params": starter_params(spec)}
        try:
            owner.resolve(params)
        except ParamError:
            continue
        out.append(spec.type)
    return tuple(out)


def _combo_text(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value.values())) is None:
            return next(iter(value))
        return json.dumps(value)
    return str(value)


_PLACEHOLDERS = {
    "tuple": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 3 or 3, 3"),
    "shape": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 28, 28, 1"),
    "ints": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 2, 1"),
    "axis": QT_TRANSLATE_NOOP("ParamEditor", "e.g. -1"),
    "float": QT_TRANSLATE_NOOP("ParamEditor", "a number"),
    "int": QT_TRANSLATE_NOOP("ParamEditor", "an integer or None"),
}


def _placeholder(p) -> str:
    """The grey hint of an empty field, by the param's kind."""
    if p.kind == "layer":
        return '{"type": "LSTM", "params": {"units": 32}}'
    text = _PLACEHOLDERS.get(p.kind)
    return translate("ParamEditor", text) if text else ""


"""The inspector: name, trainable flag and one editor per parameter of the
selected layer, generated from its catalog declaration. A value the engine
refuses is shown with the engine's message and the old value comes back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QScrollArea,
    QToolButton, QVBoxLayout, QWidget,
)

from engine.errors import NeuroCanvasError
from gui import format_text as ft
from gui.canvas import style
from gui.commands import RenameCommand, SetParamCommand, SetTrainableCommand
from gui.param_editors import ParamEditor


class Inspector(QScrollArea):
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.doc = None
        self.node_id: str | None = None
        self.editors: dict[str, ParamEditor] = {}
        self.reset_buttons: dict[str, QToolButton] = {}
        self._body = QWidget()
        self.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignTop)
        self.title = QLabel()
        self.title.setTextFormat(Qt.RichText)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.editingFinished.connect(self._rename)
        self.doc_label = QLabel()
        self.doc_label.setWordWrap(True)
        self.doc_label.setForegroundRole(self.doc_label.foregroundRole())
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("refusal")
        self.error_label.hide()
        self.diagnostics = QLabel()
        self.diagnostics.setWordWrap(True)
        self.trainable = QCheckBox("Trainable")
        self.trainable.toggled.connect(self._set_trainable)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.advanced = QGroupBox("Advanced")
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        self.advanced_host = QWidget()
        self.advanced_form = QFormLayout(self.advanced_host)
        self.advanced_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        box = QVBoxLayout(self.advanced)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.advanced_host)
        self.advanced_host.setVisible(False)
        self.advanced.toggled.connect(self.advanced_host.setVisible)
        self.placeholder = QLabel("Select a layer to edit its parameters.\n\n"
                                  "Drag layers from the palette, or double-click the canvas to add one.")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignCenter)
        for w in (self.placeholder, self.title, self.name_edit, self.doc_label, self.stats,
                  self.error_label, self.diagnostics, self.trainable, self.form_host, self.advanced):
            self._layout.addWidget(w)
        self.show_node(None)

    # ------------------------------------------------------------ binding --

    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.changed.disconnect(self._on_change)
            self.doc.analyzed.disconnect(self._on_analyzed)
        self.doc = doc
        doc.changed.connect(self._on_change)
        doc.analyzed.connect(self._on_analyzed)
        self.show_node(None)

    def show_selection(self, ids: list[str]) -> None:
        if len(ids) == 1:
            self.show_node(ids[0])
        else:
            self.show_node(None, f"{len(ids)} layers selected." if ids else None)

    def show_node(self, node_id: str | None, message: str | None = None) -> None:
        if node_id is not None and (self.doc is None or node_id not in self.doc.network.nodes):
            node_id = None
        rebuild = node_id != self.node_id or node_id is None
        self.node_id = node_id
        has = node_id is not None
        for w in (self.title, self.name_edit, self.doc_label, self.stats, self.trainable,
                  self.form_host, self.advanced):
            w.setVisible(has)
        self.placeholder.setVisible(not has)
        if message:
            self.placeholder.setText(message)
        elif not has:
            self.placeholder.setText("Select a layer to edit its parameters.\n\n"
                                     "Drag layers from the palette, or double-click the canvas to add one.")
        self.error_label.hide()
        if not has:
            self.diagnostics.hide()
            self._clear_forms()
            return
        if rebuild or not self.editors:
            self._build_forms()
        self._load_values()

    def _clear_forms(self) -> None:
        for form in (self.form, self.advanced_form):
            while form.rowCount():
                form.removeRow(0)
        self.editors.clear()
        self.reset_buttons.clear()

    def _build_forms(self) -> None:
        self._clear_forms()
        node = self.doc.network.nodes[self.node_id]
        spec = node.spec
        color = style.category_color(spec.category).name()
        self.title.setText(f"<span style='font-size:large'><b>{spec.type}</b></span>"
                           f" <span style='color:{color}'>● {spec.category}</span>")
        self.doc_label.setText(spec.doc.split("\n\n")[0])
        self.doc_label.setToolTip(spec.doc)
        n_advanced = 0
        for param in spec.params:
            if param.call and param.kind == "any":
                continue
            editor = ParamEditor(param, self)
            editor.committed.connect(lambda value, name=param.name: self._commit(name, value))
            reset = QToolButton()
            reset.setText("↺")
            reset.setAutoRaise(True)
            reset.setToolTip(f"Reset {param.name} to the Keras default")
            reset.clicked.connect(lambda _=False, name=param.name: self._reset(name))
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(editor.widget, 1)
            h.addWidget(reset)
            label = QLabel(param.name + ("*" if param.required else ""))
            label.setToolTip(param.help)
            (self.advanced_form if param.advanced else self.form).addRow(label, row)
            n_advanced += param.advanced
            self.editors[param.name] = editor
            self.reset_buttons[param.name] = reset
        self.advanced.setVisible(n_advanced > 0)

    def _load_values(self) -> None:
        net = self.doc.network
        node = net.nodes[self.node_id]
        if not self.name_edit.hasFocus():
            self.name_edit.setText(node.name)
        blocked = self.trainable.blockSignals(True)
        self.trainable.setChecked(node.trainable)
        self.trainable.blockSignals(blocked)
        try:
            resolved = node.resolved()
        except NeuroCanvasError:
            resolved = {}
        for name, editor in self.editors.items():
            value = resolved[name] if name in resolved else node.params.get(name)
            editor.set_value(value)
            self.reset_buttons[name].setEnabled(name in node.params and not editor.param.required)
        self._on_analyzed(self.doc.report())

    # ------------------------------------------------------------ updates --

    def _on_change(self, change) -> None:
        if self.node_id is None:
            return
        if change.kind == "node_removed" and self.node_id in change.nodes:
            self.show_node(None)
        elif self.node_id in change.nodes and change.kind in (
                "params_changed", "renamed", "trainable_changed", "node_added"):
            self._load_values()

    def _on_analyzed(self, report) -> None:
        if self.node_id is None or self.node_id not in self.doc.network.nodes:
            return
        info = report.by_node.get(self.node_id)
        if info is not None and info.output_shapes is not None:
            ins = ", ".join(ft.shape_text(s) for s in info.input_shapes) or "—"
            outs = ", ".join(ft.shape_text(s) for s in info.output_shapes)
            self.stats.setText(f"in {ins}<br>out <b>{outs}</b><br>"
                               f"{ft.count(info.trainable_params)} trainable · "
                               f"{ft.count(info.non_trainable_params)} non-trainable params · "
                               f"{ft.si(info.macs)} MACs")
        else:
            self.stats.setText("Output shape unknown.")
        diags = report.for_node(self.node_id)
        if diags:
            lines = []
            for d in diags:
                color = style.error_color().name() if d.is_error else style.warning_color().name()
                lines.append(f"<span style='color:{color}'><b>{d.severity}</b>: {_esc(d.message)}</span>"
                             + (f"<br><i>{_esc(d.hint)}</i>" if d.hint else ""))
            self.diagnostics.setText("<br>".join(lines))
            self.diagnostics.show()
        else:
            self.diagnostics.hide()

    # ------------------------------------------------------------ editing --

    def _commit(self, name: str, value) -> None:
        node = self.doc.network.nodes.get(self.node_id)
        if node is None:
            return
        if name in node.params and node.params[name] == value:
            return
        try:
            self.doc.push(SetParamCommand(self.doc, self.node_id, name, value))
        except NeuroCanvasError as exc:
            self._refuse(str(exc))
            self._load_values()
            return
        self.error_label.hide()

    def _reset(self, name: str) -> None:
        try:
            self.doc.push(SetParamCommand(self.doc, self.node_id, name, reset=True))
        except NeuroCanvasError as exc:
            self._refuse(str(exc))

    def _rename(self) -> None:
        if self.node_id is None:
            return
        new = self.name_edit.text().strip()
        node = self.doc.network.nodes[self.node_id]
        if new == node.name:
            return
        try:
            self.doc.push(RenameCommand(self.doc, self.node_id, new))
        except NeuroCanvasError as exc:
            self._refuse(str(exc))
            self.name_edit.setText(node.name)

    def _set_trainable(self, value: bool) -> None:
        if self.node_id is not None and self.doc.network.nodes[self.node_id].trainable != value:
            self.doc.push(SetTrainableCommand(self.doc, self.node_id, value))

    def _refuse(self, message: str) -> None:
        color = style.error_color().name()
        self.error_label.setText(f"<span style='color:{color}'>✖ {_esc(message)}</span>")
        self.error_label.show()
        self.refused.emit(message)

    def editor(self, name: str) -> ParamEditor:
        return self.editors[name]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""The inspector: name, trainable flag and one editor per parameter of the
selected layer, generated from its catalog declaration (a wrapper's inner
layer gets a nested form built the same way), and below the layer's problems
a button per quick fix.

Edits apply live: what is typed applies after a short pause (one undo step per
field edit: the steps of one field merge), text the engine refuses is marked in
place without applying, and a finished edit the engine refuses is shown with
the engine's message while the old value comes back. Tab and Shift+Tab move
from field to field (the window's Tab shortcut does not fire inside a field),
and Ctrl+Z inside a field undoes the document's edit, not the field's text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.errors import NeuroCanvasError, ParamError
from engine.events import ChangeKind
from engine.formulas import explain_info
from engine.quickfix import fixes_by_diagnostic
from gui import format_text as ft
from gui.canvas import style
from gui.i18n import layer_doc, translate, tx
from gui.commands import FunctionCommand, RenameCommand, SetParamCommand, SetTrainableCommand
from gui.param_editors import LIVE_DELAY_MS, ParamEditor, ParamForm, chain_tab_order, refusal_html

# changes to the shown node that its fields show again
_RELOAD_ON = frozenset({ChangeKind.PARAMS_CHANGED, ChangeKind.RENAMED, ChangeKind.TRAINABLE_CHANGED,
                        ChangeKind.NODE_ADDED})


class SetInnerParamCommand(SetParamCommand):
    """Set a wrapper's ``layer`` param as a whole after an edit of one field of
    the inner layer (``path``, e.g. ("units",) or ("type",)). It is one undo
    step; consecutive edits merge only when they change the same inner field."""

    def __init__(self, doc, node_id: str, name: str, value, path: tuple):
        super().__init__(doc, node_id, name, value)
        self.path = tuple(path)
        if self.path:
            self.setText(translate("SetParamCommand", "Set {param}").format(
                param=f"{name}.{'.'.join(self.path)}"))

    def merge_key(self):
        return (self.node_id, self.name, self.path)


class LiveRenameCommand(RenameCommand):
    """A rename typed into the name field; the renames of one node merge."""

    merge_id = 1002

    def merge_key(self):
        return (self.node_id,)


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
        self.params_form: ParamForm | None = None
        self._advanced_open = False
        self._body = QWidget()
        self.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignTop)
        self.title = QLabel()
        self.title.setTextFormat(Qt.RichText)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.editingFinished.connect(self._rename)
        self._name_timer = QTimer(self)
        self._name_timer.setSingleShot(True)
        self._name_timer.setInterval(LIVE_DELAY_MS)
        self._name_timer.timeout.connect(lambda: self._rename(live=True))
        self.name_edit.textEdited.connect(lambda _t: self._name_timer.start())
        self.name_edit.editingFinished.connect(self._name_timer.stop)
        self.doc_label = QLabel()
        self.doc_label.setWordWrap(True)
        self.doc_label.setForegroundRole(self.doc_label.foregroundRole())
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # every number explained: how the output shape, params and MACs come about
        self.formulas = QLabel()
        self.formulas.setObjectName("formulas")
        self.formulas.setTextFormat(Qt.PlainText)
        self.formulas.setWordWrap(True)
        self.formulas.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.formulas.setToolTip(self.tr("How the output shape, the parameter count and the MACs are "
                                         "computed, with this layer's numbers."))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("refusal")
        self.error_label.hide()
        self.diagnostics = QLabel()
        self.diagnostics.setWordWrap(True)
        self.fix_bar = QWidget()  # a button per quick fix of the layer's problems
        self.fix_bar.setObjectName("fixes")
        self._fix_box = QVBoxLayout(self.fix_bar)
        self._fix_box.setContentsMargins(0, 0, 0, 0)
        self._fix_box.setSpacing(3)
        self.fix_buttons: list = []
        self.trainable = QCheckBox(self.tr("Trainable"))
        self.trainable.toggled.connect(self._set_trainable)
        # Net2Net: grow the layer keeping what the network computes (the window does it)
        self.grow_requested = None  # callable(node_id, "widen" | "deepen")
        self.grow_bar = QWidget()
        grow_box = QHBoxLayout(self.grow_bar)
        grow_box.setContentsMargins(0, 0, 0, 0)
        self.widen_button = QPushButton(self.tr("Widen ×2"))
        self.widen_button.setToolTip(self.tr("Twice the units/filters, same outputs (Net2Net); one undo step"))
        self.deepen_button = QPushButton(self.tr("Deepen after"))
        self.deepen_button.setToolTip(self.tr("Insert an identity layer after this one, same outputs; "
                                              "one undo step"))
        for button, kind in ((self.widen_button, "widen"), (self.deepen_button, "deepen")):
            button.clicked.connect(lambda _c=False, k=kind: self._grow(k))
            grow_box.addWidget(button)
        grow_box.addStretch(1)
        self.form_host = QWidget()  # holds the ParamForm of the selected layer
        self._form_box = QVBoxLayout(self.form_host)
        self._form_box.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self._placeholder_text())
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignCenter)
        for w in (self.placeholder, self.title, self.name_edit, self.doc_label, self.stats,
                  self.formulas, self.error_label, self.diagnostics, self.fix_bar, self.trainable,
                  self.grow_bar,
                  self.form_host):
            self._layout.addWidget(w)
        self.show_node(None)
        app = QApplication.instance()
        if app is not None:  # fields get the key filter when they first take the focus
            app.focusChanged.connect(self._focus_changed)

    def _placeholder_text(self) -> str:
        return self.tr("Select a layer to edit its parameters.\n\n"
                       "Drag layers from the palette, or double-click the canvas to add one.")

    # ----------------------------------------------------------- keyboard --

    def _focus_changed(self, _old, new) -> None:
        if new is not None and self.isAncestorOf(new) and not new.property("inspector_keys"):
            new.setProperty("inspector_keys", True)
            new.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        """Inside a field of this inspector, Tab/Shift+Tab are the field's (focus moves
        on) and Ctrl+Z/Ctrl+Shift+Z are the document's, whatever the window's shortcuts say."""
        if event.type() != QEvent.ShortcutOverride or not isinstance(obj, QWidget) \
                or not self.isAncestorOf(obj):
            return False
        if event.key() in (Qt.Key_Tab, Qt.Key_Backtab) and not event.modifiers() & ~Qt.ShiftModifier:
            event.accept()  # delivered to the field as a key press: focus moves on
            return True
        if event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo):
            self._flush_typing()
            event.ignore()  # the window's Undo/Redo take it
            return True
        return False

    def _flush_typing(self) -> None:
        """Apply what is typed and not yet applied (before an undo, say)."""
        if self._name_timer.isActive():
            self._name_timer.stop()
            self._rename(live=True)
        for editor in list(self.editors.values()):
            if editor.typing_pending():
                editor._timer.stop()
                editor._typed_pause()

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
            self.show_node(None, self.tr("{count} layers selected.").format(count=len(ids)) if ids else None)

    def show_node(self, node_id: str | None, message: str | None = None) -> None:
        if node_id is not None and (self.doc is None or node_id not in self.doc.network.nodes):
            node_id = None
        rebuild = node_id != self.node_id or node_id is None
        self.node_id = node_id
        has = node_id is not None
        for w in (self.title, self.name_edit, self.doc_label, self.stats, self.trainable,
                  self.form_host, self.grow_bar):
            w.setVisible(has)
        if has:
            self.widen_button.setVisible(
                self.doc.network.nodes[node_id].type in ("Dense", "Conv2D"))
        self.placeholder.setVisible(not has)
        if message:
            self.placeholder.setText(message)
        elif not has:
            self.placeholder.setText(self._placeholder_text())
        self.error_label.hide()
        if not has:
            self.diagnostics.hide()
            self.formulas.hide()
            self._show_fixes([])
            self._clear_forms()
            return
        if rebuild or self.params_form is None:
            self._build_forms()
        self._load_values()

    def _clear_forms(self) -> None:
        if self.params_form is not None:
            self._form_box.removeWidget(self.params_form)
            self.params_form.hide()
            self.params_form.deleteLater()
            self.params_form = None
        self.editors = {}
        self.reset_buttons = {}

    def _build_forms(self) -> None:
        self._clear_forms()
        node = self.doc.network.nodes[self.node_id]
        spec = node.spec
        color = style.category_color(spec.category).name()
        heading = (f"<span style='font-size:large'><b>{spec.type}</b></span>"
                   f" <span style='color:{color}'>● {_esc(style.category_name(spec.category))}</span>")
        self.title.setText(heading)
        doc = layer_doc(spec)
        self.doc_label.setText(doc.split("\n\n")[0])
        self.doc_label.setToolTip(doc)
        form = ParamForm(spec, self.form_host)
        form.advanced.setChecked(self._advanced_open)  # stays open from layer to layer
        form.advanced.toggled.connect(lambda on: setattr(self, "_advanced_open", on))
        form.committed.connect(self._commit)
        form.typed.connect(self._typed)
        form.reset_requested.connect(self._reset)
        self._form_box.addWidget(form)
        self.params_form = form
        chain_tab_order([self.name_edit, self.trainable] + form.focus_chain())
        self.editors = form.editors
        self.reset_buttons = form.reset_buttons

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
        self.params_form.set_values(node.params, resolved)
        self._on_analyzed(self.doc.report())

    # ------------------------------------------------------------ updates --

    def _on_change(self, change) -> None:
        if self.node_id is None:
            return
        if self.node_id not in change.nodes:
            return
        if change.kind is ChangeKind.NODE_REMOVED:
            self.show_node(None)
        elif change.kind in _RELOAD_ON:
            self._load_values()

    def _on_analyzed(self, report) -> None:
        if self.node_id is None or self.node_id not in self.doc.network.nodes:
            return
        info = report.by_node.get(self.node_id)
        if info is not None and info.output_shapes is not None:
            ins = ", ".join(ft.shape_text(s) for s in info.input_shapes) or "—"
            outs = ", ".join(ft.shape_text(s) for s in info.output_shapes)
            self.stats.setText(self.tr("in {inputs}<br>out <b>{outputs}</b><br>{trainable} trainable · "
                                       "{non_trainable} non-trainable params · {macs} MACs").format(
                inputs=ins, outputs=outs, trainable=ft.count(info.trainable_params),
                non_trainable=ft.count(info.non_trainable_params), macs=ft.si(info.macs)))
        else:
            self.stats.setText(self.tr("Output shape unknown."))
        self._show_formulas(info)
        diags = report.for_node(self.node_id)
        if diags:
            lines = []
            for d in diags:
                color = style.error_color().name() if d.is_error else style.warning_color().name()
                severity = self.tr("error") if d.is_error else self.tr("warning")
                lines.append(f"<span style='color:{color}'><b>{severity}</b>: {_esc(tx(d.message))}</span>"
                             + (f"<br><i>{_esc(tx(d.hint))}</i>" if d.hint else ""))
            self.diagnostics.setText("<br>".join(lines))
            self.diagnostics.show()
        else:
            self.diagnostics.hide()
        fixes = []
        for d, found in fixes_by_diagnostic(self.doc.network, report).items():
            if d.node == self.node_id:
                fixes.extend(found)
        self._show_fixes(fixes)

    def _show_formulas(self, info) -> None:
        explanation = explain_info(self.doc.network, info)
        if explanation is None:
            self.formulas.clear()
            self.formulas.hide()
            return
        self.formulas.setText(formulas_text(explanation))
        self.formulas.show()

    def _show_fixes(self, fixes) -> None:
        titles = [tx(f.title) for f in fixes]
        if titles == [b.text() for b in self.fix_buttons]:
            self._fixes = list(fixes)
            self.fix_bar.setVisible(bool(fixes))
            return
        for button in self.fix_buttons:
            self._fix_box.removeWidget(button)
            button.deleteLater()
        self.fix_buttons = []
        self._fixes = list(fixes)
        for i, fix in enumerate(fixes):
            button = QPushButton(tx(fix.title))
            button.setObjectName("fix")
            button.setToolTip(self.tr("Apply: {fix} (one undo step)").format(fix=tx(fix.title)))
            button.setFocusPolicy(Qt.ClickFocus)  # Tab goes from field to field
            button.clicked.connect(lambda _=False, i=i: self._apply_fix(self._fixes[i]))
            self._fix_box.addWidget(button)
            self.fix_buttons.append(button)
        self.fix_bar.setVisible(bool(fixes))

    def _apply_fix(self, fix) -> None:
        try:
            self.doc.push(FunctionCommand(self.doc, tx(fix.title), fix.apply))
        except NeuroCanvasError as exc:
            self._refuse(ft.error_text(exc))

    # ------------------------------------------------------------ editing --

    def _commit(self, name: str, value) -> None:
        node = self.doc.network.nodes.get(self.node_id)
        if node is None:
            return
        if name in node.params and node.params[name] == value:
            return
        path = self.editors[name].edit_path()
        if path:
            command = SetInnerParamCommand(self.doc, self.node_id, name, value, path)
        else:
            command = SetParamCommand(self.doc, self.node_id, name, value)
        self._push(command, name)

    def _typed(self, name: str, value) -> None:
        """Text typed into field ``name`` after a pause: applied if the engine takes
        it, else marked in place (the document and the text stay as they are)."""
        node = self.doc.network.nodes.get(self.node_id) if self.doc is not None else None
        if node is None or name not in self.editors:
            return
        editor = self.editors[name]
        params = dict(node.params)
        params[name] = value
        try:
            node.spec.resolve(params)
        except ParamError as exc:
            editor.mark_invalid(ft.error_text(exc))
            return
        editor.clear_invalid()
        self._commit(name, value)

    def _reset(self, name: str) -> None:
        self._push(SetParamCommand(self.doc, self.node_id, name, reset=True), name)

    def _push(self, command, name: str) -> None:
        """Run an edit of param ``name``; a refusal leaves the document and the
        editors as they were and shows the engine's reason."""
        try:
            self.doc.push(command)
        except NeuroCanvasError as exc:
            self._load_values()
            self._refuse(ft.error_text(exc), name)
            return
        self.error_label.hide()
        if self.params_form is not None:
            self.params_form.clear_refusals()

    def _rename(self, live: bool = False) -> None:
        if self.node_id is None:
            return
        new = self.name_edit.text().strip()
        node = self.doc.network.nodes[self.node_id]
        if new == node.name:
            self._mark_name("")
            return
        command = (LiveRenameCommand if live else RenameCommand)(self.doc, self.node_id, new)
        try:
            self.doc.push(command)
        except NeuroCanvasError as exc:
            if live:  # marked in place; leaving the field puts the old name back
                self._mark_name(ft.error_text(exc))
                return
            self._mark_name("")
            self._refuse(ft.error_text(exc))
            self.name_edit.setText(node.name)
            return
        self._mark_name("")

    def _mark_name(self, message: str) -> None:
        edit = self.name_edit
        if message:
            edit.setProperty("invalid", True)
            edit.setStyleSheet(f"border: 2px solid {style.error_color().name()}; border-radius: 3px;")
            edit.setToolTip(message)
        elif edit.property("invalid"):
            edit.setProperty("invalid", False)
            edit.setStyleSheet("")
            edit.setToolTip("")

    def _grow(self, kind: str) -> None:
        if self.node_id is not None and self.grow_requested is not None:
            self._flush_typing()
            self.grow_requested(self.node_id, kind)

    def _set_trainable(self, value: bool) -> None:
        if self.node_id is not None and self.doc.network.nodes[self.node_id].trainable != value:
            self.doc.push(SetTrainableCommand(self.doc, self.node_id, value))

    def _refuse(self, message: str, name: str | None = None) -> None:
        """Show a refusal: inside a wrapper's nested form next to the inner field
        that was edited, otherwise at the top of the inspector."""
        if self.params_form is not None:
            self.params_form.clear_refusals()
        if name is not None and name in self.editors and self.editors[name].param.kind == "layer":
            self.error_label.hide()
            self.params_form.show_refusal(name, message)
        else:
            self.error_label.setText(refusal_html(message))
            self.error_label.show()
        self.refused.emit(message)

    def editor(self, name: str) -> ParamEditor:
        return self.editors[name]


def formulas_text(explanation) -> str:
    """The plain text of the inspector's formulas section."""
    shape = "\n  ".join(tx(explanation.shape).split("; "))
    params = tx(explanation.params.text).replace("\n", "\n  ")
    macs = tx(explanation.macs.text).replace("\n", "\n  ")

    return translate("Inspector", "Output shape:\n  {shape}\nParams: {params}\nMACs: {macs}").format(
        shape=shape, params=params, macs=macs)



def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

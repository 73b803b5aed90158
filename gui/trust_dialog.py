"""The prompt that asks the person to trust the Python module of a document's
custom layers before the document is trained or exported.

A document imported with custom layers holds them as opaque nodes, without
their code (see :mod:`engine.opaque`). Before a run or an export, :func:`gate`
checks that every custom class comes from a module trusted for this document
(:mod:`engine.trust`: the user's settings, keyed by document path and module
hash; for a document not saved yet, for this session only). If not, it opens
:class:`TrustDialog`: the classes the document needs, the module chosen (path
and SHA-256), the classes that module defines (read without running it), and
an explicit **Trust and load** button. Nothing of the module runs before that
click.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from engine import trust
from gui.format_text import error_text
from gui.i18n import tx



def _needed(net) -> dict:
    """class name -> (module, [node names]) of the opaque nodes of ``net``."""
    out: dict = {}
    for node_name, cls, module in trust.opaque_classes(net):
        out.setdefault(cls, (module, []))[1].append(node_name)
    return out


def _session_modules(doc) -> list:
    return getattr(doc, "trusted_modules", [])


def _lambdas_covered(doc) -> bool:
    """Whether the Lambda code of ``doc`` was trusted for it (settings or this session)."""
    digests = {d for _, d in trust.lambda_nodes(doc.network)}
    if not digests:
        return True
    known = trust.trusted_lambdas(getattr(doc, "path", None)) | set(getattr(doc, "trusted_lambdas", ()))
    if not digests <= known:
        return False
    trust.trust_lambdas(doc.network)  # in this process, as trusted before
    return True


def _covered(doc) -> bool:
    """Whether every custom class of ``doc`` is loaded from a module trusted for it
    (loading the trusted ones not loaded yet), and its Lambda code trusted."""
    if not _lambdas_covered(doc):
        return False
    needed = set(_needed(doc.network))
    if not needed:
        return True
    path = getattr(doc, "path", None)
    provided = set()
    for module, digest in trust.trusted_modules(path) + _session_modules(doc):
        try:
            info = trust.inspect_module(module)
        except trust.UntrustedCodeError:
            continue
        if info.sha256 != digest:
            continue  # changed since it was trusted: ask again
        if needed & set(info.classes) and any(trust.loaded_class(c) is None for c in needed & set(info.classes)):
            trust.load_module(module, digest)
        provided |= {c for c in info.classes if trust.loaded_class(c) is not None}
    return needed <= provided


def guess_module(doc) -> str:
    """A module file that may define the classes: the recorded module name looked up beside
    the document (only shown; nothing runs before the person confirms)."""
    bases = [Path(doc.path).parent] if getattr(doc, "path", None) else []
    bases.append(Path.cwd())
    for _cls, (module, _nodes) in _needed(doc.network).items():
        if not module:
            continue
        parts = module.split(".")
        for base in bases:
            for i in range(len(parts)):
                candidate = base.joinpath(*parts[i:]).with_suffix(".py")
                if candidate.is_file():
                    return str(candidate)
    return ""


class TrustDialog(QDialog):
    """Choose a module and trust it for one document; ``trusted`` is emitted after the
    module was loaded and provides every class the document needs."""

    trusted = Signal()

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.info: trust.ModuleInfo | None = None
        self.setWindowTitle(self.tr("Trust the code of the custom layers?"))
        self.setObjectName("trust_dialog")
        layout = QVBoxLayout(self)
        self.needed = _needed(doc.network)
        self.lambdas = trust.lambda_nodes(doc.network)
        if self.needed:
            lines = "".join("<li>" + self.tr("<b>{cls}</b> (module <code>{module}</code>): {layers}").format(
                cls=cls, module=module or "?", layers=", ".join(nodes)) + "</li>"
                for cls, (module, nodes) in sorted(self.needed.items()))
            intro = QLabel(self.tr(
                "<p>This document has custom layers kept without their code:</p><ul>{classes}</ul>"
                "<p>Training or exporting it runs the Python module that defines them. Only "
                "trust a module you know: it runs with your permissions.</p>").format(classes=lines))
            intro.setWordWrap(True)
            intro.setTextFormat(Qt.RichText)
            layout.addWidget(intro)
        self.lambda_box = QCheckBox(self.tr("Run the code of these Lambda layers, stored in the document: "
                                            "{layers}").format(
            layers=", ".join(f"{n} (SHA-256 {d[:12]}…)" for n, d in self.lambdas)))
        self.lambda_box.setObjectName("trust_lambdas")
        self.lambda_box.setVisible(bool(self.lambdas))
        self.lambda_box.toggled.connect(self._update_button)
        layout.addWidget(self.lambda_box)
        module_row = QVBoxLayout()
        layout.addLayout(module_row)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("trust_module_path")
        self.path_edit.setPlaceholderText(self.tr("The .py file that defines the classes"))
        self.path_edit.editingFinished.connect(lambda: self.set_module(self.path_edit.text()))
        row.addWidget(self.path_edit, 1)
        self.choose_button = QPushButton(self.tr("Choose module…"))
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        module_row.addLayout(row)
        if not self.needed:
            self.path_edit.setVisible(False)
            self.choose_button.setVisible(False)
        self.hash_label = QLabel("")
        self.hash_label.setObjectName("trust_module_hash")
        self.hash_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.classes_label = QLabel("")
        self.classes_label.setObjectName("trust_module_classes")
        self.classes_label.setWordWrap(True)
        self.status = QLabel("")
        self.status.setObjectName("trust_status")
        self.status.setWordWrap(True)
        for w in (self.hash_label, self.classes_label, self.status):
            layout.addWidget(w)
        where = self.tr("It is remembered for this document (by its path and the module's hash) in "
                        "your settings, not in the document.") if getattr(doc, "path", None) else \
            self.tr("The document is not saved yet: the trust lasts for this session.")
        note = QLabel(where)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.trust_button = QPushButton(self.tr("Trust and load"))
        self.trust_button.setObjectName("trust_and_load")
        self.trust_button.setEnabled(False)
        self.trust_button.clicked.connect(self.trust_and_load)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.trust_button)
        for button in (self.choose_button, self.cancel_button, self.trust_button):
            button.setAutoDefault(False)  # Return in the path field never trusts nor browses
        layout.addLayout(buttons)
        guess = guess_module(doc) if self.needed else ""
        if guess:
            self.set_module(guess)

    def _ready(self) -> bool:
        module_ok = not self.needed or (
            self.info is not None and not set(self.needed) - set(self.info.classes))
        return module_ok and (not self.lambdas or self.lambda_box.isChecked())

    def _update_button(self, *_):
        self.trust_button.setEnabled(self._ready())

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Module that defines the custom layers"),
                                              self.path_edit.text(), self.tr("Python (*.py)"))
        if path:
            self.set_module(path)

    def set_module(self, path) -> None:
        """Show a module's path, hash and classes (parsed, not run)."""
        self.info = None
        self.trust_button.setEnabled(False)
        self.path_edit.setText(str(path))
        if not str(path).strip():
            return
        try:
            info = trust.inspect_module(path)
        except trust.UntrustedCodeError as exc:
            self.hash_label.setText("")
            self.classes_label.setText("")
            self.status.setText(tx(exc.message) if hasattr(exc, "message") else str(exc))
            return
        self.info = info
        self.path_edit.setText(info.path)
        self.hash_label.setText(self.tr("SHA-256: {digest}").format(digest=info.sha256))
        self.classes_label.setText(self.tr("Classes it defines: {classes}").format(
            classes=", ".join(info.classes) or self.tr("none")))
        missing = sorted(set(self.needed) - set(info.classes))
        if missing:
            self.status.setText(self.tr("It does not define {classes}.").format(classes=", ".join(missing)))
        else:
            self.status.setText(self.tr("It defines every custom class of the document."))
        self._update_button()

    def trust_and_load(self) -> bool:
        if not self._ready():
            return False
        path = getattr(self.doc, "path", None)
        if self.lambdas:
            digests = trust.trust_lambdas(self.doc.network, path)
            if path is None:
                self.doc.trusted_lambdas = list(getattr(self.doc, "trusted_lambdas", [])) + digests
        if not self.needed:
            self.accept()
            self.trusted.emit()
            return True
        try:
            if path is not None:
                info = trust.grant(path, self.info.path)
            else:
                info = trust.inspect_module(self.info.path)
                if not hasattr(self.doc, "trusted_modules"):
                    self.doc.trusted_modules = []
                self.doc.trusted_modules.append((info.path, info.sha256))
            if info.sha256 != self.info.sha256:
                raise trust.UntrustedCodeError(
                    self.tr("{path} changed while this prompt was open.").format(path=info.path),
                    self.tr("Look at it again, then trust it."))
            trust.load_module(info.path, info.sha256)
            trust.check_available(self.doc.network)
        except trust.UntrustedCodeError as exc:
            self.status.setText(error_text(exc))

            self.trust_button.setEnabled(False)
            return False
        self.accept()
        self.trusted.emit()
        return True


def gate(parent, doc, retry) -> bool:
    """Whether ``doc`` can be built now: True if it needs no code the person has not
    trusted for it. Otherwise the trust prompt opens (not modal), ``retry()`` is called
    once the person trusted a module, and this returns False."""
    if not trust.opaque_classes(doc.network) and not trust.lambda_nodes(doc.network):
        return True
    try:
        if _covered(doc):
            return True
    except trust.UntrustedCodeError:
        pass
    dialog = TrustDialog(doc, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.trusted.connect(retry)
    holder = parent if parent is not None else doc
    holder.trust_dialog = dialog
    dialog.open()
    return False

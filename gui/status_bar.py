"""The status bar: totals of the analysis, memory for a batch size, the counts of
errors and warnings, and whether TensorFlow is loaded (and on which device
training would run)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QSpinBox, QStatusBar

from gui import format_text as ft
from gui.canvas import style
from gui.i18n import translate, tx

# how TensorFlow's loading state (gui.tensorflow_loader) reads in the status bar
TENSORFLOW_STATES = {
    "not loaded": QT_TRANSLATE_NOOP("StatusBar", "not loaded"),
    "loading": QT_TRANSLATE_NOOP("StatusBar", "loading"),
    "ready": QT_TRANSLATE_NOOP("StatusBar", "ready"),
    "failed": QT_TRANSLATE_NOOP("StatusBar", "failed"),
}


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self.params = QLabel()
        self.macs = QLabel()
        self.memory = QLabel()
        self.batch = QSpinBox()
        self.batch.setRange(1, 65536)
        self.batch.setValue(32)
        self.batch.setPrefix(self.tr("batch "))
        self.batch.setToolTip(self.tr("Batch size used for the memory estimate"))
        self.batch.valueChanged.connect(lambda _v: self.show_report(self.doc.report()) if self.doc else None)
        self.validity = QLabel()
        self.tensorflow = QLabel()
        self.set_tensorflow("not loaded")
        for w in (self.params, self.macs, self.batch, self.memory, self.validity, self.tensorflow):
            self.addPermanentWidget(w)

    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.analyzed.disconnect(self.show_report)
        self.doc = doc
        doc.analyzed.connect(self.show_report)
        self.show_report(doc.report())

    def show_report(self, report) -> None:
        self.params.setText(self.tr("{count} params").format(count=ft.count(report.total_params)))
        self.params.setToolTip(self.tr("trainable {trainable}, non-trainable {non_trainable}").format(
            trainable=ft.count(report.trainable_params), non_trainable=ft.count(report.non_trainable_params)))
        self.macs.setText(self.tr("{macs} MACs").format(macs=ft.si(report.macs)))
        mem = report.memory_bytes(self.batch.value())
        self.memory.setText(self.tr("≈ {size} to train").format(size=ft.bytes_text(mem)))
        self.memory.setToolTip(self.tr("Weights, gradients and Adam slots plus the activations of one batch"))
        self.validity.setText(validity_html(report))
        problems = [tx(d.message) for d in report.diagnostics[:8]]
        self.validity.setToolTip("<br>".join(problems) if problems else self.tr("The network is valid."))

    def set_tensorflow(self, state: str, device: str = "") -> None:
        shown = TENSORFLOW_STATES.get(state)
        shown = self.tr(shown) if shown else state
        if device:
            text = self.tr("TensorFlow: {state} · {device}").format(state=shown, device=device)
        else:
            text = self.tr("TensorFlow: {state}").format(state=shown)
        self.tensorflow.setText(text)


def _count_text(errors: int, warnings: int) -> str:
    """"1 error · 2 warnings", each sentence whole in the interface's language."""
    error_text = (translate("StatusBar", "1 error") if errors == 1
                  else translate("StatusBar", "{count} errors").format(count=errors))
    warning_text = (translate("StatusBar", "1 warning") if warnings == 1
                    else translate("StatusBar", "{count} warnings").format(count=warnings))
    return translate("StatusBar", "{errors} · {warnings}").format(errors=error_text, warnings=warning_text)


def validity_html(report) -> str:
    """Always the counts ("✖ 1 error · 2 warnings", "✔ 0 errors · 0 warnings"), so a
    warning is never hidden behind a bare "valid"."""
    errors, warnings = len(report.errors), len(report.warnings)
    if errors:
        color, icon = style.error_color().name(), "✖"
    elif warnings:
        color, icon = style.warning_color().name(), "⚠"
    else:
        color, icon = style.ok_color().name(), "✔"
    return f"<span style='color:{color}'>{icon} {_count_text(errors, warnings)}</span>"


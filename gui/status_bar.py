"""The status bar: totals of the analysis, memory for a batch size, the counts of
errors and warnings, and whether TensorFlow is loaded (and on which device
training would run)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox, QStatusBar

from gui import format_text as ft
from gui.canvas import style


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
        self.batch.setPrefix("batch ")
        self.batch.setToolTip("Batch size used for the memory estimate")
        self.batch.valueChanged.connect(lambda _v: self.show_report(self.doc.report()) if self.doc else None)
        self.validity = QLabel()
        self.tensorflow = QLabel("TensorFlow: not loaded")
        for w in (self.params, self.macs, self.batch, self.memory, self.validity, self.tensorflow):
            self.addPermanentWidget(w)

    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.analyzed.disconnect(self.show_report)
        self.doc = doc
        doc.analyzed.connect(self.show_report)
        self.show_report(doc.report())

    def show_report(self, report) -> None:
        self.params.setText(f"{ft.count(report.total_params)} params")
        self.params.setToolTip(f"trainable {ft.count(report.trainable_params)}, "
                               f"non-trainable {ft.count(report.non_trainable_params)}")
        self.macs.setText(f"{ft.si(report.macs)} MACs")
        mem = report.memory_bytes(self.batch.value())
        self.memory.setText(f"≈ {ft.bytes_text(mem)} to train")
        self.memory.setToolTip("Weights, gradients and Adam slots plus the activations of one batch")
        self.validity.setText(validity_html(report))
        problems = [d.message for d in report.diagnostics[:8]]
        self.validity.setToolTip("<br>".join(problems) if problems else "The network is valid.")

    def set_tensorflow(self, state: str, device: str = "") -> None:
        text = f"TensorFlow: {state}"
        if device:
            text += f" · {device}"
        self.tensorflow.setText(text)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


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
    return (f"<span style='color:{color}'>{icon} {plural(errors, 'error')} · "
            f"{plural(warnings, 'warning')}</span>")

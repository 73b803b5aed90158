"""File ▸ Deploy…: export a trained network to TFLite / ONNX / SavedModel and
show, per format, how its export compares with Keras.

The person picks what to deploy (a training run of the document, its best or
last checkpoint; the document's saved trained weights; or a ``.keras`` file),
the formats, the ONNX opset, how many validation samples to verify on and the
output folder. ``neurocanvas deploy`` (`engine.deploy`) runs in a child
process watched from a worker thread (`gui.background`), so TensorFlow's converters never run in
the editor; its progress comes back through signals, the dialog stays usable
and Cancel interrupts it. The result is a table, one row per format, and
"Copy as Markdown" puts it on the clipboard. Nothing here converts or
measures anything: the engine does.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from engine.deploy.formats import DEFAULT_OPSET, FORMATS, OPSETS
from engine.deploy.report import (
    format_diff, format_latency, format_quality, format_size,
)
from gui import background
from gui.i18n import translate, tx
from gui.relayed import relayed, run_status

DEFAULT_FORMATS = ("tflite-float32", "tflite-int8", "onnx")
COLUMNS = (QT_TRANSLATE_NOOP("DeployDialog", "Format"), QT_TRANSLATE_NOOP("DeployDialog", "File"),
           QT_TRANSLATE_NOOP("DeployDialog", "Size"),
           QT_TRANSLATE_NOOP("DeployDialog", "max |Δ| vs Keras"),
           QT_TRANSLATE_NOOP("DeployDialog", "Accuracy"), QT_TRANSLATE_NOOP("DeployDialog", "Keras"),
           QT_TRANSLATE_NOOP("DeployDialog", "Latency (ms)"),
           QT_TRANSLATE_NOOP("DeployDialog", "Warning / notes"))
WARNING_BRUSH = QBrush(QColor(255, 236, 179))
REFUSED_BRUSH = QBrush(QColor(255, 205, 210))


class DeployWorker(QObject):
    """Runs ``neurocanvas deploy`` in a child process, watched from a thread;
    progress and the result arrive as signals on the GUI thread.

    A separate process keeps the editor safe from the converters: TensorFlow's
    converters are native code and can crash on an unusual graph, which must
    not take the document down with it. It also keeps the latency measurements
    free of the editor's own work. ``cancel()`` interrupts the child (it removes
    its temporary folder on the way out).
    """

    progress = Signal(float, str)
    finished = Signal(object)  # a DeployReport
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._process: subprocess.Popen | None = None
        self._cancelled = False
        self.running = False
        self.job: background.Job | None = None

    @staticmethod
    def command(source, formats, out_dir, dataset=None, samples=200, opset=DEFAULT_OPSET,
                checkpoint="best") -> list[str]:
        cmd = [sys.executable, "-m", "neurocanvas_cli", "deploy", str(source), "--format",
               ",".join(formats), "-o", str(out_dir), "--samples", str(int(samples)),
               "--opset", str(int(opset)), "--checkpoint", str(checkpoint)]
        return cmd + (["--dataset", str(dataset)] if dataset else [])

    def start(self, source, formats, out_dir, **options) -> None:
        self._cancelled = False
        self.running = True
        root = str(Path(__file__).resolve().parents[1])  # this checkout's engine package
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2",
               "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH"))
                                             if p)}
        source, out_dir = (str(Path(p).expanduser().absolute()) for p in (source, out_dir))
        # the result (stdout) goes to a file, so only stderr's progress is read as it comes
        output = tempfile.TemporaryFile("w+")
        try:
            self._process = subprocess.Popen(
                self.command(source, formats, out_dir, **options), stdout=output,
                stderr=subprocess.PIPE, text=True, env=env)
        except OSError as exc:
            output.close()
            self.running = False
            self.failed.emit(self.tr("The export could not be started: {error}.")
                             .format(error=exc))
            return
        _RUNNING.add(self._process)
        self.job = background.run(partial(_watch, self._process, output), self._ended,
                                  parent=self, with_task=True, on_progress=self.progress.emit,
                                  name="neurocanvas-deploy")

    def _ended(self, watched, error: str) -> None:
        """GUI thread: the child process has ended."""
        self.running = False
        if error:  # reading its output failed
            self.failed.emit(self.tr("The export could not be followed: {error}")
                             .format(error=error))
            return
        code, out, errors, last = watched
        report = _report_of(out)
        if report is not None:
            self.finished.emit(report)
        elif self._cancelled:
            self.finished.emit(_cancelled_report(last))
        elif errors:
            self.failed.emit(relayed(errors[-1], "deploy"))
        elif code < 0:
            self.failed.emit(self.tr("The converter crashed (signal {signal}) during “{step}”; "
                                     "the editor and the document are unaffected. Try the "
                                     "formats one by one to find the one that fails.")
                             .format(signal=-code, step=relayed(last, "deploy")))
        else:
            self.failed.emit(self.tr("The export ended without a result (exit {code}).")
                             .format(code=code))

    def cancel(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            self._cancelled = True
            process.send_signal(signal.SIGINT)  # the child cleans its work folder up


_PROGRESS = re.compile(r"^\[\s*(?P<pct>\d+)%\] (?P<text>.*)$")
_RUNNING: set = set()


@atexit.register
def _stop_children() -> None:
    """An export still running when the editor quits is interrupted."""
    for process in list(_RUNNING):
        if process.poll() is None:
            process.send_signal(signal.SIGINT)


def _watch(process, output, task):
    """Worker thread: follow the child's progress lines until it ends;
    ``(exit code, stdout, error lines, last progress text)``."""
    last, errors = "", []
    try:
        for line in process.stderr:
            line = line.rstrip()
            m = _PROGRESS.match(line)
            if m:
                last = m["text"]
                task.progress(float(m["pct"]) / 100.0, last)  # translated on the GUI thread
            elif line.startswith("neurocanvas: "):
                errors.append(line[len("neurocanvas: "):])
        code = process.wait()
        output.seek(0)
        out = output.read()
    finally:
        output.close()
        _RUNNING.discard(process)
    return code, out, errors, last


def _report_of(stdout: str):
    from engine.deploy.report import DeployReport

    for line in reversed(stdout.strip().splitlines()):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and "exports" in data:
            return DeployReport.from_dict(data)
    return None


def _cancelled_report(last: str):
    from engine.deploy.report import DeployReport

    return DeployReport(f"(cancelled during “{last}”)" if last else "(cancelled)", "", 0,
                        cancelled=True)


def _cancelled_step(source: str) -> str:
    """The step a cancelled export was in, from its report's source ('' if unknown)."""
    m = re.fullmatch(r"\(cancelled during “(.*)”\)", source or "", re.DOTALL)
    return m[1] if m else ""


def document_sources(doc) -> list[tuple[str, str]]:
    """``(label, path)`` of what a document offers to deploy: its runs that
    saved a model (newest first), and its saved trained weights."""
    from engine.training.runs import list_runs, runs_folder
    from engine.weights import weights_path

    if doc is None:
        return []
    folders = []
    if "gui.training.controller" in sys.modules:  # the dashboard ran: maybe scratch runs too
        from gui.training.controller import document_runs_folders

        folders = document_runs_folders(doc)
    elif doc.path is not None:
        folders = [runs_folder(doc.path)]
    out = []
    for folder in folders:
        for run in reversed(list_runs(folder)):
            if not (run.best_model_path.exists() or run.last_model_path.exists()):
                continue
            best = run.best or {}
            value = best.get("value")
            if value is not None:
                label = translate("DeployDialog", "Run {run} — {status}, {epochs} epochs, best "
                                  "{monitor} {value}").format(
                    run=run.path.name, status=run_status(run.status), epochs=run.epochs_run,
                    monitor=best.get("monitor"), value=f"{value:.4g}")
            else:
                label = translate("DeployDialog", "Run {run} — {status}, {epochs} epochs").format(
                    run=run.path.name, status=run_status(run.status), epochs=run.epochs_run)
            out.append((label, str(run.path)))
    if doc.path is not None and weights_path(doc.path).exists():
        out.append((translate("DeployDialog", "The document's trained weights ({file}, as saved)")
                    .format(file=Path(doc.path).name), str(doc.path)))
    return out


class DeployDialog(QDialog):
    """The Deploy dialog. ``sources`` are ``(label, path)`` pairs offered first."""

    def __init__(self, sources=(), default_dir: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deploy"))
        self.setObjectName("deploy-dialog")
        self.report = None
        self.worker = DeployWorker(self)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self._build(list(sources), default_dir)
        self.resize(980, 560)

    @classmethod
    def open_for(cls, window) -> "DeployDialog":
        """Show the window's Deploy dialog: the one still exporting, or a new
        one listing what the current document offers."""
        current = getattr(window, "deploy_dialog", None)
        if current is None or not current.worker.running:
            current = window.deploy_dialog = cls.for_window(window)
        current.show()
        current.raise_()
        current.activateWindow()
        return current

    @classmethod
    def for_window(cls, window) -> "DeployDialog":
        doc = window.doc
        default = None
        if doc is not None and doc.path is not None:
            default = str(Path(doc.path).with_name(Path(doc.path).stem + "-deploy"))
        return cls(document_sources(doc), default, window)

    # ------------------------------------------------------------ layout --
    def _build(self, sources, default_dir) -> None:
        root = QVBoxLayout(self)
        what = QGroupBox(self.tr("What to deploy"))
        form = QFormLayout(what)
        row = QHBoxLayout()
        self.source_box = QComboBox()
        self.source_box.setMinimumWidth(480)
        for label, path in sources:
            self.source_box.addItem(label, path)
        if not sources:
            self.source_box.addItem(
                self.tr("Nothing trained yet: choose a run folder or a .keras file"), None)
        self.browse_source = QPushButton(self.tr("Choose…"))
        self.browse_source.clicked.connect(self._choose_source)
        row.addWidget(self.source_box, 1)
        row.addWidget(self.browse_source)
        form.addRow(self.tr("Model:"), row)
        self.checkpoint_box = QComboBox()
        self.checkpoint_box.addItem(self.tr("best (the best validation epoch)"), "best")
        self.checkpoint_box.addItem(self.tr("last (the end of training)"), "last")
        form.addRow(self.tr("Checkpoint of a run:"), self.checkpoint_box)
        self.dataset_box = QComboBox()
        self.dataset_box.addItem(self.tr("the document's own data"), None)
        for name in _dataset_names():
            self.dataset_box.addItem(name, name)
        self.dataset_box.setToolTip(self.tr("The data to verify on (and to calibrate int8 with). "
                                            "A .keras file has none of its own: choose the one "
                                            "it was trained on."))
        form.addRow(self.tr("Verify on:"), self.dataset_box)
        root.addWidget(what)

        how = QGroupBox(self.tr("Formats"))
        grid = QGridLayout(how)
        self.format_boxes: dict[str, QCheckBox] = {}
        for i, fmt in enumerate(FORMATS.values()):
            box = QCheckBox(tx(fmt.label))
            box.setObjectName(f"format-{fmt.id}")
            box.setToolTip(tx(fmt.description))
            box.setChecked(fmt.id in DEFAULT_FORMATS)
            box.toggled.connect(self._update_buttons)
            self.format_boxes[fmt.id] = box
            grid.addWidget(box, i // 3, i % 3)
        options = QHBoxLayout()
        self.opset_spin = QSpinBox()
        self.opset_spin.setRange(OPSETS[0], OPSETS[-1])
        self.opset_spin.setValue(DEFAULT_OPSET)
        self.samples_spin = QSpinBox()
        self.samples_spin.setRange(1, 100000)
        self.samples_spin.setValue(200)
        options.addWidget(QLabel(self.tr("ONNX opset:")))
        options.addWidget(self.opset_spin)
        options.addSpacing(24)
        options.addWidget(QLabel(self.tr("Validation samples:")))
        options.addWidget(self.samples_spin)
        options.addStretch(1)
        grid.addLayout(options, 2, 0, 1, 3)
        root.addWidget(how)

        out = QHBoxLayout()
        self.out_edit = QLineEdit(default_dir or "")
        self.out_edit.setPlaceholderText(self.tr("the folder to write the exports into"))
        self.out_edit.textChanged.connect(self._update_buttons)
        self.browse_out = QPushButton(self.tr("Browse…"))
        self.browse_out.clicked.connect(self._choose_output)
        out.addWidget(QLabel(self.tr("Output folder:")))
        out.addWidget(self.out_edit, 1)
        out.addWidget(self.browse_out)
        root.addLayout(out)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("DeployDialog", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        root.addWidget(self.table, 1)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        root.addWidget(self.progress)
        root.addWidget(self.status)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy as Markdown"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_markdown)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        for b in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        root.addLayout(buttons)
        self._update_buttons()

    # ----------------------------------------------------------- choices --
    def chosen_formats(self) -> list[str]:
        return [fid for fid, box in self.format_boxes.items() if box.isChecked()]

    def add_source(self, path: str, label: str | None = None) -> None:
        """Offer ``path`` (a run folder, document or .keras file) and select it."""
        if self.source_box.count() == 1 and self.source_box.itemData(0) is None:
            self.source_box.clear()
        self.source_box.addItem(label or str(path), str(path))
        self.source_box.setCurrentIndex(self.source_box.count() - 1)
        if str(path).endswith(".keras") and self.dataset_box.currentData() is None:
            self.status.setText(
                self.tr("A .keras file carries no data: choose the dataset to verify on."))
        self._update_buttons()

    def _choose_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Model to deploy"), self.out_edit.text() or str(Path.home()),
            self.tr("Keras model, run record or document (*.keras run.json *.json)"))
        if path:
            self.add_source(str(Path(path).parent) if Path(path).name == "run.json" else path)

    def _choose_output(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Output folder"),
                                                self.out_edit.text() or str(Path.home()))
        if path:
            self.out_edit.setText(path)

    def _update_buttons(self, *_args) -> None:
        busy = self.worker.running
        ready = (self.source_box.currentData() is not None and bool(self.chosen_formats())
                 and bool(self.out_edit.text().strip()))
        self.export_button.setEnabled(ready and not busy)
        self.cancel_button.setEnabled(busy)
        self.opset_spin.setEnabled(self.format_boxes["onnx"].isChecked() and not busy)
        for w in (self.source_box, self.browse_source, self.checkpoint_box, self.dataset_box,
                  self.out_edit, self.browse_out, self.samples_spin, *self.format_boxes.values()):
            w.setEnabled(not busy)

    # -------------------------------------------------------------- work --
    def start(self) -> bool:
        source = self.source_box.currentData()
        formats = self.chosen_formats()
        out_dir = self.out_edit.text().strip()
        if source is None or not formats or not out_dir or self.worker.running:
            return False
        self.table.setRowCount(0)
        self.report = None
        self.copy_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Starting…"))
        self.worker.start(source, formats, out_dir, dataset=self.dataset_box.currentData(),
                          samples=self.samples_spin.value(), opset=self.opset_spin.value(),
                          checkpoint=self.checkpoint_box.currentData())
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self.worker.running:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(round(100 * fraction)))
        self.status.setText(relayed(text, "deploy"))

    def _on_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.status.setText(self.tr("Cannot deploy: {reason}").format(reason=message))
        self._update_buttons()

    def _on_finished(self, report) -> None:
        self.report = report
        if report.cancelled and not report.rows:
            step = _cancelled_step(report.source)
            if step:
                text = self.tr("Cancelled during “{step}”. Formats finished before stay in the "
                               "output folder; nothing half-made is left.").format(
                    step=relayed(step, "deploy"))
            else:
                text = self.tr("Cancelled. Formats finished before stay in the output folder; "
                               "nothing half-made is left.")
            self.status.setText(text)
            self.table.setRowCount(0)
            self._update_buttons()
            return
        self.progress.setValue(100)
        self._fill(report)
        refused = sum(1 for r in report.rows if not r.ok)
        warned = sum(1 for r in report.rows if r.ok and r.warning)
        sentences = [self.tr("{exported} of {total} exported to {folder}, verified on {samples} "
                             "validation samples of {source}.").format(
            exported=len(report.rows) - refused, total=len(report.rows), folder=report.out_dir,
            samples=report.samples, source=relayed(report.source, "deploy"))]
        if report.cancelled:
            sentences.insert(0, self.tr("Cancelled."))
        if refused:
            sentences.append(self.tr("{count} refused (see the table).").format(count=refused))
        if warned:
            sentences.append(self.tr("{count} with a warning.").format(count=warned))
        self.status.setText(" ".join(sentences))
        self.copy_button.setEnabled(bool(report.rows))
        self._update_buttons()

    def _fill(self, report) -> None:
        classification = report.task != "regression"
        self.table.horizontalHeaderItem(4).setText(self.tr("Accuracy") if classification
                                                   else self.tr("MAE"))
        self.table.horizontalHeaderItem(5).setText(self.tr("Keras") if classification
                                                   else self.tr("Keras MAE"))
        self.table.setRowCount(len(report.rows))
        for i, row in enumerate(report.rows):
            if row.ok:
                ours, ref = ((row.accuracy, row.keras_accuracy) if classification
                             else (row.error, row.keras_error))
                notes = [relayed(n, "deploy") for n in row.notes]
                cells = [tx(FORMATS[row.format].label), Path(row.path).name,
                         format_size(row.size_bytes), format_diff(row.max_abs_diff),
                         format_quality(ours, classification), format_quality(ref, classification),
                         format_latency(row.latency_ms),
                         relayed(row.warning, "deploy") or "; ".join(notes)]
                brush = WARNING_BRUSH if row.warning else None
                tip = "\n".join([row.path, *notes])
            else:
                cells = [tx(FORMATS[row.format].label), "—", "—", "—", "—", "—", "—",
                         self.tr("Refused: {reason}").format(
                             reason=relayed(row.refused, "deploy"))]
                brush = REFUSED_BRUSH
                tip = relayed(row.hint, "deploy") or ""
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if brush is not None:
                    item.setBackground(brush)
                    item.setForeground(QBrush(QColor(33, 33, 33)))
                if 2 <= j <= 6:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)

    def copy_markdown(self) -> str:
        if self.report is None:
            return ""
        text = self.report.to_markdown()
        QGuiApplication.clipboard().setText(text)
        self.status.setText(self.tr("The table is on the clipboard as Markdown."))
        return text

    def closeEvent(self, event) -> None:
        self.worker.cancel()  # a running export stops after its current format
        super().closeEvent(event)


def _dataset_names() -> list[str]:
    try:
        from engine.data.registry import list_datasets

        return [info.name for info in list_datasets()
                if info.name not in ("csv", "arrays", "image_folder")]  # these need a file
    except Exception:  # the picker still works with the document's own data
        return []


__all__ = ["DeployDialog", "DeployWorker", "document_sources"]

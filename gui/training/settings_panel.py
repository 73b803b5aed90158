"""Training settings: optimizer and its hyperparameters, loss and metrics per
output, epochs, batch size, callbacks, and the learning-rate schedule with a
live preview of the planned rate over the whole run; an LR finder.

Every change is stored in the document's ``training`` section through an
undoable command. The preview is computed on a worker thread (it needs
Keras for most schedules), so typing never waits for it.
"""

from __future__ import annotations

import json

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from gui.background import Worker
from gui.i18n import translate, tx
from gui.training import sections
from gui.training.controller import catching, settle
from gui.training.plots import common

AUTO = QT_TRANSLATE_NOOP("SettingsPanel", "automatic (suits the data)")
PER = {"step": QT_TRANSLATE_NOOP("SettingsPanel", "step"),
       "epoch": QT_TRANSLATE_NOOP("SettingsPanel", "epoch")}
MONITORS = ("val_loss", "val_accuracy", "loss", "accuracy")
TENSORBOARD = {"histogram_freq": 1, "write_graph": True, "update_freq": "epoch"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)


def _parse(text: str):
    text = text.strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


class ParamForm(QWidget):
    """Line edits for a dict of parameters (numbers, flags, lists, null)."""

    def __init__(self, on_edit, parent=None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit | QCheckBox] = {}
        self.on_edit = on_edit

    def set_params(self, params: dict, skip=()) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits.clear()
        for key, value in params.items():
            if key in skip:
                continue
            if isinstance(value, bool):
                w = QCheckBox()
                w.setChecked(value)
                w.toggled.connect(lambda _c: self.on_edit())
            else:
                w = QLineEdit(_text(value))
                w.setPlaceholderText(self.tr("empty = default / whole run"))
                w.editingFinished.connect(self.on_edit)
            self.form.addRow(key, w)
            self.edits[key] = w

    def values(self) -> dict:
        out = {}
        for key, w in self.edits.items():
            out[key] = w.isChecked() if isinstance(w, QCheckBox) else _parse(w.text())
        return out

    def set_enabled_param(self, key: str, enabled: bool) -> None:
        w = self.edits.get(key)
        if w is not None:
            w.setEnabled(enabled)


def _factor_patience(factor: QWidget, patience: QWidget) -> QHBoxLayout:
    """``factor [..] patience [..]`` on one line (reduce on plateau, divergence)."""
    row = QHBoxLayout()
    row.addWidget(QLabel(translate("SettingsPanel", "factor")))
    row.addWidget(factor)
    row.addWidget(QLabel(translate("SettingsPanel", "patience")))
    row.addWidget(patience)
    return row


class SettingsPanel(QWidget):
    """The training settings of the open document, in sections: Run,
    Optimizer, Learning-rate schedule (with its preview and the LR finder),
    Loss and metrics, Callbacks. Each section is built by its own method."""

    def __init__(self, window=None, parent=None):
        super().__init__(parent)
        self.window = window
        self.doc = None
        self.dataset = None
        self.planned: np.ndarray | None = None
        self.preview_error = ""
        self._updating = False
        self.preview_worker = Worker(self)
        # the LR finder builds a Keras model: it waits for TensorFlow's import
        self.finder_worker = Worker(self, tensorflow=getattr(window, "tensorflow", None))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.update_preview)
        self.board = None  # the TensorBoard process (gui.training.tensorboard_process)
        self.suggested_lr: float | None = None

        groups = (self._run_section(), self._optimizer_section(), self._schedule_section(),
                     self._loss_section(), self._callbacks_section())
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self._connect_edits()
        self._lay_out(groups)

    # ------------------------------------------------------------------ sections --
    def _run_section(self) -> QGroupBox:
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100000)
        self.batch = QSpinBox()
        self.batch.setRange(1, 65536)
        self.shuffle = QCheckBox(self.tr("shuffle each epoch"))
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("random"))
        run = QGroupBox(self.tr("Run"))
        rf = QFormLayout(run)
        rf.addRow(self.tr("Epochs"), self.epochs)
        rf.addRow(self.tr("Batch size"), self.batch)
        rf.addRow("", self.shuffle)
        rf.addRow(self.tr("Seed"), self.seed)
        return run

    def _optimizer_section(self) -> QGroupBox:
        from engine.training.compile import OPTIMIZERS

        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.opt_form = ParamForm(self._edited)
        opt = QGroupBox(self.tr("Optimizer"))
        of = QFormLayout(opt)
        of.addRow(self.tr("Optimizer"), self.optimizer)
        of.addRow(self.opt_form)
        return opt

    def _loss_section(self) -> QGroupBox:
        from engine.training.compile import LOSSES, METRIC_NAMES

        self.loss = QComboBox()
        self.loss.addItem(self.tr(AUTO), AUTO)
        for name in LOSSES:
            self.loss.addItem(name, name)
        self.metrics = QLineEdit()
        self.metrics.setToolTip(self.tr("Comma-separated: {names}").format(names=", ".join(METRIC_NAMES)))
        self.from_logits = QCheckBox(self.tr("from_logits (the output has no softmax/sigmoid)"))
        loss = QGroupBox(self.tr("Loss and metrics"))
        lf = QFormLayout(loss)
        lf.addRow(self.tr("Loss"), self.loss)
        lf.addRow("", self.from_logits)
        lf.addRow(self.tr("Metrics"), self.metrics)
        return loss

    def _schedule_section(self) -> QGroupBox:
        """The schedule, its parameters, the preview of the planned rate and the LR finder."""
        from engine.training.schedules import SCHEDULES

        self.schedule = QComboBox()
        self.schedule.addItems(list(SCHEDULES))
        self.per = QComboBox()
        for key, text in PER.items():
            self.per.addItem(self.tr(text), key)
        self.per.setToolTip(self.tr("Whether the schedule's step counts are optimizer steps or epochs"))
        self.sched_form = ParamForm(self._edited)
        self.preview = common.plot_widget(self.tr("planned learning rate"), bottom=self.tr("epoch"))
        self.preview.setMinimumHeight(150)
        p = self.preview.getPlotItem()
        self.preview_curve = p.plot([], [], pen=pg.mkPen(common.color(2), width=2))
        self.preview_info = QLabel("")
        self.finder_button = QPushButton(self.tr("Find a learning rate…"))
        self.finder_button.setToolTip(self.tr("Sweep the learning rate over one epoch and plot the loss"))
        self.finder_button.clicked.connect(self.run_lr_finder)
        self.finder_plot = common.plot_widget(self.tr("LR finder: loss vs learning rate"),
                                              bottom=self.tr("learning rate"))
        self.finder_plot.getPlotItem().setLogMode(x=True)
        self.finder_plot.setMinimumHeight(150)
        self.finder_plot.hide()
        self.finder_curve = self.finder_plot.getPlotItem().plot([], [], pen=pg.mkPen(common.color(0), width=2))
        self.finder_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(common.color(1), style=Qt.DashLine))
        self.finder_plot.getPlotItem().addItem(self.finder_line)
        self.finder_use = QPushButton(self.tr("Use it"))
        self.finder_use.hide()
        self.finder_use.clicked.connect(self.use_suggested_lr)
        sched = QGroupBox(self.tr("Learning-rate schedule"))
        sf = QFormLayout(sched)
        sf.addRow(self.tr("Schedule"), self.schedule)
        sf.addRow(self.tr("Steps counted per"), self.per)
        sf.addRow(self.sched_form)
        sf.addRow(self.preview)
        sf.addRow(self.preview_info)
        finder = QHBoxLayout()
        finder.addWidget(self.finder_button)
        finder.addWidget(self.finder_use)
        finder.addStretch(1)
        sf.addRow(finder)
        sf.addRow(self.finder_plot)
        return sched

    def _callbacks_section(self) -> QGroupBox:
        """Early stopping, reduce on plateau, divergence, checkpoint, CSV and TensorBoard."""
        self.early = QCheckBox(self.tr("Early stopping"))
        self.early_patience = QSpinBox()
        self.early_patience.setRange(1, 10000)
        self.early_monitor = QComboBox()
        self.early_monitor.setEditable(True)   # any logged metric, e.g. val_auc
        self.early_monitor.addItems(list(MONITORS))
        self.early_monitor.setToolTip(self.tr("The logged value to watch (val_… needs validation data)"))
        self.early_mode = QComboBox()
        self.early_mode.addItems(["auto", "min", "max"])
        self.early_mode.setToolTip(self.tr("min: stop when it stops falling; max: when it stops "
                                           "rising; auto: from the name"))
        self.early_delta = QDoubleSpinBox()
        self.early_delta.setDecimals(5)
        self.early_delta.setRange(0.0, 1e6)
        self.early_delta.setSingleStep(0.001)
        self.early_delta.setToolTip(self.tr("min_delta: a smaller change does not count as an "
                                            "improvement"))
        self.early_restore = QCheckBox(self.tr("restore the best weights"))
        self.tensorboard = QCheckBox(self.tr("TensorBoard log (scalars, histograms, graph)"))
        self.tensorboard.setToolTip(self.tr("Write a TensorBoard log in each run's folder "
                                            "(keras.callbacks.TensorBoard)"))
        self.open_tensorboard = QPushButton(self.tr("Open in TensorBoard"))
        self.open_tensorboard.setToolTip(self.tr("Start TensorBoard on a free local port with this "
                                                 "document's runs and open it in the browser"))
        self.open_tensorboard.clicked.connect(lambda: self.start_tensorboard())
        self.tensorboard_info = QLabel("")
        self.tensorboard_info.setWordWrap(True)
        self.tensorboard_info.setTextInteractionFlags(Qt.TextBrowserInteraction)
        self.tensorboard_info.setOpenExternalLinks(True)
        self.reduce = QCheckBox(self.tr("Reduce LR on plateau"))
        self.reduce_factor = QLineEdit()
        self.reduce_patience = QSpinBox()
        self.reduce_patience.setRange(1, 10000)
        self.diverge = QCheckBox(self.tr("Stop a diverging run"))
        self.diverge.setToolTip(self.tr("Stop when the loss exceeds factor × its best, or grows for "
                                        "patience epochs in a row, and restore the best weights seen"))
        self.diverge_factor = QDoubleSpinBox()
        self.diverge_factor.setRange(1.5, 1e6)
        self.diverge_factor.setDecimals(1)
        self.diverge_patience = QSpinBox()
        self.diverge_patience.setRange(1, 10000)
        self.checkpoint = QCheckBox(self.tr("Keep the best model (checkpoint)"))
        self.csv = QCheckBox(self.tr("CSV log"))

        cb = QGroupBox(self.tr("Callbacks"))
        cf = QFormLayout(cb)
        cf.addRow(self.early, self.early_patience)
        self.early_patience.setPrefix(self.tr("patience "))
        early = QHBoxLayout()
        early.addWidget(self.early_monitor)
        early.addWidget(self.early_mode)
        cf.addRow("    " + self.tr("monitor, mode"), early)
        cf.addRow("    min_delta", self.early_delta)
        cf.addRow("", self.early_restore)
        cf.addRow(self.reduce, _factor_patience(self.reduce_factor, self.reduce_patience))
        cf.addRow(self.diverge, _factor_patience(self.diverge_factor, self.diverge_patience))
        cf.addRow(self.checkpoint)
        cf.addRow(self.csv)
        cf.addRow(self.tensorboard)
        cf.addRow(self.open_tensorboard)
        cf.addRow(self.tensorboard_info)
        return cb

    def _connect_edits(self) -> None:
        """Every control stores its change in the document (`_edited`)."""
        for w in (self.epochs, self.batch, self.early_patience, self.reduce_patience,
                  self.early_delta, self.diverge_factor, self.diverge_patience):
            w.valueChanged.connect(lambda _v: self._edited())
        for w in (self.shuffle, self.from_logits, self.early, self.reduce, self.checkpoint, self.csv,
                  self.diverge, self.early_restore, self.tensorboard):
            w.toggled.connect(lambda _c: self._edited())
        self.early_mode.currentIndexChanged.connect(lambda _i: self._edited())
        self.early_monitor.currentTextChanged.connect(lambda _t: self._edited())
        for w in (self.seed, self.metrics, self.reduce_factor):
            w.editingFinished.connect(self._edited)
        self.loss.currentIndexChanged.connect(lambda _i: self._edited())
        self.per.currentIndexChanged.connect(lambda _i: self._edited())
        self.optimizer.currentIndexChanged.connect(lambda _i: self._optimizer_changed())
        self.schedule.currentIndexChanged.connect(lambda _i: self._schedule_changed())

    def _lay_out(self, groups) -> None:
        """The sections one under the other in a scroll area."""
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for g in groups:
            layout.addWidget(g)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        from gui import wheel_guard

        wheel_guard.install()           # the wheel scrolls the panel, never changes a value by itself
        wheel_guard.scroll_past_plots(self)

    # ------------------------------------------------------------------ document --
    def set_document(self, doc) -> None:
        if self.doc is not None:
            try:
                self.doc.undo_stack.indexChanged.disconnect(self._stack_moved)
            except (RuntimeError, TypeError):
                pass
        self.doc = doc
        doc.undo_stack.indexChanged.connect(self._stack_moved)
        self.dataset = None     # the next document's data decides the steps per epoch
        self.clear_lr_finder()
        self.tensorboard_info.setText("")
        self.show_settings()

    def showEvent(self, event):
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._preview_timer.start()

    def set_dataset(self, dataset) -> None:
        """The loaded training data (its size decides the steps per epoch)."""
        self.dataset = dataset
        self._preview_timer.start()

    @common.while_alive
    def _stack_moved(self, _index) -> None:
        stored = self.doc.network.extra.get(sections.TRAINING)
        if stored is not None and stored != self.training_dict():
            self.show_settings()

    def show_settings(self) -> None:
        s, problem = sections.training_settings(self.doc.network)
        raw_outputs = ((self.doc.network.extra.get(sections.TRAINING) or {}).get("compile") or {}).get("outputs")
        self._updating = True
        try:
            self.epochs.setValue(int(s.epochs))
            self.batch.setValue(int(s.batch_size))
            self.shuffle.setChecked(bool(s.shuffle))
            self.seed.setText("" if s.seed is None else str(s.seed))
            o = s.compile.optimizer
            self.optimizer.setCurrentText(o.name)
            self.opt_form.set_params(o.full_params())
            sched = o.lr_settings()
            self.schedule.setCurrentText(sched.kind)
            self.per.setCurrentIndex(max(0, self.per.findData(sched.per)))
            self.sched_form.set_params({} if sched.is_constant else sched.full_params())
            self.opt_form.set_enabled_param("learning_rate", sched.is_constant)
            if raw_outputs:
                out = next(iter(s.compile.outputs.values()))
                self.loss.setCurrentIndex(max(0, self.loss.findData(out.loss_name)))
                self.from_logits.setChecked(out.from_logits)
                self.metrics.setText(", ".join(out.metrics))
            else:
                self.loss.setCurrentIndex(0)
                self.from_logits.setChecked(False)
                self.metrics.setText("accuracy")
            cbs = s.callbacks
            es, rl = cbs.section("early_stopping"), cbs.section("reduce_lr")
            self.early.setChecked(es is not None)
            from engine.training.callbacks import DEFAULTS

            es = es or DEFAULTS["early_stopping"]
            self.early_patience.setValue(int(es.get("patience", 10)))
            self.early_monitor.setCurrentText(str(es.get("monitor", "val_loss")))
            self.early_mode.setCurrentText(str(es.get("mode", "auto")))
            self.early_delta.setValue(float(es.get("min_delta") or 0.0))
            self.early_restore.setChecked(bool(es.get("restore_best_weights", True)))
            for w in (self.early_monitor, self.early_mode, self.early_delta, self.early_restore):
                w.setEnabled(self.early.isChecked())
            self.tensorboard.setChecked(cbs.section("tensorboard") is not None)
            self.reduce.setChecked(rl is not None)
            rl = rl or {"factor": 0.5, "patience": 5}
            self.reduce_factor.setText(str(rl.get("factor", 0.5)))
            self.reduce_patience.setValue(int(rl.get("patience", 5)))
            dv = cbs.section("divergence")
            self.diverge.setChecked(dv is not None)
            dv = dv or DEFAULTS["divergence"]
            self.diverge_factor.setValue(float(dv.get("factor", 20.0)))
            self.diverge_patience.setValue(int(dv.get("patience", 5)))
            self.checkpoint.setChecked(cbs.section("checkpoint") is not None)
            self.csv.setChecked(cbs.section("csv_log") is not None)
        finally:
            self._updating = False
        self.problems.setText(tx(problem))
        self._preview_timer.start()

    # ------------------------------------------------------------------ editing --
    def _optimizer_changed(self) -> None:
        if self._updating:
            return
        from engine.training.compile import OptimizerSettings

        lr = self.opt_form.values().get("learning_rate")
        o = OptimizerSettings(self.optimizer.currentText())
        params = o.full_params()
        if lr is not None:
            params["learning_rate"] = lr
        self._updating = True
        try:
            self.opt_form.set_params(params)
        finally:
            self._updating = False
        self._edited()

    def _schedule_changed(self) -> None:
        if self._updating:
            return
        from engine.training.schedules import ScheduleSettings

        kind = self.schedule.currentText()
        params = ScheduleSettings(kind).full_params()
        lr = self.opt_form.values().get("learning_rate")
        if lr is not None:
            for key in ("initial_learning_rate", "learning_rate"):
                if key in params:
                    params[key] = lr
        self._updating = True
        try:
            self.sched_form.set_params({} if kind == "constant" else params)
            self.opt_form.set_enabled_param("learning_rate", kind == "constant")
        finally:
            self._updating = False
        self._edited()

    def training_dict(self) -> dict:
        """The training section the editors show."""
        opt = {"name": self.optimizer.currentText(), **{k: v for k, v in self.opt_form.values().items()}}
        kind = self.schedule.currentText()
        if kind != "constant":
            sched = {"kind": kind, **self.sched_form.values()}
            if self.per.currentData() != "step":
                sched["per"] = self.per.currentData()
            opt["schedule"] = sched
        outputs = {}
        if self.loss.currentData() != AUTO:
            loss = {"loss": self.loss.currentData(),
                    "metrics": [m.strip() for m in self.metrics.text().split(",") if m.strip()]}
            if self.from_logits.isChecked():
                loss["from_logits"] = True
            outputs = {"*": loss}
        callbacks = {}
        if self.early.isChecked():
            callbacks["early_stopping"] = {
                "patience": self.early_patience.value(),
                "monitor": self.early_monitor.currentText().strip() or "val_loss",
                "mode": self.early_mode.currentText(),
                "min_delta": round(self.early_delta.value(), 6),
                "restore_best_weights": self.early_restore.isChecked()}
        if self.tensorboard.isChecked():
            callbacks["tensorboard"] = dict(TENSORBOARD)
        if self.reduce.isChecked():
            factor = _parse(self.reduce_factor.text())
            callbacks["reduce_lr"] = {"factor": factor if isinstance(factor, (int, float)) else 0.5,
                                      "patience": self.reduce_patience.value()}
        callbacks["divergence"] = ({"factor": round(self.diverge_factor.value(), 3),
                                    "patience": self.diverge_patience.value()}
                                   if self.diverge.isChecked() else False)
        if self.checkpoint.isChecked():
            callbacks["checkpoint"] = {}
        if self.csv.isChecked():
            callbacks["csv_log"] = {}
        seed = _parse(self.seed.text())
        from engine.training.settings import TrainingSettings

        try:
            s = TrainingSettings.from_dict({
                "epochs": self.epochs.value(), "batch_size": self.batch.value(),
                "shuffle": self.shuffle.isChecked(), "seed": seed if isinstance(seed, int) else None,
                "compile": {"optimizer": opt, "outputs": outputs or None}, "callbacks": callbacks})
            out = s.to_dict()
        except Exception as exc:  # a malformed entry: keep what can be kept, say why
            self.problems.setText(tx(getattr(exc, "message", None) or str(exc)))
            return self.doc.network.extra.get(sections.TRAINING) or {}
        if not outputs:
            out["compile"]["outputs"] = {}  # the run chooses a loss that suits the data
        return out

    def _edited(self) -> None:
        if self._updating or self.doc is None:
            return
        for w in (self.early_monitor, self.early_mode, self.early_delta, self.early_restore):
            w.setEnabled(self.early.isChecked())
        value = self.training_dict()
        sections.set_section(self.doc, sections.TRAINING, value, field="edit",
                             text=self.tr("Change training settings"))
        self._validate()
        self._preview_timer.start()

    def _validate(self) -> None:
        s, problem = sections.training_settings(self.doc.network)
        diags = [d for d in s.validate(None, True) if d.is_error]
        lines = [tx(problem)] if problem else []
        lines += [tx(d.message) + (f" — {tx(d.hint)}" if d.hint else "") for d in diags]
        self.problems.setText(common.html_lines(lines))

    # ------------------------------------------------------------------ preview --
    def steps_per_epoch(self) -> int:
        n = self.dataset.num_train if self.dataset is not None else 1000
        return max(1, -(-int(n) // max(1, self.batch.value())))

    def update_preview(self) -> None:
        """Recompute the planned LR over the whole run (worker thread)."""
        if self.doc is None:
            return
        if not self.isVisible():  # computed when shown (it may import Keras)
            self._stale = True
            return
        self._stale = False
        from engine.training.compile import OptimizerSettings
        from engine.training.schedules import planned_lr

        training = self.training_dict()
        try:
            sched = OptimizerSettings.from_dict(training["compile"]["optimizer"]).lr_settings()
        except Exception as exc:
            self._previewed(None, tx(getattr(exc, "message", None) or str(exc)))
            return
        spe, epochs = self.steps_per_epoch(), self.epochs.value()
        self._preview_spe = spe
        self.preview_worker.run(catching(lambda: planned_lr(sched, spe, epochs)), self._previewed)

    @common.while_alive
    def _previewed(self, values, error: str) -> None:
        values, error = settle(values, error)
        self.preview_error = error
        if error or values is None:
            self.planned = None
            self.preview_curve.setData([], [])
            self.preview_info.setText(common.coloured(error, common.error_color()))
            return
        self.planned = np.asarray(values, dtype="float64")
        spe = getattr(self, "_preview_spe", 1)
        x = (np.arange(len(self.planned)) + 1) / spe
        self.preview_curve.setData(x, self.planned)
        if len(self.planned):
            values = dict(steps=len(self.planned), per_epoch=spe, first=f"{self.planned[0]:.3g}",
                          last=f"{self.planned[-1]:.3g}", peak=f"{self.planned.max():.3g}")
            if self.dataset is not None:
                text = self.tr("{steps} steps ({per_epoch} per epoch) · from {first} to {last}, "
                               "peak {peak}")
            else:
                text = self.tr("{steps} steps ({per_epoch} per epoch (assuming 1,000 training samples "
                               "until the data is loaded)) · from {first} to {last}, peak {peak}")
            self.preview_info.setText(text.format(**values))

    # ------------------------------------------------------------------ LR finder --
    def run_lr_finder(self) -> bool:
        """Sweep the learning rate over one epoch on a throw-away copy of the model."""
        if self.doc is None or self.finder_worker.busy:
            return False
        try:
            import importlib

            importlib.import_module("engine.training.lr_finder")
        except ImportError:
            self.preview_info.setText(self.tr("The LR finder is not available in this version."))
            return False
        net = self.doc.network.copy()
        results: list = []

        def work():
            from engine.events import EventKind
            from engine.training.session import prepare_training

            session = prepare_training(net, None, sections.data_overrides(net) or None, record=False)
            session.trainer.subscribe(
                lambda e: results.append(e.data) if e.kind == EventKind.LR_FINDER else None)
            out = session.trainer.find_lr()
            return out if isinstance(out, dict) and "lrs" in out else (results[-1] if results else out)

        self.finder_button.setEnabled(False)
        self.finder_button.setText(self.tr("Finding a learning rate…"))
        self.finder_worker.run(catching(work), self._finder_done)
        return True

    @common.while_alive
    def _finder_done(self, result, error: str) -> None:
        result, error = settle(result, error)
        self.finder_button.setEnabled(True)
        self.finder_button.setText(self.tr("Find a learning rate…"))
        if error:
            self.preview_info.setText(common.coloured(self.tr("LR finder: {error}").format(error=error),
                                                      common.error_color()))
            return
        data = result if isinstance(result, dict) else getattr(result, "__dict__", {})
        self.show_lr_finder(data)

    def clear_lr_finder(self) -> None:
        """Forget a finder result (another document, or its data changed)."""
        self.suggested_lr = None
        self.finder_curve.setData([], [])
        self.finder_plot.hide()
        self.finder_use.hide()
        self.finder_use.setText(self.tr("Use it"))

    def lr_finder_state(self) -> dict | None:
        """The finder result shown now (to restore it with the document)."""
        x, y = self.finder_curve.getData()
        if self.suggested_lr is None and (x is None or not len(x)):
            return None
        return {"lrs": [] if x is None else list(x), "losses": [] if y is None else list(y),
                "suggested_lr": self.suggested_lr}

    def show_lr_finder(self, data: dict) -> None:
        lrs = np.asarray(data.get("lrs", []), dtype="float64")
        losses = np.asarray(data.get("losses", []), dtype="float64")
        if not len(lrs):
            return
        self.finder_plot.show()
        ok = (lrs > 0) & np.isfinite(losses)
        self.finder_curve.setData(lrs[ok], losses[ok])
        self.suggested_lr = data.get("suggested_lr")
        if self.suggested_lr:
            self.finder_line.setValue(np.log10(float(self.suggested_lr)))
            if self.schedule.currentText() == "one_cycle":
                text = self.tr("Use {lr} as the max LR")
            else:
                text = self.tr("Use {lr} as the LR")
            self.finder_use.setText(text.format(lr=f"{float(self.suggested_lr):.3g}"))
            self.finder_use.show()

    def use_suggested_lr(self) -> None:
        if not self.suggested_lr:
            return
        lr = float(self.suggested_lr)
        key = {"one_cycle": "max_lr", "constant": None}.get(self.schedule.currentText(),
                                                            "initial_learning_rate")
        form, key = (self.opt_form, "learning_rate") if key is None else (self.sched_form, key)
        w = form.edits.get(key)
        if isinstance(w, QLineEdit):
            w.setText(f"{lr:.4g}")
        self._edited()

    # ------------------------------------------------------------------ TensorBoard --
    def start_tensorboard(self, open_browser: bool = True):
        """Start TensorBoard (once) on the document's runs; returns its process."""
        from gui.training.controller import document_runs_folders, scratch_runs_folder
        from gui.training.tensorboard_process import TensorBoardProcess, TensorBoardError

        if self.doc is None:
            return None
        folders = document_runs_folders(self.doc)
        if not folders:
            folder = (scratch_runs_folder(self.doc) if self.doc.path is None else None)
            if folder is None:
                from engine.training.runs import runs_folder

                folder = runs_folder(self.doc.path)
            folders = [folder]
        try:
            if self.board is None or not self.board.running \
                    or self.board.folders != [str(f) for f in folders]:
                if self.board is not None:
                    self.board.stop()
                self.board = TensorBoardProcess(folders, parent=self)
                self.board.start()
        except TensorBoardError as exc:
            self.tensorboard_info.setText(common.coloured(f"{tx(exc.message)} {tx(exc.hint)}",
                                                          common.error_color()))
            return None
        link = f"<a href='{self.board.url}'>{self.board.url}</a>"
        if self.tensorboard.isChecked():
            text = self.tr("TensorBoard: {link} (stopped when NeuroCanvas quits).")
        else:
            text = self.tr("TensorBoard: {link} (stopped when NeuroCanvas quits). Turn the "
                           "TensorBoard log on above: runs without it have nothing to show.")
        self.tensorboard_info.setText(text.format(link=link))
        if open_browser:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(self.board.url))
        return self.board

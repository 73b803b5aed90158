"""Start, pause, resume, stop and continue, with a progress bar that says the
epoch, the step and the time left."""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from engine.events import EventKind
from gui.i18n import translate, tx
from gui.training import controller as C
from gui.training.plots import common


def format_duration(seconds: float) -> str:
    """``"0:42"``, ``"12:05"`` or ``"1:02:03"``.

    Example:
        >>> format_duration(42), format_duration(725), format_duration(3723)
        ('0:42', '12:05', '1:02:03')
    """
    s = max(0, int(round(seconds)))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Epoch, step and ETA from the event stream (paused time not counted)."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.epochs = 0
        self.initial_epoch = 0
        self.steps_per_epoch = 1
        self.initial_step = 0
        self.step = None          # last global step seen
        self.epoch = 0            # 0-based epoch of the last batch
        self.epochs_done = 0
        self._t0 = None
        self._s0 = None

    def started(self, data: dict) -> None:
        self.epochs = int(data.get("epochs") or 0)
        self.initial_epoch = int(data.get("initial_epoch") or 0)
        self.epochs_done = self.initial_epoch
        self.steps_per_epoch = max(1, int(data.get("steps_per_epoch") or 1))
        self.initial_step = int(data.get("initial_step") or 0)
        self.step = None
        self.epoch = self.initial_epoch
        self._t0 = None

    def restart_clock(self) -> None:
        self._t0 = None

    def batch(self, last: dict) -> None:
        self.step = int(last.get("step", 0))
        self.epoch = int(last.get("epoch", self.epoch))
        if self._t0 is None:
            self._t0, self._s0 = time.monotonic(), self.step

    @property
    def total_steps(self) -> int:
        return max(1, (self.epochs - self.initial_epoch) * self.steps_per_epoch)

    @property
    def steps_done(self) -> int:
        return 0 if self.step is None else self.step - self.initial_step + 1

    def eta(self) -> float | None:
        if self._t0 is None or self.step is None or self.step <= self._s0:
            return None
        rate = (self.step - self._s0) / max(1e-6, time.monotonic() - self._t0)
        return (self.total_steps - self.steps_done) / rate if rate > 0 else None

    def text(self) -> str:
        if not self.epochs:
            return ""
        step_in_epoch = (self.steps_done - 1) % self.steps_per_epoch + 1 if self.steps_done else 0
        eta = self.eta()
        values = dict(epoch=min(self.epoch + 1, self.epochs), epochs=self.epochs,
                      step=step_in_epoch, steps=self.steps_per_epoch)
        if eta is None:
            return translate("Progress", "epoch {epoch}/{epochs} · step {step}/{steps}").format(**values)
        return translate("Progress", "epoch {epoch}/{epochs} · step {step}/{steps} · {left} left").format(
            left=format_duration(eta), **values)


class RunControls(QWidget):
    def __init__(self, controller: C.TrainingController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.progress = Progress()
        self.start_button = QPushButton(self.tr("Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.more_epochs = QSpinBox()
        self.more_epochs.setRange(1, 100000)
        self.more_epochs.setValue(5)
        self.more_epochs.setSuffix(self.tr(" more epochs"))
        self.start_button.setToolTip(self.tr("Train the network on the chosen data with these "
                                             "settings (F5)"))
        self.continue_button.setToolTip(self.tr("Keep training the run's model for more epochs: the "
                                                "network as the run started, not later edits"))
        self.start_button.clicked.connect(controller.start)
        self.pause_button.clicked.connect(controller.pause)
        self.resume_button.clicked.connect(controller.resume)
        self.stop_button.clicked.connect(controller.stop)
        self.on_continue = controller.continue_training   # the dashboard adds its checks
        self.continue_button.clicked.connect(lambda: self.on_continue(self.more_epochs.value()))
        from engine.training.continuation import MODES

        self.schedule_mode = QComboBox()
        for key, text in MODES.items():
            self.schedule_mode.addItem(tx(text), key)
        self.schedule_mode.setToolTip(self.tr("The run's schedule is planned over its length and has "
                                              "ended: what the learning rate does in the new epochs"))
        self.schedule_mode.hide()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(True)
        self.bar.setFormat("")
        self.status = QLabel(self.tr("Ready."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.resume_button, self.stop_button):
            buttons.addWidget(b)
        more = QHBoxLayout()
        more.addWidget(self.continue_button)
        more.addWidget(self.more_epochs)
        more.addWidget(self.schedule_mode)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        controller.state_changed.connect(self.set_state)
        controller.message.connect(self.show_message)
        controller.bridge.event.connect(self.handle)
        self.set_state(controller.state)

    def set_state(self, state: str) -> None:
        c = self.controller
        self.start_button.setEnabled(not c.busy and c.doc is not None)
        self.pause_button.setEnabled(state == C.RUNNING)
        self.resume_button.setEnabled(state == C.PAUSED)
        self.stop_button.setEnabled(state in (C.RUNNING, C.PAUSED, C.WAITING_TF, C.PREPARING))
        # while paused, Continue goes on with the canvas's network (edited or not)
        self.continue_button.setEnabled(c.can_continue or state == C.PAUSED)
        self.more_epochs.setEnabled(c.can_continue or state == C.PAUSED)
        self.schedule_mode.setVisible(c.can_continue and self._planned_schedule())
        if state in C.ENDED and c.trainer is not None and c.trainer.running:
            # the end of the run is announced from its thread just before that
            # thread ends: look again when it has, so Continue is offered
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, self, lambda: self.set_state(self.controller.state))
        if state in (C.WAITING_TF, C.PREPARING):
            self.bar.setRange(0, 0)  # busy indicator
            self.bar.setFormat(state_text(state) + "…")
        elif self.bar.maximum() == 0:
            self.bar.setRange(0, 1000)
        if state in (C.WAITING_TF, C.PREPARING) and c.trainer is None:
            self.progress.reset()

    def _planned_schedule(self) -> bool:
        from engine.training.continuation import planned_over_run

        t = self.controller.trainer
        try:
            return t is not None and planned_over_run(t.settings)
        except Exception:  # settings without a schedule
            return False

    def reset(self) -> None:
        """Nothing shown of any run (another document)."""
        self.progress.reset()
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setFormat("")
        self.status.setText(self.tr("Ready."))
        self.status.setToolTip("")
        self.schedule_mode.hide()

    def show_message(self, text: str, level: str) -> None:
        if level == "error":
            self.status.setText(common.coloured(_html(text), common.error_color()))
        elif level == "warning":
            self.status.setText(common.bold(_html(text)))
        else:
            self.status.setText(_html(text))
        self.status.setToolTip(text)

    def handle(self, kind, data: dict) -> None:
        update = self._PROGRESS.get(kind)
        if update is None:
            return
        p = self.progress
        if update(p, data) is False:
            return
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1000)
        ended = kind in C.ENDED
        if kind == EventKind.FINISHED:
            self.bar.setValue(1000)
        elif p.epochs:
            self.bar.setValue(int(1000 * min(1.0, p.steps_done / p.total_steps)))
        text = p.text()
        if ended:
            text = ended_text(kind, p.epochs_done)
        self.bar.setFormat(text)

    def _epoch(p, data):
        p.epochs_done = int(data.get("epoch", p.epochs_done))

    def _batch(p, data):
        if not data.get("last"):
            return False        # nothing to show
        p.batch(data["last"])

    # how each kind moves the progress (the bar is drawn again after each)
    _PROGRESS = {
        EventKind.STARTED: Progress.started, EventKind.BATCH: _batch, EventKind.EPOCH: _epoch,
        EventKind.RESUMED: lambda p, _data: p.restart_clock(),
        EventKind.FINISHED: lambda p, _data: None, EventKind.STOPPED: lambda p, _data: None,
        EventKind.FAILED: lambda p, _data: None,
    }
    del _epoch, _batch


STATE_TEXTS = {
    C.IDLE: QT_TRANSLATE_NOOP("RunState", "idle"),
    C.WAITING_TF: QT_TRANSLATE_NOOP("RunState", "waiting for TensorFlow"),
    C.PREPARING: QT_TRANSLATE_NOOP("RunState", "preparing"),
    C.RUNNING: QT_TRANSLATE_NOOP("RunState", "running"),
    C.PAUSED: QT_TRANSLATE_NOOP("RunState", "paused"),
    C.STOPPING: QT_TRANSLATE_NOOP("RunState", "stopping"),
    C.FINISHED: QT_TRANSLATE_NOOP("RunState", "finished"),
    C.STOPPED: QT_TRANSLATE_NOOP("RunState", "stopped"),
    C.FAILED: QT_TRANSLATE_NOOP("RunState", "failed"),
    "interrupted": QT_TRANSLATE_NOOP("RunState", "interrupted"),
    "created": QT_TRANSLATE_NOOP("RunState", "created"),
}


def state_text(state: str) -> str:
    """A run's state (``"paused"``, ``"finished"`` …) in the interface's language."""
    text = STATE_TEXTS.get(str(state))
    return translate("RunState", text) if text else str(state)


def ended_text(kind: str, epochs: int) -> str:
    """What the progress bar says once a run has ended: how, and after how many epochs."""
    if epochs == 1:
        template = translate("Progress", "{state} · 1 epoch")
    else:
        template = translate("Progress", "{state} · {epochs} epochs")
    return template.format(state=state_text(kind), epochs=epochs)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

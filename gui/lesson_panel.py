"""The lesson panel: what an open lesson is about (title, chapter of the notes,
what to watch, the result to reach and the notes' printed one) and a Train
button that trains it in one click.

A comparison lesson trains its variants one after another on the open
document's network and lays their curves over each other, as the notes plot
them; the table lists each run's result next to the expected one.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from gui import background
from gui.i18n import translate, tx

COLORS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
          (140, 86, 75)]


def _number(value) -> str:
    if value is None:
        return "—"
    value = float(value)
    return f"{value:.4f}" if value == 0 or 0.001 <= abs(value) < 1e5 else f"{value:.3e}"


class LessonPanel(QWidget):
    """Shows one lesson and trains it.

    Signals:
        finished(): every run of the lesson ended (results are in ``results``).
    """

    finished = Signal()

    def __init__(self, window=None, parent=None):
        super().__init__(parent)
        self.setObjectName("lesson-panel")
        self.main_window = window
        self.lesson = None
        self.results: dict[str, float | None] = {}  # run label id -> final value of the metric
        self.histories: dict[str, dict] = {}
        self.session = None
        self._queue: list = []
        self._current = None  # the variant (or None) being trained
        self._job = None
        self._stopping = False
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.chapter = QLabel()
        self.chapter.setWordWrap(True)
        self.watch = QLabel()
        self.watch.setWordWrap(True)
        self.watch.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.expected = QLabel()
        self.expected.setWordWrap(True)
        self.course = QLabel()
        self.course.setWordWrap(True)
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("lesson-train")
        self.train_button.clicked.connect(self.train)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("lesson-result")
        self.result.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Run"), self.tr("Final value"), self.tr("Expected")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.loss_plot = self._plot(legend=True)
        self.metric_plot = self._plot(legend=False)
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        self.metric_curves: dict[str, pg.PlotDataItem] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for w in (self.title, self.chapter, self.watch, self.expected, self.course):
            layout.addWidget(w)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addWidget(self.table)
        layout.addWidget(self.loss_plot, 1)
        layout.addWidget(self.metric_plot, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._poll)

    def _plot(self, legend: bool) -> pg.PlotWidget:
        plot = pg.PlotWidget()
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.2)
        if legend:  # a single run's legend; a comparison's runs are named in the table, in their colours
            plot.addLegend(offset=(-10, 10))
        plot.setMinimumHeight(140)
        plot.setLabel("bottom", self.tr("epoch"))
        plot.getAxis("left").enableAutoSIPrefix(False)  # an accuracy of 0.95 reads 0.95, not 950 (×0.001)
        return plot

    # ------------------------------------------------------------ showing --
    def set_lesson(self, lesson) -> None:
        """Show ``lesson`` (ending a run of the one before and clearing its results)."""
        self._abandon()
        self.lesson = lesson
        self.results.clear()
        self.histories.clear()
        self.title.setText(tx(lesson.title))
        self.chapter.setText(self.tr("From: {source}, {chapter}").format(
            source=tx(lesson.source), chapter=tx(lesson.chapter)))
        self.watch.setText(tx(lesson.watch))
        e = lesson.expected
        template = (self.tr("Expected: {metric} at most {threshold}") if e.lower_is_better
                    else self.tr("Expected: {metric} at least {threshold}"))
        if lesson.is_comparison:
            template = (self.tr("Expected: the best run's {metric} at most {threshold}")
                        if e.lower_is_better
                        else self.tr("Expected: the best run's {metric} at least {threshold}"))
        self.expected.setText(template.format(metric=e.metric, threshold=_number(e.threshold)))
        if lesson.course is not None:
            self.course.setText(self.tr("The notes print: {metric} {value} ({note})").format(
                metric=lesson.course.metric, value=_number(lesson.course.value),
                note=tx(lesson.course.note)))
        else:
            self.course.setText(self.tr("The notes train it on other data, so there is no printed "
                                        "result to compare with."))
        self.status.setText(self.tr("Press Train to train the lesson."))
        self.result.clear()
        self.table.setRowCount(0)
        self.table.setVisible(lesson.is_comparison)
        for plot, curves in ((self.loss_plot, self.loss_curves), (self.metric_plot, self.metric_curves)):
            for curve in curves.values():
                plot.removeItem(curve)
                if plot.plotItem.legend is not None:
                    plot.plotItem.legend.removeItem(curve)
            curves.clear()
        self.loss_plot.setLabel("left", "loss")
        self.loss_plot.setTitle(self.tr("Loss per epoch"))
        self.metric_plot.setLabel("left", e.metric)
        self.metric_plot.setTitle(self.tr("{metric} per epoch").format(metric=e.metric))
        self.metric_plot.setVisible(e.metric != "loss")
        self.train_button.setEnabled(True)

    def _threshold_text(self) -> str:
        e = self.lesson.expected
        return (self.tr("{metric} ≤ {threshold}") if e.lower_is_better
                else self.tr("{metric} ≥ {threshold}")).format(metric=e.metric,
                                                               threshold=_number(e.threshold))

    def _runs(self) -> list:
        return list(self.lesson.variants) if self.lesson.is_comparison else [None]

    def _label(self, variant) -> str:
        return tx(variant.label) if variant is not None else tx(self.lesson.title)

    # ------------------------------------------------------------ training --
    @property
    def training(self) -> bool:
        return self._current is not None or bool(self._queue)

    def train(self) -> bool:
        """Train the lesson (every variant of a comparison, one after another)."""
        if self.lesson is None or self.training:
            return False
        self._stopping = False
        self.results.clear()
        self.histories.clear()
        self.result.clear()
        self.table.setRowCount(0)
        for index, v in enumerate(self._runs()):
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem("■ " + self._label(v))
            name.setForeground(QColor(*COLORS[index % len(COLORS)]))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem("…"))
            self.table.setItem(row, 2, QTableWidgetItem(self._threshold_text()))
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(rows + self.table.horizontalHeader().height() + 4)
        self._queue = self._runs()
        self.train_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._next()
        return True

    def _network(self):
        from presets.lessons import lesson_of

        doc = getattr(self.main_window, "doc", None)
        net = doc.network if doc is not None else None
        if net is not None and lesson_of(net) is self.lesson:
            return net  # the open document, with whatever the person changed
        return self.lesson.network()

    def _next(self) -> None:
        if not self._queue or self._stopping:
            self._done()
            return
        from presets.lessons import prepare

        variant = self._queue.pop(0)
        self._current = variant
        self.status.setText(self.tr("Preparing {run}…").format(run=self._label(variant)))
        lesson, net = self.lesson, self._network()
        comparison = lesson.is_comparison
        self._job = background.run(
            lambda: prepare(lesson, variant if comparison else None, net=net),
            self._prepared, parent=self, tensorflow=getattr(self.main_window, "tensorflow", None))

    def _prepared(self, session, error: str) -> None:
        self._job = None
        if error or session is None:
            self.status.setText(self.tr("Cannot train: {reason}").format(reason=tx(error)))
            self._queue = []
            self._current = None
            self._done()
            return
        if self._stopping:
            self._current = None
            self._done()
            return
        self.session = session
        try:
            session.start()
        except Exception as exc:  # the run folder is locked, or a thread cannot start
            self.status.setText(self.tr("Cannot train: {reason}").format(reason=background.error_text(exc)))
            self.session = None
            self._current = None
            self._queue = []
            self._done()
            return
        self.status.setText(self.tr("Training {run}…").format(run=self._label(self._current)))
        self._timer.start()

    def _key(self, variant) -> str:
        return variant.id if variant is not None else self.lesson.id

    def _poll(self) -> None:
        session = self.session
        if session is None:
            self._timer.stop()
            return
        trainer = session.trainer
        history = trainer.history()
        key = self._key(self._current)
        self.histories[key] = history
        self._draw(key, self._label(self._current), history)
        total = trainer.settings.epochs
        if trainer.running:
            self.status.setText(self.tr("Training {run}: epoch {epoch} of {epochs}").format(
                run=self._label(self._current), epoch=len(history.get("loss", [])), epochs=total))
            return
        self._timer.stop()
        self._finish_run(key, history, trainer)

    def _draw(self, key: str, label: str, history: dict) -> None:
        index = list(self.histories).index(key)
        pen = pg.mkPen(COLORS[index % len(COLORS)], width=2)
        for plot, curves, metric in ((self.loss_plot, self.loss_curves, "loss"),
                                     (self.metric_plot, self.metric_curves, self.lesson.expected.metric)):
            values = [float("nan") if v is None else float(v) for v in history.get(metric, [])]
            curve = curves.get(key)
            if curve is None:
                named = not self.lesson.is_comparison and plot.plotItem.legend is not None
                curve = curves[key] = plot.plot(name=label if named else None, pen=pen)
            curve.setData(list(range(1, len(values) + 1)), values)

    def _finish_run(self, key: str, history: dict, trainer) -> None:
        from presets.lessons import final_value

        value = final_value(history, self.lesson.expected.metric)
        self.results[key] = value
        row = [self._key(v) for v in self._runs()].index(key)
        met = self.lesson.expected.met_by(value)
        self.table.setItem(row, 1, QTableWidgetItem(
            (self.tr("{value} (met)") if met else self.tr("{value} (not met)")).format(value=_number(value))))
        if trainer.state == "failed" and trainer.result is not None:
            reason = trainer.result.data.get("reason", "")
            self.status.setText(self.tr("The run failed: {reason}").format(reason=tx(reason)))
        self.session = None
        self._current = None
        self._next()

    def _done(self) -> None:
        self.train_button.setEnabled(self.lesson is not None)
        self.stop_button.setEnabled(False)
        self._show_result()
        self.finished.emit()

    def _show_result(self) -> None:
        values = {k: v for k, v in self.results.items() if v is not None}
        if not values:
            if self._stopping:
                self.status.setText(self.tr("Stopped."))
            return
        e = self.lesson.expected
        best_key = (min if e.lower_is_better else max)(values, key=values.get)
        best = values[best_key]
        met = e.met_by(best)
        if self.lesson.is_comparison:
            label = self._label(self.lesson.variant(best_key))
            text = (self.tr("Best run: {run}, {metric} {value}: the expected result is reached.") if met
                    else self.tr("Best run: {run}, {metric} {value}: the expected result is not reached."))
            text = text.format(run=label, metric=e.metric, value=_number(best))
        else:
            text = (self.tr("Result: {metric} {value}: the expected result is reached.") if met
                    else self.tr("Result: {metric} {value}: the expected result is not reached."))
            text = text.format(metric=e.metric, value=_number(best))
        course = self.lesson.course
        if course is not None and course.metric in self.histories.get(best_key, {}):
            text += "\n" + self.tr("The notes print {metric} {course}; this run: {value}.").format(
                metric=course.metric, course=_number(course.value),
                value=_number(final_value_of(self.histories[best_key], course.metric)))
        self.result.setText(text)
        self.status.setText(self.tr("Stopped.") if self._stopping else self.tr("Done."))

    def best_value(self):
        """The best final value of the expected metric over the runs so far."""
        values = [v for v in self.results.values() if v is not None]
        if not values:
            return None
        return (min if self.lesson.expected.lower_is_better else max)(values)

    def stop(self) -> None:
        """Stop the run in progress and the ones still waiting."""
        self._queue = []
        if self._current is None and self.session is None:
            return
        self._stopping = True
        if self.session is not None:
            self.session.trainer.stop()

    def _abandon(self) -> None:
        """End whatever is running or being prepared, without reporting it."""
        self._queue = []
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if self.session is not None:
            self.session.trainer.stop()
            self.session.trainer.wait(60)
        self.session = None
        self._current = None
        self._stopping = False
        self._timer.stop()
        self.stop_button.setEnabled(False)

    def wait_stopped(self, timeout: float = 60) -> None:
        """Stop and wait for the training thread (for closing)."""
        self.stop()
        if self.session is not None:
            self.session.trainer.wait(timeout)


def final_value_of(history: dict, metric: str):
    from presets.lessons import final_value

    return final_value(history, metric)


def lesson_panel(window) -> LessonPanel:
    """The window's lesson panel, in a dock on the right (made on first use)."""
    panel = getattr(window, "lesson_panel", None)
    if panel is not None:
        return panel
    panel = window.lesson_panel = LessonPanel(window)
    dock = window.lesson_dock = QDockWidget(translate("LessonPanel", "Lesson"), window)
    dock.setObjectName("lesson")
    dock.setWidget(panel)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    if getattr(window, "inspector_dock", None) is not None:
        window.tabifyDockWidget(window.inspector_dock, dock)

    def shown(doc):
        from presets.lessons import lesson_of

        lesson = lesson_of(doc.network)
        if lesson is None:
            if not panel.training:
                dock.hide()
            return
        if lesson is not panel.lesson:
            panel.set_lesson(lesson)
        dock.show()
        dock.raise_()

    if hasattr(window, "document_shown"):
        window.document_shown.connect(shown)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(panel.wait_stopped)  # no training thread outlives the editor
    return panel


def show_lesson(window, lesson) -> LessonPanel:
    """Show ``lesson`` in the window's lesson panel and bring the panel forward."""
    panel = lesson_panel(window)
    if panel.lesson is not lesson:
        panel.set_lesson(lesson)
    window.lesson_dock.show()
    window.lesson_dock.raise_()
    return panel

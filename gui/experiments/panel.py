"""The Experiments panel (a dock of the main window).

Top: the search space (one row per swept setting: its name and its
distribution as JSON, edited in place; every change is an undo step on the
document's ``experiments`` section) and the study's settings. Start makes
an Optuna study from the document as it is now and runs it in worker
processes (``neurocanvas sweep-worker``), so the editor stays responsive;
Stop interrupts them (the trial in progress is failed, finished ones are
kept) and Resume continues the same study. The panel polls the study's
storage and shows every trial as it finishes: the results table, the Pareto
scatter and the parallel coordinates. Selecting a trial shows its network
diff against the document; "Apply this trial" writes its values into the
document as one undo step.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QProcess, QProcessEnvironment, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from gui.experiments.plots import ParallelCoordinates, ParetoPlot, TrialCurves
from gui.experiments.results import ResultsTable, state_text
from gui.i18n import translate
from gui.relayed import engine_text, relayed

STOP_GRACE_MS = 15_000  # Stop interrupts the workers; one still running after this is killed

POLL_MS = 1000
COSTS = ((QT_TRANSLATE_NOOP("ExperimentsPanel", "(objective)"), None), ("params", "params"),
         ("macs", "macs"), ("train_time", "train_time"))


def _v(value) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def describe_diff(diff: dict, settings: list | None = None) -> str:
    """A trial against the document, in words: its network diff
    (``diff_networks``) and its training settings diff (``diff_settings``)."""
    lines = []
    for change in diff.get("changed", []):
        for param, ab in (change.get("params") or {}).items():
            lines.append(f"{change['node']}.{param}: {_v(ab['a'])} → {_v(ab['b'])}")
    for row in settings or []:
        lines.append(f"{row['key']}: {_v(row['a'])} → {_v(row['b'])}")
    counts = diff.get("params") or {}
    if counts.get("a") is not None and counts.get("b") is not None:
        lines.append(translate("ExperimentsPanel", "parameters: {before} → {after}").format(
            before=f"{counts['a']:,}", after=f"{counts['b']:,}"))
    return "\n".join(lines) or translate("ExperimentsPanel", "Same as the document.")


def error_text(exc) -> str:
    """An engine error's message and hint in the interface's language."""
    return f"{engine_text(exc.message)} {engine_text(exc.hint)}".strip()


class SpaceEditor(QTableWidget):
    """The space, one row per setting: name | distribution (JSON)."""

    edited = Signal(dict)  # the whole space, after a user edit

    def __init__(self, parent=None):
        super().__init__(0, 2, parent)
        self.setObjectName("experiment-space")
        self.setHorizontalHeaderLabels([self.tr("setting"), self.tr("distribution")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self._loading = False
        self.itemChanged.connect(self._changed)

    def set_space(self, space: dict) -> None:
        self._loading = True
        self.setRowCount(len(space))
        for r, (name, spec) in enumerate(space.items()):
            self.setItem(r, 0, QTableWidgetItem(name))
            self.setItem(r, 1, QTableWidgetItem(json.dumps(spec)))
        self._loading = False

    def space_text(self) -> list[tuple[str, str]]:
        out = []
        for r in range(self.rowCount()):
            a, b = self.item(r, 0), self.item(r, 1)
            name, spec = (a.text().strip() if a else ""), (b.text().strip() if b else "")
            if name or spec:
                out.append((name, spec))
        return out

    def _changed(self, _item) -> None:
        if self._loading:
            return
        space = {}
        for name, text in self.space_text():
            try:
                space[name] = json.loads(text) if text else None
            except ValueError:
                space[name] = text  # parse_space says what is wrong
        self.edited.emit(space)


class ExperimentsPanel(QWidget):
    """See the module docstring. ``window`` is the main window."""

    summary_changed = Signal(dict)

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.doc = None
        self.storage: str | None = None
        self.study_name: str | None = None
        self.summary: dict = {}
        self.processes: list[QProcess] = []
        self.space_editor = SpaceEditor()
        self.space_editor.edited.connect(self._space_edited)
        add = QPushButton(self.tr("Add setting"))
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_row)
        self.objective = QLineEdit("val_accuracy:max")
        self.objective.setToolTip(self.tr("METRIC:max|min[,…]; costs: params, macs, train_time"))
        self.constraint = QLineEdit()
        self.constraint.setPlaceholderText(self.tr("e.g. params<=100000"))
        self.trials = QSpinBox()
        self.trials.setRange(1, 10000)
        self.trials.setValue(10)
        self.epochs = QSpinBox()
        self.epochs.setRange(0, 10000)
        self.epochs.setSpecialValueText(self.tr("document's"))
        self.parallel = QSpinBox()
        self.parallel.setRange(1, 64)
        self.sampler = QComboBox()
        self.sampler.addItems(["tpe", "random", "grid", "cmaes", "nsga2"])
        self.pruner = QComboBox()
        self.pruner.addItems(["median", "hyperband", "none"])
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.clicked.connect(self.resume)
        self.study_box = QComboBox()
        self.study_box.setObjectName("experiment-studies")
        self.study_box.setToolTip(self.tr("The studies of this document (in its runs folder)"))
        self.study_box.setMinimumContentsLength(18)
        self.study_box.setPlaceholderText(self.tr("choose a study"))
        self.study_box.currentTextChanged.connect(self._study_chosen)
        self.status = QLabel(self.tr("No study yet."))
        self.status.setWordWrap(True)
        self.status.setObjectName("experiment-status")

        self.results = ResultsTable()
        self.results.trial_selected.connect(self.show_trial)
        self.pareto = ParetoPlot()
        self.pareto.hovered.connect(self._hovered)
        self.coordinates = ParallelCoordinates()
        self.curves = TrialCurves()
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setObjectName("experiment-diff")
        self.apply_button = QPushButton(self.tr("Apply this trial"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_selected)
        self.hover_label = QLabel()

        settings = QFormLayout()
        settings.addRow(self.tr("objective"), self.objective)
        settings.addRow(self.tr("constraint"), self.constraint)
        settings.addRow(self.tr("trials"), self.trials)
        settings.addRow(self.tr("epochs"), self.epochs)
        settings.addRow(self.tr("parallel"), self.parallel)
        settings.addRow(self.tr("sampler"), self.sampler)
        settings.addRow(self.tr("pruner"), self.pruner)
        space_box = QVBoxLayout()
        space_box.addWidget(self.space_editor)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        space_box.addLayout(row)
        top = QHBoxLayout()
        top.addLayout(space_box, 3)
        top.addLayout(settings, 2)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("study")))
        controls.addWidget(self.study_box)
        for b in (self.start_button, self.stop_button, self.resume_button):
            controls.addWidget(b)
        controls.addWidget(self.status, 1)
        self.pareto_x = QComboBox()
        for text, cost in COSTS:
            self.pareto_x.addItem(translate("ExperimentsPanel", text), cost)
        self.pareto_x.setToolTip(self.tr("The cost on the Pareto plot's horizontal axis"))
        self.pareto_x.currentIndexChanged.connect(lambda _i: self._show_pareto())
        pareto_page = QWidget()
        pbox = QVBoxLayout(pareto_page)
        pbox.setContentsMargins(0, 0, 0, 0)
        prow = QHBoxLayout()
        prow.addWidget(QLabel(self.tr("against")))
        prow.addWidget(self.pareto_x)
        prow.addStretch(1)
        pbox.addLayout(prow)
        pbox.addWidget(self.pareto, 1)
        tabs = QTabWidget()
        tabs.addTab(pareto_page, self.tr("Pareto"))
        tabs.addTab(self.coordinates, self.tr("Parallel coordinates"))
        tabs.addTab(self.curves, self.tr("Trial curves"))
        detail = QWidget()
        dbox = QVBoxLayout(detail)
        dbox.setContentsMargins(0, 0, 0, 0)
        dbox.addWidget(self.diff)
        dbox.addWidget(self.apply_button)
        dbox.addWidget(self.hover_label)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.results)
        split.addWidget(tabs)
        split.addWidget(detail)
        split.setSizes([500, 350, 220])
        head = QWidget()
        hbox = QVBoxLayout(head)
        hbox.setContentsMargins(0, 0, 0, 0)
        hbox.addLayout(top)
        hbox.addLayout(controls)
        body = QSplitter(Qt.Vertical)
        body.addWidget(head)
        body.addWidget(split)
        body.setStretchFactor(1, 1)
        body.setSizes([150, 350])
        self.space_editor.setMinimumHeight(60)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(body)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._stopping = False
        self._stop_timer = QTimer(self)
        self._stop_timer.setSingleShot(True)
        self._stop_timer.setInterval(STOP_GRACE_MS)
        self._stop_timer.timeout.connect(self._kill_stragglers)
        self._update_buttons()

    # ------------------------------------------------------------ document --
    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.undo_stack.indexChanged.disconnect(self._reload_space)
        self.doc = doc
        doc.undo_stack.indexChanged.connect(self._reload_space)
        self._reload_space()
        self.list_studies()

    def document_storage(self) -> str | None:
        """The journal of the document's studies (saved documents only)."""
        from engine.experiments.study import default_storage
        from engine.training.runs import runs_folder

        if self.doc is None or self.doc.path is None:
            return None
        return default_storage(runs_folder(self.doc.path))

    def list_studies(self) -> list[str]:
        """Fill the study list from the document's journal (restarts find their studies)."""
        from engine.experiments.study import open_storage

        storage = self.document_storage()
        names: list[str] = []
        if storage is not None and Path(storage).exists():
            import optuna

            try:
                names = sorted(optuna.get_all_study_names(open_storage(storage)))
            except Exception as exc:  # a damaged journal: say so, keep the panel usable
                self.status.setText(self.tr("Cannot read the studies in {storage}: {error}")
                                    .format(storage=storage, error=exc))
        if self.study_name and self.storage == storage and self.study_name not in names:
            names.append(self.study_name)
        self.study_box.blockSignals(True)
        self.study_box.clear()
        self.study_box.addItems(names)
        self.study_box.setCurrentIndex(names.index(self.study_name) if self.study_name in names
                                       else -1)
        self.study_box.blockSignals(False)
        return names

    def _study_chosen(self, name: str) -> None:
        storage = self.document_storage()
        if name and storage is not None and name != self.study_name and not self.running:
            self.show_study(storage, name)

    def section(self) -> dict:
        raw = self.doc.network.extra.get("experiments") if self.doc else None
        return dict(raw) if isinstance(raw, dict) else {}

    def _reload_space(self, *_args) -> None:
        section = self.section()
        self.space_editor.set_space(dict(section.get("space") or {}))
        if section.get("objective"):
            self.objective.setText(str(section["objective"]))

    def add_row(self) -> None:
        r = self.space_editor.rowCount()
        self.space_editor.insertRow(r)
        self.space_editor.editItem(self.space_editor.item(r, 0) or QTableWidgetItem())

    def remove_row(self) -> None:
        r = self.space_editor.currentRow()
        if r < 0:
            return
        space = dict(self.section().get("space") or {})
        item = self.space_editor.item(r, 0)
        space.pop(item.text() if item else "", None)
        self.space_editor.removeRow(r)
        self._space_edited(space)

    def _space_edited(self, space: dict) -> None:
        from engine.errors import NeuroCanvasError
        from engine.experiments.space import check_space, parse_space, space_to_dict
        from gui.experiments.commands import SetSpaceCommand

        if any(not name for name in space) or any(v is None for v in space.values()):
            return  # a row still being written
        try:
            dims = parse_space(space) if space else []
            check_space(self.doc.network, dims)
        except NeuroCanvasError as exc:
            self.status.setText(self.tr("Space not changed: {reason}").format(
                reason=error_text(exc)))
            return
        section = self.section()
        section["space"] = space_to_dict(dims)
        self.doc.push(SetSpaceCommand(self.doc, section))
        self.status.setText(self.tr("{count} setting(s) swept.").format(count=len(dims)))

    # --------------------------------------------------------------- study --
    def config(self):
        """The sweep settings from the document and the panel."""
        from engine.experiments.space import parse_space, space_to_dict
        from engine.experiments.study import SweepConfig
        from engine.training.runs import runs_folder

        section = self.section()
        dims = parse_space(section.get("space") or {})
        if self.doc.path is not None:
            runs_root = runs_folder(self.doc.path)
        else:
            from gui.training.controller import scratch_runs_folder

            runs_root = scratch_runs_folder(self.doc)
        objectives = [o.strip() for o in self.objective.text().split(",") if o.strip()]
        constraints = [c.strip() for c in self.constraint.text().split(",") if c.strip()]
        config = SweepConfig(network=self.doc.network.to_dict(), space=space_to_dict(dims),
                             document=str(self.doc.path) if self.doc.path else None,
                             runs_root=str(Path(runs_root).resolve()), objectives=objectives,
                             constraints=constraints, sampler=self.sampler.currentText(),
                             pruner=self.pruner.currentText(),
                             epochs=self.epochs.value() or None, trials=self.trials.value())
        config.check()
        return config

    def start(self) -> bool:
        """Make a new study of the document as it is now and run it."""
        from engine.errors import NeuroCanvasError
        from engine.experiments.study import create_study, default_storage

        if self.running:
            return False
        try:
            config = self.config()
            storage = default_storage(config.runs_root)
            name = f"{self.doc.network.name}-{time.strftime('%Y%m%d-%H%M%S')}"
            create_study(config, storage, name)
        except NeuroCanvasError as exc:
            self.status.setText(self.tr("Cannot start: {reason}").format(reason=error_text(exc)))
            return False
        self.show_study(storage, name)
        self.list_studies()
        self._launch()
        return True

    def resume(self) -> bool:
        if self.running or self.study_name is None:
            return False
        self._launch()
        return True

    def _launch(self) -> None:
        from engine.experiments.study import finished_count, load_study
        from engine.experiments.trials import worker_command, worker_env

        study, config = load_study(self.storage, self.study_name)
        if self.trials.value() > config.trials:  # Resume with more trials extends the study
            config.trials = self.trials.value()
            study.set_user_attr("neurocanvas", config.to_dict())
        remaining = max(0, config.trials - finished_count(study))
        if remaining == 0:
            self.status.setText(self.tr("{study} has all its {trials} trials; raise 'trials' and "
                                        "Resume to run more.").format(study=self.study_name,
                                                                      trials=config.trials))
            return
        k = max(1, min(self.parallel.value(), remaining))
        shares = [remaining // k + (1 if i < remaining % k else 0) for i in range(k)]
        env = QProcessEnvironment()
        for key, value in worker_env().items():
            env.insert(key, value)
        for i, share in enumerate(shares):
            if share <= 0:
                continue
            cmd = worker_command(self.storage, self.study_name, share, i)
            proc = QProcess(self)
            proc.setProcessEnvironment(env)
            proc.setProcessChannelMode(QProcess.MergedChannels)
            # bound methods, not lambdas: Qt drops them with the panel, so a worker
            # ending while the window is destroyed never calls into a dead panel
            proc.readyRead.connect(self._read_workers)
            proc.finished.connect(self._worker_done)
            proc.start(cmd[0], cmd[1:])
            self.processes.append(proc)
        self.status.setText(self.tr("Running {study}: {remaining} trial(s) to go.").format(
            study=self.study_name, remaining=remaining))
        self.timer.start()
        self._update_buttons()

    def _read_workers(self) -> None:
        for proc in self._live_processes():
            text = bytes(proc.readAll()).decode("utf-8", "replace")
            for line in text.splitlines():
                if line.startswith("[") and "] trial" in line:
                    said = relayed(line, "experiments")
                    self.status.setText(said.split("] ", 1)[1] if "] " in said else said)

    def _live_processes(self) -> list[QProcess]:
        """The worker processes whose Qt objects still exist."""
        import shiboken6

        return [p for p in self.processes if shiboken6.isValid(p)]

    def _worker_done(self, *_args) -> None:
        if not self.running:
            self._stop_timer.stop()
            if self._stopping:
                self._stopping = False
                self._fail_stopped()
            self.poll()
            self.timer.stop()
            done = sum(1 for t in self.summary.get("trials", []) if t["state"] != "running")
            self.status.setText(self.tr("{study}: {done} trial(s) finished.").format(
                study=self.study_name, done=done))
            self._update_buttons()

    @property
    def running(self) -> bool:
        return any(p.state() != QProcess.NotRunning for p in self._live_processes())

    def stop(self) -> None:
        """Interrupt the workers: the trial in progress ends as failed, finished
        trials stay; Resume continues the study."""
        self._stopping = self.running
        for p in self._live_processes():
            pid = p.processId()
            if p.state() != QProcess.NotRunning and pid:
                try:
                    os.kill(pid, signal.SIGINT)
                except OSError:
                    p.kill()
        if self._stopping:
            self._stop_timer.start()  # a worker that has not ended by then is killed
        self.status.setText(self.tr("Stopping after the current batch…"))

    def _kill_stragglers(self) -> None:
        for p in self._live_processes():
            if p.state() != QProcess.NotRunning:
                p.kill()

    def _fail_stopped(self) -> None:
        """Trials left running by workers that were stopped (or killed after the
        grace period) end as failed, stopped by the user."""
        from engine.errors import NeuroCanvasError
        from engine.experiments.study import fail_abandoned, load_study
        from engine.experiments.trials import STOPPED

        try:
            study, _config = load_study(self.storage, self.study_name)
            fail_abandoned(study, reason=STOPPED)
        except (NeuroCanvasError, OSError):
            pass
        self.poll()

    def show_study(self, storage: str, name: str) -> None:
        """Show (and follow) study ``name`` of ``storage``."""
        self.storage, self.study_name = storage, name
        self.processes = [p for p in self._live_processes() if p.state() != QProcess.NotRunning]
        summary = self.poll()
        if summary and not self.running:
            states = [t["state"] for t in summary["trials"]]
            counts = ", ".join(self.tr("{count} {state}").format(count=states.count(s),
                                                                 state=state_text(s))
                               for s in dict.fromkeys(states))
            self.status.setText(self.tr("{study}: {counts}.").format(
                study=name, counts=counts or self.tr("no trials yet")))
        self._update_buttons()

    def poll(self) -> dict:
        """Read the study and refresh the table and plots."""
        from engine.errors import NeuroCanvasError
        from engine.experiments.study import load_study, study_summary

        if self.study_name is None:
            return {}
        try:
            study, config = load_study(self.storage, self.study_name)
            summary = study_summary(study, self.storage)
        except NeuroCanvasError as exc:
            self.status.setText(engine_text(exc.message, "experiments"))
            return {}
        summary["space"] = config.space
        if summary != self.summary:
            self.summary = summary
            self.results.show_summary(summary)
            self._show_pareto()
            self.coordinates.show_summary(summary, config.space)
            self.summary_changed.emit(summary)
        return summary

    def _show_pareto(self) -> None:
        if self.summary:
            self.pareto.show_summary(self.summary, self.pareto_x.currentData())

    def _update_buttons(self) -> None:
        running = self.running
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.resume_button.setEnabled(not running and self.study_name is not None)

    # -------------------------------------------------------------- trials --
    def trial(self, number: int) -> dict | None:
        return next((t for t in self.summary.get("trials", []) if t["number"] == number), None)

    def _hovered(self, number: int) -> None:
        self.hover_label.setText(self.pareto.labels.get(
            number, self.tr("trial {number}").format(number=number)))

    def show_trial(self, number: int) -> None:
        """Show trial ``number``'s diff against the document."""
        from engine.errors import NeuroCanvasError
        from engine.experiments.apply import trial_network
        from engine.training.runs import diff_networks, diff_settings

        t = self.trial(number)
        if t is None or self.doc is None:
            return
        try:
            other = trial_network(self.doc.network, t["params"])
            net = self.doc.network
            settings = diff_settings({"training": net.extra.get("training") or {}},
                                     {"training": other.extra.get("training") or {}})
            text = describe_diff(diff_networks(net, other), settings)
        except NeuroCanvasError as exc:
            text = self.tr("Cannot apply to the document: {reason}").format(
                reason=engine_text(exc.message))
        self.curves.show_history(_run_history(t.get("run_dir")))
        if t.get("reason"):
            head = self.tr("Trial {number} ({state}): {reason}").format(
                number=number, state=state_text(t["state"]),
                reason=relayed(t["reason"], "experiments"))
        else:
            head = self.tr("Trial {number} ({state})").format(number=number,
                                                              state=state_text(t["state"]))
        self.diff.setPlainText(f"{head}\n{text}")
        self.apply_button.setEnabled(bool(t["params"]))

    def apply_selected(self) -> bool:
        n = self.results.selected_trial()
        return self.apply_trial(n) if n is not None else False

    def apply_trial(self, number: int) -> bool:
        """Write trial ``number``'s values into the document (one undo step)."""
        from engine.errors import NeuroCanvasError
        from gui.experiments.commands import ApplyTrialCommand

        t = self.trial(number)
        if t is None:
            return False
        try:
            self.doc.push(ApplyTrialCommand(self.doc, number, t["params"]))
        except NeuroCanvasError as exc:
            self.status.setText(self.tr("Not applied: {reason}").format(
                reason=engine_text(exc.message)))
            return False
        self.status.setText(self.tr("Applied trial {number}; undo with Ctrl+Z.").format(
            number=number))
        self.show_trial(number)
        return True

    def shutdown(self) -> None:
        """Stop polling and interrupt workers (the window is closing)."""
        self.timer.stop()
        self.stop()
        self._stop_timer.stop()
        for p in self._live_processes():
            p.finished.disconnect(self._worker_done)
            if not p.waitForFinished(5000):
                p.kill()
                p.waitForFinished(2000)


def _run_history(run_dir) -> dict:
    """The per-epoch metrics of a trial's run (empty when it has none)."""
    from engine.errors import NeuroCanvasError
    from engine.training.runs import load_run

    if not run_dir:
        return {}
    try:
        return load_run(run_dir).history()
    except (NeuroCanvasError, OSError, ValueError):
        return {}


def install_experiments(window) -> ExperimentsPanel:
    """Add the Experiments dock to ``window`` (once) and return its panel."""
    from PySide6.QtWidgets import QDockWidget

    panel = getattr(window, "experiments", None)
    if panel is not None:
        return panel
    panel = ExperimentsPanel(window)
    dock = QDockWidget(translate("ExperimentsPanel", "Experiments"), window)
    dock.setObjectName("experiments")
    dock.setWidget(panel)
    window.addDockWidget(Qt.BottomDockWidgetArea, dock)
    summary = getattr(window, "summary_dock", None)
    if summary is not None:  # a tab beside the summary: the table and plots get the width
        window.tabifyDockWidget(summary, dock)
    window.experiments, window.experiments_dock = panel, dock
    panel.set_document(window.doc)
    return panel

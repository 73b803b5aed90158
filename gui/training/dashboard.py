"""The training dashboard inside the editor window: a Train menu and
toolbar, a Run dock (controls, data, settings) and one dock per live panel.

``install_dashboard(window)`` is the only thing the main window calls. The
dashboard follows the window's document through its undo group (every
document has its own undo stack, whose parent is the `Document`), the
canvas selection through the scene, and the trainer through the
controller's `EventBridge`.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QTabWidget, QToolBar

from engine.events import ENDED, EventKind
from gui.i18n import translate
from gui.training import badges
from gui.training.controller import TrainingController
from gui.training.plots import common
from gui.training.plots.boundary import BoundaryPanel
from gui.training.plots.confusion import ConfusionPanel
from gui.training.plots.feature_maps import FeatureMapsPanel
from gui.training.plots.filters import FiltersPanel
from gui.training.plots.histograms import HistogramsPanel
from gui.training.plots.loss_panel import LossPanel
from gui.training.plots.lr_panel import LRPanel
from gui.training.plots.predictions import PredictionsPanel
from gui.training.run_controls import RunControls

PLOT_DOCKS = ("loss", "lr", "feature_maps", "filters", "histograms", "confusion", "predictions",
              "boundary")
# Events kept to show a document's last run again when it comes back: all of
# the curves' events, and the last of each kind that replaces the one before.
CURVE_KINDS = frozenset({EventKind.STARTED, EventKind.BATCH, EventKind.EPOCH, EventKind.SEGMENTS,
                         *ENDED})
KEPT_DOCUMENTS = 8   # documents whose panels come back as they were (others: their newest run)
LATEST_KINDS = frozenset({EventKind.FEATURE_MAPS, EventKind.FILTERS, EventKind.HISTOGRAMS,
                          EventKind.CONFUSION, EventKind.PREDICTIONS, EventKind.BOUNDARY,
                          EventKind.LAYER_STATS})
# kinds drawn by the dashboard itself rather than by a plot panel: their work key
OWN_KINDS = {EventKind.LAYER_STATS: "layer_stats", EventKind.LR_FINDER: "lr_finder"}
DOCK_TITLES = {
    "loss": QT_TRANSLATE_NOOP("Dashboard", "Loss and metrics"),
    "lr": QT_TRANSLATE_NOOP("Dashboard", "Learning rate"),
    "feature_maps": QT_TRANSLATE_NOOP("Dashboard", "Feature maps"),
    "filters": QT_TRANSLATE_NOOP("Dashboard", "Filters"),
    "histograms": QT_TRANSLATE_NOOP("Dashboard", "Histograms"),
    "confusion": QT_TRANSLATE_NOOP("Dashboard", "Confusion matrix"),
    "predictions": QT_TRANSLATE_NOOP("Dashboard", "Predictions"),
    "boundary": QT_TRANSLATE_NOOP("Dashboard", "Decision boundary"),
}


def document_key(doc):
    """What identifies a document across closing and opening it again: its
    file (an unsaved document, once closed, never comes back)."""
    path = getattr(doc, "path", None)
    if path is None:
        return None
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def network_structure(net) -> tuple:
    """The parts of a network that decide what trains (not positions or groups)."""
    nodes = tuple(sorted((nid, n.type, n.name, repr(sorted(n.params.items())),
                          bool(getattr(n, "trainable", True))) for nid, n in net.nodes.items()))
    edges = tuple(sorted((e.src, e.src_port, e.dst, e.dst_port) for e in net.edges)) \
        if hasattr(net, "edges") else ()
    return nodes, edges, tuple(net.outputs)


class Dashboard(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.doc = None
        self.controller = TrainingController(getattr(window, "tensorflow", None), self)
        self.bridge = self.controller.bridge
        self.bridge.cost = lambda: common.METER.seconds   # deliveries spaced by drawing cost
        self.run_controls = RunControls(self.controller)
        self.panels = {
            "loss": LossPanel(), "lr": LRPanel(), "feature_maps": FeatureMapsPanel(),
            "filters": FiltersPanel(), "histograms": HistogramsPanel(),
            "confusion": ConfusionPanel(), "predictions": PredictionsPanel(),
            "boundary": BoundaryPanel(),
        }
        self._extra_panels()
        self.docks: dict[str, QDockWidget] = {}
        self._make_docks()
        self._make_actions()
        self._badged: set[str] = set()
        self._saved_states: dict = {}    # document key -> what its panels showed
        self._log: list = []             # this document's last run: curve events
        self._latest: dict = {}          # ... and the last event of each other kind
        self._last_message = None
        self._run_structure = None       # the network the current run trains
        self.run_controls.on_continue = self.continue_training
        from PySide6.QtCore import QTimer

        self._work: deque = deque()     # panel keys to update, in the order events came
        self._events: dict = {}         # panel key -> [(kind, data), ...] not drawn yet
        self._work_timer = QTimer(self)
        self._work_timer.setInterval(0)
        self._work_timer.timeout.connect(self._next_unit)
        self.bridge.event.connect(self._on_event)
        self.controller.trainer_created.connect(self._new_run)
        self.controller.prepared.connect(self._prepared)
        self.controller.state_changed.connect(self._state_changed)
        self.controller.message.connect(self._message)
        from gui.background import Worker

        self._maximiser = Worker(self)
        self.panels["filters"].maximisation_requested.connect(self.draw_maximisation)
        window.undo_group.activeStackChanged.connect(self._stack_changed)
        window.scene.selectionChanged.connect(self._selection_changed)
        if window.doc is not None:
            self.set_document(window.doc)

    # ------------------------------------------------------------------ layout --
    def _extra_panels(self) -> None:
        """The data, settings and runs panels (set up in their own modules)."""
        from gui.training.data_panel import DataPanel
        from gui.training.runs_panel import RunsPanel
        from gui.training.settings_panel import SettingsPanel

        self.data_panel = DataPanel(self.window)
        self.settings_panel = SettingsPanel(self.window)
        self.runs_panel = RunsPanel()
        self.data_panel.dataset_loaded.connect(self.settings_panel.set_dataset)
        self.runs_panel.overlay_changed.connect(self.panels["loss"].set_overlays)
        self.runs_panel.message.connect(lambda text: self.window.notify(text))
        self.runs_panel.bind(self.window, self.controller)  # resume, open, load settings

    def _dock(self, key: str, title: str, widget, area) -> QDockWidget:
        d = QDockWidget(title, self.window)
        d.setObjectName(f"training-{key}")
        d.setWidget(widget)
        d.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable
                      | QDockWidget.DockWidgetFloatable)
        self.window.addDockWidget(area, d)
        d.hide()
        self.docks[key] = d
        return d

    def _make_docks(self) -> None:
        setup = QTabWidget()
        setup.addTab(self.data_panel, self.tr("Data"))
        setup.addTab(self.settings_panel, self.tr("Training"))
        setup.addTab(self.runs_panel, self.tr("Runs"))
        self.setup_tabs = setup
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        run = QWidget()
        layout = QVBoxLayout(run)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.run_controls)
        layout.addWidget(setup, 1)
        self._dock("run", self.tr("Training"), run, Qt.RightDockWidgetArea)
        for key in PLOT_DOCKS:
            self._dock(key, translate("Dashboard", DOCK_TITLES[key]), self.panels[key],
                       Qt.BottomDockWidgetArea)
        w = self.window
        w.tabifyDockWidget(w.inspector_dock, self.docks["run"]) if hasattr(w, "inspector_dock") else None
        first = self.docks["loss"]
        w.splitDockWidget(first, self.docks["lr"], Qt.Horizontal)
        for key in ("feature_maps", "filters", "histograms"):
            w.tabifyDockWidget(self.docks["lr"], self.docks[key])
        for key in ("confusion", "predictions", "boundary"):
            w.tabifyDockWidget(first, self.docks[key])

    def _make_actions(self) -> None:
        w, c = self.window, self.controller

        def act(text, slot, shortcut=None, tip=""):
            a = QAction(text, w)
            a.triggered.connect(lambda _checked=False: slot())
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            if tip:
                a.setStatusTip(tip)
            w.addAction(a)
            return a

        self.act_start = act(self.tr("&Start Training"), self.start, "F5",
                             self.tr("Train the network with the data and training settings"))
        self.act_pause = act(self.tr("&Pause"), c.pause, "F6")
        self.act_resume = act(self.tr("&Resume"), c.resume, "F7")
        self.act_stop = act(self.tr("S&top"), c.stop, "Shift+F5")
        self.act_continue = act(self.tr("&Continue Training"),
                                lambda: self.continue_training(self.run_controls.more_epochs.value()),
                                tip=self.tr("Train the run's model (the network as the run started) "
                                            "for more epochs"))
        self.act_show = act(self.tr("Show &Dashboard"), self.show_all, "Ctrl+Shift+T")
        menu = w.menuBar().addMenu(self.tr("&Train"))
        menu.addActions([self.act_start, self.act_pause, self.act_resume, self.act_stop,
                         self.act_continue])
        menu.addSeparator()
        self.export_menu = menu.addMenu(self.tr("&Export Plots"))
        self.act_export_all = QAction(self.tr("&All Plots of the Run…"), w)
        self.act_export_all.setStatusTip(self.tr("Every panel's plots as PNG and SVG, their data as "
                                                 "CSV, into one folder"))
        self.act_export_all.triggered.connect(lambda _c=False: self.export_plots())
        self.export_menu.addAction(self.act_export_all)
        self.export_menu.addSeparator()
        for key in PLOT_DOCKS:
            a = QAction(self.docks[key].windowTitle() + "…", w)
            a.triggered.connect(lambda _c=False, k=key: self.export_plots(keys=[k]))
            self.export_menu.addAction(a)
        self.act_export_script = QAction(self.tr("Export &Training Script…"), w)
        self.act_export_script.setStatusTip(self.tr("A standalone Keras script with the data, "
                                                    "preprocessing, compile settings, schedule, "
                                                    "callbacks and fit of this document"))
        self.act_export_script.triggered.connect(lambda _c=False: self.export_training_script())
        menu.addAction(self.act_export_script)
        self._add_to_file_menu(self.act_export_script)
        menu.addSeparator()
        menu.addAction(self.act_show)
        panels = menu.addMenu(self.tr("&Panels"))
        for d in self.docks.values():
            panels.addAction(d.toggleViewAction())
        self.menu = menu
        tb = QToolBar(self.tr("Training"), w)
        tb.setObjectName("training-toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        tb.addActions([self.act_start, self.act_pause, self.act_resume, self.act_stop,
                       self.act_continue])
        w.addToolBar(tb)
        self.toolbar = tb
        self._state_changed(c.state)

    def _add_to_file_menu(self, action) -> None:
        """Put ``action`` in File beside the other exports."""
        after = getattr(self.window, "act_export_py", None)
        for a in self.window.menuBar().actions():
            m = a.menu()
            if m is None or (after not in m.actions() if after is not None
                             else a.text().replace("&", "") != "File"):
                continue
            acts = m.actions()
            if after in acts and acts.index(after) + 1 < len(acts):
                m.insertAction(acts[acts.index(after) + 1], action)
            else:
                m.addAction(action)
            return

    def show_all(self) -> None:
        for d in self.docks.values():
            d.show()
        self.docks["run"].raise_()
        self.docks["loss"].raise_()

    def start(self) -> bool:
        self.docks["run"].show()
        self.docks["run"].raise_()
        for key in ("loss", "lr"):
            self.docks[key].show()
        self.docks["loss"].raise_()
        return self.controller.start()

    # ------------------------------------------------------------------ document --
    @common.while_alive
    def _stack_changed(self, stack) -> None:
        doc = stack.parent() if stack is not None else None
        if doc is not None and doc is not self.doc and hasattr(doc, "network"):
            self.set_document(doc)

    def set_document(self, doc) -> None:
        """Show ``doc``: each panel forgets the previous document's runs and
        settings, and shows what it showed for ``doc`` when it was last open
        (in this session), or else its newest recorded run."""
        if self.doc is not None and self.doc is not doc \
                and getattr(self.doc, "path", None) is not None:   # only a file comes back
            state = self._state()
            if self.controller.busy:   # the controller stops it: its end never arrives here
                state["message"] = (self.tr("The run was stopped when another document was "
                                            "opened; its curves are kept in the runs table."),
                                    "warning")
            self._saved_states[document_key(self.doc)] = state
            while len(self._saved_states) > KEPT_DOCUMENTS:   # the oldest go to their run folders
                self._saved_states.pop(next(iter(self._saved_states)))
        self.doc = doc
        self._work.clear()
        self._events.clear()
        self.controller.set_document(doc)
        self.data_panel.set_document(doc)
        self.settings_panel.set_document(doc)
        self.runs_panel.set_document(doc)
        self._clear_badges()
        self.panels["loss"].set_overlays([])    # before the reset: their metrics go too
        for p in self.panels.values():
            p.reset()
        self.panels["predictions"].set_class_names(None)
        self.run_controls.reset()
        self._log, self._latest, self._last_message = [], {}, None
        self._run_structure = None
        key = document_key(doc) if doc is not None else None
        state = self._saved_states.pop(key, None) if key is not None else None
        if state is not None:
            self._restore(state)
        elif doc is not None:
            self._show_newest_run()

    def _state(self) -> dict:
        return {"log": list(self._log), "latest": dict(self._latest),
                "message": self._last_message, "finder": self.settings_panel.lr_finder_state()}

    def _restore(self, state: dict) -> None:
        events = list(state["log"]) + list(state["latest"].items())
        self._log, self._latest = list(state["log"]), dict(state["latest"])
        for kind, data in events:
            self._replay(kind, data)
        if state.get("message"):
            self._last_message = state["message"]
            self.run_controls.show_message(*state["message"])
        if state.get("finder"):
            self.settings_panel.show_lr_finder(state["finder"])

    def _replay(self, kind: str, data) -> None:
        self.run_controls.handle(kind, data)
        if kind == EventKind.LAYER_STATS:
            return      # badges belong to a live model
        for panel in self.panels.values():
            if kind in getattr(panel, "KINDS", ()):
                with panel.updating():
                    panel.handle(kind, data)

    def _show_newest_run(self) -> None:
        """The document's newest recorded run: its curves and how it ended."""
        from gui.training.controller import document_runs_folders

        try:
            from engine.training.runs import list_runs

            records = [r for f in document_runs_folders(self.doc) for r in list_runs(f)]
        except Exception:  # unreadable run folders: the runs table says why
            return
        if not records:
            return
        newest = max(records, key=lambda r: r.order)
        try:
            history = newest.history()
        except Exception:  # a damaged record has no curves
            return
        if history:
            self.panels["loss"].load_history(history)
        from gui.training.run_controls import state_text

        self.run_controls.show_message(
            self.tr("Last run {run}: {status} after {epochs} epochs (Start trains a new one).").format(
                run=newest.id, status=state_text(newest.status), epochs=newest.epochs_run), "info")

    # ------------------------------------------------------------------ events --
    def _new_run(self, trainer) -> None:
        self._work.clear()
        self._events.clear()
        self._log, self._latest = [], {}
        self._continue_note = ""
        self._run_structure = network_structure(self.doc.network) if self.doc is not None else None
        for p in self.panels.values():
            p.reset()
        self._clear_badges()
        self._selection_changed()

    def _prepared(self, dataset) -> None:
        self.panels["predictions"].set_class_names(getattr(dataset, "class_names", None))

    @common.while_alive
    def _state_changed(self, state: str) -> None:
        c = self.controller
        self.act_start.setEnabled(not c.busy)
        self.act_pause.setEnabled(state == "running")
        self.act_resume.setEnabled(state == "paused")
        self.act_stop.setEnabled(state in ("running", "paused", "preparing", "waiting for TensorFlow"))
        self.act_continue.setEnabled(c.can_continue)
        if state in ("finished", "stopped", "failed"):
            self.runs_panel.refresh()
            self._offer_continue()

    @common.while_alive
    def _offer_continue(self) -> None:
        """Enable Continue once the ended run's thread is gone (it announces the
        end just before it ends)."""
        c = self.controller
        self.act_continue.setEnabled(c.can_continue)
        if c.state in ("finished", "stopped", "failed") and c.trainer is not None \
                and c.trainer.running:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, self, self._offer_continue)

    def _message(self, text: str, level: str) -> None:
        note = getattr(self, "_continue_note", "")
        if note and level == "info" and self.controller.state in ("finished", "stopped") \
                and self.controller.trainer is not None:
            text = f"{text} {note}"                 # which rate the last epochs used stays said
            self.run_controls.show_message(text, level)
        self._last_message = (text, level)
        if level in ("error", "warning"):
            self.window.notify(text, 15000)

    @common.while_alive
    def _on_event(self, kind, data) -> None:
        """Queue the event for each panel that draws this kind of event.

        The bridge hands over everything since its last delivery at once,
        already coalesced (the last step of the path in engine.events);
        drawing it all in one go would hold the GUI thread for the sum of
        every panel's update and repaint. Each panel is updated on its own
        turn of the event loop instead (with all of its events of the
        delivery, so it repaints once), and input, timers and the other
        panels' repaints come in between. Nothing is merged or dropped here.
        """
        if kind in CURVE_KINDS:
            self._log.append((kind, data))
        elif kind in LATEST_KINDS:
            self._latest[kind] = data
        keys = [key for key, panel in self.panels.items() if kind in getattr(panel, "KINDS", ())]
        if kind in OWN_KINDS:
            keys.append(OWN_KINDS[kind])
        for key in keys:
            events = self._events.get(key)
            if events is None:
                self._events[key] = [(kind, data)]
                self._work.append(key)
            else:
                events.append((kind, data))
        if kind in ENDED:
            # the run is over: nothing competes for the GUI thread any more, and
            # whoever reacts to the end of the run sees every panel complete
            while self._work:
                self._next_unit()
            return
        if self._work and not self._work_timer.isActive():
            self._work_timer.start()

    @common.while_alive
    def _next_unit(self) -> None:
        if not self._work:
            self._work_timer.stop()
            return
        key = self._work.popleft()
        events = self._events.pop(key, [])
        with common.METER.measure():
            if key == "layer_stats":
                self._show_badges(events[-1][1].get("stats") or {})
            elif key == "lr_finder":
                for _kind, data in events:
                    self.settings_panel.show_lr_finder(data)
            else:
                panel = self.panels[key]
                with panel.updating():          # its events, then one refresh
                    for kind, data in events:
                        panel.handle(kind, data)
        if not self._work:
            self._work_timer.stop()

    def pending_units(self) -> int:
        """Panel updates queued but not drawn yet (one per panel with news)."""
        return len(self._work)

    def flush(self) -> None:
        """Deliver every event still queued (tests and the end of a run)."""
        self.bridge.drain()
        while self._work:
            self._next_unit()

    # ------------------------------------------------------------------ continue --
    def network_edited_since_run(self) -> bool:
        """Whether the canvas differs from the network the current run trains."""
        return (self._run_structure is not None and self.doc is not None
                and network_structure(self.doc.network) != self._run_structure)

    def continue_training(self, epochs: int | None = None, mode: str | None = None) -> bool:
        """Continue the run for ``epochs`` more, saying what trains: the run's
        network (not the canvas, when it was edited) and, after a schedule
        planned over the run, which learning rate (``mode``: extend, restart
        or keep; the run controls' choice by default)."""
        c = self.controller
        run_dir = getattr(c.session, "run_dir", None)
        if c.state == "paused" and run_dir is not None:
            if not self.network_edited_since_run():
                c.resume()
                return True
            # the epoch under way ends and is checkpointed; the edited network goes on from it
            epochs = int(epochs or self.run_controls.more_epochs.value())
            c.stop_then(lambda: self._continue_edited(run_dir, epochs))
            return True
        if not c.can_continue:
            return False
        epochs = int(epochs or self.run_controls.more_epochs.value())
        mode = mode or self.run_controls.schedule_mode.currentData() or "extend"
        notes = []
        run_dir = getattr(c.session, "run_dir", None)
        if self.network_edited_since_run() and run_dir is not None:
            return self._continue_edited(run_dir, epochs)
        if self.network_edited_since_run():
            notes.append(self.tr("The network was edited since this run started: Continue trains "
                                 "the network of the run, not the canvas. Start a new run to train "
                                 "the edited network."))
        t = c.trainer
        try:
            from engine.training.continuation import continue_schedule

            text = continue_schedule(t.model, t.settings, t.steps_per_epoch, t.epochs_done,
                                     epochs, mode)
        except Exception as exc:  # a schedule that cannot be rebuilt: say so, do not train
            from gui.training.controller import describe_error

            c.message.emit(" — ".join(p for p in describe_error(exc) if p), "error")
            return False
        if text:
            from gui.i18n import tx

            notes.append(tx(text))
        if not c.continue_training(epochs):
            return False
        self._continue_note = " ".join(notes)
        if notes:
            c.message.emit(self._continue_note, "warning" if len(notes) > 1 or
                           self.network_edited_since_run() else "info")
        return True

    def _continue_edited(self, run_dir, epochs: int) -> bool:
        """Go on with the canvas's edited network as a new segment of the run:
        unchanged layers keep their weights and optimizer state (the engine
        decides, see `engine.training.segments`); the curves get a marker."""
        report = self.doc.report()
        if not report.valid:
            from gui.i18n import tx

            self.controller.message.emit(
                self.tr("The edited network has errors; fix them to continue with it: {problem}").format(
                    problem=tx(report.errors[0].message)), "error")
            return False
        if not self.controller.resume_run(run_dir, epochs, network=self.doc.network):
            return False
        self._continue_note = self.tr("Continuing with the edited network as a new segment of the "
                                      "run (unchanged layers keep their weights).")
        self.controller.message.emit(self._continue_note, "info")
        return True

    # ------------------------------------------------------------------ export --
    def export_plots(self, folder=None, keys=None) -> list:
        """Every plot of the chosen panels (all by default) as PNG and SVG, with
        their data as CSV, into ``folder`` (asked for when not given)."""
        from gui.training.plots.export import export_all

        if folder is None:
            from PySide6.QtWidgets import QFileDialog

            folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export the plots into"))
            if not folder:
                return []
        self.flush()
        panels = {k: self.panels[k] for k in (keys or PLOT_DOCKS)}
        try:
            files = export_all(panels, folder)
        except OSError as exc:
            self.window.notify(self.tr("Cannot export the plots: {error}").format(
                error=exc.strerror or exc))
            return []
        self.window.notify(self.tr("Wrote {count} files into {folder}").format(
            count=len(files), folder=folder) if files else self.tr("Nothing to export yet: train first."))
        return files

    def export_training_script(self, path=None) -> bool:
        """Write the document's training script (worker thread; see
        engine.training.script_export)."""
        if self.doc is None:
            return False
        if path is None:
            path = self.window.ask_save_path(self.tr("Export training script"), self.tr("Python (*.py)"),
                                             ".py")
            if not path:
                return False
        from gui.training import sections
        from gui.background import Worker

        net = self.doc.network.copy()
        doc_path = self.doc.path
        overrides = sections.data_overrides(net) or None

        def work():
            from engine.training.script_export import write_training_script

            return str(write_training_script(net, path, doc_path, overrides))

        from gui.training.controller import catching, settle

        def done(result, error: str) -> None:
            result, error = settle(result, error)
            if error:
                self.window.show_error(self.tr("Cannot export the training script"), error)
            else:
                self.window.notify(self.tr("Wrote {file}").format(file=result))
            self.script_exported = (result, error)

        self.script_exported = None
        if not hasattr(self, "_exporter"):
            self._exporter = Worker(self)
        self._exporter.run(catching(work), done)
        return True

    def draw_maximisation(self, layer: str, channel: int) -> bool:
        """Activation maximisation of one channel, on a worker thread."""
        t, panel = self.controller.trainer, self.panels["filters"]
        if t is None or t.model is None:
            panel.show_maximisation(None, self.tr("Train the model first."))
            return False
        if t.running:
            panel.show_maximisation(None, self.tr("Pause is not enough: stop or finish the run first."))
            return False
        model = t.model

        def work():
            from engine.training.insights import activation_maximisation

            return activation_maximisation(model, layer, int(channel))

        from gui.training.controller import catching, settle

        panel.show_maximisation(None, self.tr("Drawing…"))
        self._maximiser.run(catching(work),
                            lambda image, error: panel.show_maximisation(*settle(image, error)))
        return True

    # ------------------------------------------------------------------ canvas --
    def _node_ids_by_name(self) -> dict:
        if self.doc is None:
            return {}
        return {n.name: nid for nid, n in self.doc.network.nodes.items()}

    def _show_badges(self, stats: dict) -> None:
        ids = self._node_ids_by_name()
        scene = self.window.scene
        for name, s in stats.items():
            nid = ids.get(name, name)
            item = scene.nodes.get(nid)
            if item is None:
                continue
            text, tip, level = badges.badge_for(s or {})
            badges.set_badge(item, text, f"{name}: {tip}" if tip else "", level)
            self._badged.add(nid)

    def _clear_badges(self) -> None:
        scene = self.window.scene
        for nid in self._badged:
            item = scene.nodes.get(nid)
            if item is not None:
                badges.set_badge(item, "")
        self._badged.clear()

    def selected_layer(self) -> str | None:
        ids = self.window.scene.selected_node_ids()
        if len(ids) != 1 or self.doc is None or ids[0] not in self.doc.network.nodes:
            return None
        return self.doc.network.nodes[ids[0]].name

    @common.while_alive
    def _selection_changed(self) -> None:
        name = self.selected_layer()
        if name is None:
            return
        node = self.doc.network.nodes[self._node_ids_by_name().get(name, name)]
        self.panels["feature_maps"].set_layer(name)
        self.panels["filters"].select_layer(name)
        self.panels["histograms"].select_layer(name)
        if node.type != "Input":
            self.controller.request_feature_maps([name])


def install_dashboard(window) -> Dashboard:
    """Add the training dashboard (docks, Train menu, toolbar) to a main window."""
    dashboard = Dashboard(window)
    window.dashboard = dashboard
    return dashboard

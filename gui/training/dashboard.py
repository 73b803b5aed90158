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

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QTabWidget, QToolBar

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
        from gui.training.worker import Worker

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
        setup.addTab(self.data_panel, "Data")
        setup.addTab(self.settings_panel, "Training")
        setup.addTab(self.runs_panel, "Runs")
        self.setup_tabs = setup
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        run = QWidget()
        layout = QVBoxLayout(run)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.run_controls)
        layout.addWidget(setup, 1)
        self._dock("run", "Training", run, Qt.RightDockWidgetArea)
        titles = {"loss": "Loss and metrics", "lr": "Learning rate", "feature_maps": "Feature maps",
                  "filters": "Filters", "histograms": "Histograms", "confusion": "Confusion matrix",
                  "predictions": "Predictions", "boundary": "Decision boundary"}
        for key in PLOT_DOCKS:
            self._dock(key, titles[key], self.panels[key], Qt.BottomDockWidgetArea)
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

        self.act_start = act("&Start Training", self.start, "F5",
                             "Train the network with the data and training settings")
        self.act_pause = act("&Pause", c.pause, "F6")
        self.act_resume = act("&Resume", c.resume, "F7")
        self.act_stop = act("S&top", c.stop, "Shift+F5")
        self.act_continue = act("&Continue Training",
                                lambda: c.continue_training(self.run_controls.more_epochs.value()),
                                tip="Train the same model for more epochs")
        self.act_show = act("Show &Dashboard", self.show_all, "Ctrl+Shift+T")
        menu = w.menuBar().addMenu("&Train")
        menu.addActions([self.act_start, self.act_pause, self.act_resume, self.act_stop,
                         self.act_continue])
        menu.addSeparator()
        menu.addAction(self.act_show)
        panels = menu.addMenu("&Panels")
        for d in self.docks.values():
            panels.addAction(d.toggleViewAction())
        self.menu = menu
        tb = QToolBar("Training", w)
        tb.setObjectName("training-toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        tb.addActions([self.act_start, self.act_pause, self.act_resume, self.act_stop,
                       self.act_continue])
        w.addToolBar(tb)
        self.toolbar = tb
        self._state_changed(c.state)

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
        self.doc = doc
        self.controller.set_document(doc)
        self.data_panel.set_document(doc)
        self.settings_panel.set_document(doc)
        self.runs_panel.set_document(doc)
        self._clear_badges()
        for p in self.panels.values():
            p.reset()

    # ------------------------------------------------------------------ events --
    def _new_run(self, trainer) -> None:
        self._work.clear()
        self._events.clear()
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

    def _message(self, text: str, level: str) -> None:
        if level in ("error", "warning"):
            self.window.notify(text, 15000)

    @common.while_alive
    def _on_event(self, kind: str, data) -> None:
        """Queue the event for each panel that draws this kind of event.

        The bridge hands over everything since its last delivery at once
        (batches, the epoch, its insights); drawing it all in one go would
        hold the GUI thread for the sum of every panel's update and repaint.
        Each panel is updated on its own turn of the event loop instead (with
        all of its events of the delivery, so it repaints once), and input,
        timers and the other panels' repaints come in between.
        """
        keys = [key for key, panel in self.panels.items() if kind in getattr(panel, "KINDS", ())]
        if kind in ("layer_stats", "lr_finder"):
            keys.append(kind)
        for key in keys:
            events = self._events.get(key)
            if events is None:
                self._events[key] = [(kind, data)]
                self._work.append(key)
            else:
                events.append((kind, data))
        if kind in ("finished", "stopped", "failed"):
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

    def draw_maximisation(self, layer: str, channel: int) -> bool:
        """Activation maximisation of one channel, on a worker thread."""
        t, panel = self.controller.trainer, self.panels["filters"]
        if t is None or t.model is None:
            panel.show_maximisation(None, "Train the model first.")
            return False
        if t.running:
            panel.show_maximisation(None, "Pause is not enough: stop or finish the run first.")
            return False
        model = t.model

        def work():
            from engine.training.insights import activation_maximisation

            return activation_maximisation(model, layer, int(channel))

        panel.show_maximisation(None, "Drawing…")
        self._maximiser.run(work, lambda image, error: panel.show_maximisation(image, error))
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

"""The main window: canvas in the middle, palette on the left, inspector on the
right, summary and problems below, menus, toolbar and status bar around them.

File dialogs and questions go through small ``ask_*`` methods so that tests
can answer them without a modal dialog.
"""

from __future__ import annotations

import sys

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QImage, QKeySequence, QPainter, QUndoGroup
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QInputDialog, QMainWindow, QMessageBox, QToolBar,
)

from engine.errors import NeuroCanvasError
from engine.atomic import atomic_path, write_atomic
from engine.network import Network
from gui import app_paths, background, clipboard, gc_guard, language, wheel_guard
from gui.canvas import CanvasView, NetworkScene
from gui.canvas import style as canvas_style
from gui.commands import (
    AutoLayoutCommand, DeleteCommand, FunctionCommand, GroupCommand, PasteCommand,
)
from gui.document import Document
from gui.format_text import error_text
from gui.i18n import translate, tx
from gui.inspector import Inspector
from gui.palette import Palette
from gui import refusal_popup
from gui.problems_panel import ProblemsPanel
from gui.quick_add import Attach, QuickAdd
from gui.model_import import MODEL_SUFFIXES, ModelImport, is_model_file
from gui.recovery import Journal
from gui.status_bar import StatusBar
from gui.steady_toolbar import fix_widths, steady_twin
from gui.summary_panel import SummaryPanel
from gui.tensorflow_loader import TensorFlowLoader

MAX_RECENT = 10
_MODELS = " ".join(f"*{s}" for s in MODEL_SUFFIXES)
OPENABLE_SUFFIXES = (".json",) + MODEL_SUFFIXES


def doc_filter() -> str:
    """The file dialogs' filter for documents, in the interface's language."""
    return translate("MainWindow", "NeuroCanvas documents (*.json);;All files (*)")


def open_filter() -> str:
    """The Open dialog's filters: documents and Keras models."""
    return translate("MainWindow", "Documents and Keras models (*.json {models});;NeuroCanvas documents "
                                   "(*.json);;Keras models ({models});;All files (*)").format(models=_MODELS)


def model_filter() -> str:
    return translate("MainWindow", "Keras models ({models});;All files (*)").format(models=_MODELS)


class MainWindow(QMainWindow):
    document_shown = Signal(object)  # the Document just set
    import_finished = Signal(bool)  # an import of a Keras model ended (shown or not)

    def __init__(self, document: Document | None = None, tensorflow: TensorFlowLoader | None = None,
                 autosave: bool = True):
        super().__init__()
        self.setObjectName("NeuroCanvasMainWindow")
        wheel_guard.install()  # the wheel scrolls panels, never an unfocused combo or spin box
        self.resize(1440, 900)
        self.doc: Document | None = None
        self.tensorflow = tensorflow or TensorFlowLoader(self)
        # collect garbage on this thread only (Qt objects must die on theirs)
        gc_guard.install()
        self.tensorflow.ready.connect(lambda _device: gc_guard.freeze_long_lived())
        self.undo_group = QUndoGroup(self)
        self._paste_count = 0
        self.imports: list[ModelImport] = []  # running imports of Keras models
        self.keras_export: background.Job | None = None  # the last Export Keras Model
        self.setAcceptDrops(True)

        self.scene = NetworkScene(self)
        self.view = CanvasView(self.scene, self)
        self.view.node_menu_requested = self.show_node_menu
        self.setCentralWidget(self.view)
        refusal_popup.attach(self.view)
        self.palette = Palette()
        self.inspector = Inspector()
        self.inspector.grow_requested = lambda nid, kind: self.grow_node(nid, kind)
        self.summary = SummaryPanel()
        self.problems = ProblemsPanel()
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.quick_add = QuickAdd(self)
        self._docks()
        self._actions()
        self._menus()
        self._wire()

        # every change is journalled to this instance's recovery folder (gui.recovery)
        self.journal = Journal(parent=self, enabled=autosave)
        self.journal.failed.connect(self._journal_failed)
        self.view.viewport().installEventFilter(self)  # files dropped on the canvas
        self.set_document(document or Document(Network("untitled")))
        self.status.set_tensorflow(self.tensorflow.state, self.tensorflow.device)
        # the training dashboard (docks, Train menu, toolbar) is installed on first
        # use, or by the application right after the window is shown, so that the
        # editor appears without waiting for pyqtgraph and the plot panels
        self._dashboard = None
        from gui.experiments.sweep_menu import install_sweep_menu  # "Sweep this…" in the inspector

        self.sweep_menu = install_sweep_menu(self)

    @property
    def dashboard(self):
        if self._dashboard is None:
            from gui.training.dashboard import install_dashboard

            install_dashboard(self)
        return self._dashboard

    @dashboard.setter
    def dashboard(self, value) -> None:
        self._dashboard = value

    def show_experiments(self):
        """Show the Experiments panel (installed on first use)."""
        from gui.experiments.panel import install_experiments

        panel = install_experiments(self)
        self.experiments_dock.show()
        self.experiments_dock.raise_()
        return panel

    def ensure_dashboard(self) -> None:
        self.dashboard  # noqa: B018  (installs it)

    # ------------------------------------------------------------ layout --

    def _docks(self) -> None:
        def dock(title, widget, area, name):
            d = QDockWidget(title, self)
            d.setObjectName(name)
            d.setWidget(widget)
            d.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable
                          | QDockWidget.DockWidgetFloatable)
            self.addDockWidget(area, d)
            return d

        self.palette_dock = dock(self.tr("Layers"), self.palette, Qt.LeftDockWidgetArea, "palette")
        self.inspector_dock = dock(self.tr("Inspector"), self.inspector, Qt.RightDockWidgetArea, "inspector")
        self.summary_dock = dock(self.tr("Summary"), self.summary, Qt.BottomDockWidgetArea, "summary")
        self.problems_dock = dock(self.tr("Problems"), self.problems, Qt.BottomDockWidgetArea, "problems")
        self.tabifyDockWidget(self.summary_dock, self.problems_dock)
        self.summary_dock.raise_()
        self.resizeDocks([self.palette_dock, self.inspector_dock], [210, 320], Qt.Horizontal)
        self.resizeDocks([self.summary_dock], [230], Qt.Vertical)

    def _action(self, text, slot, shortcut=None, tip=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcuts(QKeySequence.keyBindings(shortcut)
                                    if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        K = QKeySequence.StandardKey
        a = self._action
        self.act_new = a(self.tr("&New"), self.new_document, K.New)
        self.act_gallery = a(self.tr("New from &Preset…"), self.show_gallery, "Ctrl+Shift+N")
        self.act_open = a(self.tr("&Open…"), self.open_dialog, K.Open,
                          tip=self.tr("Open a document (.json) or a Keras model (.keras, .h5)"))
        self.act_import_model = a(self.tr("Keras &Model File…"), self.import_model_dialog,
                                  tip=self.tr("Import a .keras or .h5 model, weights included"))
        self.act_import_app = a(self.tr("Keras &Application…"), self.import_application_dialog,
                                tip=self.tr("Import an architecture of keras.applications by name"))
        self.act_save = a(self.tr("&Save"), self.save, K.Save)
        self.act_save_as = a(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.act_export_py = a(self.tr("Export &Python Script…"), self.export_python)
        self.act_export_keras = a(self.tr("Export &Keras Model…"), self.export_keras)
        self.act_export_png = a(self.tr("Export Diagram as P&NG…"), lambda: self.export_image(suffix=".png"))
        self.act_export_svg = a(self.tr("Export Diagram as S&VG…"), lambda: self.export_image(suffix=".svg"))
        self.act_deploy = a(self.tr("&Deploy…"), self.show_deploy, tip=self.tr(
            "Export a trained network to TFLite, ONNX or SavedModel, each checked against Keras"))
        self.act_quit = a(self.tr("&Quit"), self.close, K.Quit)
        # Qt words the undo and redo actions "Undo <the command's text>" itself
        self.act_undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.act_redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo_keys = list(QKeySequence.keyBindings(K.Redo))
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.act_redo.setShortcuts(redo_keys)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_cut = a(self.tr("Cu&t"), self.cut, K.Cut)
        self.act_copy = a(self.tr("&Copy"), self.copy, K.Copy)
        self.act_paste = a(self.tr("&Paste"), self.paste, K.Paste)
        self.act_duplicate = a(self.tr("&Duplicate"), self.duplicate, "Ctrl+D")
        self.act_delete = a(self.tr("De&lete"), self.delete_selection,
                            [QKeySequence(QKeySequence.Delete).toString(), "Backspace"])
        self.act_select_all = a(self.tr("Select &All"), self.select_all, K.SelectAll)
        self.act_quick_add = a(self.tr("&Add Layer…"), self.open_quick_add, ["Tab", "Shift+A"])
        self.act_quick_branch = a(self.tr("Add &Branch…"), lambda: self.open_quick_add(branch=True),
                                  ["Shift+Tab", "Shift+B"])
        # Tab and Shift+Tab add layers only while the canvas has the focus (in the
        # panels they move between fields)
        for act in (self.act_quick_add, self.act_quick_branch):
            self.removeAction(act)
            act.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.view.addAction(act)
        self.act_group = a(self.tr("&Group Selection…"), self.group_selection, "Ctrl+G")
        self.act_ungroup = a(self.tr("U&ngroup"), self.ungroup_selection, "Ctrl+Shift+G")
        self.act_layout = a(self.tr("Auto-&Layout"), self.auto_layout, "Ctrl+L")
        self.act_zoom_in = a(self.tr("Zoom &In"), lambda: self.view.zoom_by(1.25), K.ZoomIn)
        self.act_zoom_out = a(self.tr("Zoom &Out"), lambda: self.view.zoom_by(0.8), K.ZoomOut)
        self.act_zoom_fit = a(self.tr("Zoom to &Fit"), self.view.zoom_to_fit, "Ctrl+0")
        self.act_zoom_100 = a(self.tr("&Actual Size"), lambda: self.view.set_zoom(1.0), "Ctrl+1")
        self.act_collapse_all = a(self.tr("&Collapse All Groups"), self.scene.collapse_all)
        self.act_expand_all = a(self.tr("&Expand All Groups"), self.scene.expand_all)
        self.act_snap = a(self.tr("&Snap to Grid"),
                          lambda: setattr(self.scene, "snap_to_grid", self.act_snap.isChecked()))
        self.act_snap.setCheckable(True)
        self.act_snap.setChecked(True)
        self.language_actions = {}  # the View ▸ Language choices, by language code ("" for the system's)
        for code, label in (("", self.tr("&System Language")), ("en", "English"), ("zh_CN", "简体中文")):
            act = a(label, lambda code=code: self.choose_language(code))
            act.setCheckable(True)
            self.language_actions[code] = act
        chosen = language.saved()
        self.language_actions.get(chosen, self.language_actions[""]).setChecked(True)

    def _menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        for act in (self.act_new, self.act_gallery, self.act_open):
            m.addAction(act)
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.import_menu = m.addMenu(self.tr("&Import"))
        self.import_menu.addActions([self.act_import_model, self.act_import_app])
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addActions([self.act_export_py, self.act_export_keras, self.act_export_png, self.act_export_svg])
        m.addAction(self.act_deploy)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_duplicate, self.act_delete])
        m.addSeparator()
        m.addActions([self.act_select_all, self.act_quick_add, self.act_quick_branch])
        m.addSeparator()
        m.addActions([self.act_group, self.act_ungroup, self.act_layout])
        m = bar.addMenu(self.tr("&View"))
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit, self.act_zoom_100])
        m.addSeparator()
        m.addActions([self.act_collapse_all, self.act_expand_all, self.act_snap])
        m.addSeparator()
        for d in (self.palette_dock, self.inspector_dock, self.summary_dock, self.problems_dock):
            m.addAction(d.toggleViewAction())
        m.addAction(self.tr("E&xperiments"), self.show_experiments)
        m.addSeparator()
        self.language_menu = m.addMenu(self.tr("&Language"))
        self.language_menu.addActions(list(self.language_actions.values()))
        from gui.explain import install_explain

        install_explain(self)  # the Explain menu; its views load on first use
        tb = QToolBar(self.tr("Main"), self)
        tb.setObjectName("main-toolbar")
        tb.setIconSize(QSize(18, 18))
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        tb.addActions([self.act_gallery, self.act_open, self.act_save])
        tb.addSeparator()
        # the undo and redo texts change with each edit: fixed labels on the toolbar
        self.tb_undo = steady_twin(self.act_undo, self.tr("Undo"), self)
        self.tb_redo = steady_twin(self.act_redo, self.tr("Redo"), self)
        tb.addActions([self.tb_undo, self.tb_redo])
        tb.addSeparator()
        tb.addActions([self.act_quick_add, self.act_layout, self.act_zoom_fit])
        self.addToolBar(tb)
        fix_widths(tb)
        self.main_toolbar = tb

    def _wire(self) -> None:
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.connection_refused.connect(
            lambda r: self.notify(self.tr("Connection refused: {reason}").format(reason=tx(r))))
        self.scene.message.connect(self.notify)
        self.scene.quick_add_requested.connect(self._quick_add_at)
        self.scene.node_double_clicked.connect(lambda _nid: self.inspector.name_edit.setFocus())
        self.view.error.connect(self.notify)
        self.palette.layer_activated.connect(self._add_from_palette)
        self.quick_add.chosen.connect(
            lambda t, pos, src: self.view.add_layer_at(t, pos, connect_from=src))
        self.summary.node_clicked.connect(self.reveal_node)
        self.problems.node_clicked.connect(self.reveal_node)
        self.problems.fix_chosen.connect(self.apply_fix)
        self.problems.count_changed.connect(self._problems_count)
        self.inspector.refused.connect(
            lambda m: self.notify(self.tr("Refused: {reason}").format(reason=tx(m))))
        self.tensorflow.state_changed.connect(
            lambda s: self.status.set_tensorflow(s, self.tensorflow.device))

    # ---------------------------------------------------------- document --

    def set_document(self, doc: Document) -> None:
        old = self.doc
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.title_changed.disconnect(self._update_title)
            old.close()
        self.doc = doc
        self.journal.watch(doc)
        self.undo_group.addStack(doc.undo_stack)
        self.undo_group.setActiveStack(doc.undo_stack)
        doc.title_changed.connect(self._update_title)
        self.scene.set_document(doc)
        self.inspector.set_document(doc)
        self.summary.set_document(doc)
        self.problems.set_document(doc)
        self.status.set_document(doc)
        if getattr(self, "experiments", None) is not None:
            self.experiments.set_document(doc)
        self._update_title()
        QTimer.singleShot(0, self.view.show_start)
        self.document_shown.emit(doc)

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(self.tr("{document}[*] — NeuroCanvas").format(document=self.doc.title))
        self.setWindowModified(self.doc.modified)

    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_document(Document(Network("untitled")))
        return True

    def open_preset(self, preset_id: str, ask: bool = True) -> bool:
        from presets import build_preset

        if ask and not self.maybe_save():
            return False
        try:
            net = build_preset(preset_id)
        except NeuroCanvasError as exc:
            self.show_error(self.tr("Cannot open preset"), error_text(exc))
            return False
        self.set_document(Document(net, origin={"preset": preset_id}))
        return True

    def open_lesson(self, lesson_id: str, ask: bool = True) -> bool:
        """Open a lesson's network with its data and training settings, and its panel."""
        from gui.lesson_panel import show_lesson
        from presets.lessons import get_lesson

        if ask and not self.maybe_save():
            return False
        try:
            lesson = get_lesson(lesson_id)
            net = lesson.network()
        except NeuroCanvasError as exc:
            self.show_error(self.tr("Cannot open lesson"), str(exc))
            return False
        self.set_document(Document(net, origin={"lesson": lesson_id}))
        show_lesson(self, lesson)
        return True

    def show_gallery(self):
        from gui.gallery_dialog import GalleryDialog

        dialog = GalleryDialog(self)
        dialog.preset_chosen.connect(self.open_preset)
        dialog.lesson_chosen.connect(self.open_lesson)
        dialog.open()
        return dialog

    def open_dialog(self) -> bool:
        path = self.ask_open_path()
        return self.open_path(path) if path else False

    def open_path(self, path, ask: bool = True) -> bool:
        """Open a document, or import a Keras model (.keras, .h5) on a worker thread
        (True: the import started; ``import_finished`` says how it ended). A damaged
        file is refused with the engine's message and the open document stays."""
        if is_model_file(path):
            return self.import_model(path, ask=ask)
        from presets import adopt_legacy_document

        try:
            net = Network.load(path)
            adopt_legacy_document(net)
        except NeuroCanvasError as exc:
            self.show_error(self.tr("Cannot open file"), error_text(exc))
            return False
        except OSError as exc:
            self.show_error(self.tr("Cannot open file"), self.tr("{path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
            return False
        if ask and not self.maybe_save():
            return False
        self.set_document(Document(net, path))
        self.add_recent(path)
        return True

    def import_model(self, source, ask: bool = True, weights=None) -> bool:
        """Import a .keras/.h5 file or a keras.applications architecture (by name)
        in the background; the document replaces this one when it arrives."""
        if ask and not self.maybe_save():
            return False
        job = ModelImport(self, str(source), weights=weights)
        self.imports.append(job)

        def done(doc):
            self.imports.remove(job)
            if doc is not None:
                self.set_document(doc)
                if not job.application:
                    self.add_recent(source)
                if job.notes:
                    self.notify(self.tr("Imported {model}: {count} layers ({notes})").format(
                        model=job.label, count=len(doc.network.nodes), notes="; ".join(job.notes)))
                else:
                    self.notify(self.tr("Imported {model}: {count} layers").format(
                        model=job.label, count=len(doc.network.nodes)))
            self.import_finished.emit(doc is not None)

        job.finished.connect(done)
        job.start()
        return True

    def import_model_dialog(self) -> bool:
        path = self.ask_open_path(self.tr("Import a Keras model"), model_filter())
        return self.import_model(path) if path else False

    def import_application_dialog(self) -> bool:
        choice = self.ask_application()
        if not choice:
            return False
        name, weights = choice
        return self.import_model(name, weights=weights)

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self, path=None) -> bool:
        path = path or self.ask_save_path(self.tr("Save document"), doc_filter(), ".json")
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".json")
        return self._write(path)

    def _write(self, path) -> bool:
        try:
            self.doc.network.save(path)
        except (OSError, NeuroCanvasError) as exc:
            self.show_error(self.tr("Cannot save"), error_text(exc))
            return False
        self.doc.mark_saved(path)
        self.journal.write()  # the recovery copy goes at once
        self.add_recent(path)
        self.notify(self.tr("Saved {path}").format(path=path))
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on."""
        if self.doc is None or not (self.doc.modified or self._has_unsaved_runs()):
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def changeEvent(self, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.PaletteChange:
            canvas_style.palette_changed()
            self.scene.update()
        super().changeEvent(event)

    def closeEvent(self, event):
        if not self._training_allows_close():
            event.ignore()
            return
        if self.maybe_save():
            self.journal.closed()
            experiments = getattr(self, "experiments", None)
            if experiments is not None:
                experiments.shutdown()  # its sweep workers end with the window
            if self.keras_export is not None:
                self.keras_export.wait(120)  # a .keras being written is finished first
            event.accept()
        else:
            event.ignore()

    def _training_allows_close(self) -> bool:
        """A run still training asks first (stop and keep a checkpoint, or
        cancel); see gui.training.controller.TrainingController.confirm_close."""
        dashboard = self._dashboard
        return dashboard is None or dashboard.controller.confirm_close()

    # ------------------------------------------------------ dropped files --

    def dropped_path(self, mime) -> str | None:
        """The first local file in a drag that this window can open."""
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in OPENABLE_SUFFIXES:
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event):
        if self.dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if self.dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        path = self.dropped_path(event.mimeData())
        if path:
            event.acceptProposedAction()
            # after the drop returns: a question or a dialog must not run inside the drag
            QTimer.singleShot(0, lambda: self.open_path(path))
        else:
            super().dropEvent(event)

    def eventFilter(self, watched, event):
        """Files dragged over the canvas open like files dropped on the window;
        layers dragged from the palette go on to the canvas."""
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop) \
                and watched is self.view.viewport() and self.dropped_path(event.mimeData()):
            {QEvent.DragEnter: self.dragEnterEvent, QEvent.DragMove: self.dragMoveEvent,
             QEvent.Drop: self.dropEvent}[kind](event)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ export --

    def export_python(self, path=None) -> bool:
        path = path or self.ask_save_path(self.tr("Export Python script"), self.tr("Python (*.py)"), ".py")
        if not path:
            return False
        try:
            write_atomic(path, self.doc.network.to_python())
        except (OSError, NeuroCanvasError) as exc:
            self.show_error(self.tr("Cannot export"), error_text(exc))
            return False
        self.notify(self.tr("Wrote {path}").format(path=path))
        return True

    def export_keras(self, path=None) -> bool:
        path = path or self.ask_save_path(self.tr("Export Keras model"), self.tr("Keras model (*.keras)"),
                                          ".keras")
        if not path:
            return False
        if not str(path).endswith(".keras"):
            path = f"{path}.keras"
        if not self.doc.report().valid:
            self.show_error(self.tr("Cannot export"),
                            self.tr("The network has errors; fix them first (see Problems)."))
            return False
        from gui.trust_dialog import gate

        if not gate(self, self.doc, lambda: self.export_keras(path)):
            return False  # the trust prompt is open; it exports once the code is trusted
        net = self.doc.network.copy()

        def save():
            from engine.keras_build import save_keras_file

            save_keras_file(net, path)  # atomic: no temp file left on a full disk

        def saved(_result, error: str) -> None:
            if error:  # shown, never a traceback
                self.show_error(self.tr("Cannot export"), tx(error))
            else:
                self.notify(self.tr("Wrote {path}").format(path=path))

        # built and saved on a worker thread, once TensorFlow has loaded
        waiting = self.tensorflow.state != "ready"
        self.keras_export = background.run(save, saved, parent=self, tensorflow=self.tensorflow,
                                           name="neurocanvas-export-keras")
        self.notify(self.tr("Waiting for TensorFlow to finish loading; the model is exported then…")
                    if waiting else self.tr("Exporting {file}…").format(file=Path(path).name))
        return True

    def show_deploy(self):
        from gui.deploy_dialog import DeployDialog  # loaded on first use

        return DeployDialog.open_for(self)

    def render_image(self, scale: float = 2.0) -> QImage:
        rect = self.scene.items_rect().adjusted(-30, -40, 30, 30)
        image = QImage(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)),
                       QImage.Format_ARGB32_Premultiplied)
        image.fill(canvas_style.background())
        selected = self.scene.selectedItems()
        for item in selected:
            item.setSelected(False)
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing)
        self.scene.render(p, QRectF(image.rect()), rect)
        p.end()
        for item in selected:
            item.setSelected(True)
        return image

    def export_image(self, path=None, suffix: str = ".png") -> bool:
        if not path:
            path = self.ask_save_path(self.tr("Export diagram"), f"{suffix[1:].upper()} (*{suffix})", suffix)
        if not path:
            return False
        if str(path).lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            rect = self.scene.items_rect().adjusted(-30, -40, 30, 30)
            try:
                with atomic_path(path, suffix=".svg") as tmp:
                    gen = QSvgGenerator()
                    gen.setFileName(tmp)
                    gen.setSize(rect.size().toSize())
                    gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
                    gen.setTitle(self.doc.network.name)
                    p = QPainter(gen)
                    self.scene.render(p, QRectF(0, 0, rect.width(), rect.height()), rect)
                    p.end()
                    del p, gen  # the generator writes its file when it goes
            except OSError as exc:
                self.show_error(self.tr("Cannot export"), self.tr("Could not write {path}: {reason}.").format(
                    path=path, reason=exc.strerror or exc))
                return False
        else:
            image = self.render_image()
            try:
                with atomic_path(path, suffix=Path(path).suffix or ".png") as tmp:
                    if not image.save(tmp):
                        raise OSError(f"Could not write {path}.")
            except OSError:
                self.show_error(self.tr("Cannot export"), self.tr("Could not write {path}.").format(path=path))
                return False
        self.notify(self.tr("Wrote {path}").format(path=path))
        return True

    # ------------------------------------------------------------ recent --

    def recent_files(self) -> list[str]:
        value = app_paths.settings().value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_files() if p != path]
        s = app_paths.settings()
        s.setValue("recent", items[:MAX_RECENT])
        s.sync()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_path(p)).setToolTip(path)
        if not files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)

    # ---------------------------------------------------------- recovery --

    def recover(self, record) -> None:
        """Show a document recovered from a record of an instance that ended
        without saving it; it stays marked unsaved."""
        doc = Document(record.network, record.path, origin=record.entry if not record.path else None)
        self.set_document(doc)
        doc.undo_stack.resetClean()  # recovered work is unsaved
        self._update_title()
        self.setWindowModified(True)
        self.journal.write()

    def _journal_failed(self, message: str) -> None:
        self.show_error(self.tr("Cannot keep a recovery copy"),
                        self.tr("The recovery copy of your work could not be written ({reason}). "
                                "Your document is still open; save it to a place with free space. "
                                "NeuroCanvas keeps trying and tells you once.").format(reason=message))

    # ----------------------------------------------------------- editing --

    def _selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        self.inspector.show_selection(ids)
        self.summary.select_node(ids[0] if len(ids) == 1 else None)

    def reveal_node(self, node_id: str) -> None:
        self.scene.select_nodes([node_id])
        owner = self.scene.collapsed_owner(node_id)
        item = self.scene.collapsed_items.get(owner) if owner else self.scene.nodes.get(node_id)
        if item is not None:
            self.view.ensureVisible(item, 80, 80)

    def push(self, command) -> bool:
        try:
            self.doc.push(command)
        except NeuroCanvasError as exc:
            self.notify(error_text(exc))
            return False
        return True

    def delete_selection(self) -> None:
        ids = self.scene.selected_node_ids()
        edges = self.scene.selected_edges()
        if ids or edges:
            self.push(DeleteCommand(self.doc, ids, edges))

    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if clipboard.copy_nodes(self.doc.network, ids):
            self._paste_count = 0
            self.notify(self.tr("Copied {count} layers").format(count=len(ids)) if len(ids) > 1
                        else self.tr("Copied 1 layer"))
            return True
        return False

    def cut(self) -> None:
        if self.copy():
            command = DeleteCommand(self.doc, self.scene.selected_node_ids())
            command.setText(self.tr("Cut"))
            self.push(command)

    def paste(self) -> list[str]:
        fragment = clipboard.clipboard_fragment()
        if fragment is None or not fragment.nodes:
            self.notify(self.tr("Nothing to paste"))
            return []
        self._paste_count += 1
        offset = 40.0 * self._paste_count
        command = PasteCommand(self.doc, fragment, (offset, offset))
        if not self.push(command):
            return []
        self.scene.select_nodes(command.result)
        return command.result

    def duplicate(self) -> list[str]:
        ids = self.scene.selected_node_ids()
        if not ids:
            return []
        command = PasteCommand(self.doc, clipboard.fragment_of(self.doc.network, ids), (40.0, 40.0),
                               text=self.tr("Duplicate"))
        if not self.push(command):
            return []
        self.scene.select_nodes(command.result)
        return command.result

    def select_all(self) -> None:
        for item in list(self.scene.nodes.values()) + list(self.scene.collapsed_items.values()):
            if item.isVisible():
                item.setSelected(True)

    def show_node_menu(self, node_id: str, global_pos) -> None:
        """The node's context menu: Net2Net Widen and Deepen (one undo step each)."""
        from PySide6.QtWidgets import QMenu

        node = self.doc.network.nodes.get(node_id)
        if node is None:
            return
        menu = QMenu(self)
        if node.type in ("Dense", "Conv2D"):
            menu.addAction(self.tr("Widen {layer} ×2 (same outputs)").format(layer=node.name),
                           lambda: self.grow_node(node_id, "widen", 2.0))
        menu.addAction(self.tr("Deepen after {layer} (identity layer)").format(layer=node.name),
                       lambda: self.grow_node(node_id, "deepen"))
        self.node_menu = menu
        menu.popup(global_pos)

    def grow_node(self, node_id: str, kind: str, factor: float = 2.0) -> bool:
        """Widen or deepen keeping what the network computes, from the run's
        model when the canvas still shows the run's network, else from the
        document's weights; a refusal says why and what would be exact."""
        from gui.grow_commands import GrowCommand, weights_to_grow_from

        store, base = weights_to_grow_from(self.dashboard)
        done = self.push(GrowCommand(self.doc, kind, node_id, factor, store, base))
        if done:
            cmd = self.doc.undo_stack.command(self.doc.undo_stack.index() - 1)
            result = getattr(cmd, "result", None)
            if result is not None:
                description = tx(result.description)
                self.notify(self.tr("{description}; Continue goes on from these weights.").format(
                    description=description[:1].upper() + description[1:]))
        return done

    def group_selection(self, name: str | None = None) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        if name is None:
            name = self.ask_text(self.tr("Group"), self.tr("Name of the new group:"), "block")
        if not name:
            return False
        net = self.doc.network
        common = {net.nodes[n].group for n in ids}
        parent = common.pop() if len(common) == 1 else None
        path = f"{parent}/{name}" if parent else name
        return self.push(GroupCommand(self.doc, ids, path))

    def ungroup_selection(self) -> bool:
        ids = [n for n in self.scene.selected_node_ids() if self.doc.network.nodes[n].group]
        if not ids:
            return False

        def ungroup(net):
            by_parent: dict = {}
            for nid in ids:
                group = net.nodes[nid].group
                parent = group.rsplit("/", 1)[0] if "/" in group else None
                by_parent.setdefault(parent, []).append(nid)
            for parent, members in by_parent.items():
                net.set_group(members, parent)

        return self.push(FunctionCommand(self.doc, self.tr("Ungroup"), ungroup))

    def auto_layout(self) -> None:
        if self.push(AutoLayoutCommand(self.doc)):
            self.view.zoom_to_fit()

    def apply_fix(self, fix) -> bool:
        if self.push(FunctionCommand(self.doc, tx(fix.title), fix.apply)):
            self.notify(self.tr("Applied: {fix}").format(fix=tx(fix.title)))
            if fix.node:
                self.reveal_node(fix.node)
            return True
        return False

    def open_quick_add(self, branch: bool = False) -> QuickAdd:
        """Tab: the chosen layer is inserted after the selected one (Shift+Tab: added
        beside it as a new branch); with no single selection, placed at the pointer."""
        view_pos = self.view.mapFromGlobal(QCursor.pos())
        if not self.view.viewport().rect().contains(view_pos):
            view_pos = self.view.viewport().rect().center()
        sel = self.scene.selected_node_ids()
        src = Attach(sel[-1], branch=branch) if len(sel) == 1 else None
        scene_pos = self.view.mapToScene(view_pos)
        if src is not None:
            scene_pos = self.scene.display_pos(src.node) + QPointF(0.0, 120.0)
        self.quick_add.open_at(self.view.mapToGlobal(view_pos), scene_pos, src)
        return self.quick_add

    def _quick_add_at(self, scene_pos, src) -> None:
        global_pos = self.view.mapToGlobal(self.view.mapFromScene(scene_pos))
        self.quick_add.open_at(global_pos, scene_pos, src)

    def _add_from_palette(self, type_name: str) -> None:
        sel = self.scene.selected_node_ids()
        src = Attach(sel[-1]) if len(sel) == 1 else None
        if src is not None:
            pos = self.scene.display_pos(src.node) + QPointF(0.0, 120.0)
        else:
            pos = self.view.mapToScene(self.view.viewport().rect().center())
        self.view.add_layer_at(type_name, pos, connect_from=src)

    def _problems_count(self, errors: int, warnings: int) -> None:
        title = (self.tr("Problems ({count})").format(count=errors + warnings) if errors + warnings
                 else self.tr("Problems"))
        self.problems_dock.setWindowTitle(title)

    def choose_language(self, code: str) -> None:
        """Remember the interface's language (``""``: the system's) for the next start."""
        language.save(code)
        for key, act in self.language_actions.items():
            act.setChecked(key == code)
        self.notify(self.tr("The interface's language changes when NeuroCanvas starts again."))

    # ------------------------------------------------- dialogs and notes --

    def notify(self, message: str, ms: int = 8000) -> None:
        self.status.showMessage(message, ms)

    def show_error(self, title: str, message: str) -> None:
        self.notify(message)
        QMessageBox.warning(self, title, message)

    def _has_unsaved_runs(self) -> bool:
        """An untitled document trained: its runs are kept beside it only once saved."""
        if "gui.training.controller" not in sys.modules:   # nothing was trained yet
            return False
        from gui.training.controller import has_unsaved_runs

        return has_unsaved_runs(self.doc)

    def ask_unsaved(self):
        question = self.tr("Save the changes to “{document}” before closing it?").format(document=self.doc.title)
        if not self.doc.modified:
            question = self.tr("“{document}” has training runs that are kept with the document once it "
                               "is saved (unsaved, they are removed after a week). Save it before closing "
                               "it?").format(document=self.doc.title)
        return QMessageBox.question(
            self, self.tr("Unsaved changes"), question,
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)

    def ask_yes_no(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def ask_open_path(self, title: str | None = None, filters: str | None = None) -> str:
        title = title or self.tr("Open a document or a Keras model")
        path, _ = QFileDialog.getOpenFileName(self, title, self._dialog_dir(), filters or open_filter())

        return path

    def ask_application(self):
        """(keras.applications name, weights or None), or None if cancelled."""
        from gui.application_dialog import ApplicationDialog

        dialog = ApplicationDialog(self)
        return dialog.choice() if dialog.exec() == ApplicationDialog.Accepted else None

    def ask_save_path(self, title: str, filters: str, suffix: str) -> str:
        start = self._dialog_dir()
        if self.doc is not None:
            start = str(Path(start) / (self.doc.network.name + suffix))
        path, _ = QFileDialog.getSaveFileName(self, title, start, filters)
        if path and not Path(path).suffix:
            path += suffix
        return path

    def ask_text(self, title: str, label: str, default: str = "") -> str:
        text, ok = QInputDialog.getText(self, title, label, text=default)
        return text.strip() if ok else ""

    def _dialog_dir(self) -> str:
        if self.doc is not None and self.doc.path is not None:
            return str(self.doc.path.parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())


def application() -> QApplication:
    app = QApplication.instance()
    return app if app is not None else QApplication([])

"""The runs of the open document: start time, status, epochs, best
validation metric and the settings that mark each one. Selecting several
overlays their curves on the loss panel; selecting two shows what differs
between them, in settings and in the network. A finished run's model can
be exported.

A run whose program was closed or killed while it trained reads
"interrupted" (no process holds its folder any more). Resume continues an
interrupted, stopped or failed run from its checkpoint, in place; the
context menu of a run also opens its network as a new document, loads its
data and training settings into the open document (one undo step), deletes
it (after asking) and reveals its folder.

The runs of an unsaved document are listed from its scratch folder (see
gui.training.controller); once it is saved they are listed from beside the
file, where the controller moves them."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from engine.atomic import atomic_path

COLUMNS = ("started", "status", "epochs", "best", "dataset", "optimizer", "lr", "batch")
RESUMABLE = ("interrupted", "stopped", "failed")
UNSAVED_NOTE = ("This document is not saved yet: its runs are kept in a temporary folder "
                "for a week, and move beside the document when you save it.")


def run_row(record) -> list[str]:
    """The table cells of one `RunRecord`."""
    s = record.settings or {}
    data, training = s.get("data") or {}, s.get("training") or {}
    opt = ((training.get("compile") or {}).get("optimizer") or {})
    sched = opt.get("schedule") or {}
    lr = opt.get("learning_rate")
    if sched and sched.get("kind") not in (None, "constant"):
        lr = f"{sched.get('kind')}"
    best = record.best or {}
    best_text = (f"{best.get('monitor')} {best.get('value'):.4g} @ {best.get('epoch')}"
                 if isinstance(best.get("value"), (int, float)) else "")
    started = (record.started or record.info.get("created") or "").replace("T", " ")[:19]
    return [started, record.status, str(record.epochs_run), best_text, str(data.get("dataset", "")),
            str(opt.get("name", "")), "" if lr is None else str(lr),
            str(training.get("batch_size", ""))]


def describe_comparison(diff: dict) -> str:
    """A readable summary of ``compare_runs`` (HTML)."""
    lines = [f"<b>{diff.get('a')}</b> → <b>{diff.get('b')}</b>"]
    settings = diff.get("settings") or []
    if settings:
        lines.append("<u>Settings</u>")
        lines += [f"{_html(d['key'])}: {_html(d['a'])} → {_html(d['b'])}" for d in settings[:40]]
    else:
        lines.append("Same settings.")
    net = diff.get("network") or {}
    if net.get("error"):
        lines.append(f"Network: {_html(net['error'])}")
    else:
        parts = []
        for key, label in (("added", "added"), ("removed", "removed")):
            if net.get(key):
                parts.append(f"{label}: {', '.join(map(_html, net[key]))}")
        for r in net.get("renamed") or []:
            parts.append(f"renamed {_html(r['a'])} → {_html(r['b'])}")
        for c in net.get("changed") or []:
            params = c.get("params") or {}
            what = ", ".join(f"{k} {_html(v['a'])} → {_html(v['b'])}" for k, v in params.items())
            if isinstance(c.get("type"), dict):
                what = f"type {c['type']['a']} → {c['type']['b']}"
            parts.append(f"{_html(c.get('node'))}: {what}")
        if net.get("edges_added") or net.get("edges_removed"):
            parts.append(f"{len(net.get('edges_added') or [])} connections added, "
                         f"{len(net.get('edges_removed') or [])} removed")
        pc = net.get("params") or {}
        if pc.get("a") != pc.get("b"):
            parts.append(f"parameters {pc.get('a')} → {pc.get('b')}")
        lines.append("<u>Network</u>")
        lines += parts or ["Same network."]
    res = diff.get("results") or {}
    for side in ("a", "b"):
        r = res.get(side) or {}
        final = ", ".join(f"{k} {v:.4g}" for k, v in (r.get("final") or {}).items()
                          if isinstance(v, (int, float)))
        lines.append(f"{side}: {r.get('status')} after {r.get('epochs_run')} epochs · {final}")
    return "<br>".join(lines)


class RunsPanel(QWidget):
    overlay_changed = Signal(list)   # [(label, history)] of the selected runs
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self.records: list = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.info = QLabel(UNSAVED_NOTE)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton("Export model…")
        self.export_button.setToolTip("Copy the selected run's last model (.keras)")
        self.export_button.clicked.connect(lambda: self.export_model())
        self.resume_button = QPushButton("Resume")
        self.resume_button.setToolTip("Continue the selected run from its checkpoint, in place")
        self.resume_button.clicked.connect(lambda: self.resume())
        self.resume_button.setEnabled(False)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.window = None
        self.controller = None
        self.ask_delete = self._ask_delete   # replaceable (tests answer without a dialog)
        self.open_url = _open_url
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.resume_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.info, 1)

    def bind(self, window, controller) -> None:
        """The editor window (to open a run's network or load its settings)
        and the training controller (to resume a run)."""
        self.window = window
        self.controller = controller
        controller.state_changed.connect(lambda _state: self._update_buttons())

    def set_document(self, doc) -> None:
        if self.doc is not None and hasattr(self.doc, "saved"):
            try:
                self.doc.saved.disconnect(self._document_saved)
            except (RuntimeError, TypeError):  # already gone
                pass
        self.doc = doc
        if doc is not None and hasattr(doc, "saved"):
            doc.saved.connect(self._document_saved)
        self.refresh()

    def _document_saved(self, _path=None) -> None:
        # after every slot of the save (the controller moves the runs), so the
        # list shows them where they are now
        QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        from engine.training.runs import list_runs
        from gui.training.controller import document_runs_folders

        path = getattr(self.doc, "path", None) if self.doc is not None else None
        error = None
        records = []
        for folder in document_runs_folders(self.doc):
            try:
                records += list_runs(folder)
            except Exception as exc:  # an unreadable folder: say so, show the others
                error = _html(f"Cannot list the runs in {folder}: {getattr(exc, 'message', exc)}")
        self.records = sorted(records, key=lambda r: (r.started or r.info.get("created") or "",
                                                      r.path.name))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.records))
        for r, record in enumerate(reversed(self.records)):  # newest first
            for c, text in enumerate(run_row(record)):
                item = QTableWidgetItem(text)
                item.setToolTip(_row_tip(record))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        if error is not None:
            text = error
        elif not self.records:
            text = "No runs yet: start training to record one."
        else:
            text = (f"{len(self.records)} run{'s' if len(self.records) != 1 else ''}. "
                    "Select several to overlay their curves, two to compare them.")
            cut = sum(1 for r in self.records if r.status == "interrupted")
            if cut:
                text += (f"<br><b>{cut} interrupted</b> (the program ended while "
                         f"{'it' if cut == 1 else 'they'} trained): select one and press Resume.")
        if path is None and error is None:
            text += "<br>" + UNSAVED_NOTE
        self.info.setText(text)
        self._update_buttons()

    def selected(self) -> list:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        newest_first = list(reversed(self.records))
        return [newest_first[r] for r in rows if r < len(newest_first)]

    def select_rows(self, rows: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.MultiSelection)
        for r in rows:
            self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        runs = self.selected()
        self.resume_button.setEnabled(len(runs) == 1 and self._can_resume(runs[0]))

    def _can_resume(self, run) -> bool:
        busy = self.controller is not None and self.controller.busy
        return (self.controller is not None and not busy and run.status in RESUMABLE
                and run.can_resume)

    def _selection_changed(self) -> None:
        self._update_buttons()
        runs = self.selected()
        overlays = []
        for r in runs:
            try:
                overlays.append((r.id[-6:], r.history()))
            except Exception:  # a damaged record has no curves
                continue
        self.overlay_changed.emit(overlays)
        if len(runs) == 2:
            self.compare(runs[1], runs[0])  # older → newer
        elif len(runs) == 1:
            r = runs[0]
            why = INTERRUPTED_TIP if r.status == "interrupted" else r.reason
            self.info.setText(f"<b>{r.id}</b>: {r.status}, {r.epochs_run} epochs"
                              + (f"<br>{_html(why)}" if why else ""))

    def compare(self, a, b) -> dict:
        from engine.training.runs import compare_runs

        try:
            diff = compare_runs(a, b)
        except Exception as exc:
            self.info.setText(f"Cannot compare: {_html(getattr(exc, 'message', exc))}")
            return {}
        self.info.setText(describe_comparison(diff))
        return diff

    def export_model(self, path=None) -> bool:
        runs = self.selected()
        if len(runs) != 1:
            self.message.emit("Select one run to export its model.")
            return False
        run = runs[0]
        source = run.last_model_path
        if not source.exists():
            self.message.emit(f"The run {run.id} has no saved model.")
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(self, "Export the run's model",
                                                  f"{run.id}.keras", "Keras model (*.keras)")
        if not path:
            return False
        try:
            with atomic_path(path, suffix=".keras") as tmp:
                shutil.copyfile(source, tmp)
        except OSError as exc:
            self.message.emit(f"Cannot export: {exc.strerror or exc}")
            return False
        self.message.emit(f"Exported {path}")
        return True


    # ------------------------------------------------------------ run actions --
    def _one(self, run=None):
        if run is not None:
            return run
        runs = self.selected()
        if len(runs) != 1:
            self.message.emit("Select one run.")
            return None
        return runs[0]

    def resume(self, run=None, epochs: int | None = None) -> bool:
        """Continue ``run`` (the selected one) from its checkpoint; its curves
        go on in place in the live panels."""
        run = self._one(run)
        if run is None or self.controller is None:
            return False
        if not self._can_resume(run):
            held = run.holder
            why = (f"it is being recorded by process {held}" if held is not None else
                   "it has no checkpoint" if run.checkpoint is None else
                   f"it is {run.status}")
            self.message.emit(f"Cannot resume the run {run.id}: {why}.")
            return False
        return self.controller.resume_run(run, epochs)

    def open_network(self, run=None) -> bool:
        """Open the network the run trained (with its settings) as a new document."""
        run = self._one(run)
        if run is None or self.window is None:
            return False
        try:
            net = run.network()
        except Exception as exc:
            self.message.emit(f"Cannot open the network of {run.id}: "
                              f"{getattr(exc, 'message', exc)}")
            return False
        if not self.window.maybe_save():
            return False
        from gui.document import Document

        net.name = net.name or run.id
        self.window.set_document(Document(net))
        self.message.emit(f"Opened the network of the run {run.id} (not saved yet).")
        return True

    def load_settings(self, run=None) -> bool:
        """Put the run's data and training settings into the open document
        (one undo step)."""
        run = self._one(run)
        if run is None or self.doc is None:
            return False
        settings = run.settings or {}
        from gui.training.sections import DATA, TRAINING, SetSectionCommand

        stack = self.doc.undo_stack
        stack.beginMacro(f"Load the settings of run {run.id}")
        try:
            for key in (DATA, TRAINING):
                if settings.get(key) is not None:
                    self.doc.push(SetSectionCommand(self.doc, key, settings[key]))
        finally:
            stack.endMacro()
        self.message.emit(f"Loaded the data and training settings of the run {run.id}.")
        return True

    def delete(self, run=None) -> bool:
        """Delete the run's folder, after asking."""
        run = self._one(run)
        if run is None:
            return False
        if run.holder is not None:
            self.message.emit(f"The run {run.id} is training (process {run.holder}); stop it "
                              "before deleting it.")
            return False
        if not self.ask_delete(run):
            return False
        try:
            shutil.rmtree(run.path)
        except OSError as exc:
            self.message.emit(f"Cannot delete {run.path}: {exc.strerror or exc}")
            self.refresh()
            return False
        self.message.emit(f"Deleted the run {run.id}.")
        self.refresh()
        return True

    def reveal(self, run=None) -> bool:
        """Show the run's folder in the file manager."""
        run = self._one(run)
        if run is None:
            return False
        return bool(self.open_url(QUrl.fromLocalFile(str(run.path))))

    def _ask_delete(self, run) -> bool:
        answer = QMessageBox.question(
            self, "Delete run", f"Delete the run {run.id} and all its files "
            f"({run.epochs_run} epochs, its checkpoints and curves)?\nThis cannot be undone.",
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Yes

    def context_menu(self, run) -> QMenu:
        """The actions on one run (what a right click on its row shows)."""
        menu = QMenu(self)
        act = menu.addAction("Resume", lambda: self.resume(run))
        act.setEnabled(self._can_resume(run))
        menu.addAction("Open its network", lambda: self.open_network(run)).setEnabled(
            self.window is not None)
        menu.addAction("Load its settings into the document",
                       lambda: self.load_settings(run)).setEnabled(self.doc is not None)
        menu.addSeparator()
        menu.addAction("Reveal the folder", lambda: self.reveal(run))
        menu.addAction("Delete…", lambda: self.delete(run)).setEnabled(run.holder is None)
        return menu

    def _context_menu(self, pos) -> None:
        row = self.table.rowAt(pos.y())
        newest_first = list(reversed(self.records))
        if row < 0 or row >= len(newest_first):
            return
        if row not in {i.row() for i in self.table.selectedIndexes()}:
            self.table.selectRow(row)
        menu = self.context_menu(newest_first[row])
        self.menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))


INTERRUPTED_TIP = ("The program recording this run ended before the run did (it was closed, "
                   "crashed or was killed). Resume continues it from its last checkpoint.")


def _row_tip(record) -> str:
    if record.status == "interrupted":
        return f"{INTERRUPTED_TIP}\n{record.path}"
    return record.reason or str(record.path)


def _open_url(url) -> bool:
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)


def _html(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

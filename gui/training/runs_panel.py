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

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from engine.atomic import atomic_path
from gui.i18n import translate

COLUMNS = ("started", "status", "epochs", "best", "dataset", "optimizer", "lr", "batch")
COLUMN_TITLES = {
    "started": QT_TRANSLATE_NOOP("RunsPanel", "started"),
    "status": QT_TRANSLATE_NOOP("RunsPanel", "status"),
    "epochs": QT_TRANSLATE_NOOP("RunsPanel", "epochs"),
    "best": QT_TRANSLATE_NOOP("RunsPanel", "best"),
    "dataset": QT_TRANSLATE_NOOP("RunsPanel", "dataset"),
    "optimizer": QT_TRANSLATE_NOOP("RunsPanel", "optimizer"),
    "lr": QT_TRANSLATE_NOOP("RunsPanel", "lr"),
    "batch": QT_TRANSLATE_NOOP("RunsPanel", "batch"),
}
RESUMABLE = ("interrupted", "stopped", "failed")
UNSAVED_NOTE = QT_TRANSLATE_NOOP("RunsPanel", "This document is not saved yet: its runs are kept in "
                                 "a temporary folder for a week, and move beside the document when "
                                 "you save it.")


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
    from gui.training.run_controls import state_text

    return [started, state_text(record.status), str(record.epochs_run), best_text,
            str(data.get("dataset", "")),
            str(opt.get("name", "")), "" if lr is None else str(lr),
            str(training.get("batch_size", ""))]


def describe_comparison(diff: dict) -> str:
    """A readable summary of ``compare_runs`` (HTML)."""
    from gui.i18n import tx
    from gui.training.run_controls import state_text

    lines = [f"<b>{diff.get('a')}</b> → <b>{diff.get('b')}</b>"]
    settings = diff.get("settings") or []
    if settings:
        lines.append("<u>%s</u>" % translate("RunsPanel", "Settings"))
        lines += [f"{_html(d['key'])}: {_html(d['a'])} → {_html(d['b'])}" for d in settings[:40]]
    else:
        lines.append(translate("RunsPanel", "Same settings."))
    net = diff.get("network") or {}
    if net.get("error"):
        lines.append(translate("RunsPanel", "Network: {problem}").format(
            problem=_html(tx(net["error"]))))
    else:
        parts = []
        for key, label in (("added", translate("RunsPanel", "added: {layers}")),
                           ("removed", translate("RunsPanel", "removed: {layers}"))):
            if net.get(key):
                parts.append(label.format(layers=", ".join(map(_html, net[key]))))
        for r in net.get("renamed") or []:
            parts.append(translate("RunsPanel", "renamed {old} → {new}").format(
                old=_html(r["a"]), new=_html(r["b"])))
        for c in net.get("changed") or []:
            params = c.get("params") or {}
            what = ", ".join(f"{k} {_html(v['a'])} → {_html(v['b'])}" for k, v in params.items())
            if isinstance(c.get("type"), dict):
                what = translate("RunsPanel", "type {old} → {new}").format(
                    old=c["type"]["a"], new=c["type"]["b"])
            parts.append(f"{_html(c.get('node'))}: {what}")
        if net.get("edges_added") or net.get("edges_removed"):
            parts.append(translate("RunsPanel", "{added} connections added, {removed} removed").format(
                added=len(net.get("edges_added") or []), removed=len(net.get("edges_removed") or [])))
        pc = net.get("params") or {}
        if pc.get("a") != pc.get("b"):
            parts.append(translate("RunsPanel", "parameters {old} → {new}").format(
                old=pc.get("a"), new=pc.get("b")))
        lines.append("<u>%s</u>" % translate("RunsPanel", "Network"))
        lines += parts or [translate("RunsPanel", "Same network.")]
    res = diff.get("results") or {}
    for side in ("a", "b"):
        r = res.get(side) or {}
        final = ", ".join(f"{k} {v:.4g}" for k, v in (r.get("final") or {}).items()
                          if isinstance(v, (int, float)))
        lines.append(translate("RunsPanel", "{side}: {status} after {epochs} epochs · {final}").format(
            side=side, status=state_text(r.get("status")), epochs=r.get("epochs_run"), final=final))
    return "<br>".join(lines)


class RunsPanel(QWidget):
    overlay_changed = Signal(list)   # [(label, history)] of the selected runs
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self.records: list = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(COLUMN_TITLES[c]) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.info = QLabel(self.tr(UNSAVED_NOTE))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export model…"))
        self.export_button.setToolTip(self.tr("Copy the selected run's last model (.keras)"))
        self.export_button.clicked.connect(lambda: self.export_model())
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setToolTip(self.tr("Continue the selected run from its checkpoint, in place"))
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
                error = _html(self.tr("Cannot list the runs in {folder}: {problem}").format(
                    folder=folder, problem=_said(exc)))
        self.records = sorted(records, key=lambda r: r.order)
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
            text = self.tr("No runs yet: start training to record one.")
        else:
            n = len(self.records)
            text = (self.tr("1 run. Select several to overlay their curves, two to compare them.")
                    if n == 1 else
                    self.tr("{count} runs. Select several to overlay their curves, two to compare "
                            "them.").format(count=n))
            cut = sum(1 for r in self.records if r.status == "interrupted")
            if cut == 1:
                text += "<br>" + self.tr("<b>1 interrupted</b> (the program ended while it trained): "
                                         "select one and press Resume.")
            elif cut:
                text += "<br>" + self.tr("<b>{count} interrupted</b> (the program ended while they "
                                         "trained): select one and press Resume.").format(count=cut)
        if path is None and error is None:
            text += "<br>" + self.tr(UNSAVED_NOTE)
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
            why = self.tr(INTERRUPTED_TIP) if r.status == "interrupted" else _said_text(r.reason)
            from gui.training.run_controls import state_text

            text = self.tr("<b>{run}</b>: {status}, {epochs} epochs").format(
                run=r.id, status=state_text(r.status), epochs=r.epochs_run)
            from gui.training.plots.common import html_lines

            self.info.setText(html_lines([text, _html(why)] if why else [text]))

    def compare(self, a, b) -> dict:
        from engine.training.runs import compare_runs

        try:
            diff = compare_runs(a, b)
        except Exception as exc:
            self.info.setText(_html(self.tr("Cannot compare: {problem}").format(problem=_said(exc))))
            return {}
        self.info.setText(describe_comparison(diff))
        return diff

    def export_model(self, path=None) -> bool:
        runs = self.selected()
        if len(runs) != 1:
            self.message.emit(self.tr("Select one run to export its model."))
            return False
        run = runs[0]
        source = run.last_model_path
        if not source.exists():
            self.message.emit(self.tr("The run {run} has no saved model.").format(run=run.id))
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the run's model"),
                                                  f"{run.id}.keras", self.tr("Keras model (*.keras)"))
        if not path:
            return False
        try:
            with atomic_path(path, suffix=".keras") as tmp:
                shutil.copyfile(source, tmp)
        except OSError as exc:
            self.message.emit(self.tr("Cannot export: {error}").format(error=exc.strerror or exc))
            return False
        self.message.emit(self.tr("Exported {file}").format(file=path))
        return True


    # ------------------------------------------------------------ run actions --
    def _one(self, run=None):
        if run is not None:
            return run
        runs = self.selected()
        if len(runs) != 1:
            self.message.emit(self.tr("Select one run."))
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
            from gui.training.run_controls import state_text

            if held is not None:
                text = self.tr("Cannot resume the run {run}: it is being recorded by process {pid}.")
            elif run.checkpoint is None:
                text = self.tr("Cannot resume the run {run}: it has no checkpoint.")
            else:
                text = self.tr("Cannot resume the run {run}: it is {status}.")
            self.message.emit(text.format(run=run.id, pid=held, status=state_text(run.status)))
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
            self.message.emit(self.tr("Cannot open the network of {run}: {problem}").format(
                run=run.id, problem=_said(exc)))
            return False
        if not self.window.maybe_save():
            return False
        from gui.document import Document

        net.name = net.name or run.id
        self.window.set_document(Document(net))
        self.message.emit(self.tr("Opened the network of the run {run} (not saved yet).").format(run=run.id))
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
        stack.beginMacro(self.tr("Load the settings of run {run}").format(run=run.id))
        try:
            for key in (DATA, TRAINING):
                if settings.get(key) is not None:
                    self.doc.push(SetSectionCommand(self.doc, key, settings[key]))
        finally:
            stack.endMacro()
        self.message.emit(self.tr("Loaded the data and training settings of the run {run}.").format(
            run=run.id))
        return True

    def delete(self, run=None) -> bool:
        """Delete the run's folder, after asking."""
        run = self._one(run)
        if run is None:
            return False
        if run.holder is not None:
            self.message.emit(self.tr("The run {run} is training (process {pid}); stop it before "
                                      "deleting it.").format(run=run.id, pid=run.holder))
            return False
        if not self.ask_delete(run):
            return False
        try:
            shutil.rmtree(run.path)
        except OSError as exc:
            self.message.emit(self.tr("Cannot delete {folder}: {error}").format(
                folder=run.path, error=exc.strerror or exc))
            self.refresh()
            return False
        self.message.emit(self.tr("Deleted the run {run}.").format(run=run.id))
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
            self, self.tr("Delete run"),
            self.tr("Delete the run {run} and all its files ({epochs} epochs, its checkpoints and "
                    "curves)?\nThis cannot be undone.").format(run=run.id, epochs=run.epochs_run),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Yes

    def context_menu(self, run) -> QMenu:
        """The actions on one run (what a right click on its row shows)."""
        menu = QMenu(self)
        act = menu.addAction(self.tr("Resume"), lambda: self.resume(run))
        act.setEnabled(self._can_resume(run))
        menu.addAction(self.tr("Open its network"), lambda: self.open_network(run)).setEnabled(
            self.window is not None)
        menu.addAction(self.tr("Load its settings into the document"),
                       lambda: self.load_settings(run)).setEnabled(self.doc is not None)
        menu.addSeparator()
        menu.addAction(self.tr("Reveal the folder"), lambda: self.reveal(run))
        menu.addAction(self.tr("Delete…"), lambda: self.delete(run)).setEnabled(run.holder is None)
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


INTERRUPTED_TIP = QT_TRANSLATE_NOOP("RunsPanel", "The program recording this run ended before the run "
                                    "did (it was closed, crashed or was killed). Resume continues it "
                                    "from its last checkpoint.")


def _said(exc) -> str:
    """An exception's message in the interface's language."""
    from gui.i18n import tx

    message = getattr(exc, "message", None)
    return tx(message) if message else str(exc)


def _said_text(text) -> str:
    from gui.i18n import tx

    return tx(text) if text else ""


def _row_tip(record) -> str:
    if record.status == "interrupted":
        return f"{translate('RunsPanel', INTERRUPTED_TIP)}\n{record.path}"
    return _said_text(record.reason) or str(record.path)


def _open_url(url) -> bool:
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)


def _html(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

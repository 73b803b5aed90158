"""The runs of the open document: start time, status, epochs, best
validation metric and the settings that mark each one. Selecting several
overlays their curves on the loss panel; selecting two shows what differs
between them, in settings and in the network. A finished run's model can
be exported.

The runs of an unsaved document are listed from its scratch folder (see
gui.training.controller); once it is saved they are listed from beside the
file, where the controller moves them."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

COLUMNS = ("started", "status", "epochs", "best", "dataset", "optimizer", "lr", "batch")
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
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.info, 1)

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
                item.setToolTip(record.reason or str(record.path))
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
        if path is None and error is None:
            text += "<br>" + UNSAVED_NOTE
        self.info.setText(text)

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

    def _selection_changed(self) -> None:
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
            self.info.setText(f"<b>{r.id}</b>: {r.status}, {r.epochs_run} epochs"
                              + (f"<br>{_html(r.reason)}" if r.reason else ""))

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
            shutil.copyfile(source, path)
        except OSError as exc:
            self.message.emit(f"Cannot export: {exc.strerror or exc}")
            return False
        self.message.emit(f"Exported {path}")
        return True


def _html(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

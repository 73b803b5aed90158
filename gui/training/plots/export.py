"""Save the live panels' plots as PNG or SVG (pyqtgraph's exporters) and
their data as CSV.

`export_panel` writes one panel's plots (``loss-1.png``, ``loss-1.svg``,
``loss-1.csv``, …); `export_all` every panel that has something to show,
into one folder. A panel can name its own tables (``csv_tables()``:
``{name: (columns, rows)}``, e.g. the confusion matrix and its per-class
scores); otherwise each plot's curves are written by pyqtgraph's
``CSVExporter``. Files are written through a temporary name and renamed.
"""

from __future__ import annotations

import contextlib
import csv
import importlib
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as exporters

from engine.atomic import atomic_path

FORMATS = ("png", "svg", "csv")
MIN_SIZE = (640, 400)  # a panel never shown yet is laid out at this size first


def plot_items(panel) -> list:
    """Every `PlotItem` of a panel that shows something, in layout order."""
    items = []
    for view in panel.findChildren(pg.GraphicsView):
        scene = view.scene()
        if scene is None:
            continue
        found = [i for i in scene.items() if isinstance(i, pg.PlotItem)]
        found.sort(key=lambda i: (i.sceneBoundingRect().top(), i.sceneBoundingRect().left()))
        items.extend(found)
    return [i for i in items if any(_has_data(d) for d in i.items)]


def _has_data(item) -> bool:
    if isinstance(item, pg.PlotDataItem):
        x, _y = item.getData()
        return x is not None and len(x) > 0
    if isinstance(item, pg.ImageItem):
        return item.image is not None
    return False


def _ensure_laid_out(panel) -> None:
    if panel.width() < MIN_SIZE[0] // 2 or not panel.isVisible():
        panel.resize(max(panel.width(), MIN_SIZE[0]), max(panel.height(), MIN_SIZE[1]))
        if panel.layout() is not None:
            panel.layout().activate()
        for view in panel.findChildren(pg.GraphicsView):
            if view.width() < 50 or view.height() < 50:
                view.resize(MIN_SIZE[0], MIN_SIZE[1])
            view.setSceneRect(0, 0, max(view.width(), 50), max(view.height(), 50))
            central = getattr(view, "centralWidget", None)
            if central is not None:
                central.setGeometry(0, 0, max(view.width(), 50), max(view.height(), 50))


def _atomic(path: Path, write) -> Path:
    """``write(name)`` into a temporary file (same suffix, so exporters pick
    the format) that replaces ``path`` once whole (`engine.atomic`)."""
    with atomic_path(path, suffix=path.suffix) as tmp:
        write(tmp)
    return path


def _write_csv(path: Path, columns, rows) -> Path:
    def write(name):
        with open(name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(columns)
            w.writerows(rows)
    return _atomic(path, write)


def export_panel(panel, folder, stem: str, formats=FORMATS) -> list[Path]:
    """Write ``panel``'s plots into ``folder`` as ``STEM-N.png|svg|csv``;
    returns the files written (none when the panel shows nothing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if hasattr(panel, "refresh"):
        panel.refresh()
    _ensure_laid_out(panel)
    out: list[Path] = []
    items = plot_items(panel)
    for n, item in enumerate(items, 1):
        base = folder / f"{stem}-{n}" if len(items) > 1 else folder / stem
        if "png" in formats:
            ex = exporters.ImageExporter(item)
            width = max(int(item.sceneBoundingRect().width()), MIN_SIZE[0])
            ex.parameters()["width"] = width
            out.append(_atomic(base.with_suffix(".png"), ex.export))
        if "svg" in formats:
            out.append(_atomic(base.with_suffix(".svg"), lambda name, i=item: _svg(i, name)))
        if "csv" in formats and not hasattr(panel, "csv_tables"):
            curves = [d for d in item.items if isinstance(d, pg.PlotDataItem) and _has_data(d)]
            if curves:
                out.append(_write_csv(base.with_suffix(".csv"), *curve_table(curves)))
    if "csv" in formats and hasattr(panel, "csv_tables"):
        for name, (columns, rows) in panel.csv_tables().items():
            out.append(_write_csv(folder / f"{stem}-{name}.csv", columns, rows))
    return out


def _svg(item, name: str) -> None:
    """SVG of a plot; curves with nothing to draw are left out (pyqtgraph's
    exporter cannot write an empty path)."""
    empty = [d for d in item.items if isinstance(d, pg.PlotDataItem) and d.isVisible()
             and not _has_data(d)]
    for d in empty:
        d.setVisible(False)
    try:
        with _closed_paths_as_lines():
            exporters.SVGExporter(item).export(name)
    finally:
        for d in empty:
            d.setVisible(True)


@contextlib.contextmanager
def _closed_paths_as_lines():
    """Qt 6.7+ ends closed SVG paths with ``Z``, which pyqtgraph 0.14's
    coordinate correction cannot parse; for the time of one export each ``Z``
    becomes a line back to the path's start (the same shape)."""
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = module.correctCoordinates

    def correct(node, defs, item, options):
        for path in node.getElementsByTagName("path"):
            d = path.getAttribute("d")
            if "Z" in d or "z" in d:
                path.setAttribute("d", _without_close(d))
        return original(node, defs, item, options)

    module.correctCoordinates = correct
    try:
        yield
    finally:
        module.correctCoordinates = original


def _without_close(d: str) -> str:
    """``"M0,0 L5,0 Z"`` → ``"M0,0 L5,0 L0,0"``.

    Example:
        >>> _without_close("M0,0 L5,0 L5,5 Z M1,1 L2,2 z ")
        'M0,0 L5,0 L5,5 L0,0 M1,1 L2,2 L1,1'
    """
    out, start = [], None
    for token in d.split():
        if token in ("Z", "z"):
            if start is not None:
                out.append("L" + start)
            continue
        if token[:1] in ("M", "m"):
            start = token[1:]
        out.append(token)
    return " ".join(out)


def curve_table(curves) -> tuple[list, list]:
    """``(columns, rows)``: one x and one y column per curve, named after it."""
    columns, data = [], []
    for i, c in enumerate(curves):
        name = c.name() or f"curve {i + 1}"
        x, y = c.getData()
        columns += [f"{name} x", f"{name} y"]
        data += [list(x), list(y)]
    n = max((len(d) for d in data), default=0)
    rows = [[(d[r] if r < len(d) else "") for d in data] for r in range(n)]
    return columns, rows


def export_all(panels: dict, folder, formats=FORMATS) -> list[Path]:
    """Every panel's plots (``{key: panel}``) into ``folder``."""
    out: list[Path] = []
    for key, panel in panels.items():
        out += export_panel(panel, folder, key, formats)
    return out

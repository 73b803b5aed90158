"""Does the canvas stay usable with a 1,000-node network?

Builds a 1,000-node residual network (no positions, as an import would give),
then times, in one process:
  * load: creating the document (auto-layout included) and every canvas item,
  * layout: engine.layout.layout() alone, and the Auto-layout command,
  * repaint: rendering the whole view at zoom-to-fit and at 100 %, and a pan step,
  * one param edit in the middle: command, re-analysis and canvas refresh.
Prints the times; a smooth canvas repaints a frame in well under 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.network import Network  # noqa: E402

NODES = 1000


def big_network(n_nodes: int = NODES) -> Network:
    net = Network("scale")
    x = net.add_node("Input", {"shape": [32, 32, 16]}, id="image")
    block = 0
    while len(net.nodes) < n_nodes - 4:
        g = f"stage{block // 10}/block{block}"
        a = net.add_node("Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same"}, group=g)
        b = net.add_node("BatchNormalization", {}, group=g)
        c = net.add_node("Activation", {"activation": "relu"}, group=g)
        add = net.add_node("Add", {}, group=g)
        net.connect(x, a)
        net.connect(a, b)
        net.connect(b, c)
        net.connect(c, add, 0, 0)
        net.connect(x, add, 0, 1)
        x = add
        block += 1
    flat = net.add_node("GlobalAveragePooling2D", {})
    net.connect(x, flat)
    out = net.add_node("Dense", {"units": 10, "activation": "softmax"})
    net.connect(flat, out)
    return net


def timed(fn, repeat: int = 1):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QMessageBox

    from engine.layout import layout
    from gui.commands import AutoLayoutCommand, SetParamCommand
    from gui.document import Document
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    net = big_network()
    window = MainWindow(autosave=False)
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    t_load, _ = timed(lambda: (window.set_document(Document(net.copy())), app.processEvents()))
    doc = window.doc
    t_layout, _ = timed(lambda: layout(doc.network), repeat=3)
    t_layout_cmd, _ = timed(lambda: doc.push(AutoLayoutCommand(doc)))
    view = window.view

    def paint():
        image = QImage(view.viewport().size(), QImage.Format_ARGB32_Premultiplied)
        p = QPainter(image)
        view.render(p)
        p.end()

    view.zoom_to_fit()
    t_fit, _ = timed(paint, repeat=5)
    view.set_zoom(1.0)
    view.centerOn(window.scene.nodes[list(doc.network.nodes)[500]])
    t_full, _ = timed(paint, repeat=5)

    def pan():
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 40)
        paint()
    t_pan, _ = timed(pan, repeat=5)
    middle = [n for n, node in doc.network.nodes.items() if node.type == "Conv2D"][120]
    values = iter(range(17, 100))
    t_edit, _ = timed(lambda: (doc.push(SetParamCommand(doc, middle, "filters", 16)),
                               doc.push(SetParamCommand(doc, middle, "kernel_size", next(values) % 2 * 2 + 3)),
                               app.processEvents()), repeat=3)

    print(f"network: {len(doc.network.nodes)} nodes, {len(doc.network.edges)} edges")
    print(f"load (document + layout + canvas items)  {t_load * 1000:8.1f} ms")
    print(f"layout (engine.layout)                   {t_layout * 1000:8.1f} ms")
    print(f"auto-layout command (undoable)           {t_layout_cmd * 1000:8.1f} ms")
    print(f"repaint, whole graph (zoom to fit)       {t_fit * 1000:8.1f} ms")
    print(f"repaint at 100 %                         {t_full * 1000:8.1f} ms")
    print(f"pan step + repaint                       {t_pan * 1000:8.1f} ms")
    print(f"param edit + re-analysis + refresh       {t_edit * 1000:8.1f} ms")
    window.ask_unsaved = lambda: QMessageBox.Discard  # the bench's edits are throwaway
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

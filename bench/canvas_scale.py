"""Does the canvas stay usable, and does its cost grow linearly, with thousands of nodes?

Builds residual networks (no positions, as an import would give) at several
sizes and times, side by side in one process:
  * load: the document from its saved text, auto-layout and every canvas item,
  * layout: engine.layout.layout() alone,
  * first paint: rendering the whole view once after the load (zoom to fit),
  * edit: one param edit in the middle (command, re-analysis, canvas refresh),
  * hover: the pointer moved onto a port (the port lights up), and onto a port
    while a connection is dragged (the reason a drop there would be refused),
and prints the times (CPU time of the main thread, see ``timed``) with the growth factor of each stage: the exponent k in
time ~ size^k between two sizes (1 is linear, 2 quadratic).

    python bench/canvas_scale.py                 # 1,250, 2,500 and 5,000 nodes
    python bench/canvas_scale.py 1000 4000       # other sizes
    python bench/canvas_scale.py --engine 600 2400 9600   # open + analyse, no Qt

``--engine`` times what opening a document costs without the GUI: parsing
the saved text into a Network and the first analysis (shapes, params,
diagnostics), and the layout.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.network import Network  # noqa: E402

SIZES = (1250, 2500, 5000)
ENGINE_SIZES = (604, 2404, 9604)  # networks of 603, 2,403 and 9,603 layers


def big_network(n_nodes: int = 1000) -> Network:
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
    """The median CPU time of ``fn()`` on this thread (where the engine and the
    painting run): other programs on a busy machine do not count, nor does a
    background thread of the window; waiting does not happen in these stages."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.thread_time()
        result = fn()
        times.append(time.thread_time() - start)
    return statistics.median(times), result


def growth_table(sizes, rows: dict[str, list[float]]) -> str:
    """Times per size and the exponent k (time ~ size^k) between neighbouring sizes."""
    head = f"{'stage':<34}" + "".join(f"{n:>10,}" for n in sizes) \
        + "".join(f"{f'k {a}→{b}':>16}" for a, b in zip(sizes, sizes[1:]))
    lines = [head, "-" * len(head)]
    for stage, times in rows.items():
        cells = "".join(f"{t * 1000:>8.1f}ms" for t in times)
        ks = "".join(f"{_exponent(a, b, ta, tb):>16}" for a, b, ta, tb
                     in zip(sizes, sizes[1:], times, times[1:]))
        lines.append(f"{stage:<34}{cells}{ks}")
    lines.append("k: growth exponent, log(time ratio) / log(size ratio); 1 = linear, 2 = quadratic")
    return "\n".join(lines)


def _exponent(a, b, ta, tb) -> str:
    if ta <= 0 or tb <= 0:
        return "—"
    ratio = tb / ta
    return f"×{ratio:.1f} k={math.log(ratio) / math.log(b / a):.2f}"


def engine_bench(sizes, counts: list) -> dict[str, list[float]]:
    from engine import fileformat
    from engine.layout import layout

    rows = {"open (parse text into Network)": [], "first analysis": [], "open + analysis": [],
            "layout": []}
    for n in sizes:
        text = fileformat.dumps(big_network(n))
        t_open, net = timed(lambda: Network.loads(text), repeat=3)
        t_analysis, _ = timed(lambda: (net.invalidate_analysis(), net.analyze()), repeat=3)
        t_both, _ = timed(lambda: Network.loads(text).analyze(), repeat=3)
        t_layout, _ = timed(lambda: layout(net), repeat=3)
        for key, t in zip(rows, (t_open, t_analysis, t_both, t_layout)):
            rows[key].append(t)
        counts.append(len(net.nodes))
        print(f"  {len(net.nodes):,} layers: open + analysis {t_both * 1000:.0f} ms", flush=True)
    return rows


def canvas_bench(sizes, counts: list) -> dict[str, list[float]]:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from engine import fileformat
    from engine.layout import layout
    from gui.commands import SetParamCommand
    from gui.document import Document
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(autosave=False)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    view = window.view
    rows = {"load (document + layout + items)": [], "layout (engine.layout)": [],
            "first paint (zoom to fit)": [], "param edit + analysis + refresh": [],
            "hover onto a port": [], "drag a connection onto a port": []}

    def paint():
        image = QImage(view.viewport().size(), QImage.Format_ARGB32_Premultiplied)
        p = QPainter(image)
        view.render(p)
        p.end()

    for n in sizes:
        text = fileformat.dumps(big_network(n))
        # the file holds no positions: loading lays it out, as for an imported model
        t_load, _ = timed(lambda: (window.set_document(Document(Network.loads(text))),
                                   app.processEvents()))
        doc = window.doc
        t_layout, _ = timed(lambda: layout(doc.network), repeat=3)
        view.zoom_to_fit()
        t_paint, _ = timed(paint)
        convs = [nid for nid, node in doc.network.nodes.items() if node.type == "Conv2D"]
        middle = convs[len(convs) // 2]
        sizes_k = iter(range(17, 100))
        t_edit, _ = timed(lambda: (doc.push(SetParamCommand(doc, middle, "kernel_size",
                                                            next(sizes_k) % 2 * 2 + 3)),
                                   app.processEvents()), repeat=3)
        view.set_zoom(1.0)
        scene = window.scene
        adds = [nid for nid, node in doc.network.nodes.items() if node.type == "Add"]
        target = scene.nodes[adds[len(adds) // 2]]
        view.centerOn(target)
        app.processEvents()
        port = target.in_ports[-1]  # the free port an Add offers for one more input

        def hover(item=port):
            QTest.mouseMove(view.viewport(), QPoint(0, 0))
            QTest.mouseMove(view.viewport(), view.mapFromScene(item.scenePos()))
            app.processEvents()
        t_hover, _ = timed(hover, repeat=3)
        source = scene.nodes[convs[len(convs) // 2 - 2]].out_port(0)

        def drag_over():  # a wire from an earlier layer, held over the port: a trial
            scene.begin_connection(source)  # connection and the re-analysis it causes
            scene.drag_connection_to(port.scenePos())
            assert scene.drag.target is port and not scene.drag.reason_for(port)
            scene.cancel_connection()
        t_drag, _ = timed(drag_over, repeat=3)
        for key, t in zip(rows, (t_load, t_layout, t_paint, t_edit, t_hover, t_drag)):
            rows[key].append(t)
        counts.append(len(doc.network.nodes))
        print(f"  {len(doc.network.nodes):,} nodes: load {t_load * 1000:.0f} ms", flush=True)
    window.ask_unsaved = lambda: QMessageBox.Discard  # the bench's edits are throwaway
    window.close()
    return rows


def main(argv) -> int:
    engine_only = "--engine" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or list(ENGINE_SIZES if engine_only else SIZES)
    counts: list[int] = []  # the layers each network really has
    if engine_only:
        print("opening a document without the GUI (parse + first analysis), and its layout")
        rows = engine_bench(sizes, counts)
    else:
        print("the canvas with a residual network of each size")
        rows = canvas_bench(sizes, counts)
    print(growth_table(counts, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What opening a document costs in imports, and the graph code that keeps it small.

The editor shows LeNet-5 before anything heavy is imported: TensorFlow and
Keras load on a thread, numpy and pyqtgraph (the training dashboard) too,
and networkx only when a graph algorithm needs it (a document with a
cycle, or ``Network.graph``). Everything an edit needs runs on the
network's own adjacency dicts; these tests also check that those give the
answers networkx gives.
"""

import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from engine import Network
from engine.layout import _Graph, _topological_order, layout

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("tensorflow", "keras", "networkx", "numpy", "pyqtgraph")


def _run(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROCANVAS_CONFIG_DIR=str(tmp_path), **env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)


def test_opening_and_editing_a_document_imports_nothing_heavy(tmp_path):
    code = f"""
import sys
from presets import build_preset
from engine.layout import collapse_offsets, layout
from engine.quickfix import fixes_for
from engine.network import Network

net = build_preset("lenet5")
layout(net)
assert net.analyze().valid
first, second = list(net.nodes)[:2]
edge = net.out_edges(first)[0]
net.disconnect(edge.src, edge.dst, edge.src_port, edge.dst_port)
net.connect(edge.src, edge.dst, edge.src_port, edge.dst_port)
record = net.remove_node(second)
net.restore_node(record)
twin = Network.from_dict(net.to_dict())
assert set(twin.edges) == set(net.edges)

loop = Network("loop")
i = loop.add_node("Input", {{"shape": [4]}})
s = loop.add_node("Add")
d = loop.add_node("Dense", {{"units": 4}})
loop.connect(i, s, 0, 0)
loop.connect(s, d)
assert "cycle" in loop.connection_problem(d, s, 0, 1)
loaded = [m for m in {HEAVY!r} if m in sys.modules]
assert not loaded, loaded

# a quick fix tries its edit on a copy; saving and opening a document
# without trained weights needs no numpy either
bad = Network("bad")
i = bad.add_node("Input", {{"shape": [8, 8, 3]}})
d = bad.add_node("Dense", {{"units": 4}}, pos=(0, 120))
e = bad.add_node("Dense", {{"units": 2}}, pos=(0, 240))
bad.connect(i, d)
bad.connect(d, e)
(fix,) = [f for f in fixes_for(bad, bad.analyze().for_node(d)[0]) if "Flatten" in f.title][:1]
fix.apply(bad)
assert bad.analyze().valid and bad.nodes[e].pos == (0.0, 360.0)
import os, tempfile
path = os.path.join(tempfile.mkdtemp(), "bad.json")
bad.save(path)
assert Network.load(path).to_dict() == bad.to_dict()
loaded = [m for m in {HEAVY!r} if m in sys.modules]
assert not loaded, loaded

resnet = build_preset("resnet50")
collapse_offsets(resnet, list(resnet.groups())[:3])
loaded = [m for m in ("tensorflow", "keras", "networkx") if m in sys.modules]
assert not loaded, loaded
"""
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="needs Qt")
def test_a_normal_start_loads_the_dashboard_after_the_window(tmp_path):
    # at the first idle turn after the window is shown nothing heavy is
    # imported; the dashboard arrives later, installed on the GUI thread
    code = f"""
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
seen = {{}}

def window():
    return next(w for w in app.topLevelWidgets() if w.objectName() == "NeuroCanvasMainWindow")

def first_turn():  # runs just before the application's own first-turn work
    seen["loaded"] = [m for m in {HEAVY!r} if m in sys.modules]
    seen["visible"] = window().isVisible()
    QTimer.singleShot(0, next_turn)
    poll.start()

def next_turn():  # the editor's first turns are not spent on the dashboard
    seen["waiting"] = window()._dashboard is None

def check():
    w = window()
    if w._dashboard is not None:
        seen["thread"] = threading.current_thread() is threading.main_thread()
        app.quit()

poll = QTimer()
poll.setInterval(20)
poll.timeout.connect(check)
QTimer.singleShot(0, first_turn)
QTimer.singleShot(120000, app.quit)
from gui.app import main
main(None)
assert seen["visible"] and seen["loaded"] == [] and seen["waiting"], seen
assert seen.get("thread") is True, "the dashboard was not installed (or not on the GUI thread)"
assert "pyqtgraph" in sys.modules and "tensorflow" not in sys.modules
"""
    out = _run(code, tmp_path, NEUROCANVAS_NO_TENSORFLOW="1")
    assert out.returncode == 0, out.stderr[-3000:]


def test_graph_is_a_networkx_copy_of_the_wiring():
    nx = pytest.importorskip("networkx")
    net = Network("m")
    i = net.add_node("Input", {"shape": [4]})
    a = net.add_node("Dense", {"units": 4})
    b = net.add_node("Dense", {"units": 4})
    s = net.add_node("Add")
    net.connect(i, a)
    net.connect(i, b)
    net.connect(a, s, 0, 0)
    net.connect(b, s, 0, 1)
    g = net.graph
    assert isinstance(g, nx.MultiDiGraph)
    assert list(g.nodes) == list(net.nodes)
    assert [(u, v, d["src_port"], d["dst_port"]) for u, v, d in g.edges(data=True)] == \
        [(e.src, e.dst, e.src_port, e.dst_port) for e in net.edges]
    g.remove_node(a)  # a copy: the network keeps its wiring
    assert a in net.graph and len(net.edges) == 4
    assert net._descendants(i) == nx.descendants(net.graph, i) == {a, b, s}


def _random_graph(rnd: random.Random, n: int, acyclic: bool):
    nodes = [f"n{k}" for k in range(n)]
    rnd.shuffle(nodes)
    edges = set()
    for _ in range(rnd.randint(0, 2 * n)):
        u, v = rnd.sample(range(n), 2)
        if acyclic and u > v:
            u, v = v, u
        edges.add((nodes[u], nodes[v]))
    return nodes, sorted(edges, key=lambda e: rnd.random())


@pytest.mark.parametrize("seed", range(40))
def test_layout_graph_answers_as_networkx_does(seed):
    nx = pytest.importorskip("networkx")
    rnd = random.Random(seed)
    nodes, edges = _random_graph(rnd, rnd.randint(2, 14), acyclic=seed % 4 != 0)
    mine, theirs = _Graph(nodes), nx.DiGraph()
    theirs.add_nodes_from(nodes)
    for u, v in edges:
        mine.add_edge(u, v)
        theirs.add_edge(u, v)
    rank = {n: k for k, n in enumerate(rnd.sample(nodes, len(nodes)))}
    order = _topological_order(mine, rank.get)
    if nx.is_directed_acyclic_graph(theirs):
        assert order == list(nx.lexicographical_topological_sort(theirs, key=rank.get))
    else:
        assert len(order) < len(nodes)
    assert sorted(map(sorted, mine.weak_components())) == \
        sorted(map(sorted, nx.weakly_connected_components(theirs)))
    part = set(rnd.sample(nodes, len(nodes) // 2))
    sub = mine.subgraph(part)
    assert {(u, v) for u in sub.succ for v in sub.succ[u]} == set(theirs.subgraph(part).edges)


def test_a_cycle_from_a_file_is_laid_out_and_reported():
    net = Network.from_dict({
        "format": "neurocanvas/1", "name": "loop",
        "nodes": [{"id": "i", "type": "Input", "params": {"shape": [4]}},
                  {"id": "s", "type": "Add"},
                  {"id": "a", "type": "Dense", "params": {"units": 4}},
                  {"id": "b", "type": "Dense", "params": {"units": 4}},
                  {"id": "out", "type": "Dense", "params": {"units": 2}}],
        "edges": [{"from": "i", "to": "s"}, {"from": "s", "to": "a"}, {"from": "a", "to": "b"},
                  {"from": "b", "to": "s", "to_port": 1}, {"from": "b", "to": "out"}]})
    assert layout(net) == {"i": (0.0, 0.0), "s": (0.0, 120.0), "a": (0.0, 240.0),
                           "b": (0.0, 360.0), "out": (0.0, 480.0)}
    report = net.analyze()
    (cycle,) = [d for d in report.diagnostics if d.code == "cycle"]
    assert all(name in cycle.message for name in ("s", "a", "b"))

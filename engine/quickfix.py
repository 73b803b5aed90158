"""Quick fixes: concrete edits that resolve a diagnostic.

``fixes_for(net, diagnostic)`` proposes fixes for one diagnostic of
``net.analyze()``. Each :class:`Fix` has a title a person can read in a menu
and an ``apply(net)`` function that performs ordinary engine edits, so an
editor can wrap one fix in one undo step. Candidates are tried on a copy of
the network first and only those that actually clear the diagnostic are
offered.

    >>> from engine import Network
    >>> net = Network()
    >>> i = net.add_node("Input", {"shape": [8, 8, 3]})
    >>> d = net.add_node("Dense", {"units": 4})
    >>> _ = net.connect(i, d)
    >>> [f.title for f in fixes_for(net, net.analyze().for_node(d)[0])][:1]
    ['Insert Flatten before dense']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from engine.catalog import get_spec, has_spec
from engine.errors import NeuroCanvasError

RECURRENT = ("SimpleRNN", "LSTM", "GRU")
ELEMENTWISE = ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum")
LAYER_STEP = 120.0  # how far downstream nodes move to make room (engine.layout.LAYER)


@dataclass(frozen=True)
class Fix:
    title: str
    apply: Callable  # apply(net) -> None, performs engine edits
    node: str | None = None


def fixes_for(net, diagnostic, verify: bool = True) -> list[Fix]:
    """Fixes for ``diagnostic`` (a :class:`engine.errors.Diagnostic`), best first."""
    nid = diagnostic.node
    if nid is None or nid not in net.nodes:
        return []
    report = net.analyze()
    info = report.by_node.get(nid)
    in_edges = net.in_edges(nid)
    shapes = list(info.input_shapes) if info is not None else []
    node = net.nodes[nid]
    candidates: list[Fix] = []
    code = diagnostic.code

    if code in ("rank", "dense_nd", "unknown_dim") and in_edges and shapes:
        first, shape = in_edges[0], shapes[0]
        src = net.nodes[first.src]
        if _is_recurrent(src) and not _returns_sequences(src):
            candidates.append(Fix(f"Set return_sequences=True on {src.name}",
                                  _set_return_sequences(src.id), nid))
        if len(shape) > 2:
            candidates.append(Fix(f"Insert Flatten before {node.name}",
                                  _insert(first, "Flatten", {}), nid))
            pool = f"GlobalAveragePooling{len(shape) - 2}D"
            if has_spec(pool):
                candidates.append(Fix(f"Insert {pool} before {node.name}",
                                      _insert(first, pool, {}), nid))
        for target in _reshape_targets(shape):
            candidates.append(Fix(f"Insert Reshape to {_fmt(target)} before {node.name}",
                                  _insert(first, "Reshape", {"target_shape": list(target)}), nid))

    if code == "merge" and node.type in ELEMENTWISE and len(shapes) >= 2:
        projection = _projection_fix(net, nid, in_edges, shapes)
        if projection is not None:
            candidates.append(projection)
        if has_spec("Concatenate"):
            candidates.append(Fix(f"Replace {node.name} ({node.type}) with Concatenate",
                                  _replace(nid, "Concatenate", {}), nid))

    if not verify:
        return candidates
    return [fix for fix in candidates if _clears(net, fix, diagnostic)]


def apply_fix(net, fix: Fix) -> None:
    fix.apply(net)


# ------------------------------------------------------------ candidates --

def _is_recurrent(node) -> bool:
    if node.type == "Bidirectional":
        return node.params.get("layer", {}).get("type") in RECURRENT
    return node.type in RECURRENT


def _returns_sequences(node) -> bool:
    if node.type == "Bidirectional":
        return bool(node.params.get("layer", {}).get("params", {}).get("return_sequences", False))
    return bool(node.params.get("return_sequences", False))


def _set_return_sequences(node_id: str):
    def apply(net):
        node = net.node(node_id)
        if node.type == "Bidirectional":
            layer = dict(node.params["layer"])
            layer["params"] = {**layer.get("params", {}), "return_sequences": True}
            net.set_param(node_id, "layer", layer)
        else:
            net.set_param(node_id, "return_sequences", True)
    return apply


def _reshape_targets(shape) -> list[tuple]:
    """Plausible Reshape targets: a flat (batch, features) tensor made 2-D or an
    image; an image made a sequence of its pixels."""
    if len(shape) > 3 and all(d is not None for d in shape[1:]):
        steps = 1
        for d in shape[1:-1]:
            steps *= d
        return [(steps, shape[-1])]
    if len(shape) != 2 or shape[1] is None:
        return []
    n = shape[1]
    out = [(n, 1)]
    for channels in (1, 3):
        if n % channels == 0:
            side = math.isqrt(n // channels)
            if side * side * channels == n:
                out.append((side, side, channels))
    out.append((1, n))
    return out


def _projection_fix(net, nid, in_edges, shapes) -> Fix | None:
    ranks = {len(s) for s in shapes}
    if len(ranks) != 1:
        return None
    rank = ranks.pop()
    # the target is the tensor that went through the block: most channels, then smallest map
    target_i = max(range(len(shapes)),
                   key=lambda i: (shapes[i][-1] or 0, -_spatial_size(shapes[i])))
    target = shapes[target_i]
    channels = target[-1]
    if channels is None:
        return None
    plans = []
    for edge, shape in zip(in_edges, shapes):
        if tuple(shape) == tuple(target):
            continue
        if rank == 2:
            plans.append((edge, "Dense", {"units": channels}))
            continue
        conv = f"Conv{rank - 2}D"
        if not has_spec(conv):
            return None
        strides = []
        for a, b in zip(shape[1:-1], target[1:-1]):
            if a is None or b is None or b == 0:
                strides.append(1)
            else:
                strides.append(max(1, math.ceil(a / b)))
        params = {"filters": channels, "kernel_size": 1}
        if any(s > 1 for s in strides):
            params["strides"] = strides[0] if len(set(strides)) == 1 else strides
            params["padding"] = "same"
        plans.append((edge, conv, params))
    if not plans:
        return None
    kind = "1×1 projection" if rank > 2 else "Dense projection"
    node = net.nodes[nid]

    def apply(n):
        for edge, type_name, params in plans:
            _insert(edge, type_name, params, shift=False, side=True)(n)
    return Fix(f"Add a {kind} so the inputs of {node.name} match", apply, nid)


def _spatial_size(shape) -> int:
    size = 1
    for d in shape[1:-1]:
        size *= d or 1
    return size


def _insert(edge, type_name: str, params: dict, shift: bool = True, side: bool = False):
    """Put a new layer on ``edge``; downstream nodes move down to make room."""
    def apply(net):
        src, dst = net.node(edge.src), net.node(edge.dst)
        pos = None
        if dst.pos is not None:
            if side and src.pos is not None:
                pos = ((src.pos[0] + dst.pos[0]) / 2 - 120.0, (src.pos[1] + dst.pos[1]) / 2)
            else:
                pos = dst.pos
        net.disconnect(edge.src, edge.dst, edge.src_port, edge.dst_port)
        new = net.add_node(type_name, params, pos=pos, group=dst.group)
        if shift and dst.pos is not None:
            for nid in [edge.dst, *net._descendants(edge.dst)]:
                node = net.nodes[nid]
                if node.pos is not None:
                    net.move(nid, (node.pos[0], node.pos[1] + LAYER_STEP))
        net.connect(edge.src, new, edge.src_port, 0)
        net.connect(new, edge.dst, 0, edge.dst_port)
    return apply


def _replace(node_id: str, type_name: str, params: dict):
    """Swap a node for another type, keeping its wiring, place, group and name."""
    def apply(net):
        old = net.node(node_id)
        ins, outs = net.in_edges(node_id), net.out_edges(node_id)
        outputs = net.explicit_outputs
        name, pos, group = old.name, old.pos, old.group
        net.remove_node(node_id)
        new = net.add_node(type_name, params, pos=pos, group=group)
        if name != new:
            try:
                net.rename(new, name)
            except NeuroCanvasError:
                pass
        for e in ins:
            net.connect(e.src, new, e.src_port, e.dst_port)
        for e in outs:
            net.connect(new, e.dst, 0, e.dst_port)
        if outputs is not None:
            net.set_outputs([(new if o == node_id else o, p) for o, p in outputs])
    return apply


# ---------------------------------------------------------------- verify --

def _clears(net, fix: Fix, diagnostic) -> bool:
    trial = net.copy()
    try:
        before = set(trial.nodes)
        fix.apply(trial)
    except (NeuroCanvasError, KeyError, ValueError):
        return False
    report = trial.analyze()
    concerned = {diagnostic.node} | (set(trial.nodes) - before)
    if diagnostic.node not in trial.nodes:
        concerned.discard(diagnostic.node)
    for d in report.diagnostics:
        if d.node in concerned and (d.is_error or d.message == diagnostic.message):
            return False
    return True


def _fmt(shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def spec_exists(type_name: str) -> bool:
    return has_spec(type_name) and get_spec(type_name) is not None

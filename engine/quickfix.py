"""Quick fixes: concrete edits that resolve a diagnostic.

``fixes_for(net, diagnostic)`` proposes fixes for one diagnostic of
``net.analyze()``; ``connection_fixes(net, src, dst)`` proposes ways to make a
refused connection ("connect through a Reshape to (64, 1)"). Each :class:`Fix`
has a title a person can read on a button and an ``apply(net)`` function that
performs ordinary engine edits, so an editor wraps one fix in one undo step.

A fix is offered only when it makes the network better: every candidate is
applied in a :func:`engine.edit_journal.trial` (on the network itself, taken
back afterwards, so only what it touches is re-analysed) and kept only if the
diagnostic is gone, the error count drops (for an error) and no new error
appears anywhere. Codes no fix can address declare why in :data:`NO_FIX`.

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
import re
import time
from dataclasses import dataclass
from typing import Callable

from engine.catalog import has_spec
from engine.connection_rule import INCOMPLETE
from engine.edit_journal import trial
from engine.errors import NeuroCanvasError
from engine.shapes import fmt
from engine.i18n import N_, Text, msg

RECURRENT = ("SimpleRNN", "LSTM", "GRU")
_RECONNECT = {  # a connection fix's title, said of an existing connection moved instead
    "Connect through {via}": N_("Reconnect through {via}"),
}
ELEMENTWISE = ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum")
LAYER_STEP = 120.0  # how far downstream nodes move to make room (engine.layout.LAYER)
PER_REPORT_LIMIT = 60  # diagnostics per report whose fixes are worked out for the views
BUDGET_S = 0.08  # and the time that may take per report

# Diagnostic codes (engine/catalog, engine/analysis, engine/shapes) for which no
# edit can be chosen without knowing what the person meant.
NO_FIX: dict[str, str] = {
    "arity": "which tensor belongs on the free input port is the designer's choice",
    "empty": "an empty network has nothing to repair; start from the palette or a preset",
    "no_input": "the Input's shape depends on the data, which the network does not know",
    "attention": "query, key and value come from the designer's model; any projection would change it",
    "broadcast": "broadcasting a size-1 axis is legal and often intended",
    "generic_shape": "the layer is known only generically; its shape rule is Keras's own",
    "internal": "a shape rule failed on an unexpected case; no edit is known to be safe",
    "ports": "which extra outputs of the wrapped layer to drop is the designer's choice",
    "port": "which output of the layer was meant is the designer's choice",
    "cycle": "breaking a cycle leaves one of its layers without an input; which connection "
             "was meant is the designer's choice",
    "param": "documents and edits are checked, so a refused value never enters a network; "
             "only a layer declaration that changed under an open network reports it",
    "crop_larger": "enlarging by resizing may be intended; only the designer knows the crop wanted",
    "not_adapted": "a vocabulary comes from the designer's data (layer.adapt) or their word list; "
                   "no edit of the graph can supply it",
}


@dataclass(frozen=True)
class Fix:
    title: str
    apply: Callable  # apply(net) -> None, performs engine edits
    node: str | None = None
    code: str = ""
    via: str = ""  # for a refused connection: "a Reshape to (64, 1)"


# ---------------------------------------------------------------- public --

def fixes_for(net, diagnostic, verify: bool = True, report=None) -> list[Fix]:
    """Fixes for ``diagnostic`` (a :class:`engine.errors.Diagnostic`), best first."""
    report = report if report is not None else net.analyze()
    if diagnostic.code == "input_shape":
        return _input_shape_fixes(net, diagnostic, report, verify)
    candidates = _candidates(net, report, diagnostic)
    if not verify:
        return candidates
    scored = []
    for fix in candidates:
        added = _improves(net, report, fix.apply, diagnostic)
        if added is not None:
            scored.append((added, fix))
    if not scored:
        return []
    fewest = min(added for added, _ in scored)  # a fix that adds a warning is not offered
    return [fix for added, fix in scored if added == fewest]  # when another adds none


def fixes_by_diagnostic(net, report, budget_s: float = BUDGET_S) -> dict:
    """``{diagnostic: [Fix, ...]}`` for the diagnostics of ``report`` that have
    fixes (the views show them as buttons and node badges); worked out once per
    report, errors first, within ``budget_s`` seconds (a network with hundreds of
    warnings stays responsive; the others get their fixes on demand)."""
    cached = _LAST.get(id(net))
    if cached is not None and cached[0] is report:
        return cached[1]
    out = {}
    deadline = time.perf_counter() + budget_s
    ordered = sorted(report.diagnostics, key=lambda d: not d.is_error)[:PER_REPORT_LIMIT]
    for d in ordered:
        if d.code not in _GENERATORS:
            continue
        if time.perf_counter() > deadline:
            break
        fixes = fixes_for(net, d, report=report)
        if fixes:
            out[d] = fixes
    _LAST[id(net)] = (report, out)
    if len(_LAST) > 8:
        _LAST.pop(next(iter(_LAST)))
    return out


_LAST: dict = {}


def _reconnect_title(title):
    """The title of a connection fix, said of moving an existing connection instead."""
    if isinstance(title, Text) and title.template in _RECONNECT:
        return msg(_RECONNECT[title.template], **title.args)
    return title


def connection_fixes(net, src: str, dst: str, src_port: int = 0, dst_port: int = 0,
                     warnings: bool = False) -> list[Fix]:
    """Ways to make the refused connection ``src:src_port → dst:dst_port``: each fix
    connects and adapts (an inserted layer, a changed param) in one go. With
    ``warnings``, a connection that would only warn (a Dense on an image) is
    adapted too."""
    if net.connection_problem(src, dst, src_port, dst_port):
        return []  # wiring itself is impossible (a cycle, a taken port): nothing to adapt
    before = net.analyze()
    with trial(net):
        net.connect(src, dst, src_port, dst_port)
        joined = net.analyze()
        problems = [d for d in joined.for_node(dst) if d.is_error and d.code not in INCOMPLETE]
        if not problems and warnings:
            problems = [d for d in joined.for_node(dst) if not d.is_error]
        if not problems:
            return []
        candidates = _candidates(net, joined, problems[0])
    out = []
    for c in candidates:
        def apply(n, c=c):
            n.connect(src, dst, src_port, dst_port)
            c.apply(n)
        title = msg("Connect through {via}", via=c.via) if c.via else msg("{title} and connect",
                                                                          title=c.title)
        if _connects(net, before, apply, dst, problems[0]):
            out.append(Fix(title, apply, dst, c.code, c.via))
    return out


def moved_connection_fixes(net, edge, src: str, dst: str, src_port: int = 0,
                           dst_port: int = 0) -> list[Fix]:
    """Like :func:`connection_fixes` for a connection picked up by one end and dropped
    on ``src:src_port → dst:dst_port``: each fix also removes ``edge``."""
    with trial(net):
        net.disconnect(edge.src, edge.dst, edge.src_port, edge.dst_port)
        inner = connection_fixes(net, src, dst, src_port, dst_port)
    out = []
    for fix in inner:
        def apply(n, fix=fix):
            n.disconnect(edge.src, edge.dst, edge.src_port, edge.dst_port)
            fix.apply(n)
        out.append(Fix(_reconnect_title(fix.title), apply, fix.node, fix.code, fix.via))
    return out


def apply_fix(net, fix: Fix) -> None:
    fix.apply(net)


def offers_fixes(code: str) -> bool:
    """Whether diagnostics with ``code`` may get fixes (else :data:`NO_FIX` says why)."""
    return code in _GENERATORS or code == "input_shape"


# ---------------------------------------------------------------- verify --

def _error_keys(report) -> set:
    return {d.node if d.node is not None else ("graph", d.code) for d in report.errors}


def _latent(report) -> set:
    """Nodes that were not computed because something upstream failed: their own
    errors show only once that is fixed, and are not new."""
    return {info.node for info in report.layers if info.output_shapes is None and not info.diagnostics}


def _improves(net, before, apply, diagnostic) -> int | None:
    """How many warnings the fix adds, or None when it does not fix ``diagnostic`` or
    makes anything worse (a new error, as many errors as before)."""
    with trial(net):
        try:
            apply(net)
        except (NeuroCanvasError, KeyError, ValueError, TypeError):
            return False
        after = net.analyze()
        latent = _latent(before)
        errors_before, errors_after = _error_keys(before), _error_keys(after) - latent
        if errors_after - errors_before:
            return None
        for d in after.diagnostics:
            if d.code == diagnostic.code and d.node == diagnostic.node and \
                    (d.node is not None or d.message == diagnostic.message):
                return None
        if len(errors_after) >= len(errors_before) if diagnostic.is_error \
                else len(errors_after) > len(errors_before):
            return None
        old = {(d.node, d.code) for d in before.warnings}
        return sum(1 for d in after.warnings if (d.node, d.code) not in old)


def _connects(net, before, apply, dst, problem) -> bool:
    with trial(net):
        try:
            apply(net)
        except (NeuroCanvasError, KeyError, ValueError, TypeError):
            return False
        after = net.analyze()
        if any((d.is_error and d.code not in INCOMPLETE) or d.code == problem.code
               for d in after.for_node(dst)):
            return False
        errors_before = _error_keys(before)
        errors_after = _error_keys(after) - _latent(before)
        if dst in errors_after and any(d.is_error and d.code in INCOMPLETE for d in after.for_node(dst)):
            errors_after.discard(dst)  # a merge that still waits for its other inputs
        return not (errors_after - errors_before)


# ------------------------------------------------------------ candidates --

def _candidates(net, report, diagnostic) -> list[Fix]:
    generator = _GENERATORS.get(diagnostic.code)
    nid = diagnostic.node
    if generator is None:
        return []
    if nid is not None and nid not in net.nodes:
        return []
    return list(generator(net, report, diagnostic))


def _context(net, report, nid):
    info = report.by_node.get(nid)
    return net.nodes[nid], net.in_edges(nid), (list(info.input_shapes) if info is not None else [])


def _rank_fixes(net, report, diagnostic):
    nid = diagnostic.node
    node, in_edges, shapes = _context(net, report, nid)
    if not in_edges or not shapes:
        return
    first, shape = in_edges[0], shapes[0]
    src = net.nodes[first.src]
    if diagnostic.code == "unknown_dim" and src.type == "Flatten":
        upstream = report.by_node.get(net.in_edges(src.id)[0].src) if net.in_edges(src.id) else None
        src_in = report.by_node.get(src.id)
        rank = len(src_in.input_shapes[0]) if src_in is not None and src_in.input_shapes else 0
        pool = f"GlobalAveragePooling{rank - 2}D"
        if upstream is not None and rank >= 3 and has_spec(pool):
            yield Fix(msg("Replace {src} (Flatten) with {pool}", src=src.name, pool=pool),
                      _replace(src.id, pool, {}, keep_name=False), nid,
                      diagnostic.code)
    if _is_recurrent(src) and not _returns_sequences(src):
        yield Fix(msg("Set return_sequences=True on {src}", src=src.name), _set_return_sequences(src.id), nid,
                  diagnostic.code)
    if len(shape) > 2:
        yield Fix(msg("Insert Flatten before {node}", node=node.name), _insert(first, "Flatten", {}), nid,
                  diagnostic.code, msg("a Flatten"))
        pool = f"GlobalAveragePooling{len(shape) - 2}D"
        if has_spec(pool):
            yield Fix(msg("Insert {pool} before {node}", pool=pool, node=node.name), _insert(first, pool,
                                                                                             {}), nid,
                      diagnostic.code, msg("a {pool}", pool=pool))
    for target in _reshape_targets(shape):
        yield Fix(msg("Insert Reshape to {target} before {node}", target=fmt(tuple(target)), node=node.name),
                  _insert(first, "Reshape", {"target_shape": list(target)}), nid, diagnostic.code,
                  msg("a Reshape to {target}", target=fmt(tuple(target))))
    if len(shape) == 2 and _wants_sequence(node):
        for steps in _sequence_lengths(net, report):
            yield Fix(msg("Insert RepeatVector({steps}) before {node}", steps=steps, node=node.name),
                      _insert(first, "RepeatVector", {"n": steps}), nid, diagnostic.code,
                      msg("a RepeatVector({steps})", steps=steps))


def _unconnected_fixes(net, report, diagnostic):
    """Connect the nearest layer above that nothing consumes (what is left when the
    layer between them was deleted), through an adapter when it needs one."""
    nid = diagnostic.node
    node = net.nodes[nid]
    below = net._descendants(nid) | {nid}
    loose = [n for n in net.nodes if not net._succ[n] and n not in below
             and report.by_node.get(n) is not None and report.by_node[n].ok]
    if node.pos is not None:
        def distance(n):
            pos = net.nodes[n].pos
            if pos is None:
                return float("inf")
            above = 0 if pos[1] < node.pos[1] else 10_000
            return above + abs(pos[0] - node.pos[0]) + abs(pos[1] - node.pos[1])
        loose.sort(key=distance)
    for src in loose[:2]:
        name = net.nodes[src].name
        if net.connection_problem(src, nid):
            continue
        yield Fix(msg("Connect {name} to {node}", name=name, node=node.name), _connect(src, nid), nid,
                  diagnostic.code)
        for fix in connection_fixes(net, src, nid, warnings=True):
            if fix.via:
                yield Fix(msg("Connect {name} to {node} through {via}",
                              name=name, node=node.name, via=fix.via), fix.apply, nid,
                          diagnostic.code, fix.via)


def _connect(src: str, dst: str):
    def apply(net):
        net.connect(src, dst)
    return apply


def _wants_sequence(node) -> bool:
    inner = node.params.get("layer", {}).get("type") if node.type in ("Bidirectional",) else node.type
    return inner in RECURRENT or node.type in ("Conv1D", "TimeDistributed")


def _sequence_lengths(net, report) -> list[int]:
    """Time-axis lengths of the network's sequence inputs (a decoder repeats its
    encoding that many times)."""
    out = []
    for nid in net.inputs:
        shape = report.shape(nid)
        if shape is not None and len(shape) == 3 and shape[1] is not None and shape[1] not in out:
            out.append(shape[1])
    return out


def _size_fixes(net, report, diagnostic):
    nid = diagnostic.node
    node, in_edges, shapes = _context(net, report, nid)
    p = _resolved(node)
    if p is None:
        return
    if "padding" in p and p["padding"] == "valid":
        yield Fix(msg("Set padding='same' on {node}", node=node.name), _set(nid, "padding", "same"), nid,
                  diagnostic.code)
    window = "kernel_size" if "kernel_size" in p else ("pool_size" if "pool_size" in p else None)
    if window is None or not shapes or not isinstance(p[window], (list, tuple)):
        return
    shape = shapes[0]
    k = len(p[window])
    channels_first = p.get("data_format") == "channels_first"
    spatial = shape[2:2 + k] if channels_first else shape[1:1 + k]
    dilation = p.get("dilation_rate") or (1,) * k
    strides = p.get("strides") or p[window]
    fitted = []
    for length, size, d, s in zip(spatial, p[window], dilation, strides):
        if length is None:
            fitted.append(size)
            continue
        largest = max(1, (length - 1) // d + 1)
        fitted.append(min(size, largest))
    if list(fitted) != list(p[window]):
        value = fitted[0] if len(set(fitted)) == 1 else list(fitted)
        yield Fix(msg("Set {window} to {fitted} on {node} (the largest that fits)",
                      window=window, fitted=fmt(tuple(fitted)), node=node.name),
                  _set(nid, window, value), nid, diagnostic.code)


def _merge_fixes(net, report, diagnostic):
    nid = diagnostic.node
    node, in_edges, shapes = _context(net, report, nid)
    if len(shapes) < 2 or len(shapes) != len(in_edges):
        return
    if node.type in ELEMENTWISE or node.type == "Concatenate":
        crop = _crop_fix(net, nid, in_edges, shapes)
        if crop is not None:
            yield crop
    if node.type in ELEMENTWISE:
        projection = _projection_fix(net, nid, in_edges, shapes)
        if projection is not None:
            yield projection
        if has_spec("Concatenate"):
            yield Fix(msg("Replace {node} ({type}) with Concatenate", node=node.name, type=node.type),
                      _replace(nid, "Concatenate", {}), nid, diagnostic.code)


def _outputs_fixes(net, report, diagnostic):
    dangling = [nid for nid, _ in net.outputs if net.nodes[nid].type != "Input"]
    nid = diagnostic.node
    if nid is not None and nid in net.nodes:
        node = net.nodes[nid]
        for e in net.in_edges(nid)[:1]:
            for sibling in net.out_edges(e.src):
                if sibling.dst == nid or sibling.src_port != e.src_port:
                    continue
                target = net.nodes[sibling.dst]
                yield Fix(msg("Connect {node} to {target}", node=node.name, target=target.name), _thread(nid,
                                                                                                         sibling), nid,
                          diagnostic.code)
    names = ", ".join(net.nodes[n].name for n in dangling)
    yield Fix(msg("Mark {names} as the outputs", names=names), _mark_outputs(dangling), nid, diagnostic.code)


def _name_fixes(net, report, diagnostic):
    nid = diagnostic.node
    if nid is None or nid not in net.nodes:
        return
    new = net.unique_id(net.nodes[nid].type)

    def apply(n):
        n.rename(nid, new)
    yield Fix(msg("Rename {name} to {new}", name=net.nodes[nid].name, new=new), apply, nid, diagnostic.code)


def _dangling_input_fixes(net, report, diagnostic):
    nid = diagnostic.node

    def apply(n):
        n.remove_node(nid)
    yield Fix(msg("Delete the unused Input {name}", name=net.nodes[nid].name), apply, nid, diagnostic.code)


def _no_output_fixes(net, report, diagnostic):
    if net.explicit_outputs is not None:
        yield Fix(msg("Use the layers nothing consumes as the outputs"),
                  lambda n: n.set_outputs(None), None, diagnostic.code)


def _reshape_param_fixes(net, report, diagnostic):
    nid = diagnostic.node
    node, _, shapes = _context(net, report, nid)
    target = node.params.get("target_shape")
    if not isinstance(target, (list, tuple)) or not target:
        return
    for i in reversed(range(len(target))):
        if target[i] in (-1, None):
            continue
        value = [d for d in target]
        value[i] = -1
        value = [(-1 if (d is None and j != i) else d) for j, d in enumerate(value)]
        if sum(1 for d in value if d == -1) > 1:
            continue
        yield Fix(msg("Set target_shape to {shape} on {node} (-1 takes the rest)",
                      shape=fmt(tuple(value)), node=node.name),
                  _set(nid, "target_shape", value), nid, diagnostic.code)


# params that, set to a safe value or reset to the Keras default, resolve a code
_PARAM_RULES = {
    "axis": [("axis", -1)],
    "groups": [("groups", 1)],
    "noise_shape": [("noise_shape", None)],
    "stateful": [("stateful", False)],
    "unroll": [("unroll", False)],
    "unroll_long": [("unroll", False)],
    "relu_clip": [("max_value", None), ("threshold", None)],
}


def _param_fixes(net, report, diagnostic):
    nid = diagnostic.node
    if nid is None:
        return
    node = net.nodes[nid]
    declared = {p.name for p in node.spec.params}
    for name, value in _PARAM_RULES.get(diagnostic.code, ()):
        if name not in declared:
            continue
        if value is None:
            if name not in node.params:
                continue
            yield Fix(msg("Reset {name} of {node} to the Keras default", name=name, node=node.name),
                      _reset(nid, name), nid,
                      diagnostic.code)
        elif node.params.get(name) != value:
            yield Fix(msg("Set {name}={value} on {node}", name=name, value=repr(value), node=node.name),
                      _set(nid, name, value), nid,
                      diagnostic.code)
    if diagnostic.code == "groups" and "groups" in declared and node.type == "GroupNormalization":
        info = report.by_node.get(nid)
        if info is not None and info.input_shapes:
            channels = info.input_shapes[0][-1]
            groups = _resolved(node) and _resolved(node).get("groups")
            if channels and groups:
                best = max(g for g in range(1, min(groups, channels) + 1) if channels % g == 0)
                yield Fix(msg("Set groups={best} on {node}", best=best, node=node.name), _set(nid, "groups",
                                                                                              best), nid,
                          diagnostic.code)


def _input_shape_fixes(net, diagnostic, report, verify):
    """The Input shape the chosen data needs, offered only when the network stays valid."""
    node = net.nodes.get(diagnostic.node) or net.node_by_name(diagnostic.node or "")
    m = re.search(r"samples are (\([^)]*\))", diagnostic.message)
    if node is None or node.type != "Input" or m is None:
        return []
    shape = [int(v) for v in re.findall(r"\d+", m.group(1))]
    if not shape:
        return []
    fix = Fix(msg("Set the shape of {node} to {shape} (the data's samples)",
                  node=node.name, shape=fmt(tuple(shape))),
              _set(node.id, "shape", shape), node.id, "input_shape")
    if not verify:
        return [fix]
    with trial(net):
        try:
            fix.apply(net)
        except (NeuroCanvasError, KeyError, ValueError, TypeError):
            return []
        after = net.analyze()
        worse = (_error_keys(after) - _error_keys(report)) or len(after.errors) > len(report.errors)
    return [] if worse else [fix]


_GENERATORS = {
    "rank": _rank_fixes,
    "dense_nd": _rank_fixes,
    "unknown_dim": _rank_fixes,
    "size": _size_fixes,
    "unconnected": _unconnected_fixes,
    "merge": _merge_fixes,
    "outputs": _outputs_fixes,
    "name": _name_fixes,
    "dangling_input": _dangling_input_fixes,
    "no_output": _no_output_fixes,
    "reshape": _reshape_param_fixes,
    "reshape_unknown": _reshape_param_fixes,
    **{code: _param_fixes for code in _PARAM_RULES},
}


# ------------------------------------------------------------- helpers --

def _resolved(node):
    try:
        return node.resolved()
    except NeuroCanvasError:
        return None


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


def _set(node_id: str, name: str, value):
    def apply(net):
        net.set_param(node_id, name, value)
    return apply


def _reset(node_id: str, name: str):
    def apply(net):
        net.reset_param(node_id, name)
    return apply


def _thread(node_id: str, edge):
    """Put the dangling layer ``node_id`` on ``edge`` (whose source already feeds it):
    it takes the place of the layer it now feeds, which moves down with what follows."""
    def apply(net):
        net.disconnect(edge.src, edge.dst, edge.src_port, edge.dst_port)
        net.connect(node_id, edge.dst, 0, edge.dst_port)
        dst = net.node(edge.dst)
        if dst.pos is not None:
            net.move(node_id, dst.pos)
            for nid in [edge.dst, *net._descendants(edge.dst)]:
                n = net.nodes[nid]
                if n.pos is not None:
                    net.move(nid, (n.pos[0], n.pos[1] + LAYER_STEP))
    return apply


def _mark_outputs(node_ids):
    def apply(net):
        net.set_outputs(list(node_ids))
    return apply


def _reshape_targets(shape) -> list[tuple]:
    """Plausible Reshape targets: a flat (batch, features) tensor made a sequence or
    an image; an image made a sequence of its pixels; a sequence given a channel."""
    if len(shape) > 3 and all(d is not None for d in shape[1:]):
        steps = 1
        for d in shape[1:-1]:
            steps *= d
        return [(steps, shape[-1])]
    if len(shape) == 3 and all(d is not None for d in shape[1:]):
        return [(shape[1], shape[2], 1)]
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


def _crop_fix(net, nid, in_edges, shapes) -> Fix | None:
    """Crop the larger maps to the smallest when only spatial sizes differ (U-Net skips)."""
    ranks = {len(s) for s in shapes}
    if len(ranks) != 1:
        return None
    rank = ranks.pop()
    k = rank - 2
    crop_type = f"Cropping{k}D"
    if k < 1 or not has_spec(crop_type):
        return None
    spatial = [s[1:-1] for s in shapes]
    if any(d is None for sp in spatial for d in sp):
        return None
    node = net.nodes[nid]
    if node.type in ELEMENTWISE and len({s[-1] for s in shapes}) != 1:
        return None
    target = [min(sp[a] for sp in spatial) for a in range(k)]
    plans = []
    for edge, sp in zip(in_edges, spatial):
        if list(sp) == target:
            continue
        cropping = [((d - t) // 2, d - t - (d - t) // 2) for d, t in zip(sp, target)]
        value = cropping[0] if k == 1 else cropping
        plans.append((edge, crop_type, {"cropping": _listify(value)}))
    if not plans:
        return None

    def apply(n):
        for edge, type_name, params in plans:
            _insert(edge, type_name, params, shift=False, side=True)(n)
    return Fix(msg("Crop the larger inputs of {node} to {target}",
                   node=node.name, target=fmt(tuple(target))), apply, nid, "merge",
               msg("a {crop_type} to {target}", crop_type=crop_type, target=fmt(tuple(target))))


def _listify(value):
    if isinstance(value, (list, tuple)):
        return [_listify(v) for v in value]
    return value


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
    return Fix(msg("Add a {kind} so the inputs of {node} match", kind=kind, node=node.name), apply, nid,
               "merge",
               msg("a {kind} to {channels} channels", kind=kind,
                   channels=channels) if rank > 2 else msg("a Dense projection to {channels}",
                                                                       channels=channels))


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


def _replace(node_id: str, type_name: str, params: dict, keep_name: bool = True):
    """Swap a node for another type, keeping its wiring, place, group and name."""
    def apply(net):
        old = net.node(node_id)
        ins, outs = net.in_edges(node_id), net.out_edges(node_id)
        outputs = net.explicit_outputs
        name, pos, group = old.name, old.pos, old.group
        net.remove_node(node_id)
        new = net.add_node(type_name, params, pos=pos, group=group)
        if keep_name and name != new:
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


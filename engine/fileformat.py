"""The ``neurocanvas/1`` JSON file format: read, check, write atomically.

A file is either loaded completely or refused with one plain message that
names the node and the field; a half-loaded document never exists. Keys this
version does not know (at the top level and on nodes) are kept on save, so
sections written by newer versions survive a round trip. The ``data``, ``preset``,
``training`` and ``experiments`` (a study's search space and settings, see
``engine.experiments.space``) sections are kept as they are, in ``net.extra``.

This module sits below :mod:`engine.network` and never imports it:
``Network.load`` / ``Network.loads`` / ``Network.from_dict`` read the JSON with
:func:`read` / :func:`parse` and hand :func:`fill` a new, empty network.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from engine.atomic import write_atomic
from engine.catalog import has_spec
from engine.errors import DocumentError, EditError, ParamError
from engine.plain_data import json_safe
from engine.i18n import msg

FORMAT = "neurocanvas/1"
DATA_SECTION = "data"  # the data settings a run trains on (engine.data.settings)
# {"id": preset id, "dataset": the built-in dataset it suggests}: written by a preset
# into the document it builds, so a renamed copy still trains on the preset's data
PRESET_SECTION = "preset"
_TOP_KEYS = {"format", "name", "nodes", "edges", "outputs"}
_NODE_KEYS = {"id", "type", "params", "name", "pos", "group", "trainable"}
_EDGE_KEYS = {"from", "to", "from_port", "to_port"}


def read(path) -> dict:
    """The document object in the file at ``path`` (parsed JSON, not yet checked)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DocumentError(msg("{path}: no such file.", path=path)) from None
    except IsADirectoryError:
        raise DocumentError(msg("{path} is a folder, not a NeuroCanvas file.", path=path)) from None
    except UnicodeDecodeError:
        raise DocumentError(msg("{path} is not a text file; NeuroCanvas documents are JSON.",
                                path=path)) from None
    except OSError as exc:
        raise DocumentError(msg("{path} cannot be read: {value}.", path=path,
                                value=exc.strerror or exc)) from None
    return parse(text, source=str(path))


def parse(text: str, source: str = "document") -> dict:
    """The document object in JSON ``text`` (not yet checked); ``source`` names it in errors."""
    try:
        return json.loads(text, parse_constant=_legacy_constant)
    except json.JSONDecodeError as exc:
        raise DocumentError(msg("{source} is not valid JSON (line {lineno}, column {colno}: {msg}).",
                                source=source, lineno=exc.lineno, colno=exc.colno, msg=exc.msg),
                            msg("The file may be damaged; open a backup or the autosave.")) from None
    except RecursionError:
        raise DocumentError(msg("{source} nests more than {depth} levels deep; it is not a "
                                "NeuroCanvas document.", source=source, depth=MAX_DEPTH)) from None
    except ValueError as exc:
        raise DocumentError(msg("{source} is not valid JSON ({exc}).", source=source, exc=str(exc))) from None


# ------------------------------------------------------- non-finite numbers --
# JSON has no infinity or NaN. A document writes them as {"float": "inf"},
# {"float": "-inf"} and {"float": "nan"}, which stays standard JSON; load turns
# these objects back into numbers and also accepts the bare Infinity / -Infinity
# / NaN tokens that Python's json module (and versions before this one) wrote.

_NON_FINITE_TAGS = {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}
MAX_DEPTH = 200  # how deeply lists and objects may nest in a document


def _legacy_constant(name):
    return {"Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}[name]


def _non_finite_tag(number: float) -> dict:
    return {"float": "nan" if math.isnan(number) else ("inf" if number > 0 else "-inf")}


def encode_non_finite(value):
    """JSON-ready data: every ±inf/NaN float becomes its tagged object (no recursion).
    A string that is not valid Unicode (a lone surrogate) is refused, naming where."""
    root = [value]
    stack = [(root, 0, ())]
    while stack:
        parent, key, path = stack.pop()
        item = parent[key]
        if isinstance(item, dict):
            for k in item:
                if isinstance(k, str):
                    _check_text(value, k, path + (k,))
            parent[key] = item = dict(item)
            stack.extend((item, k, path + (k,)) for k in item)
        elif isinstance(item, (list, tuple)):
            parent[key] = item = list(item)
            stack.extend((item, i, path + (i,)) for i in range(len(item)))
        elif isinstance(item, float) and not math.isfinite(item):
            parent[key] = _non_finite_tag(item)
        elif isinstance(item, str):
            _check_text(value, item, path)
    return root[0]


def decode_non_finite(data):
    """The inverse of :func:`encode_non_finite`, on a fresh copy of ``data``; it also
    refuses what JSON can carry but a document cannot hold (nesting deeper than
    MAX_DEPTH, strings with lone surrogates), naming where."""
    root = [data]
    stack = [(root, 0, ())]
    while stack:
        parent, key, path = stack.pop()
        item = parent[key]
        if len(path) > MAX_DEPTH:
            raise DocumentError(msg("{where} nests more than {depth} levels deep.",
                                    where=_where(data, path[:3]), depth=MAX_DEPTH),
                                msg("This is not a NeuroCanvas document, or it is damaged."))
        if isinstance(item, dict):
            tag = item.get("float")
            if len(item) == 1 and isinstance(tag, str) and tag in _NON_FINITE_TAGS:
                parent[key] = _NON_FINITE_TAGS[tag]
                continue
            for k in item:
                _check_text(data, k, path + (k,))
            parent[key] = item = dict(item)
            stack.extend((item, k, path + (k,)) for k in item)
        elif isinstance(item, list):
            parent[key] = item = list(item)
            stack.extend((item, i, path + (i,)) for i in range(len(item)))
        elif isinstance(item, str):
            _check_text(data, item, path)
    return root[0]


def _check_text(data, text: str, path: tuple) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ascii(text[exc.start:exc.end])
        raise DocumentError(msg("{where} holds {bad}, a lone surrogate, which is not text.",
                                where=_where(data, path), bad=bad),
                            msg("The file was written by a program that produced invalid Unicode; "
                                "fix or remove that string.")) from None


def _where(data, path: tuple) -> str:
    """'node 'c1', params.kernel_initializer' for a path into the document data."""
    if len(path) >= 2 and path[0] == "nodes" and isinstance(path[1], int):
        try:
            node_id = data["nodes"][path[1]].get("id")
        except (AttributeError, LookupError, TypeError):
            node_id = None
        node = f"node {node_id!r}" if isinstance(node_id, str) else f"node #{path[1] + 1}"
        rest = ".".join(str(p) for p in path[2:])
        return f"{node}, field {rest!r}" if rest else node
    return f"field {'.'.join(str(p) for p in path)!r}" if path else "the document"


def fill(net, data, source: str | None = None) -> None:
    """Check the document object ``data`` and build it into the empty network ``net``
    (``Network.from_dict`` / ``Network.load`` call this). Raises :class:`DocumentError`
    naming the node and field, prefixed with ``source`` when given."""
    try:
        _fill(net, data)
    except DocumentError as exc:
        if source is None:
            raise
        raise DocumentError(msg("{source}: {message}", source=source, message=exc.message),
                            exc.hint) from None


def _fill(net, data) -> None:
    if isinstance(data, dict):
        data = decode_non_finite(data)
    if not isinstance(data, dict):
        raise DocumentError(msg("the file does not hold a NeuroCanvas document (expected a JSON object)."))
    fmt = data.get("format")
    if fmt != FORMAT:
        raise DocumentError(msg("unsupported format {fmt}; expected {expected}.",
                                fmt=repr(fmt), expected=repr(FORMAT)),
                            msg("This file was not written by NeuroCanvas, or by an incompatible version."))
    name = data.get("name", "model")
    if not isinstance(name, str):
        raise DocumentError(msg("'name' must be a string."))
    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        raise DocumentError(msg("'nodes' must be a list of layer objects."))
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise DocumentError(msg("'edges' must be a list of {{\"from\", \"to\"}} objects."))

    net.name = name
    for i, raw in enumerate(nodes):
        _add_node(net, raw, i)
    for i, raw in enumerate(edges):
        _add_edge(net, raw, i)
    outputs = data.get("outputs")
    if outputs is not None:
        net.set_outputs(_parse_outputs(net, outputs))
    experiments = data.get("experiments")
    if experiments is not None and not isinstance(experiments, dict):
        raise DocumentError(msg("'experiments' must be an object such as {{\"space\": {{...}}}}."),
                            msg("Remove it, or write the search space as in the README's Experiments."))
    net.extra = {k: v for k, v in data.items() if k not in _TOP_KEYS}


def _add_node(net, raw, i):
    if not isinstance(raw, dict):
        raise DocumentError(msg("node #{value} must be an object with 'id' and 'type'.", value=i + 1))
    node_id = raw.get("id")
    where = f"node {node_id!r}" if isinstance(node_id, str) else f"node #{i + 1}"
    if not isinstance(node_id, str) or not node_id:
        raise DocumentError(msg("{where}: 'id' must be a non-empty string.", where=where))
    if node_id in net.nodes:
        raise DocumentError(msg("{where}: the id is used twice.", where=where),
                            msg("Every node needs its own id."))
    type_name = raw.get("type")
    if not isinstance(type_name, str) or not has_spec(type_name):
        raise DocumentError(msg("{where}: unknown layer type {type_name}.",
                                where=where, type_name=repr(type_name)),
                            msg("Layer types are Keras class names such as 'Dense' or 'Conv2D'."))
    params = raw.get("params", {})
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise DocumentError(msg("{where}: 'params' must be an object.", where=where))
    trainable = raw.get("trainable", True)
    if not isinstance(trainable, bool):
        raise DocumentError(msg("{where}: 'trainable' must be true or false.", where=where))
    name = raw.get("name", node_id)
    if not isinstance(name, str):
        raise DocumentError(msg("{where}: 'name' must be a string.", where=where))
    for key in ("pos", "group"):
        if key in raw and raw[key] is not None and not _valid_field(key, raw[key]):
            raise DocumentError(msg("{where}: 'pos' must be [x, y].", where=where) if key == "pos" else
                                msg("{where}: 'group' must be a path like 'stage2/block1'.", where=where))
    try:
        net.add_node(type_name, params, id=node_id, name=name, pos=raw.get("pos"),
                     group=raw.get("group"), trainable=trainable,
                     extra={k: v for k, v in raw.items() if k not in _NODE_KEYS})
    except ParamError as exc:
        raise DocumentError(msg("{where} ({type_name}), param {param}: {message}",
                                where=where, type_name=type_name, param=repr(exc.param),
                                message=exc.message), exc.hint) from None
    except EditError as exc:
        raise DocumentError(msg("{where}: {message}", where=where, message=exc.message), exc.hint) from None


def _valid_field(key, value):
    if key == "pos":
        return (isinstance(value, list) and len(value) == 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                        for v in value))
    return isinstance(value, str)


def _add_edge(net, raw, i):
    if not isinstance(raw, dict) or "from" not in raw or "to" not in raw:
        raise DocumentError(msg("edge #{value} must be an object with 'from' and 'to'.", value=i + 1))
    src, dst = raw["from"], raw["to"]
    where = f"edge #{i + 1} ({src!r} → {dst!r})"
    for end in (src, dst):
        if not isinstance(end, str) or end not in net.nodes:
            raise DocumentError(msg("{where}: there is no node {end}.", where=where, end=repr(end)),
                                msg("The edge points at a node that is not in the file."))
    ports = []
    for key in ("from_port", "to_port"):
        port = raw.get(key, 0)
        if isinstance(port, bool) or not isinstance(port, int) or port < 0:
            raise DocumentError(msg("{where}: '{key}' must be an integer ≥ 0.", where=where, key=key))
        ports.append(port)
    problem = net.connection_problem(src, dst, *ports, allow_cycles=True)
    if problem:
        raise DocumentError(msg("{where}: {problem}", where=where, problem=problem))
    net._add_edge(src, dst, ports[0], ports[1])


def _parse_outputs(net, outputs):
    if not isinstance(outputs, list):
        raise DocumentError(msg("'outputs' must be a list of node ids."))
    parsed = []
    for item in outputs:
        if isinstance(item, str):
            nid, port = item, 0
        elif isinstance(item, dict) and isinstance(item.get("node"), str):
            nid, port = item["node"], item.get("port", 0)
        else:
            raise DocumentError(msg("outputs: {item} is not a node id.", item=repr(item)))
        if nid not in net.nodes:
            raise DocumentError(msg("outputs: there is no node {nid}.", nid=repr(nid)))
        if isinstance(port, bool) or not isinstance(port, int) or port < 0:
            raise DocumentError(msg("outputs: the port of {nid} must be an integer ≥ 0.", nid=repr(nid)))
        parsed.append((nid, port))
    return parsed


# ----------------------------------------------------------------- write --

def to_dict(net) -> dict:
    nodes = []
    for node in net.nodes.values():
        params = json_safe(node.params, non_finite_to_none=False)
        item = {"id": node.id, "type": node.type, "params": params}
        if node.name != node.id:
            item["name"] = node.name
        if node.pos is not None:
            item["pos"] = [node.pos[0], node.pos[1]]
        if node.group:
            item["group"] = node.group
        if not node.trainable:
            item["trainable"] = False
        item.update(node.extra)
        nodes.append(item)
    edges = []
    for e in sorted(net.edges, key=lambda e: (net.index_of(e.dst), e.dst_port)):
        item = {"from": e.src, "to": e.dst}
        if e.src_port:
            item["from_port"] = e.src_port
        if e.dst_port:
            item["to_port"] = e.dst_port
        edges.append(item)
    data = {"format": FORMAT, "name": net.name, "nodes": nodes, "edges": edges}
    explicit = net.explicit_outputs
    if explicit is not None:
        data["outputs"] = [nid if port == 0 else {"node": nid, "port": port} for nid, port in explicit]
    for key, value in net.extra.items():
        if key not in data:
            data[key] = value
    return data


def dumps(net) -> str:
    """The document as JSON text: standard JSON (non-finite numbers tagged, see above)."""
    return json.dumps(encode_non_finite(to_dict(net)), indent=1, ensure_ascii=False, allow_nan=False)


def save(net, path) -> None:
    """Write the document (not its weights: ``Network.save`` writes both) atomically."""
    write_atomic(path, dumps(net) + "\n")

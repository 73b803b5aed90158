"""Custom layers as opaque nodes: import a ``.keras`` file whose layers include the
project's own classes without their code.

A layer whose class is not Keras's (a ``Patches`` layer of a vision transformer, a
VAE's ``Sampling``) cannot be rebuilt from its config without running its module,
which a file must never make us do. :func:`import_opaque_file` reads the archive's
``config.json`` and ``model.weights.h5`` as data, and puts a stand-in of ours in
place of each custom layer: the stand-in has the recorded input and output shapes,
no code of the file, and Keras's safe mode loads the rest of the model as usual.
The importer turns each stand-in into an ``OpaqueLayer`` node that keeps:

- the layer's name, class, module and registered name, and its full config;
- the input shapes it was called with and the output shapes Keras recorded (the
  shapes of the tensors the next layers received, in the functional config, or
  the next layer's ``build_config`` in a Sequential one); a layer whose output
  feeds no other layer has no recorded output shape, and the person gives it
  (``opaque_shapes={"name": [[None, 8]]}``, ``--opaque-shape name=None,8``);
- its weights, as the arrays under its group in the weights file, in path order,
  with their paths (``vars/0``, ``token_emb/vars/0``), so they go back to the
  same variables when the class is there.

Analysis treats the node like an imported generic layer: the shapes around it are
checked against the recorded ones. Building it needs its class, which only a
module the person trusted provides (:mod:`engine.trust`).
"""

from __future__ import annotations

import copy
import io
import json
import math
import os
import tempfile
import zipfile
from pathlib import Path

from engine.errors import KerasImportError
from engine.opaque_weights import weights_of
from engine.i18n import msg

OPAQUE_TYPE = "OpaqueLayer"
_MODELS = ("keras", "keras_hub", "keras_cv", "keras_nlp")  # Keras's own packages


def _is_custom_module(module) -> bool:
    """A module of the project's own (not Keras's top packages, not builtins)."""
    return isinstance(module, str) and bool(module) and module != "builtins" \
        and module.split(".")[0] not in _MODELS


class OpaqueShapeMissing(KerasImportError):
    """The file does not record the output shape of a custom layer; ``layer`` names it."""

    def __init__(self, message, hint="", layer="", class_name=""):
        super().__init__(message, hint)
        self.layer = layer
        self.class_name = class_name
_MODEL_CLASSES = ("Functional", "Sequential", "Model")


# ----------------------------------------------------------- reading --

def read_archive(path) -> tuple[dict, bytes | None]:
    """(config, weights file bytes) of a ``.keras`` archive, read as data."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            config = json.loads(zf.read("config.json"))
            names = zf.namelist()
            weights = zf.read("model.weights.h5") if "model.weights.h5" in names else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise KerasImportError(msg("{path}: cannot read the .keras archive ({exc}).", path=path,
                                   exc=str(exc))) from None
    return config, weights


def is_lambda(item) -> bool:
    return isinstance(item, dict) and item.get("class_name") == "Lambda" \
        and str(item.get("module") or "keras").startswith("keras")


def is_custom_layer(item) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("class_name"), str):
        return False
    if item["class_name"] in _MODEL_CLASSES or item["class_name"] == "Lambda":
        return False
    config = item.get("config")
    if isinstance(config, dict) and "layers" in config:
        return False  # a nested model: its layers are looked at one by one
    registered = str(item.get("registered_name") or "")
    return _is_custom_module(item.get("module")) or ">" in registered


def _registered(keras, item) -> bool:
    """Whether this process can rebuild the class anyway (registered by imported code)."""
    name = item.get("registered_name") or item.get("class_name")
    try:
        return keras.saving.get_registered_object(name) is not None
    except Exception:
        return False


def custom_layers(config, lambdas: bool = False) -> list:
    """Every custom layer item of a model config (nested models included), outermost first;
    with ``lambdas``, Lambda layers too."""
    found = []

    def walk(model_item):
        cfg = model_item.get("config") if isinstance(model_item, dict) else None
        if not isinstance(cfg, dict):
            return
        for item in cfg.get("layers") or []:
            if is_custom_layer(item) or (lambdas and is_lambda(item)):
                found.append((model_item, item))
            elif isinstance(item, dict) and isinstance(item.get("config"), dict) \
                    and "layers" in item["config"]:
                walk(item)

    walk(config)
    return found


def _layer_name(item) -> str:
    cfg = item.get("config") if isinstance(item.get("config"), dict) else {}
    return cfg.get("name") or item.get("name") or "?"


def _tensor_arg(value):
    return isinstance(value, dict) and value.get("class_name") == "__keras_tensor__" \
        and isinstance(value.get("config"), dict)


def _tensors_in(value):
    if _tensor_arg(value):
        yield value["config"]
    elif isinstance(value, list):
        for v in value:
            yield from _tensors_in(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _tensors_in(v)


def _shape(value):
    return [None if d is None else int(d) for d in value]


def model_parents(config) -> dict:
    """id(nested model item) -> (the model item holding it, the nested model's name)."""
    parents = {}

    def walk(model_item):
        cfg = model_item.get("config") if isinstance(model_item, dict) else None
        if not isinstance(cfg, dict):
            return
        for item in cfg.get("layers") or []:
            if isinstance(item, dict) and isinstance(item.get("config"), dict) \
                    and "layers" in item["config"]:
                parents[id(item)] = (model_item, _layer_name(item))
                walk(item)

    walk(config)
    return parents


def _output_index(model_item, name):
    """Which output of a functional model is the layer ``name``'s (first tensor), or None."""
    outs = (model_item.get("config") or {}).get("output_layers")
    if isinstance(outs, list) and len(outs) == 3 and isinstance(outs[0], str):
        outs = [outs]
    for k, ref in enumerate(outs or []):
        if isinstance(ref, list) and len(ref) == 3 and ref[0] == name:
            return k, ref[2]
    return None


def _consumed(model_item, name, calls: int):
    """{node index: {tensor index: (shape, dtype)}} of the tensors of layer ``name`` that
    other layers of ``model_item`` take."""
    out = {}
    for other in (model_item.get("config") or {}).get("layers") or []:
        for node in other.get("inbound_nodes") or []:
            for t in _tensors_in(node):
                history = t.get("keras_history")
                if isinstance(history, list) and len(history) == 3 and history[0] == name \
                        and isinstance(history[1], int) and history[1] < calls:
                    out.setdefault(history[1], {})[int(history[2])] = (_shape(t["shape"]),
                                                                       t.get("dtype"))
    return out


def recorded_shapes(model_item, item, parents=None) -> dict:
    """{"inputs": [[shape...] per call], "outputs": [{index: shape} per call],
    "dtypes": [{index: dtype} per call]} as the config recorded them. A layer whose output
    is a nested model's output gets the shape the outer model's layers received."""
    cfg = model_item["config"]
    name = _layer_name(item)
    layers = cfg.get("layers") or []
    inputs, outputs, dtypes = [], [], []
    nodes = item.get("inbound_nodes")
    if isinstance(nodes, list) and nodes:  # functional
        for node in nodes:
            inputs.append([_shape(t["shape"]) for t in _tensors_in(node.get("args", []))])
            outputs.append({})
            dtypes.append({})
        for call, tensors in _consumed(model_item, name, len(outputs)).items():
            for index, (shape, dtype) in tensors.items():
                outputs[call][index] = shape
                dtypes[call][index] = dtype
        where = _output_index(model_item, name)
        if where is not None and not outputs[0] and parents and id(model_item) in parents:
            outer, model_name = parents[id(model_item)]  # the nested model's first call
            k, tensor = where
            got = _consumed(outer, model_name, 1).get(0, {}).get(k)
            if got is not None:
                outputs[0][tensor] = got[0]
                dtypes[0][tensor] = got[1]
    else:  # Sequential: the layer's build_config, and the next layer's
        build = item.get("build_config") or {}
        shape = build.get("input_shape")
        inputs.append([_shape(shape)] if isinstance(shape, list) else [])
        outputs.append({})
        dtypes.append({})
        index = next(i for i, it in enumerate(layers) if it is item)
        for after in layers[index + 1:]:
            nxt = (after.get("build_config") or {}).get("input_shape")
            if isinstance(nxt, list) and (not nxt or not isinstance(nxt[0], list)):
                outputs[0][0] = _shape(nxt)
            break
    return {"inputs": inputs, "outputs": outputs, "dtypes": dtypes}


# ------------------------------------------------------------ import --

def needs_opaque_import(path, trust_lambda: bool = False) -> bool:
    """Whether a ``.keras`` file has custom layers this process cannot rebuild (or, with
    ``trust_lambda``, Lambda layers)."""
    path = Path(path)
    if path.suffix != ".keras" or not zipfile.is_zipfile(path):
        return False
    try:
        config, _ = read_archive(path)
    except KerasImportError:
        return False
    items = custom_layers(config, lambdas=trust_lambda)
    if not items:
        return False
    import keras

    return any(is_lambda(item) or not _registered(keras, item) for _, item in items)


def parse_shape_option(text: str) -> tuple[str, list]:
    """``name=None,8`` (or ``name=None,8;None,4`` for several outputs) -> (name, shapes)."""
    if "=" not in text:
        raise KerasImportError(msg("--opaque-shape {text}: write NAME=SHAPE, e.g. patches=None,64,48 "
                                   "(None for the batch axis; ';' between outputs).", text=repr(text)))
    name, _, rest = text.partition("=")
    shapes = []
    for part in rest.split(";"):
        dims = []
        for d in part.split(","):
            d = d.strip()
            if d.lower() in ("none", "null", "?", ""):
                dims.append(None)
            elif d.lstrip("-").isdigit() and int(d) > 0:
                dims.append(int(d))
            else:
                raise KerasImportError(msg("--opaque-shape {text}: {d} is not a positive size or None.",
                                           text=repr(text), d=repr(d)))
        shapes.append(dims)
    return name.strip(), shapes


def stand_in_model(path, *, opaque_shapes=None, trust_lambda: bool = False, refuse=None):
    """(Keras model with stand-ins for the custom layers, notes) for a ``.keras`` file; no
    code of the file runs. ``refuse(config)`` raises for anything else the config must not
    hold (Lambda layers, user functions), checked on the config with the stand-ins in place.

    ``trust_lambda`` is the person's explicit consent to keep Lambda layers too, as opaque
    nodes holding their code as data; building them then needs the same consent again
    (:mod:`engine.trust`)."""
    import h5py
    import keras

    path = Path(path)
    config, weights_bytes = read_archive(path)
    opaque_shapes = dict(opaque_shapes or {})
    every = custom_layers(config, lambdas=trust_lambda)
    items = [(m, it) for m, it in every if is_lambda(it) or not _registered(keras, it)]
    patched = copy.deepcopy(config)
    patched_items = {id(it): pi for (_, it), (_, pi) in zip(every, custom_layers(patched, trust_lambda))}
    parents = model_parents(config)
    h5 = h5py.File(io.BytesIO(weights_bytes), "r") if weights_bytes else None
    stand_ins = {}
    try:
        for index, (model_item, item) in enumerate(items):
            name = _layer_name(item)
            shapes = recorded_shapes(model_item, item, parents)
            outs = []
            for call, recorded in enumerate(shapes["outputs"]):
                n = (max(recorded) + 1) if recorded else 1
                given = opaque_shapes.get(name)
                if given is not None:
                    got = [list(s) for s in given]
                elif len(recorded) == n and recorded:
                    got = [recorded[i] for i in range(n)]
                else:
                    raise OpaqueShapeMissing(
                        msg("Layer {name} ({class_name}) is a custom layer whose code is not "
                            "here, and the file does not record its output shape (no other layer "
                            "takes its output).", name=repr(name), class_name=item['class_name']),
                        msg("Give it: --opaque-shape {name}=None,... on the command line (None for the batch axis), or opaque_shapes={{'{name}': [[None, ...]]}} in Python.",
                            name=name), layer=name,
                        class_name=item["class_name"])
                outs.append(got)
            paths, arrays = weights_of(h5, name) if h5 is not None else ([], [])
            info = {"item": item, "name": name, "inputs": shapes["inputs"], "outputs": outs,
                    "dtypes": shapes["dtypes"], "paths": paths, "arrays": arrays,
                    "entered": name in opaque_shapes}
            token = f"NeuroCanvasOpaque{index}"
            stand_ins[token] = _stand_in_class(keras, item["class_name"], info)
            target = patched_items[id(item)]
            cfg = item.get("config") if isinstance(item.get("config"), dict) else {}
            target.clear()
            target.update({"module": None, "class_name": token, "registered_name": token,
                           "config": {"name": name, "trainable": bool(cfg.get("trainable", True))},
                           "name": item.get("name", name)})
            if "inbound_nodes" in item:
                target["inbound_nodes"] = copy.deepcopy(item["inbound_nodes"])
    finally:
        if h5 is not None:
            h5.close()
    if refuse is not None:
        refuse(patched)  # Lambda layers, user functions elsewhere: still refused
    model = _load_patched(keras, path, patched, stand_ins)
    notes = []
    lambdas = [_layer_name(it) for _, it in items if is_lambda(it)]
    if lambdas:
        notes.append(msg("Lambda layer(s) {names} kept as opaque node(s) with "
                         "their code as data, as you asked; training or exporting runs that "
                         "code only when you trust it again for the document.", names=", ".join(lambdas)))
    custom = [it for _, it in items if not is_lambda(it)]
    if custom:
        n = len(custom)
        classes = ", ".join(sorted({it["class_name"] for it in custom}))
        if n == 1:
            notes.append(msg("1 custom layer ({classes}) kept as opaque node(s): config, weights and "
                             "recorded shapes, without their code. Training or exporting needs the "
                             "module that defines them, trusted.", classes=classes))
        else:
            notes.append(msg("{n} custom layers ({classes}) kept as opaque node(s): config, weights and "
                             "recorded shapes, without their code. Training or exporting needs the "
                             "module that defines them, trusted.", n=n, classes=classes))
    return model, notes


def _load_patched(keras, path: Path, config: dict, stand_ins: dict):
    handle, tmp = tempfile.mkstemp(suffix=".keras")
    os.close(handle)
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
            for member in src.infolist():
                data = json.dumps(config).encode("utf-8") if member.filename == "config.json" \
                    else src.read(member.filename)
                dst.writestr(member, data)
        try:
            return keras.saving.load_model(tmp, compile=False, safe_mode=True, custom_objects=stand_ins)
        except Exception as exc:
            first = (str(exc).strip() or type(exc).__name__).splitlines()[0][:300]
            raise KerasImportError(msg("{path} could not be loaded with its custom layers kept "
                                       "opaque: {first}", path=path.name, first=first)) from None
    finally:
        os.unlink(tmp)


def _stand_in_class(keras, class_name: str, info: dict):
    """A layer of ours with the custom class's name (Keras names its weights group after
    it) that returns tensors of the recorded shapes and has no weights of its own."""

    class StandIn(keras.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**{k: v for k, v in kwargs.items() if k in ("name", "trainable")})
            self._calls = 0

        def build(self, *args, **kwargs):
            self.built = True

        def compute_output_spec(self, *args, **kwargs):
            call = min(self._calls, len(info["outputs"]) - 1)
            self._calls += 1
            dtypes = info["dtypes"][call] if call < len(info["dtypes"]) else {}
            outs = [keras.KerasTensor(tuple(s), dtype=dtypes.get(i) or "float32")
                    for i, s in enumerate(info["outputs"][call])]
            return outs[0] if len(outs) == 1 else outs

        def call(self, *args, **kwargs):  # never run: the graph is only read
            raise RuntimeError("an opaque layer has no code")

        def load_own_variables(self, store):
            pass  # its weights are read from the file as data

        def get_config(self):
            return {"name": self.name, "trainable": self.trainable}

    StandIn.__name__ = StandIn.__qualname__ = class_name
    StandIn._neurocanvas_opaque = info
    return StandIn


def stand_in_info(op):
    return getattr(type(op), "_neurocanvas_opaque", None)


def node_params(info: dict, style, call_kwargs, in_shapes, out_shapes) -> dict:
    item = info["item"]
    params = {
        "class_name": item["class_name"],
        "module": item.get("module"),
        "registered_name": item.get("registered_name"),
        "config": copy.deepcopy(item.get("config") or {}),  # read from JSON: plain data
        "input_shapes": [list(s) for s in in_shapes],
        "output_shapes": [list(s) for s in out_shapes],
    }
    if item.get("build_config"):
        params["build_config"] = copy.deepcopy(item["build_config"])
    if style != "single":
        params["call_style"] = style if isinstance(style, str) else "template"
        if not isinstance(style, str):
            params["call_args"] = style[1]
    if call_kwargs:
        params["call_kwargs"] = call_kwargs
    total = int(sum(math.prod(a.shape) for a in info["arrays"]))
    if total:
        params["trainable_params"] = total
    if info["paths"]:
        params["weight_paths"] = list(info["paths"])
    if info.get("entered"):
        params["shapes_entered"] = True
    return params





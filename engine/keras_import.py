"""Import Keras models into editable NeuroCanvas documents, exactly.

Three sources, one result (a :class:`~engine.network.Network`)::

    from engine.keras_import import from_keras, from_file, from_application
    net = from_keras(model)                      # a live functional or Sequential model
    net = from_file("model.keras")               # .keras or .h5, loaded in Keras's safe mode
    net = from_application("ResNet50")           # keras.applications, weights=None

How a model becomes a document:

- Every call of a layer becomes a node; the node's params are the layer's
  ``get_config()`` mapped to the catalog's conventions, keeping only the
  params that differ from the Keras defaults. A mapping is accepted only if
  the layer built back from those params has exactly the original config
  and the catalog's shape rule and weight counts give what Keras gave;
  otherwise the layer becomes a generic ``KerasLayer`` node that keeps its
  full config (and the shapes and counts Keras computed). Nothing is dropped
  and nothing is guessed. :attr:`ImportResult.generic` says which layers
  fell back and why.
- A bare operation in the graph (``x + y`` on symbolic tensors) becomes a
  ``KerasOp`` node, so that the rebuilt model has the same layers.
- Sequential and functional models used as layers inside the model are
  inlined; their layers get the inner model's name as group path (nested
  models give nested paths), so the editor can collapse them.
- A layer called several times (shared weights) is a node for its first call
  and a ``SharedCall`` node for each further call; multi-output layers keep
  every output port.
- Weights come along (see :mod:`engine.weights`) unless ``weights=False``;
  frozen layers (``trainable=False``) become frozen nodes.
- Lambda layers and custom objects Keras cannot rebuild from their config
  are refused with a message naming the layer: such a layer runs code that
  a document cannot hold.

Importing a model needs Keras (imported lazily, here only).
"""

from __future__ import annotations

import json
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from engine.catalog import all_specs
from engine.catalog.base import valid_name
from engine.errors import (  # noqa: F401  (KerasImportError is this module's error)
    DocumentError, KerasImportError, NeuroCanvasError, ParamError, RuleContext,
)
from engine.keras_config import (
    Unmappable,
    adapted_state,
    canonical,
    config_diff,
    constraint_param,
    initializer_param,
    means_default,
    plain_config,
    regularizer_param,
)
from engine.network import Network
from engine.i18n import msg

GENERIC_TYPES = ("KerasLayer", "KerasOp")
_INTERNAL_TYPES = GENERIC_TYPES + ("SharedCall",)
APPLICATION_PREFIX = "keras.applications."


@dataclass
class GenericNote:
    """A layer kept as a generic node, and why the catalog could not take it."""

    node: str
    class_name: str
    reason: str


@dataclass
class ImportResult:
    network: Network
    generic: list = field(default_factory=list)  # GenericNote
    notes: list = field(default_factory=list)  # other things worth telling the user
    renamed: dict = field(default_factory=dict)  # Keras layer name -> node name (when changed)
    weights: object = None  # engine.weights.WeightStore or None


def _keras():
    import keras

    return keras


# ------------------------------------------------------------ public API --

def from_keras(model, *, weights: bool = True, name: str | None = None, layout: bool = True) -> Network:
    """The document for a live ``keras.Model`` (functional or Sequential)."""
    return import_model(model, weights=weights, name=name, layout=layout).network


def import_model(model, *, weights: bool = True, name: str | None = None,
                 layout: bool = True, trace: bool = False) -> ImportResult:
    """Like :func:`from_keras`, with the notes (generic fallbacks, renames).

    ``trace=True`` also takes a subclassed ``keras.Model`` whose ``call`` is a
    straight line of layers: see :func:`trace_subclassed`.
    """
    keras = _keras()
    if not isinstance(model, keras.Model):
        raise KerasImportError(msg("Expected a keras.Model, got {kind}.", kind=type(model).__name__))
    note = None
    if trace and not _is_graph_model(model):
        model, note = trace_subclassed(model)
    importer = _Importer(keras, keep_weights=weights)
    result = importer.run(model, name)
    if note:
        result.notes.insert(0, note)
    if layout:
        _apply_layout(result.network)
    return result


def trace_subclassed(model):
    """(functional model, note) for a built subclassed model: its ``call`` run once on
    ``keras.Input`` tensors of the shapes it was built with, recording the layers it calls.

    The graph holds the model's own layer objects (and so its weights). It is what ``call``
    does for those inputs in inference mode: Python branches are taken once, so the trace
    is refused unless it uses every weight of the model and gives the same predictions.
    """
    keras = _keras()
    import numpy as np

    cls = type(model).__name__
    shapes = getattr(model, "_build_shapes_dict", None)
    if not model.built or not shapes:
        raise KerasImportError(msg("The subclassed model {model} ({value}) is not built, so its "
                                   "input shape is unknown.", model=repr(model.name), value=cls),
                               msg("Call it once on a batch (model(x)) or model.build(input_shape), "
                                   "then import it."))
    values = list(shapes.values())
    if len(values) != 1:
        raise KerasImportError(msg("The subclassed model {model} ({value}) takes several "
                                   "arguments ({names}); only a call on one input (or a "
                                   "list of inputs) can be traced.",
                                   model=repr(model.name), value=cls, names=', '.join(shapes)))
    shape = values[0]
    nested = isinstance(shape, (list, tuple)) and shape and isinstance(shape[0], (list, tuple))
    shape_list = [tuple(s) for s in shape] if nested else [tuple(shape)]
    inputs = [keras.Input(tuple(s[1:]), name=f"input_{i}" if len(shape_list) > 1 else "input")
              for i, s in enumerate(shape_list)]
    arg = inputs if nested else inputs[0]
    try:
        outputs = model.call(arg)
        traced = keras.Model(arg, outputs, name=model.name)
    except Exception as exc:
        raise KerasImportError(msg("The subclassed model {model} ({value}) could not be traced "
                                   "on symbolic inputs: {first_line}",
                                   model=repr(model.name), value=cls, first_line=_first_line(exc)),
                               msg("Its call must be a straight line of Keras layers and operations; "
                                   "rebuild it with the functional API otherwise.")) from None
    mine = {id(w) for w in model.weights}
    used = {id(w) for w in traced.weights}
    if mine != used:
        missing = [w.path for w in model.weights if id(w) not in used]
        raise KerasImportError(msg("The subclassed model {model} ({value}) cannot be traced "
                                   "exactly: its call does not go through layers for "
                                   "{count} of its weights ({names}).",
                                   model=repr(model.name), value=cls, count=len(missing),
                                   names=', '.join(missing[:3])),
                               msg("Rebuild it with the functional API."))
    rng = np.random.default_rng(0)
    sample = [rng.random((2, *s[1:]), "float32") for s in shape_list]
    try:
        a = keras.tree.flatten(model(sample if nested else sample[0], training=False))
        b = keras.tree.flatten(traced(sample if nested else sample[0], training=False))
        same = len(a) == len(b) and all(
            np.allclose(keras.ops.convert_to_numpy(u), keras.ops.convert_to_numpy(v),
                        rtol=1e-5, atol=1e-6) for u, v in zip(a, b))
    except Exception:
        same = False
    if not same:
        raise KerasImportError(msg("The subclassed model {model} ({value}) cannot be traced "
                                   "exactly: the traced graph does not compute what its call does.",
                                   model=repr(model.name), value=cls),
                               msg("Its call must be a straight line of layers; rebuild it with the "
                                   "functional API."))
    note = msg("{model} is a subclassed model ({cls}); it was traced: its call was run once "
               "on symbolic inputs and the layers it called became the document's graph.",
               model=model.name, cls=cls)
    return traced, note


def load_keras_file(path):
    """``keras.saving.load_model`` in safe mode, with every failure as a KerasImportError."""
    keras = _keras()
    path = Path(path)
    if not path.exists():
        raise KerasImportError(msg("{path}: no such file.", path=path))
    if path.suffix not in (".keras", ".h5", ".hdf5"):
        raise KerasImportError(msg("{path}: a Keras model file ends in .keras or .h5.", path=path),
                               msg("Save the model with model.save('model.keras')."))
    if path.suffix == ".keras":
        _check_keras_archive(path)
    try:
        return keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:  # Keras raises ValueError, TypeError, OSError, ... : explain
        raise _explain_load_failure(path, exc) from None


def _check_keras_archive(path: Path) -> None:
    """A .keras file is a zip archive: a truncated or damaged one is said to be so
    (Keras itself answers "File not found")."""
    import zipfile

    hint = msg("The file is incomplete or damaged; save the model again with model.save().")
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()  # reads every member and checks its CRC
    except zipfile.BadZipFile as exc:
        raise KerasImportError(msg("{path} is damaged: it is not a complete .keras archive ({exc}).",
                                   path=path, exc=str(exc)),
                               hint) from None
    except (OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise KerasImportError(msg("{path} cannot be read as a .keras archive ({exc}).", path=path, exc=str(exc)),
                               hint) from None
    if bad is not None:
        raise KerasImportError(msg("{path} is damaged: its member {bad} fails its checksum.",
                                   path=path, bad=repr(bad)), hint)


def from_file(path, *, weights: bool = True, layout: bool = True) -> Network:
    """The document for a ``.keras`` or ``.h5`` model file."""
    return import_file(path, weights=weights, layout=layout).network


def import_file(path, *, weights: bool = True, layout: bool = True,
                opaque_shapes=None, trust_lambda: bool = False) -> ImportResult:
    """Like :func:`from_file`, with the notes. Custom layers whose class this process does
    not have become opaque nodes (:mod:`engine.opaque`); ``opaque_shapes`` gives the output
    shapes of those the file does not record. ``trust_lambda`` is the explicit consent to keep
    Lambda layers as opaque nodes holding their code (refused otherwise)."""
    from engine.opaque import needs_opaque_import, stand_in_model

    if needs_opaque_import(path, trust_lambda):
        def refuse(config):
            culprit = _find_unsafe(config)
            if culprit is not None:
                raise KerasImportError(msg("{path}: {what} is refused: {why}",
                                           path=Path(path).name, what=culprit.what, why=culprit.why),
                                       culprit.hint)

        model, notes = stand_in_model(path, opaque_shapes=opaque_shapes, trust_lambda=trust_lambda,
                                      refuse=refuse)
        result = import_model(model, weights=weights, name=model.name, layout=layout)
        result.notes[:0] = notes
        return result
    model = load_keras_file(path)
    try:
        return import_model(model, weights=weights, name=model.name, layout=layout)
    finally:
        del model


def application_names() -> list:
    """The architectures of ``keras.applications`` (ResNet50, MobileNetV2, ...)."""
    keras = _keras()
    return sorted(n for n in dir(keras.applications)
                  if n[:1].isupper() and callable(getattr(keras.applications, n)))


def from_application(name: str, *, weights=None, layout: bool = True, **kwargs) -> Network:
    """The document for ``keras.applications.<name>`` (``weights=None``: fresh weights).

    ``weights="imagenet"`` works when Keras has the file in its cache
    (``~/.keras/models``); other keyword arguments go to the constructor.
    """
    return import_application(name, weights=weights, layout=layout, **kwargs).network


def import_application(name: str, *, weights=None, layout: bool = True, **kwargs) -> ImportResult:
    keras = _keras()
    short = name[len(APPLICATION_PREFIX):] if name.startswith(APPLICATION_PREFIX) else name
    names = application_names()
    if short not in names:
        close = [n for n in names if n.lower() == short.lower()]
        hint = (msg("Did you mean {close_0}?", close_0=close[0]) if close else
                msg("Known architectures: {names}.", names=', '.join(names)))
        raise KerasImportError(msg("keras.applications has no architecture {short}.", short=repr(short)),
                               hint)
    try:
        model = getattr(keras.applications, short)(weights=weights, **kwargs)
    except Exception as exc:
        raise KerasImportError(msg("keras.applications.{short} could not be built: "
                                   "{first_line}", short=short, first_line=_first_line(exc)),
                               msg("weights='imagenet' needs the weights file in ~/.keras/models "
                                   "(there is no download here).") if weights else "") from None
    try:
        return import_model(model, weights=weights is not None, name=model.name, layout=layout)
    finally:
        del model


def import_source(source: str, *, weights: bool = True, app_weights=None) -> ImportResult:
    """A file path, ``keras.applications.<Name>`` or a bare application name."""
    path = Path(source)
    if path.suffix in (".keras", ".h5", ".hdf5") or path.exists():
        return import_file(path, weights=weights)
    if source.startswith(APPLICATION_PREFIX) or source[:1].isupper():
        return import_application(source, weights=app_weights)
    raise KerasImportError(msg("{source}: no such model file.", source=source),
                           msg("Give a .keras or .h5 file, or keras.applications.<Name> "
                               "such as keras.applications.ResNet50."))


def refresh_generic(net, node_ids=None) -> list:
    """Ask Keras for the shapes and weight counts of generic nodes whose inputs changed.

    A ``KerasLayer``/``KerasOp`` node replays the shapes Keras computed at
    import; after an edit upstream changes its input shape, the analysis
    reports it instead of guessing. This rebuilds each such layer from its
    config, calls it on symbolic inputs of the new shapes and records what
    Keras says (through ``set_params``, so the edit can be undone). Returns
    the ids of the nodes updated; a layer Keras refuses raises KerasImportError.
    """
    keras = _keras()
    from engine.catalog.generic import fill_template, serialized

    wanted = set(node_ids) if node_ids is not None else None
    updated = []
    while True:
        report = net.analyze()
        todo = None
        for info in report.layers:
            node = net.nodes[info.node]
            if node.type not in GENERIC_TYPES or (wanted is not None and node.id not in wanted):
                continue
            if not info.input_shapes or info.node in updated:
                continue
            recorded = [tuple(s) for s in node.params.get("input_shapes") or []]
            if [tuple(s) for s in info.input_shapes] != recorded:
                todo = (node, info.input_shapes)
                break
        if todo is None:
            return updated
        node, shapes = todo
        p = node.resolved()
        try:
            layer = keras.saving.deserialize_keras_object(serialized(p, node.name))
            inputs = [keras.KerasTensor(tuple(s)) for s in shapes]
            style = p["call_style"]
            kwargs = {k: fill_template(v, inputs) for k, v in (p["call_kwargs"] or {}).items()}
            if style == "template":
                out = layer(*fill_template(p["call_args"], inputs), **kwargs)
            elif style == "list":
                out = layer(list(inputs), **kwargs)
            else:
                out = layer(*inputs, **kwargs)
        except Exception as exc:
            raise KerasImportError(msg("{node} ({class_name}) cannot take input "
                                       "{names}: {first_line}",
                                       node=node.name, class_name=p['class_name'],
                                       names=', '.join((str(tuple(s)) for s in shapes)),
                                       first_line=_first_line(exc)),
                                   msg("Change the layers before it back, or replace this layer.")) from None
        from keras.src import tree

        outs = [_shape(t) for t in tree.flatten(out)]
        counts = _weight_counts(layer) if isinstance(layer, keras.layers.Layer) else (0, 0)
        params = dict(node.params)
        params.update({"input_shapes": [list(s) for s in shapes],
                       "output_shapes": [list(s) for s in outs]})
        for key, value in zip(("trainable_params", "non_trainable_params"), counts):
            if value:
                params[key] = value
            else:
                params.pop(key, None)
        net.set_params(node.id, params)
        updated.append(node.id)


# ---------------------------------------------------------- the importer --

class _Importer:
    def __init__(self, keras, keep_weights: bool):
        self.keras = keras
        self.keep_weights = keep_weights
        self.net: Network | None = None
        self.owner: dict[int, str] = {}  # id(layer) -> node id of its first call
        self.producers: dict[tuple, list] = {}  # (id(op), node index) -> [(node id, port)]
        self.model_calls: dict[int, int] = {}  # id(nested model) -> calls inlined so far
        self.result: ImportResult | None = None
        self.store = None
        self._specs = {(s.keras_class or s.type): s for s in all_specs()
                       if s.type not in _INTERNAL_TYPES and s.type != "Input"}
        self._twins: dict = {}  # (type, params) -> canonical config of the layer built from them
        from keras.src.layers.core.input_layer import InputLayer

        self._InputLayer = InputLayer

    # -- walk -----------------------------------------------------------

    def run(self, model, name) -> ImportResult:
        from engine.weights import WeightStore

        net_name = name or model.name
        self.net = Network(net_name if isinstance(net_name, str) else "model")
        self.result = ImportResult(self.net)
        if self.keep_weights:
            self.store = WeightStore()
        fn = self._functional(model)
        outputs = self._walk(fn, group=None, input_refs=None, trainable=model.trainable)
        self.net.set_outputs(outputs)
        report = self.net.analyze()
        if not report.valid:  # cannot happen if every check above held; say so plainly
            first = report.errors[0]
            raise KerasImportError(msg("The imported network is not valid: {message}",
                                       message=first.message), first.hint)
        if self.store is not None and len(self.store):
            self.net.weights = self.store
            self.result.weights = self.store
        return self.result

    def _functional(self, model):
        """The functional graph of a model; Sequential models hold one inside."""
        keras = self.keras
        if isinstance(model, keras.Sequential):
            fn = getattr(model, "_functional", None)
            if fn is None:
                raise KerasImportError(
                    msg("The Sequential model {model} has no input shape yet, so its layers "
                        "have no shapes to import.", model=repr(model.name)),
                    msg("Start it with keras.Input(shape=...), or call model.build(input_shape) first."))
            return fn
        if not hasattr(model, "_nodes_by_depth") or not hasattr(model, "_operations"):
            raise KerasImportError(
                msg("The model {model} is a subclassed keras.Model ({kind}): "
                    "its computation is Python code, not a graph of layers.",
                    model=repr(model.name), kind=type(model).__name__),
                msg("Import it with import_model(model, trace=True) if its call is a straight "
                    "line of layers, or rebuild it with the functional API."))
        return model

    def _walk(self, fn, group, input_refs, trainable):
        if input_refs is None:
            for t in fn.inputs:
                self._input_node(t, group)
        else:
            if len(input_refs) != len(fn.inputs):
                raise KerasImportError(msg("The model {fn} is called with {count} "
                                           "tensors but has {count2} inputs.",
                                           fn=repr(fn.name), count=len(input_refs), count2=len(fn.inputs)))
            for t, ref in zip(fn.inputs, input_refs):
                op, node_index, _ = t._keras_history
                self.producers[(id(op), node_index)] = [ref]
        index = {id(op): i for i, op in enumerate(fn._operations)}
        for depth in sorted(fn._nodes_by_depth, reverse=True):
            nodes = sorted(fn._nodes_by_depth[depth], key=lambda n: index.get(id(n.operation), 0))
            for node in nodes:
                if isinstance(node.operation, self._InputLayer):
                    continue  # inputs are mapped above
                self._call(node, group, trainable)
        return [self._ref(t) for t in fn.outputs]

    def _ref(self, tensor):
        op, node_index, tensor_index = tensor._keras_history
        try:
            return self.producers[(id(op), node_index)][tensor_index]
        except (KeyError, IndexError):
            raise KerasImportError(msg("The tensor {value} comes from "
                                       "{op}, which is not part of the model.",
                                       value=repr(getattr(tensor, 'name', '?')), op=repr(op.name))) from None

    def _input_node(self, tensor, group):
        layer, node_index, _ = tensor._keras_history
        shape = list(tensor.shape)
        params = {"shape": shape[1:]}
        if shape[0] is not None:
            params["batch_size"] = shape[0]
        dtype = str(getattr(tensor, "dtype", "float32") or "float32")
        if dtype != "float32":
            params["dtype"] = dtype
        if getattr(tensor, "sparse", False):
            params["sparse"] = True
        nid = self._unique(layer.name)
        try:
            self.net.add_node("Input", params, id=nid, group=group)
        except NeuroCanvasError as exc:
            raise KerasImportError(msg("Input {layer}: {message}",
                                       layer=repr(layer.name), message=exc.message), exc.hint) from None
        self.producers[(id(layer), node_index)] = [(nid, 0)]

    def _call(self, node, group, trainable):
        keras = self.keras
        op = node.operation
        node_index = _index_of(op._inbound_nodes, node)
        if isinstance(op, keras.Model) and _is_graph_model(op):
            self._nested(op, node, node_index, group, trainable)
            return
        if isinstance(op, keras.layers.Lambda):
            raise KerasImportError(
                msg("Layer {op} is a Lambda layer: it runs arbitrary Python code, which a "
                    "document cannot hold and Keras's safe mode refuses to load.", op=repr(op.name)),
                msg("Replace it with built-in layers (Activation, Rescaling, Reshape, ...) or a "
                    "registered custom layer, then import again."))
        positional, style, tensor_kwargs, other_kwargs = self._arguments(op, node)
        if id(op) in self.owner:
            nid = self._shared_call(op, node, positional, tensor_kwargs, other_kwargs, style, group)
        else:
            nid = self._layer(op, node, positional, style, tensor_kwargs, other_kwargs, group,
                              trainable and getattr(op, "trainable", True))
        self.producers[(id(op), node_index)] = [(nid, i) for i in range(len(node.outputs))]

    def _nested(self, model, node, node_index, group, trainable):
        fn = self._functional(model)
        refs = [self._ref(t) for t in node.input_tensors]
        kwargs = {k: v for k, v in node.arguments.kwargs.items() if not _has_tensor(self.keras, v)}
        if kwargs.get("training") is False:
            self.result.notes.append(
                msg("{model} was called with training=False; its layers are inlined, so "
                    "freeze them (trainable=False, as imported when the model was frozen) to keep "
                    "BatchNormalization in inference mode while training.", model=model.name))
        calls = self.model_calls.get(id(model), 0) + 1
        self.model_calls[id(model)] = calls
        name = model.name if calls == 1 else f"{model.name}_call{calls}"
        sub = f"{group}/{name}" if group else name
        outs = self._walk(fn, sub, refs, trainable and model.trainable)
        self.producers[(id(model), node_index)] = outs

    def _arguments(self, op, node):
        """(positional tensors, call style, tensor kwargs, other kwargs) of a call."""
        KerasTensor = self.keras.KerasTensor
        args, kwargs = node.arguments.args, node.arguments.kwargs
        tensor_kwargs = {k: v for k, v in kwargs.items() if isinstance(v, KerasTensor) or (
            isinstance(v, (list, tuple)) and v and all(isinstance(t, KerasTensor) for t in v))}
        other = {k: v for k, v in kwargs.items() if k not in tensor_kwargs and v is not None
                 and not _call_default(op, k, v)}
        bad = [k for k, v in other.items() if _has_tensor(self.keras, v)]
        if bad:
            raise KerasImportError(msg("Layer {op} gets tensors nested in its argument "
                                       "{bad_0}, which NeuroCanvas cannot wire.",
                                       op=repr(op.name), bad_0=repr(bad[0])))
        if len(args) == 1 and isinstance(args[0], KerasTensor):
            return [args[0]], "single", tensor_kwargs, other
        if len(args) == 1 and isinstance(args[0], (list, tuple)) and args[0] \
                and all(isinstance(a, KerasTensor) for a in args[0]):
            return list(args[0]), "list", tensor_kwargs, other
        if len(args) > 1 and all(isinstance(a, KerasTensor) for a in args):
            return list(args), "args", tensor_kwargs, other
        if not args and tensor_kwargs:
            return [], "args", tensor_kwargs, other
        # constants among the arguments (x + 3.0): keep a template with the tensors as slots
        tensors: list = []
        template = _template(self.keras, list(args), tensors)
        if template is None:
            raise KerasImportError(msg("Layer {op} is called with arguments NeuroCanvas cannot "
                                       "keep ({describe_args}).",
                                       op=repr(op.name), describe_args=_describe_args(self.keras, args)),
                                   msg("Pass tensors and plain numbers or strings only."))
        return tensors, ("template", template), tensor_kwargs, other

    # -- one layer call ---------------------------------------------------

    def _layer(self, op, node, positional, style, tensor_kwargs, other_kwargs, group, trainable):
        if getattr(type(op), "_neurocanvas_opaque", None) is not None:  # custom, without its code
            return _add_opaque_node(self, op, node, positional, style, tensor_kwargs, other_kwargs,
                                    group, trainable)
        keras = self.keras
        is_layer = isinstance(op, keras.layers.Layer)
        class_name = type(op).__name__
        in_shapes_pos = [_shape(t) for t in positional]
        out_shapes = [_shape(t) for t in node.outputs]
        counts = _weight_counts(op) if is_layer else (0, 0)
        node_type, params, tensors, reason = None, None, None, ""
        spec = self._specs.get(class_name) if is_layer and _is_keras_class(op) else None
        if spec is not None:
            try:
                params, tensors = self._map(op, spec, positional, style, tensor_kwargs,
                                            other_kwargs, out_shapes, counts, trainable)
                node_type = spec.type
            except Unmappable as exc:
                reason = exc.args[0] if exc.args else str(exc)
        elif is_layer:
            reason = msg("the catalog has no {class_name}",
                         class_name=class_name) if _is_keras_class(op) else \
                msg("{class_name} is a custom layer ({module})",
                    class_name=class_name, module=type(op).__module__)
        if node_type is None:
            if tensor_kwargs:
                raise KerasImportError(msg("Layer {op} ({class_name}) gets tensors as keyword "
                                           "arguments ({names}), which NeuroCanvas "
                                           "can only wire for catalog layers.",
                                           op=repr(op.name), class_name=class_name,
                                           names=', '.join(tensor_kwargs)))
            node_type = "KerasLayer" if is_layer else "KerasOp"
            params = self._generic_params(op, style, other_kwargs, in_shapes_pos, out_shapes, counts)
            tensors = positional
        nid = self._unique(op.name)
        try:
            self.net.add_node(node_type, params, id=nid, group=group, trainable=trainable)
        except NeuroCanvasError as exc:
            raise KerasImportError(msg("Layer {op} ({class_name}): {message}",
                                       op=repr(op.name), class_name=class_name, message=exc.message),
                                       exc.hint) from None
        self._connect(nid, tensors)
        if node_type in GENERIC_TYPES and is_layer:
            self.result.generic.append(GenericNote(nid, class_name, reason))
        self.owner[id(op)] = nid
        if self.store is not None and is_layer and op.weights:
            from engine.weights import LayerWeights, fingerprint

            self.store.layers[nid] = LayerWeights(fingerprint(self.net.nodes[nid]),
                                                  [w.copy() for w in op.get_weights()])
        return nid

    def _shared_call(self, op, node, positional, tensor_kwargs, other_kwargs, style, group):
        owner = self.net.nodes[self.owner[id(op)]]
        spec = owner.spec
        if owner.type in GENERIC_TYPES or owner.type == "OpaqueLayer":
            if tensor_kwargs or style != owner.params.get("call_style", "single") \
                    or other_kwargs != (owner.params.get("call_kwargs") or {}):
                raise KerasImportError(msg("Layer {op} is called again in a different way "
                                           "than its first call, which NeuroCanvas cannot represent.",
                                           op=repr(op.name)))
            tensors = positional
            shapes = [_shape(t) for t in tensors]
            if shapes != [tuple(s) for s in owner.params.get("input_shapes") or []] or \
                    [_shape(t) for t in node.outputs] != [tuple(s) for s in owner.params["output_shapes"]]:
                raise KerasImportError(msg("Layer {op} ({kind}) is shared between "
                                           "calls with different shapes; the catalog does not know it, "
                                           "so NeuroCanvas cannot compute the shapes of the second call.",
                                           op=repr(op.name), kind=type(op).__name__))
        else:
            try:
                tensors = self._ports(op, spec, positional, style, tensor_kwargs)
                first = {k: v for k, v in owner.params.items() if spec._by_name[k].call}
                again: dict = {}
                self._check_call_kwargs(spec, again, other_kwargs)
            except Unmappable as exc:
                raise KerasImportError(msg("Layer {op} is called again with {exc}, which "
                                           "NeuroCanvas cannot represent.", op=repr(op.name),
                                           exc=exc.args[0] if exc.args else str(exc))) from None
            if again != first:
                raise KerasImportError(msg("Layer {op} is called again with other call "
                                           "arguments ({again} instead of {first}), which NeuroCanvas "
                                           "cannot represent.",
                                           op=repr(op.name), again=again, first=first))
            shapes = [_shape(t) for t in tensors]
            try:
                out = spec.shape(owner.resolved(), shapes, RuleContext())
            except NeuroCanvasError as exc:
                raise KerasImportError(msg("Layer {op}, called again: {message}",
                                           op=repr(op.name), message=exc.message)) from None
            outs = [tuple(s) for s in out] if isinstance(out, list) else [tuple(out)]
            if outs != [_shape(t) for t in node.outputs]:
                raise KerasImportError(msg("Layer {op}, called again: the catalog computes "
                                           "{outs} where Keras has {value}.",
                                           op=repr(op.name), outs=outs,
                                           value=[_shape(t) for t in node.outputs]))
        nid = self._unique(f"{owner.name}_call")
        params = {"shares": owner.id, "layer": {"type": owner.type, "params": owner.params}}
        self.net.add_node("SharedCall", params, id=nid, group=group, trainable=owner.trainable)
        self._connect(nid, tensors)
        return nid

    def _connect(self, nid, tensors):
        for port, t in enumerate(tensors):
            src, src_port = self._ref(t)
            try:
                self.net.connect(src, nid, src_port, port)
            except NeuroCanvasError as exc:
                raise KerasImportError(msg("Layer {nid}: {message}", nid=repr(nid), message=exc.message),
                                       exc.hint) from None

    # -- catalog mapping --------------------------------------------------

    def _map(self, op, spec, positional, style, tensor_kwargs, other_kwargs, out_shapes, counts,
             trainable):
        config = op.get_config()
        state = adapted_state(op, config)  # what adapt() learnt, kept in the params
        if state:
            config = {**config, **state}
        params = self._params_from_config(spec, config)
        self._check_call_kwargs(spec, params, other_kwargs)
        try:
            resolved = spec.resolve(params)
        except ParamError as exc:
            raise Unmappable(msg("param {param}: {message}", param=exc.param, message=exc.message)) from None
        # exact: the layer built back from the params has the original config (names aside;
        # repeated blocks share params, so each distinct config is built once)
        key = (spec.type, json.dumps(params, sort_keys=True, default=str))
        twin_config = self._twins.get(key)
        if twin_config is None:
            try:
                twin = spec.build_layer(self.keras, params, resolved, op.name)
                twin_config = canonical(plain_config(twin.get_config()))
            except Exception as exc:
                raise Unmappable(msg("the catalog cannot build it back ({first_line})",
                                     first_line=_first_line(exc))) from None
            self._twins[key] = twin_config
        diff = config_diff(config, twin_config)
        if diff:
            raise Unmappable(msg("config keys the catalog does not reproduce: {names}",
                                 names=', '.join(diff)))
        tensors = self._ports(op, spec, positional, style, tensor_kwargs)
        shapes = [_shape(t) for t in tensors]
        try:
            out = spec.shape(resolved, shapes, RuleContext())
            outs = [tuple(s) for s in out] if isinstance(out, list) else [tuple(out)]
            weights = tuple(int(w) for w in spec.weights(resolved, shapes))
        except NeuroCanvasError as exc:
            raise Unmappable(msg("the catalog's shape rule refuses it: {message}",
                                 message=exc.message)) from None
        if outs != out_shapes:
            raise Unmappable(msg("the catalog computes output shape(s) {outs}, Keras {out_shapes}",
                                 outs=outs, out_shapes=out_shapes))
        if weights != counts:
            raise Unmappable(msg("the catalog counts (trainable, non-trainable) weights {weights}, "
                                  "Keras {counts}", weights=weights, counts=counts))
        if state:
            self.result.notes.append(msg("{op} ({kind}) keeps its adapted "
                                         "{names} in its params.",
                                         op=op.name, kind=type(op).__name__, names=', '.join(sorted(state))))
        return params, tensors

    def _ports(self, op, spec, positional, style, tensor_kwargs):
        """Tensors in the order of the spec's input ports."""
        if spec.variadic:
            if tensor_kwargs:
                raise Unmappable(msg("tensor keyword arguments {tensor_kwargs}",
                                     tensor_kwargs=sorted(tensor_kwargs)))
            return list(positional)
        names = list(spec.inputs)
        ports: list = [None] * len(names)
        if len(positional) > len(names):
            raise Unmappable(msg("{count} inputs for {count2} ports",
                                 count=len(positional), count2=len(names)))
        for i, t in enumerate(positional):
            ports[i] = t
        for key, t in tensor_kwargs.items():
            if isinstance(t, (list, tuple)):  # initial_state=[h, c]: one port each, in order
                slots = [n for n in names if n == key or n.startswith(key + "_")]
                if len(slots) != len(t):
                    raise Unmappable(msg("the tensor argument {key} holds {count} tensors for "
                                          "{count2} ports",
                                         key=repr(key), count=len(t), count2=len(slots)))
                for slot, item in zip(slots, t):
                    ports[names.index(slot)] = item
                continue
            if key not in names or ports[names.index(key)] is not None:
                raise Unmappable(msg("the tensor argument {key} has no port", key=repr(key)))
            ports[names.index(key)] = t
        while ports and ports[-1] is None:
            ports.pop()
        if any(p is None for p in ports):
            raise Unmappable(msg("its optional inputs are not given in order"))
        return ports

    def _check_call_kwargs(self, spec, params, other_kwargs):
        for key, value in other_kwargs.items():
            p = spec._by_name.get(key)
            if p is None or not p.call:
                raise Unmappable(msg("the call argument {key}={value}", key=key, value=repr(value)))
            if not means_default(self.keras, p, value, p.default):
                params[key] = plain_config(value)

    def _params_from_config(self, spec, config) -> dict:
        params = {}
        for p in spec.params:
            if p.call or p.name not in config:
                continue
            value = self._to_param(p, config[p.name])
            if not p.required and means_default(self.keras, p, value, p.default):
                continue
            params[p.name] = value
        return params

    def _to_param(self, p, value):
        kind = p.kind
        if value is None:
            return None
        if kind == "initializer":
            return initializer_param(self.keras, value)
        if kind == "regularizer":
            return regularizer_param(value)
        if kind == "constraint":
            return constraint_param(value)
        if kind == "activation":
            if not isinstance(value, str):
                raise Unmappable(msg("{name} is a custom function", name=p.name))
            return value
        if kind == "layer":
            if not isinstance(value, dict) or "class_name" not in value:
                raise Unmappable(msg("{name} is not a layer config", name=p.name))
            inner = self._specs.get(value["class_name"])
            if inner is None or not str(value.get("module") or "keras").startswith("keras"):
                raise Unmappable(msg("{name} wraps {class_name}, which the catalog lacks",
                                     name=p.name, class_name=value['class_name']))
            return {"type": inner.type, "params": self._params_from_config(inner, value.get("config") or {})}
        return plain_config(value)

    # -- generic ----------------------------------------------------------

    def _generic_params(self, op, style, other_kwargs, in_shapes, out_shapes, counts):
        keras = self.keras
        try:
            serialized = keras.saving.serialize_keras_object(op)
            serialized = json.loads(json.dumps(serialized))
        except Exception as exc:
            raise KerasImportError(msg("Layer {op} ({kind}) cannot be saved as a "
                                       "config: {first_line}",
                                       op=repr(op.name), kind=type(op).__name__, first_line=_first_line(exc)),
                                   msg("Give the layer a get_config() and register it with "
                                       "@keras.saving.register_keras_serializable.")) from None
        try:
            keras.saving.deserialize_keras_object(serialized)  # Keras can rebuild it: refuse now if not
        except Exception as exc:
            raise KerasImportError(
                msg("Layer {op} is a custom {kind} ({module}) that Keras "
                    "cannot rebuild from its config: {first_line}",
                    op=repr(op.name), kind=type(op).__name__, module=type(op).__module__,
                    first_line=_first_line(exc)),
                msg("Register the class with @keras.saving.register_keras_serializable and import it "
                    "before importing the model.")) from None
        call_kwargs = {}
        for key, value in (other_kwargs or {}).items():
            kept = _template(keras, value, [])
            if kept is None and value is not None:
                raise KerasImportError(msg("Layer {op} is called with {key}={kind}, "
                                           "which is not plain data NeuroCanvas can keep.",
                                           op=repr(op.name), key=key, kind=type(value).__name__),
                                       msg("Pass numbers, strings, lists, slices or None only."))
            call_kwargs[key] = kept
        config = serialized.get("config") or {}
        state = adapted_state(op, config)
        if state:
            config = {**config, **state}
            self.result.notes.append(msg("{op} ({kind}) keeps its adapted "
                                         "{names} in its config.",
                                         op=op.name, kind=type(op).__name__, names=', '.join(sorted(state))))
        params = {
            "class_name": serialized.get("class_name") or type(op).__name__,
            "config": config,
            "output_shapes": [list(s) for s in out_shapes],
            "input_shapes": [list(s) for s in in_shapes],
        }
        if serialized.get("module"):
            params["module"] = serialized["module"]
        if serialized.get("registered_name"):
            params["registered_name"] = serialized["registered_name"]
        if isinstance(style, tuple):  # ("template", args with tensor slots)
            params["call_style"], params["call_args"] = style
        elif style != "single":
            params["call_style"] = style
        if call_kwargs:
            params["call_kwargs"] = call_kwargs
        if counts[0]:
            params["trainable_params"] = counts[0]
        if counts[1]:
            params["non_trainable_params"] = counts[1]
        return params

    # -- names ------------------------------------------------------------

    def _unique(self, keras_name: str) -> str:
        base = keras_name if valid_name(keras_name) else _sanitize(keras_name)
        taken = self.net.nodes
        name, i = base, 1
        while name in taken or self.net.node_by_name(name) is not None:
            name = f"{base}_{i}"
            i += 1
        if name != keras_name and not keras_name.endswith("_call"):
            self.result.renamed[keras_name] = name
        return name


# -------------------------------------------------------------- helpers --

def _index_of(items, item) -> int:
    for i, x in enumerate(items):
        if x is item:
            return i
    raise KerasImportError(msg("Internal error: a layer call is missing from its layer's history."))


def _is_graph_model(model) -> bool:
    """A functional or Sequential model (its layers can be inlined)."""
    import keras

    return isinstance(model, keras.Sequential) or (
        hasattr(model, "_nodes_by_depth") and hasattr(model, "_operations"))


def _is_keras_class(op) -> bool:
    return type(op).__module__.startswith("keras.")


def _has_tensor(keras, value) -> bool:
    from keras.src import tree

    return any(isinstance(v, keras.KerasTensor) for v in tree.flatten(value))


def _template(keras, value, tensors):
    """JSON form of call arguments, tensors replaced by {"__input__": port}; None if impossible."""
    from engine.catalog.generic import ARRAY_DTYPES, MAX_ARRAY_SIZE

    if isinstance(value, keras.KerasTensor):
        tensors.append(value)
        return {"__input__": len(tensors) - 1}
    if isinstance(value, (list, tuple)):
        items = [_template(keras, v, tensors) for v in value]
        if any(i is None and v is not None for i, v in zip(items, value)):
            return None
        return {"tuple": items} if isinstance(value, tuple) else items
    if isinstance(value, slice):
        parts = [plain_config(v) for v in (value.start, value.stop, value.step)]
        if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in parts):
            return {"slice": parts}
        return None
    if value is Ellipsis:
        return {"ellipsis": True}
    if hasattr(value, "shape") and hasattr(value, "dtype") and not isinstance(value, (str, bytes)) \
            and getattr(value, "ndim", len(getattr(value, "shape", ()))) > 0:  # a constant array
        import numpy as np

        try:
            array = np.asarray(keras.ops.convert_to_numpy(value))
        except Exception:
            return None
        dtype = str(array.dtype)
        if dtype not in ARRAY_DTYPES or array.size > MAX_ARRAY_SIZE:
            return None
        return {"array": array.tolist(), "dtype": dtype}
    value = plain_config(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return None


def _call_default(op, key, value) -> bool:
    """Whether ``key=value`` is what ``op.call`` takes anyway (Keras records training=False
    for layers whose call defaults to it)."""
    import inspect

    try:
        param = inspect.signature(op.call).parameters.get(key)
    except (TypeError, ValueError):
        return False
    return param is not None and param.default is not inspect.Parameter.empty and param.default == value


def _describe_args(keras, args) -> str:
    parts = []
    for a in args:
        parts.append("tensor" if isinstance(a, keras.KerasTensor) else type(a).__name__)
    return ", ".join(parts) or msg("no arguments")


def _shape(tensor) -> tuple:
    return tuple(None if d is None else int(d) for d in tensor.shape)


def _weight_counts(layer) -> tuple:
    """(trainable, non-trainable) as Keras counts them when the layer is not frozen."""
    trainable_ids = set()
    stack = [layer]
    while stack:
        current = stack.pop()
        trainable_ids.update(id(v) for v in getattr(current, "_trainable_variables", []))
        stack.extend(getattr(current, "_layers", []))
    t = n = 0
    for w in layer.weights:
        size = math.prod(w.shape)
        if id(w) in trainable_ids:
            t += size
        else:
            n += size
    return (int(t), int(n))


def _sanitize(name: str) -> str:
    out = "".join(ch if ch.isalnum() or ch in "_.-" else "_" for ch in str(name)) or "layer"
    return out if (out[0].isalpha() or out[0] == "_") else "_" + out


def _first_line(exc) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


# --------------------------------------------------------------- layout --

def _apply_layout(net) -> None:
    try:
        from engine.layout import layout
    except ImportError:  # the layout module is optional: rows by depth
        layout = _rows_layout
    for nid, pos in layout(net).items():
        net.nodes[nid].pos = (float(pos[0]), float(pos[1]))


def _rows_layout(net) -> dict:
    depth: dict = {}
    for info in net.analyze().layers:
        preds = [e.src for e in net.in_edges(info.node)]
        depth[info.node] = 1 + max((depth[p] for p in preds), default=-1)
    used: dict = {}
    out = {}
    for nid, d in depth.items():
        col = used.get(d, 0)
        used[d] = col + 1
        out[nid] = (col * 240.0, d * 120.0)
    return out


def _add_opaque_node(importer, op, node, positional, style, tensor_kwargs, other_kwargs, group,
                     trainable) -> str:
    """The importer's step for a stand-in of a custom layer (engine.opaque): an
    ``OpaqueLayer`` node with its weights."""
    from engine.opaque import OPAQUE_TYPE, node_params, stand_in_info

    info = stand_in_info(op)
    name = info["name"]
    if tensor_kwargs:
        raise KerasImportError(msg("Layer {name} ({class_name}) gets tensors as "
                                   "keyword arguments ({names}), which NeuroCanvas "
                                   "can only wire for catalog layers.",
                                   name=repr(name), class_name=info['item']['class_name'],
                                   names=', '.join(tensor_kwargs)))
    call_kwargs = {}
    for key, value in (other_kwargs or {}).items():
        kept = _template(importer.keras, value, [])
        if kept is None and value is not None:
            raise KerasImportError(msg("Layer {name} is called with {key}={kind}, "
                                       "which is not plain data NeuroCanvas can keep.",
                                       name=repr(name), key=key, kind=type(value).__name__))
        call_kwargs[key] = kept
    params = node_params(info, style, call_kwargs, [_shape(t) for t in positional],
                         [_shape(t) for t in node.outputs])
    nid = importer._unique(op.name)
    try:
        importer.net.add_node(OPAQUE_TYPE, params, id=nid, group=group, trainable=trainable)
    except NeuroCanvasError as exc:
        raise KerasImportError(msg("Layer {name} ({class_name}): {message}",
                                   name=repr(name), class_name=info['item']['class_name'],
                                   message=exc.message),
                               exc.hint) from None
    importer._connect(nid, positional)
    importer.owner[id(op)] = nid
    if importer.store is not None and info["arrays"]:
        from engine.weights import LayerWeights, fingerprint

        importer.store.layers[nid] = LayerWeights(fingerprint(importer.net.nodes[nid]),
                                                  [a.copy() for a in info["arrays"]])
    return nid


# ------------------------------------------------------ refused files --

def _explain_load_failure(path: Path, exc: Exception) -> KerasImportError:
    """Turn a Keras load error into a message naming the layer and why."""
    config = _read_model_config(path)
    culprit = _find_unsafe(config) if config is not None else None
    if culprit is not None:
        return KerasImportError(msg("{path}: {what} is refused: {why}",
                                    path=path.name, what=culprit.what, why=culprit.why), culprit.hint)
    return KerasImportError(msg("{path} could not be loaded by Keras: {first_line}",
                                path=path.name, first_line=_first_line(exc)),
                            msg("Check that it is a model saved with model.save()."))


def _read_model_config(path: Path):
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                return json.loads(zf.read("config.json"))
        import h5py

        with h5py.File(path, "r") as f:
            raw = f.attrs.get("model_config")
            if raw is None:
                return None
            return json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
    except Exception:
        return None


@dataclass
class _Culprit:
    what: str  # "layer 'tv' (TextVectorization)"
    why: str
    hint: str


_HINT_REGISTER = (msg("Register the class with @keras.saving.register_keras_serializable and import "
                  "the module that defines it before importing the model."))
_HINT_SUBCLASS = (msg("In Python, where the class is defined, build the model and call "
                  "engine.keras_import.import_model(model, trace=True): a model whose call is a "
                  "straight line of layers is traced into a graph. Otherwise rebuild it with the "
                  "functional API (keras.Model(inputs, outputs))."))
_LAYER_KEYS = (None, "layers", "layer", "forward_layer", "backward_layer")
_KERAS_MODULES = ("keras", "keras_hub", "keras_cv", "keras_nlp")


def _layer_label(item: dict, position) -> str:
    inner = item.get("config") if isinstance(item.get("config"), dict) else {}
    name = inner.get("name") or item.get("name")  # functional configs repeat it beside the config
    cls = item.get("class_name")
    if isinstance(name, str) and name:
        return msg("layer {name} ({cls})", name=repr(name), cls=cls)
    if position is not None:
        return msg("an unnamed {cls} layer at position {position} of the model's layers",
                   cls=cls, position=position + 1)
    return msg("an unnamed {cls} layer", cls=cls)


def _object_label(cls, owner) -> str:
    if owner:
        return msg("the {cls} object in {owner}", cls=cls, owner=owner)
    return msg("the {cls} object", cls=cls)


def _is_custom_module(module) -> bool:
    if not isinstance(module, str) or not module or module == "builtins":
        return False
    # Keras's own packages, not any module whose name merely starts like one
    # (a project's ``keras_layers.py`` is custom code)
    return module.split(".")[0] not in _KERAS_MODULES


def _find_unsafe(config):
    """The first Lambda layer, user function or custom class in a saved config, named with
    the layer (or its class and position when it has no name) and the argument holding it."""
    return _scan(config, owner=None, key=None, position=None, top=True)


def _scan(item, owner, key, position, top=False):
    if isinstance(item, list):
        for i, v in enumerate(item):
            found = _scan(v, owner, key, i if key == "layers" else position)
            if found is not None:
                return found
        return None
    if not isinstance(item, dict):
        return None
    cls = item.get("class_name")
    module = item.get("module")
    registered = item.get("registered_name")
    if isinstance(cls, str):
        is_layer = key in _LAYER_KEYS
        label = _layer_label(item, position) if is_layer else None
        if cls == "Lambda":
            return _Culprit(label, msg("a Lambda layer runs arbitrary Python code, which Keras's safe "
                                "mode refuses to load and a document cannot hold."),
                            msg("Replace it with built-in layers (Activation, Rescaling, Reshape, ...) "
                                "and save the model again; or, if you trust the file, import it with "
                                "--trust-lambda (import_file(path, trust_lambda=True))."))
        if cls == "function" or (module == "builtins" and registered == "function"):
            fn = item.get("config")
            where = owner or msg("the model")
            why = (msg("it is configured with the Python function {fn} in its argument {key}; a saved "
                       "model holds only the function's name, not its code.", fn=repr(fn), key=repr(key))
                   if key else
                   msg("it is configured with the Python function {fn}; a saved "
                       "model holds only the function's name, not its code.", fn=repr(fn)))
            return _Culprit(where, why,
                            msg("Use one of Keras's built-in options for that argument, or register the "
                                "function with @keras.saving.register_keras_serializable and import its "
                                "module before importing the model."))
        if top and isinstance(item.get("config"), dict) and "layers" not in item["config"] \
                and (_is_custom_module(module) or ">" in str(registered or "")):
            return _Culprit(msg("the model {name}", name=repr(item['config'].get('name') or cls)),
                            msg("it is a subclassed keras.Model ({value}): its computation "
                                "is Python code, not a graph of layers, and its class is not registered "
                                "in this process.", value=registered or cls), _HINT_SUBCLASS)
        if _is_custom_module(module):
            return _Culprit(label or _object_label(cls, owner),
                            msg("it is a custom class from module {module}, which is not registered, "
                                "so Keras cannot rebuild it safely.", module=repr(module)), _HINT_REGISTER)
        if registered and "config" in item and ">" in str(registered):
            return _Culprit(label or _object_label(cls, owner),
                            msg("it is a custom class ({registered}) that is not registered in this "
                                "process, so Keras cannot rebuild it.", registered=registered),
                                _HINT_REGISTER)
        if is_layer and cls not in ("Functional", "Sequential", "Model"):
            owner = label
    for k, v in item.items():
        found = _scan(v, owner, k if isinstance(item.get("class_name"), str) and k != "config"
                      else (key if k == "config" else k), position)
        if found is not None:
            return found
    return None

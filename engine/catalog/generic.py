"""Generic nodes for imported models: a Keras layer (or operation) the
catalog does not declare, and a second call of a shared layer.

``KerasLayer`` keeps the layer's full Keras config (as
``keras.saving.serialize_keras_object`` writes it) and rebuilds the layer
from it. We cannot infer its shapes, so the importer asks Keras and records
the input shapes, output shapes and weight counts it saw; the shape rule
replays them and refuses to guess for any other input shape (re-import, or
:func:`engine.keras_import.refresh_generic` asks Keras again).

``KerasOp`` is the same for a bare Keras operation in a functional graph
(``x + y`` or ``keras.ops.add(x, y)`` on symbolic tensors): it is not a
layer, has no weights and does not appear in ``model.layers``.

``SharedCall`` is one more call of a layer that another node owns (the same
weights applied to another tensor, as in a siamese network). It carries a
copy of the owner's type and params for shape inference; its weights are
counted once, on the owner, exactly as Keras counts them.

Nothing here imports TensorFlow.
"""

from __future__ import annotations

import copy

from engine.catalog.base import LayerSpec, Param, REQUIRED, get_spec, register, valid_name
from engine.errors import ParamError, ShapeError
from engine.shapes import fmt
from engine.source_literal import is_identifier, keyword_arguments, literal
from engine.i18n import msg

CALL_STYLES = ("single", "list", "args", "template")


def _shape_list(shapes) -> list:
    return [list(s) if s is not None else None for s in shapes]


def _recorded(p, shapes):
    """The recorded output shapes for these input shapes, or ShapeError."""
    wanted = [list(s) for s in shapes]
    if wanted != _shape_list(p["input_shapes"] or []):
        recorded = ", ".join(fmt(tuple(s)) for s in p["input_shapes"] or []) or "nothing"
        got = ", ".join(fmt(tuple(s)) for s in shapes) or "nothing"
        raise ShapeError(
            msg("{class_name} is not in the NeuroCanvas catalog; Keras computed its shapes "
                "for input {recorded}, but it now receives {got}.",
                class_name=p['class_name'], recorded=recorded, got=got),
            msg("NeuroCanvas does not guess: update its shapes from Keras "
                "(engine.keras_import.refresh_generic), or restore the input shape."),
            code="generic_shape")
    outs = [tuple(s) for s in p["output_shapes"]]
    return outs


def _template_slots(template) -> list:
    """The input ports a call template refers to ({"__input__": port} anywhere in it)."""
    if isinstance(template, dict):
        if "__input__" in template:
            port = template["__input__"]
            if set(template) != {"__input__"} or isinstance(port, bool) or not isinstance(port, int) \
                    or port < 0:
                raise ParamError("call_args", msg("call_args: a tensor slot must be "
                                     "{{\"__input__\": port}} with a port number ≥ 0 (got {template}).",
                                                  template=repr(template)))
            return [port]
        return [s for v in template.values() for s in _template_slots(v)]
    if isinstance(template, list):
        return [s for v in template for s in _template_slots(v)]
    return []


def _generic_shape(p, shapes, ctx):
    if p["call_style"] == "template":
        missing = sorted(s for s in set(_template_slots(p["call_args"])) if s >= len(shapes))
        if missing:
            raise ShapeError(msg("{class_name} takes input {missing_0} in its call_args, but only "
                                 "{count} input(s) are connected.",
                                 class_name=p['class_name'], missing_0=missing[0], count=len(shapes)),
                             msg("Connect the missing input, or re-import the model."),
                             code="generic_shape")
    inferred = _getitem_shape(p, shapes)
    if inferred is not None:
        return inferred
    outs = _recorded(p, shapes)
    return outs if len(outs) > 1 else outs[0]


def _getitem_shape(p, shapes):
    """The shape of ``x[key]`` (basic indexing: integers, slices, None, ellipsis), or None
    for anything else (then Keras's recorded shapes stand)."""
    args = p.get("call_args")
    if p.get("class_name") != "GetItem" or p.get("call_style") != "template" or len(shapes) != 1 \
            or not isinstance(args, list) or len(args) != 2 or args[0] != {"__input__": 0}:
        return None
    key = args[1]
    items = key["tuple"] if isinstance(key, dict) and set(key) == {"tuple"} else [key]
    kinds = []
    for item in items:
        if item is None:
            kinds.append(("new", None))
        elif isinstance(item, int) and not isinstance(item, bool):
            kinds.append(("int", item))
        elif isinstance(item, dict) and set(item) == {"slice"}:
            kinds.append(("slice", slice(*item["slice"])))
        elif isinstance(item, dict) and set(item) == {"ellipsis"}:
            kinds.append(("ellipsis", None))
        else:
            return None  # advanced indexing: leave it to Keras
    if sum(k == "ellipsis" for k, _ in kinds) > 1:
        raise ShapeError(msg("An index can hold only one ellipsis (...)."), code="generic_shape")
    shape = list(shapes[0])
    consuming = sum(k in ("int", "slice") for k, _ in kinds)
    if consuming > len(shape):
        raise ShapeError(msg("The index takes {consuming} axes but the input {shape} has "
                             "{count}.", consuming=consuming, shape=fmt(tuple(shape)), count=len(shape)),
                             msg("Remove an index, or give the input more axes."),
                         code="generic_shape")
    expanded = []
    for k, v in kinds:
        if k == "ellipsis":
            expanded += [("slice", slice(None))] * (len(shape) - consuming)
        else:
            expanded.append((k, v))
    if not any(k == "ellipsis" for k, _ in kinds):
        expanded += [("slice", slice(None))] * (len(shape) - consuming)
    out, axis = [], 0
    for k, v in expanded:
        if k == "new":
            out.append(1)
            continue
        dim = shape[axis]
        axis += 1
        if k == "int":
            if dim is not None and not -dim <= v < dim:
                raise ShapeError(msg("Index {v} is out of range for an axis of size {dim}.", v=v, dim=dim),
                                 msg("Pick an index inside the axis."), code="generic_shape")
        else:
            out.append(None if dim is None else len(range(*v.indices(dim))))
    return tuple(out)


def _generic_weights(p, shapes):
    return (p["trainable_params"], p["non_trainable_params"])


def _generic_explain(p, ins, outs):
    total = p["trainable_params"] + p["non_trainable_params"]
    if not total:
        return {}
    return {"params": (msg("as Keras counted the imported {class_name}", class_name=p['class_name']), str(total)),
            "shape": msg("as Keras computed it for the imported {class_name}: {outputs}",
                         class_name=p['class_name'], outputs=', '.join(fmt(s) for s in outs))}


def _generic_outputs(p):
    n = len(p["output_shapes"] or [None])
    return ("output",) if n == 1 else tuple(f"output_{i}" for i in range(n))


def _generic_check(p):
    if p["call_style"] not in CALL_STYLES:
        raise ParamError("call_style", msg("call_style must be one of {names}.",
                                           names=', '.join(CALL_STYLES)))
    for key in ("input_shapes", "output_shapes"):
        value = p[key]
        if value is None:
            continue
        if not isinstance(value, list) or not all(
                isinstance(s, list) and all(d is None or (isinstance(d, int) and not isinstance(d, bool))
                                            for d in s) for s in value):
            raise ParamError(key, msg("{key} must be a list of shapes (lists of integers or null).",
                                      key=key))
    if p["call_style"] == "template" and not isinstance(p["call_args"], list):
        raise ParamError("call_args", msg("call_args must list the call's positional arguments."))
    if p["call_style"] == "template":
        _template_slots(p["call_args"])
    kwargs = p["call_kwargs"] if isinstance(p["call_kwargs"], dict) else {}
    for key, value in (("call_args", p["call_args"]),
                       *((f"call_kwargs.{k}", v) for k, v in kwargs.items())):
        try:
            check_template(value)
        except ValueError as exc:
            raise ParamError(key.split(".")[0], msg("{key}: {reason}.", key=key,
                                                    reason=exc.args[0] if exc.args else str(exc))) from None
    if not p["output_shapes"]:
        raise ParamError("output_shapes", msg("output_shapes must list at least one shape."))
    if not isinstance(p["config"], dict):
        raise ParamError("config", msg("config must be the Keras config object of the layer."))
    for key in p["config"]:  # Keras passes them to the constructor as keyword arguments
        if not is_identifier(key):
            raise ParamError("config", msg("config key {key} is not a Python identifier; Keras "
                                 "passes the config's keys to the layer as argument names.",
                                           key=repr(key)))
    if not is_identifier(p["class_name"]):
        raise ParamError("class_name", msg("class_name must be a Keras class name (got {class_name}).",
                                           class_name=repr(p['class_name'])))
    module = p["module"]
    if module is not None and not (isinstance(module, str) and all(
            is_identifier(part) for part in module.split("."))):
        # Keras itself imports only its own packages; other classes come from its registry
        raise ParamError("module", msg("module must be a dotted module path such as 'keras.layers' "
                             "(got {module}).", module=repr(module)))
    if p["registered_name"] is not None and not isinstance(p["registered_name"], str):
        raise ParamError("registered_name", msg("registered_name must be a string or null."))
    kwargs = p["call_kwargs"]
    if kwargs is not None:
        if not isinstance(kwargs, dict):
            raise ParamError("call_kwargs", msg("call_kwargs must be an object of keyword arguments."))
        for key in kwargs:
            if not is_identifier(key):
                raise ParamError("call_kwargs", msg("call_kwargs key {key} is not a Python identifier; "
                                     "keyword arguments are names such as 'training' or 'mask'.",
                                                    key=repr(key)))


def serialized(p: dict, name: str) -> dict:
    """The ``serialize_keras_object`` dict to rebuild the layer, named ``name``."""
    config = copy.deepcopy(p["config"])
    config["name"] = name
    if "trainable" in config:
        config["trainable"] = True  # the node's trainable flag decides, after the build
    out = {"module": p["module"], "class_name": p["class_name"], "config": config,
           "registered_name": p["registered_name"]}
    return out


def _generic_build(keras, kwargs, name):
    p = {"module": kwargs.get("module"), "class_name": kwargs["class_name"],
         "config": kwargs["config"], "registered_name": kwargs.get("registered_name")}
    return keras.saving.deserialize_keras_object(serialized(p, name))


# Call arguments beside the tensors are kept as plain data: numbers, strings, None and
# lists as JSON, and the rest of what a Keras call takes as one-key objects:
#   {"__input__": port}            the tensor on that input port
#   {"slice": [start, stop, step]} x[1:5:2] (each an integer or null)
#   {"ellipsis": true}             x[..., 0]
#   {"tuple": [...]}               a tuple (an index such as x[:, 0] is the tuple (slice, 0))
#   {"array": [...], "dtype": t}   a constant tensor (the mean subtracted by preprocess_input)
# Other values are plain JSON data; none of it names code to run.
ARRAY_DTYPES = ("float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
                "uint8", "bool")
MAX_ARRAY_SIZE = 1 << 16


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _check_array(value, depth=0):
    if isinstance(value, list):
        if depth > 8:
            raise ValueError(msg("an array nested too deep"))
        for v in value:
            _check_array(v, depth + 1)
    elif isinstance(value, bool):
        return
    elif not _is_number(value):
        raise ValueError(msg("an array holds only numbers"))


def check_template(value, n_inputs=None, depth=0) -> None:
    """ValueError unless ``value`` is a call argument in the plain-data form above."""
    if depth > 16:
        raise ValueError(msg("call arguments nested too deep"))
    if value is None or isinstance(value, (bool, str)):
        return
    if _is_number(value):
        return  # non-finite numbers too: the file format and the Python export write them
    if isinstance(value, list):
        for v in value:
            check_template(v, n_inputs, depth + 1)
        return
    if not isinstance(value, dict):
        raise ValueError(msg("a call argument cannot be {kind}", kind=type(value).__name__))
    keys = set(value)
    if keys == {"__input__"}:
        port = value["__input__"]
        if not isinstance(port, int) or isinstance(port, bool) or port < 0 or \
                (n_inputs is not None and port >= n_inputs):
            raise ValueError(msg("{{'__input__': port}} needs the number of an input port"))
    elif keys == {"slice"}:
        items = value["slice"]
        if not (isinstance(items, list) and len(items) == 3 and all(
                v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in items)):
            raise ValueError(msg("{{'slice': [start, stop, step]}} takes integers or null"))
        if items[2] == 0:
            raise ValueError(msg("a slice's step cannot be zero"))
    elif keys == {"ellipsis"}:
        if value["ellipsis"] is not True:
            raise ValueError(msg("{{'ellipsis': true}} is the only ellipsis"))
    elif keys == {"tuple"}:
        if not isinstance(value["tuple"], list):
            raise ValueError(msg("{{'tuple': [...]}} takes a list"))
        check_template(value["tuple"], n_inputs, depth + 1)
    elif keys == {"array", "dtype"}:
        if value["dtype"] not in ARRAY_DTYPES:
            raise ValueError(msg("an array's dtype is one of {names}", names=', '.join(ARRAY_DTYPES)))
        _check_array(value["array"])
        if _array_size(value["array"]) > MAX_ARRAY_SIZE:
            raise ValueError(msg("a constant array holds at most {limit} numbers",
                                 limit=MAX_ARRAY_SIZE))
    else:  # any other object is a plain dict argument
        for v in value.values():
            check_template(v, n_inputs, depth + 1)


def _array_size(value) -> int:
    return sum(_array_size(v) for v in value) if isinstance(value, list) else 1


def fill_template(template, tensors):
    """Call arguments from a template (see above), tensors in their slots."""
    if isinstance(template, dict):
        if set(template) == {"__input__"}:
            return tensors[template["__input__"]]
        if set(template) == {"slice"}:
            return slice(*template["slice"])
        if set(template) == {"ellipsis"}:
            return Ellipsis
        if set(template) == {"tuple"}:
            return tuple(fill_template(v, tensors) for v in template["tuple"])
        if set(template) == {"array", "dtype"}:
            import numpy as np

            return np.asarray(template["array"], dtype=template["dtype"])
        return template
    if isinstance(template, list):
        return [fill_template(v, tensors) for v in template]
    return template


def _template_source(template, args):
    if isinstance(template, dict):
        if set(template) == {"__input__"}:
            return args[template["__input__"]]
        if set(template) == {"slice"}:
            return "slice(" + ", ".join(literal(v) for v in template["slice"]) + ")"
        if set(template) == {"ellipsis"}:
            return "Ellipsis"
        if set(template) == {"tuple"}:
            items = [_template_source(v, args) for v in template["tuple"]]
            return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
        if set(template) == {"array", "dtype"}:
            return (f"keras.ops.convert_to_tensor({literal(template['array'], tuples=False)}, "
                    f"dtype={literal(template['dtype'])})")
    if isinstance(template, list):
        return "[" + ", ".join(_template_source(v, args) for v in template) + "]"
    return literal(template, tuples=False)


def _generic_call(layer, tensors, p):
    kwargs = {k: fill_template(v, tensors) for k, v in (p["call_kwargs"] or {}).items()}
    style = p["call_style"]
    if style == "template":
        return layer(*fill_template(p["call_args"], tensors), **kwargs)
    if style == "list":
        return layer(list(tensors), **kwargs)
    if style == "args":
        return layer(*tensors, **kwargs)
    return layer(tensors[0], **kwargs)


def constructor_source(p: dict, name: str) -> str:
    """Python source that rebuilds the layer from its config (one literal)."""
    return f"keras.saving.deserialize_keras_object({literal(serialized(p, name), tuples=False)})"


def _generic_call_source(layer_expr, args, p):
    # layer_expr is constructor_source(...) or a variable holding the layer (called more
    # than once); engine.python_export hands in one or the other
    callee = layer_expr
    keyword_arguments({k: None for k in p["call_kwargs"] or {}}, "call_kwargs")  # names checked
    kwargs = "".join(f", {k}={_template_source(v, args)}" for k, v in (p["call_kwargs"] or {}).items())
    if p["call_style"] == "list":
        return f"{callee}([{', '.join(args)}]{kwargs})"
    if p["call_style"] == "template":
        inner = ", ".join(_template_source(v, args) for v in p["call_args"])
        return f"{callee}({inner}{kwargs})"
    return f"{callee}({', '.join(args)}{kwargs})"


def _generic_params(what: str) -> tuple:
    return (
        Param("class_name", "str", REQUIRED, f"The Keras class of the {what}."),
        Param("module", "str", None, "The Python module Keras rebuilds it from.", nullable=True,
              advanced=True),
        Param("registered_name", "str", None, "Its registered serialization name, if any.",
              nullable=True, advanced=True),
        Param("config", "any", REQUIRED, f"The {what}'s full Keras config (get_config()).",
              advanced=True),
        Param("call_style", "choice", "single", "How the inputs are passed: one tensor, "
              "a list of tensors, or several positional tensors.", choices=CALL_STYLES,
              advanced=True),
        Param("call_args", "any", None, "Positional arguments of the call when they mix "
              "tensors (written {'__input__': port}) and constants.", nullable=True, advanced=True),
        Param("call_kwargs", "any", None, "Other keyword arguments of the call.", nullable=True,
              advanced=True),
        Param("input_shapes", "any", None, "Input shapes Keras computed the shapes for.",
              nullable=True, advanced=True),
        Param("output_shapes", "any", REQUIRED, "Output shapes Keras computed.", advanced=True),
        Param("trainable_params", "int", 0, "Trainable weights Keras counted.", min=0,
              advanced=True),
        Param("non_trainable_params", "int", 0, "Non-trainable weights Keras counted.", min=0,
              advanced=True),
    )


def _generic_spec(type_name: str, what: str, doc: str) -> LayerSpec:
    """KerasLayer and KerasOp differ only in name, wording and what they wrap."""
    return register(LayerSpec(
        type=type_name,
        category="imported", palette=False,
        doc=doc,
        params=_generic_params(what),
        shape=_generic_shape,
        weights=_generic_weights,
        explain=_generic_explain,
        variadic=True,
        min_inputs=1,
        outputs=_generic_outputs,
        check=_generic_check,
        build=_generic_build,
        call=_generic_call,
        call_source=_generic_call_source,
        key_params=("class_name",),
    ))


KERAS_LAYER = _generic_spec(
    "KerasLayer", "layer",
    "A Keras layer the catalog does not declare, kept from an imported model with its "
    "full config; its shapes and weight counts come from Keras.")

KERAS_OP = _generic_spec(
    "KerasOp", "operation",
    "A Keras operation used directly in a functional graph (such as x + y); it has no "
    "weights and is not a layer. Its shapes come from Keras.")


# ------------------------------------------------------------ SharedCall ---

def _inner(p):
    layer = p["layer"]
    return get_spec(layer["type"]), layer["resolved"]


def _shared_shape(p, shapes, ctx):
    spec, inner = _inner(p)
    return spec.shape(inner, shapes, ctx)


def _shared_macs(p, ins, outs):
    spec, inner = _inner(p)
    return spec.macs(inner, ins, outs)


def _shared_explain(p, ins, outs):
    spec, inner = _inner(p)
    pieces = dict(spec.explain(inner, ins, outs) or {}) if spec.explain is not None else {}
    pieces["params"] = (msg("0 (the weights are {node}'s, counted there)", node=p['shares']), "0")
    return pieces


def _shared_outputs(p):
    spec, inner = _inner(p)
    return spec.output_names(inner)


def _shared_check(p):
    if not valid_name(p["shares"]):
        raise ParamError("shares", msg("shares must be the id of the node whose layer is called again."))


def _shared_call(layer, tensors, p):
    spec, inner = _inner(p)
    return spec.call_layer(layer, tensors, inner)


def _shared_call_source(layer_expr, args, p):
    # engine.python_export names the owner's layer object `<owner var>_layer` and hands it
    # to us as layer_expr for SharedCall nodes
    spec, inner = _inner(p)
    return spec.call_expression(layer_expr, args, inner)


def _shared_build(keras, kwargs, name):
    raise ParamError("shares", msg("A SharedCall reuses the layer of another node; "
                         "it is built by engine.keras_build, not on its own."))


SHARED_CALL = register(LayerSpec(
    type="SharedCall",
    category="imported", palette=False,
    doc="Calls the layer of another node again on another input (shared weights). "
        "Its weights are counted once, on that node.",
    params=(
        Param("shares", "str", REQUIRED, "Id of the node whose layer (and weights) this call reuses."),
        Param("layer", "layer", REQUIRED, "Type and params of the shared layer (kept in step with it)."),
    ),
    shape=_shared_shape,
    macs=_shared_macs,
    explain=_shared_explain,
    variadic=True,
    min_inputs=1,
    outputs=_shared_outputs,
    check=_shared_check,
    build=_shared_build,
    call=_shared_call,
    call_source=_shared_call_source,
    key_params=("shares",),
))

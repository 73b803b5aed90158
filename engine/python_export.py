"""Export a network as a standalone, readable Keras script.

One line per layer in the functional style, the params the user set written
the way a person would write them (positional ``filters, kernel_size`` for
convolutions, keyword arguments otherwise), then ``keras.Model(...)``.
"""

from __future__ import annotations

import builtins
import keyword
import re

from engine.catalog.base import POSITIONAL, REGULARIZER_CLASSES, Param
from engine.errors import BuildError
from engine.keras_build import model_name
from engine.source_literal import SourceError, docstring, is_identifier, keyword_arguments, literal
from engine.i18n import msg

_INITIALIZER_CLASSES = {
    "glorot_uniform": "GlorotUniform", "glorot_normal": "GlorotNormal", "he_uniform": "HeUniform",
    "he_normal": "HeNormal", "lecun_uniform": "LecunUniform", "lecun_normal": "LecunNormal",
    "orthogonal": "Orthogonal", "zeros": "Zeros", "ones": "Ones", "random_normal": "RandomNormal",
    "random_uniform": "RandomUniform", "truncated_normal": "TruncatedNormal",
    "identity": "IdentityInitializer", "variance_scaling": "VarianceScaling", "constant": "Constant",
    "uniform": "RandomUniform",
}
_CONSTRAINT_CLASSES = {"max_norm": "MaxNorm", "non_neg": "NonNeg", "unit_norm": "UnitNorm",
                       "min_max_norm": "MinMaxNorm"}


def _kwargs(cfg, where: str) -> str:
    return ", ".join(keyword_arguments(cfg, where))


def param_source(p: Param, value, resolved) -> str:
    """Python source for one constructor argument: calls of fixed Keras names whose
    arguments are literals (see :mod:`engine.source_literal`)."""
    if value is None:
        return "None"
    if p.kind == "regularizer":
        if "l1" in resolved and "l2" in resolved:
            return f"keras.regularizers.L1L2(l1={literal(resolved['l1'])}, l2={literal(resolved['l2'])})"
        for k in ("l1", "l2"):
            if k in resolved:
                return (f"keras.regularizers.{k.upper()}({literal(resolved[k])})"
                        if resolved[k] is not None else literal(k))
        (kind, cfg), = resolved.items()
        return literal(kind) if cfg is None else \
            f"keras.regularizers.{REGULARIZER_CLASSES[kind]}({_kwargs(cfg, p.name)})"
    if p.kind == "constraint":
        (kind, cfg), = resolved.items()
        return f"keras.constraints.{_CONSTRAINT_CLASSES[kind]}({_kwargs(cfg, p.name)})"
    if p.kind == "initializer" and isinstance(resolved, dict):
        (kind, cfg), = resolved.items()
        cfg = cfg if isinstance(cfg, dict) else {"value": cfg}
        return f"keras.initializers.{_INITIALIZER_CLASSES[kind]}({_kwargs(cfg, p.name)})"
    if p.kind == "layer":
        return layer_source(resolved["type"], resolved["params"], resolved["resolved"], name=None)
    return literal(value)


def layer_source(type_name: str, params: dict, resolved: dict, name: str | None) -> str:
    """``layers.Conv2D(6, 5, activation='sigmoid', name='c1')``"""
    from engine.catalog import get_spec

    spec = get_spec(type_name)
    args = []
    positional = POSITIONAL.get(spec.type, ())
    taken = set()
    for pname in positional:
        if pname in params and not spec.param(pname).call:
            args.append(param_source(spec.param(pname), params[pname], resolved[pname]))
            taken.add(pname)
        else:
            break
    for pname, value in params.items():
        if pname in taken or pname == "name" or spec.param(pname).call:
            continue
        if not is_identifier(pname):  # declared by the catalog; checked all the same
            raise SourceError(msg("{type_name} parameter {pname} is not a Python identifier.",
                                  type_name=type_name, pname=repr(pname)))
        args.append(f"{pname}={param_source(spec.param(pname), value, resolved[pname])}")
    if name is not None:
        args.append(f"name={literal(name)}")
    return f"layers.{spec.keras_class or spec.type}({', '.join(args)})"


def variable_name(name: str, taken: set) -> str:
    """An ASCII identifier for a node name, unique in ``taken``."""
    var = re.sub(r"[^0-9A-Za-z_]", "_", name)
    if not var or var[0].isdigit():
        var = "x_" + var
    if var.startswith("__"):  # never a dunder such as __name__ or __builtins__
        var = "x" + var
    if (keyword.iskeyword(var) or var in {"keras", "layers", "model", "inputs", "outputs"}
            or var in vars(builtins)):  # nor a builtin the script might need
        var += "_"
    base, i = var, 1
    while var in taken:
        i += 1
        var = f"{base}_{i}"
    if not is_identifier(var):
        raise SourceError(msg("no Python variable name can be made from {name}.", name=repr(name)))
    taken.add(var)
    return var


def to_python(net) -> str:
    report = net.analyze()

    if not report.valid:
        first = report.errors[0]
        raise BuildError(msg("The network is not valid: {message}", message=first.message), first.hint,
                         report.errors)
    taken: set = set()
    names: dict[tuple[str, int], str] = {}
    lines = [
        docstring([
            f"{net.name}: a Keras model exported from NeuroCanvas.",
            "",
            f"Total params: {report.total_params:,} "
            f"(trainable {report.trainable_params:,}, non-trainable {report.non_trainable_params:,})."]),
        "",
        "import keras",
        "from keras import layers",
        "",
    ]
    inputs = []
    shared = {n.params["shares"] for n in net.nodes.values() if n.type == "SharedCall"}
    shared_layers: dict[str, str] = {}
    for info in report.layers:
        node = net.nodes[info.node]
        p = node.resolved()
        n_out = len(info.output_shapes)
        var = variable_name(node.name, taken)
        if node.type == "Input":
            kwargs = [f"shape={literal(p['shape'])}"]
            for key in ("batch_size", "dtype"):
                if p[key] is not None:
                    kwargs.append(f"{key}={literal(p[key])}")
            if p["sparse"]:
                kwargs.append("sparse=True")
            kwargs.append(f"name={literal(node.name)}")
            lines.append(f"{var} = keras.Input({', '.join(kwargs)})")
            names[(node.id, 0)] = var
            inputs.append(var)
            continue
        spec = node.spec
        if node.type in ("KerasLayer", "KerasOp", "OpaqueLayer"):  # rebuilt from its config
            from engine.catalog.generic import constructor_source
            layer_expr = constructor_source(p, node.name)
        else:
            layer_expr = layer_source(node.type, node.params, p, node.name)
        if node.type == "SharedCall":  # another call of the layer object of its owner
            layer_expr = shared_layers[node.params["shares"]]
        elif node.id in shared:  # a layer called more than once: keep the object in a variable
            layer_var = variable_name(f"{node.name}_layer", taken)
            lines.append(f"{layer_var} = {layer_expr}")
            shared_layers[node.id] = layer_expr = layer_var
        args = [names[(e.src, e.src_port)] for e in net.in_edges(node.id)]
        call = spec.call_expression(layer_expr, args, p)
        if n_out == 1:
            lines.append(f"{var} = {call}")
            names[(node.id, 0)] = var
        else:
            outs = [variable_name(f"{node.name}_{i}", taken) for i in range(n_out)]
            lines.append(f"{', '.join(outs)} = {call}")
            for i, o in enumerate(outs):
                names[(node.id, i)] = o
    outputs = [names[o] for o in net.outputs]
    in_expr = inputs[0] if len(inputs) == 1 else "[" + ", ".join(inputs) + "]"
    out_expr = outputs[0] if len(outputs) == 1 else "[" + ", ".join(outputs) + "]"
    lines += ["", f"model = keras.Model(inputs={in_expr}, outputs={out_expr}, "
                  f"name={literal(model_name(net.name))})"]
    frozen = [net.nodes[i.node].name for i in report.layers if not net.nodes[i.node].trainable]
    for name in frozen:
        lines.append(f"model.get_layer({literal(name)}).trainable = False")
    lines += ["", 'if __name__ == "__main__":', "    model.summary()", ""]
    return "\n".join(lines)

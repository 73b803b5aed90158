"""Recurrent layers: SimpleRNN, LSTM, GRU, and the wrappers Bidirectional and
TimeDistributed.

A recurrent layer reads a sequence (batch, timesteps, features). It returns the
last output (batch, units), or every output (batch, timesteps, units) with
``return_sequences=True``; ``return_state=True`` adds the final state(s) as
extra output ports.
"""

from __future__ import annotations

from engine.catalog.base import (
    LayerSpec, Param, REQUIRED, activation_param, constraint_param, get_spec,
    initializer_param, regularizer_param, register, use_bias_param,
)
from engine.errors import ParamError, RuleContext, ShapeError
from engine.formulas import clauses, plus, times
from engine.shapes import fmt, require_min_rank
from engine.i18n import N_, msg

RNN_TYPES = ("SimpleRNN", "LSTM", "GRU")

# gates per cell: the kernel, recurrent kernel and bias hold this many blocks of `units`
_GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}
_STATES = {"SimpleRNN": ("state",), "LSTM": ("state_h", "state_c"), "GRU": ("state",)}

_UNROLL_WARN_STEPS = 200


# ------------------------------------------------------------- params ---

def _rate(name, help):
    return Param(name, "float", 0.0, help, min=0, max=1, max_exclusive=True)


def _rnn_params(type_name: str) -> tuple:
    gated = type_name != "SimpleRNN"
    params = [
        Param("units", "int", REQUIRED, "Size of the output and of the hidden state.", min=1),
        activation_param("tanh", "Activation of the output"
                         + (" and of the candidate state." if gated else " and the hidden state.")),
    ]
    if gated:
        params.append(Param("recurrent_activation", "activation", "sigmoid",
                            "Activation of the gates.", nullable=True))
    params += [
        use_bias_param(),
        initializer_param("kernel_initializer", "glorot_uniform",
                          "Initializer for the input kernel."),
        initializer_param("recurrent_initializer", "orthogonal",
                          "Initializer for the recurrent kernel."),
        initializer_param("bias_initializer", "zeros"),
    ]
    if type_name == "LSTM":
        params.append(Param("unit_forget_bias", "bool", True,
                            "Add 1 to the forget-gate bias at initialisation.", advanced=True))
    params += [
        regularizer_param("kernel_regularizer"),
        regularizer_param("recurrent_regularizer"),
        regularizer_param("bias_regularizer"),
        regularizer_param("activity_regularizer"),
        constraint_param("kernel_constraint"),
        constraint_param("recurrent_constraint"),
        constraint_param("bias_constraint"),
        _rate("dropout", "Fraction of the inputs dropped during training, in [0, 1)."),
        _rate("recurrent_dropout", "Fraction of the recurrent state dropped during training, in [0, 1)."),
        Param("return_sequences", "bool", False,
              "Return the output of every time step (batch, timesteps, units) rather than only "
              "the last one (batch, units). Needed when another recurrent layer follows."),
        Param("return_state", "bool", False,
              "Also return the final state" + ("s h and c" if type_name == "LSTM" else "")
              + " as extra outputs."),
        Param("go_backwards", "bool", False, "Read the sequence backwards (and return the "
              "reversed output sequence)."),
        Param("stateful", "bool", False, "Keep the last state of each sample as the initial state "
              "of the same sample in the next batch; needs a fixed batch size.", advanced=True),
        Param("unroll", "bool", False, "Unroll the time loop: faster for short sequences, more "
              "memory; needs a fixed number of time steps.", advanced=True),
    ]
    if type_name == "GRU":
        params.append(Param("reset_after", "bool", True,
                            "Apply the reset gate after the matrix multiplication (the cuDNN-"
                            "compatible form, with two bias vectors).", advanced=True))
    params.append(Param("seed", "int", None, "Random seed for dropout.", nullable=True, advanced=True))
    return tuple(params)


# ----------------------------------------------------- shape and weights ---

def _rank_hint(shape) -> str:
    if len(shape) == 2:
        n = shape[1] if shape[1] is not None else "n"
        return (msg("If it comes from another recurrent layer, set return_sequences=True on that layer. "
                    "Otherwise add a RepeatVector to repeat the vector over time steps, or a Reshape to "
                    "({n}, 1) to read each feature as one time step.", n=n))
    if len(shape) > 3:
        return (msg("Wrap the layers that read one frame each in TimeDistributed, or Reshape the input "
                    "to (timesteps, features)."))
    return msg("Reshape the input to (timesteps, features).")


def rnn_output_shapes(who: str, type_name: str, p: dict, shape) -> list:
    """[output, *states] of recurrent layer ``type_name`` on ``shape``.

    ``who`` starts the error messages (the node's layer type, e.g.
    "Bidirectional(LSTM)").
    """
    if len(shape) != 3:
        raise ShapeError(
            msg("{who} expects a 3-D sequence input (batch, timesteps, features) "
                "but receives {shape}.", who=who, shape=fmt(shape)), _rank_hint(shape), code="rank")
    batch, steps, features = shape
    if features is None:
        raise ShapeError(
            msg("{who} cannot be built: the feature axis of its input {shape} has unknown size.",
                who=who, shape=fmt(shape)),
            msg("Give the Input a fixed number of features; only the timesteps axis may be None."),
            code="unknown_dim")
    if p["stateful"] and batch is None:
        raise ShapeError(
            msg("{who} has stateful=True, which needs a fixed batch size, but the input is {shape}.",
                who=who, shape=fmt(shape)),
            msg("Set batch_size on the Input, or turn stateful off."), code="stateful")
    if p["unroll"] and steps is None:
        raise ShapeError(
            msg("{who} has unroll=True, which needs a fixed number of time steps, but the input "
                "is {shape}.", who=who, shape=fmt(shape)),
            msg("Give the Input a fixed sequence length, or turn unroll off."), code="unroll")
    units = p["units"]
    out = (batch, steps, units) if p["return_sequences"] else (batch, units)
    if not p["return_state"]:
        return [out]
    return [out] + [(batch, units)] * len(_STATES[type_name])


def _check_unroll(who, p, shape, ctx):
    if p["unroll"] and len(shape) == 3 and shape[1] is not None and shape[1] > _UNROLL_WARN_STEPS:
        ctx.warn(msg("{who} unrolls {shape_1} time steps, which costs a lot of memory and build time.",
                     who=who, shape_1=shape[1]),
                 msg("unroll suits short sequences; turn it off for long ones."), code="unroll_long")


def rnn_weights(type_name: str, p: dict, shape) -> tuple:
    if not shape or shape[-1] is None:
        return (0, 0)
    gates, units, n_in = _GATES[type_name], p["units"], shape[-1]
    count = gates * units * (n_in + units)
    if p["use_bias"]:
        double = type_name == "GRU" and p["reset_after"]
        count += gates * units * (2 if double else 1)
    return (count, 0)


def rnn_macs(type_name: str, p: dict, shape) -> int:
    if not shape or len(shape) < 3 or shape[-1] is None:
        return 0
    steps = shape[1] or 1
    units = p["units"]
    return steps * _GATES[type_name] * units * (shape[-1] + units)


# (layer type, the symbols named): the params rule; n = features, m = units
_PARAM_RULES = {
    ("SimpleRNN", True): N_("n·m + m·m + m (n = features, m = units)"),
    ("SimpleRNN", False): "n·m + m·m + m",
    ("LSTM", True): N_("4·((n + m)·m + m) (n = features, m = units)"),
    ("LSTM", False): "4·((n + m)·m + m)",
    ("GRU", True): N_("3·(n·m + m·m + m) (n = features, m = units)"),
    ("GRU", False): "3·(n·m + m·m + m)",
    ("GRU reset_after", True): N_("3·(n·m + m·m + 2·m) (n = features, m = units); "
                                  "reset_after keeps two bias vectors"),
    ("GRU reset_after", False): N_("3·(n·m + m·m + 2·m); reset_after keeps two bias vectors"),
}


def rnn_params_formula(type_name: str, p: dict, shape, named: bool = True) -> tuple:
    """(rule, arithmetic) of a recurrent layer's weights; n = features, m = units
    (the rule says so when ``named``)."""
    n, m, g = shape[-1], p["units"], _GATES[type_name]
    if not p["use_bias"]:
        rule = (msg("{gates}·(n + m)·m (n = features, m = units), no bias", gates=g) if named
                else msg("{gates}·(n + m)·m, no bias", gates=g))
        return (rule, times(g, f"({n} + {m})", m))
    if type_name == "SimpleRNN":
        return (_PARAM_RULES[type_name, named], plus(times(n, m), times(m, m), m))
    if type_name == "LSTM":
        return (_PARAM_RULES[type_name, named], f"4·(({n} + {m})·{m} + {m})")
    if p["reset_after"]:
        return (_PARAM_RULES["GRU reset_after", named], f"3·({n}·{m} + {m}·{m} + 2·{m})")
    return (_PARAM_RULES[type_name, named], f"3·({n}·{m} + {m}·{m} + {m})")


def rnn_macs_formula(type_name: str, p: dict, shape) -> tuple:
    n, m, g = shape[-1], p["units"], _GATES[type_name]
    return (N_("timesteps·gates·units·(features + units)"), times(shape[1] or 1, g, m, f"({n} + {m})"))


def rnn_shape_words(p, shape) -> str:
    m = p["units"]
    if p["return_sequences"]:
        parts = [msg("every time step: timesteps = {timesteps}, units = {units}",
                     timesteps=shape[1] if shape[1] is not None else '?', units=m)]
    else:
        parts = [msg("the last time step only: units = {units}", units=m)]
    if p["return_state"]:
        parts.append(N_("final state(s) of units each as extra outputs"))
    return clauses(parts)


def _rnn_outputs(type_name):
    def outputs(p):
        if not p.get("return_state"):
            return ("output",)
        return ("output",) + _STATES[type_name]
    return outputs


def state_ports(type_name: str) -> tuple:
    """Input ports for the initial state(s): what ``initial_state=[...]`` takes."""
    return tuple(f"initial_{s}" for s in _STATES[type_name])


def check_initial_states(who: str, type_name: str, p: dict, shapes) -> None:
    """The initial states (shapes[1:]) are all given or none, each (batch, units)."""
    states = list(shapes[1:])
    if not states:
        return
    names = state_ports(type_name)
    if len(states) != len(names):
        raise ShapeError(
            msg("{who} gets {count} of its {count2} initial states ({names}): "
                "a recurrent layer starts from all of its states or from none.",
                who=who, count=len(states), count2=len(names), names=', '.join(names)),
            msg("Connect {names}, or disconnect them all.", names=' and '.join(names)), code="arity")
    batch = shapes[0][0] if shapes[0] else None
    for name, shape in zip(names, states):
        if len(shape) != 2 or shape[-1] != p["units"] or \
                (batch is not None and shape[0] is not None and shape[0] != batch):
            raise ShapeError(
                msg("{who}'s {name} must be (batch, {units}) to match units={units}, "
                    "but receives {shape}.", who=who, name=name, units=p['units'], shape=fmt(shape)),
                msg("Connect a state output of a recurrent layer with the same units, or change units."),
                code="port")


def _rnn_call(layer, tensors, p):
    if len(tensors) > 1:
        return layer(tensors[0], initial_state=list(tensors[1:]))
    return layer(tensors[0])


def _rnn_call_source(layer_expr, args, p):
    if len(args) > 1:
        return f"{layer_expr}({args[0]}, initial_state=[{', '.join(args[1:])}])"
    return f"{layer_expr}({args[0]})"


def _declare_rnn(type_name: str, doc: str) -> LayerSpec:
    def shape(p, shapes, ctx):
        outs = rnn_output_shapes(type_name, type_name, p, shapes[0])
        check_initial_states(type_name, type_name, p, shapes)
        _check_unroll(type_name, p, shapes[0], ctx)
        return outs[0] if len(outs) == 1 else outs

    return register(LayerSpec(
        type=type_name, category="recurrent", doc=doc,
        params=_rnn_params(type_name),
        shape=shape,
        weights=lambda p, shapes: rnn_weights(type_name, p, shapes[0]),
        macs=lambda p, ins, outs: rnn_macs(type_name, p, ins[0]),
        inputs=("input",) + state_ports(type_name),
        optional_inputs=len(_STATES[type_name]),
        explain=lambda p, ins, outs: {"params": rnn_params_formula(type_name, p, ins[0]),
                                      "macs": rnn_macs_formula(type_name, p, ins[0]),
                                      "shape": rnn_shape_words(p, ins[0])},
        outputs=_rnn_outputs(type_name),
        call=_rnn_call,
        call_source=_rnn_call_source,
        key_params=("units", "return_sequences"),
    ))


SimpleRNN = _declare_rnn(
    "SimpleRNN",
    "Fully connected recurrent layer: h_t = activation(x_t · W + h_{t-1} · U + b).\n\n"
    "Params: units · (features + units + 1). Example: SimpleRNN(64) on (None, 20, 100) "
    "outputs (None, 64) with 10,560 params.")

LSTM = _declare_rnn(
    "LSTM",
    "Long short-term memory: input, forget and output gates around a cell state c, so "
    "information can survive many steps.\n\n"
    "Params: 4 · units · (features + units + 1). Example: LSTM(32) on (None, 64, 32) outputs "
    "(None, 32) with 8,320 params; with return_state=True it also outputs h and c.")

GRU = _declare_rnn(
    "GRU",
    "Gated recurrent unit: update and reset gates, one state h. Lighter than LSTM.\n\n"
    "Params: 3 · units · (features + units) + 3 · units bias (twice that with the default "
    "reset_after=True). Example: GRU(64) on (None, 20, 100) has 31,872 params.")


# ------------------------------------------------------- Bidirectional ---

def _bidirectional_check(p):
    fwd = p["layer"]
    if fwd["type"] not in RNN_TYPES:
        raise ParamError("layer", msg("Bidirectional can only wrap LSTM, GRU or SimpleRNN (got {type}).",
                                      type=fwd['type']),
                         msg("To apply a layer at every time step use TimeDistributed instead."))
    f = fwd["resolved"]
    bwd = p["backward_layer"]
    if bwd is None:
        if f["go_backwards"]:
            raise ParamError("layer", msg("Bidirectional: the wrapped layer has go_backwards=True, but "
                                 "Bidirectional builds the backward copy itself."),
                             msg("Turn go_backwards off on the wrapped layer."))
        return
    if bwd["type"] not in RNN_TYPES:
        raise ParamError("backward_layer", msg("Bidirectional: backward_layer must be LSTM, GRU or "
                             "SimpleRNN (got {type}).", type=bwd['type']))
    b = bwd["resolved"]
    if b["go_backwards"] == f["go_backwards"]:
        raise ParamError("backward_layer", msg("Bidirectional: backward_layer must read the sequence in the "
                             "other direction (both have go_backwards={go_backwards}).",
                                               go_backwards=f['go_backwards']),
                         msg("Set go_backwards=True on backward_layer."))
    for attr in ("return_sequences", "return_state", "stateful", "units"):
        if b[attr] != f[attr]:
            raise ParamError("backward_layer", msg("Bidirectional: backward_layer has {attr}={b} "
                                 "but layer has {attr}={f}; they must agree.",
                                                   attr=attr, b=repr(b[attr]), f=repr(f[attr])),
                             msg("Set the same {attr} on both layers.", attr=attr))
    if f["return_state"] and bwd["type"] != fwd["type"]:
        raise ParamError("backward_layer", msg("Bidirectional with return_state=True needs layer and "
                             "backward_layer of the same type (got {type} and {type2}).",
                                               type=fwd['type'], type2=bwd['type']),
                         msg("Use the same recurrent type in both directions, or turn return_state off."))


def _directions(p):
    fwd = p["layer"]
    bwd = p["backward_layer"] or fwd
    return fwd, bwd


def _bidirectional_shape(p, shapes, ctx):
    fwd, bwd = _directions(p)
    who = f"Bidirectional({fwd['type']})"
    f_outs = rnn_output_shapes(who, fwd["type"], fwd["resolved"], shapes[0])
    b_outs = rnn_output_shapes(who, bwd["type"], bwd["resolved"], shapes[0])
    _check_unroll(who, fwd["resolved"], shapes[0], ctx)
    f_out, b_out = f_outs[0], b_outs[0]
    mode = p["merge_mode"]
    if mode is None:
        merged = [f_out, b_out]
    elif mode == "concat":
        merged = [(*f_out[:-1], f_out[-1] + b_out[-1])]
    else:
        merged = [f_out]
    outs = merged + f_outs[1:] + b_outs[1:]
    return outs[0] if len(outs) == 1 else outs


def _bidirectional_outputs(p):
    fwd, bwd = _directions(p)
    names = ("forward", "backward") if p.get("merge_mode") is None else ("output",)
    if fwd["resolved"].get("return_state"):
        names += tuple("forward_" + s for s in _STATES[fwd["type"]])
        names += tuple("backward_" + s for s in _STATES[bwd["type"]])
    return names


def _bidirectional_weights(p, shapes):
    fwd, bwd = _directions(p)
    f = rnn_weights(fwd["type"], fwd["resolved"], shapes[0])
    b = rnn_weights(bwd["type"], bwd["resolved"], shapes[0])
    return (f[0] + b[0], f[1] + b[1])


def _bidirectional_macs(p, ins, outs):
    fwd, bwd = _directions(p)
    return rnn_macs(fwd["type"], fwd["resolved"], ins[0]) + rnn_macs(bwd["type"], bwd["resolved"], ins[0])


def _bidirectional_explain(p, ins, outs):
    fwd, bwd = _directions(p)
    f_rule, f_arith = rnn_params_formula(fwd["type"], fwd["resolved"], ins[0])
    b_rule, b_arith = rnn_params_formula(bwd["type"], bwd["resolved"], ins[0], named=False)
    f_macs = rnn_macs_formula(fwd["type"], fwd["resolved"], ins[0])[1]
    b_macs = rnn_macs_formula(bwd["type"], bwd["resolved"], ins[0])[1]
    mode = p["merge_mode"]
    if mode == "concat":
        merged = N_("forward and backward outputs concatenated on the last axis")
    elif mode is None:
        merged = N_("forward and backward outputs kept apart")
    else:
        merged = msg("forward and backward outputs merged ({mode})", mode=mode)
    return {"params": (msg("forward {forward} + backward {backward}", forward=f_rule, backward=b_rule),
                       f"({f_arith}) + ({b_arith})"),
            "macs": (N_("forward + backward"), f"({f_macs}) + ({b_macs})"),
            "shape": msg("{merged}: {outputs}", merged=merged, outputs=', '.join(fmt(s) for s in outs))}


Bidirectional = register(LayerSpec(
    type="Bidirectional", category="recurrent",
    doc="Runs a recurrent layer forwards and a copy of it backwards over the same sequence and "
        "merges the two outputs.\n\n"
        "Params: twice the wrapped layer's. Example: Bidirectional(LSTM(32)) on (None, 100, 50) "
        "outputs (None, 64) with 21,248 params; merge_mode='sum' gives (None, 32); merge_mode=None "
        "gives two outputs, forward and backward.",
    params=(
        Param("layer", "layer", REQUIRED,
              "The recurrent layer to run in both directions, e.g. {'type': 'LSTM', 'params': {'units': 32}}."),
        Param("merge_mode", "choice", "concat",
              "How the two directions are combined: concat, sum, mul, ave, or None for two "
              "separate outputs.", choices=("concat", "sum", "mul", "ave", None), nullable=True),
        Param("backward_layer", "layer", None,
              "A different recurrent layer for the backward direction (go_backwards=True); by "
              "default a copy of layer.", nullable=True, advanced=True),
    ),
    shape=_bidirectional_shape, weights=_bidirectional_weights, macs=_bidirectional_macs,
    explain=_bidirectional_explain,
    outputs=_bidirectional_outputs, check=_bidirectional_check,
    key_params=("layer", "merge_mode"),
))


# ----------------------------------------------------- TimeDistributed ---

def _td_check(p):
    inner = get_spec(p["layer"]["type"])
    if inner.type == "Input":
        raise ParamError("layer", msg("TimeDistributed cannot wrap an Input."),
                         msg("Wrap the layer that should run on every time step, e.g. Dense or Conv2D."))
    if inner.variadic or len(inner.inputs) - inner.optional_inputs != 1:
        raise ParamError("layer", msg("TimeDistributed can only wrap a layer with one input "
                             "({type} takes several).", type=inner.type),
                         msg("Apply the multi-input layer directly; most merge layers already work on "
                             "every time step."))
    if inner.port_count(p["layer"]["resolved"]) != 1:
        raise ParamError("layer", msg("TimeDistributed can only wrap a layer with one output "
                             "(this {type} has {port_count}).",
                                      type=inner.type, port_count=inner.port_count(p['layer']['resolved'])),
                         msg("Turn off return_state (or the option that adds outputs) on the wrapped layer."))


def _td_inner(p, shape):
    return get_spec(p["layer"]["type"]), p["layer"]["resolved"], (shape[0], *shape[2:])


def _td_shape(p, shapes, ctx):
    shape = shapes[0]
    require_min_rank(
        "TimeDistributed", shape, 3,
        "TimeDistributed applies its layer to every time step of a (batch, timesteps, ...) "
        "input. Add a RepeatVector or Reshape to make a time axis, or use the layer directly.")
    inner, res, step = _td_inner(p, shape)
    sub = RuleContext()
    try:
        out = inner.shape(res, [step], sub)
    except ShapeError as exc:
        raise ShapeError(msg("TimeDistributed: the wrapped {type} cannot take the per-step shape "
                             "{step} (input {shape} without its time axis). {message}",
                             type=inner.type, step=fmt(step), shape=fmt(shape), message=exc.message),
                         exc.hint, exc.code) from None
    for w in sub.warnings:
        ctx.warn(msg("TimeDistributed (per step): {message}", message=w.message), w.hint, w.code)
    if isinstance(out, list):
        raise ShapeError(msg("TimeDistributed: the wrapped {type} has {count} outputs; "
                             "TimeDistributed needs exactly one.", type=inner.type, count=len(out)),
                         msg("Turn off the option that adds outputs on the wrapped layer."), code="ports")
    return (out[0], shape[1], *out[1:])


def _td_step_shapes(p, shape):
    """(inner spec, params, per-step input, per-step output) or None when the inner layer refuses."""
    if len(shape) < 3:
        return None
    inner, res, step = _td_inner(p, shape)
    try:
        out = inner.shape(res, [step], RuleContext())
    except ShapeError:
        return None
    if isinstance(out, list):
        return None
    return inner, res, step, out


def _td_weights(p, shapes):
    found = _td_step_shapes(p, shapes[0])
    if found is None:
        return (0, 0)
    inner, res, step, _ = found
    return inner.weights(res, [step])


def _td_macs(p, ins, outs):
    found = _td_step_shapes(p, ins[0])
    if found is None:
        return 0
    inner, res, step, out = found
    return inner.macs(res, [step], [out]) * (ins[0][1] or 1)


def _td_explain(p, ins, outs):
    found = _td_step_shapes(p, ins[0])
    if found is None:
        return {}
    inner, res, step, out = found
    pieces = inner.explain(res, [step], [tuple(out)]) if inner.explain is not None else {}
    steps = ins[0][1] or 1
    result = {"shape": msg("the {layer} on each of the {steps} time steps: {step} → {out} per step",
                           layer=inner.type, steps=ins[0][1] or '?', step=fmt(step), out=fmt(tuple(out)))}
    if pieces.get("params"):
        rule, arith = pieces["params"]
        result["params"] = (msg("the wrapped {layer}'s weights, shared by all steps: {rule}",
                                layer=inner.type, rule=rule), arith)
    if pieces.get("macs"):
        rule, arith = pieces["macs"]
        result["macs"] = (msg("timesteps·({rule})", rule=rule), f"{steps}·({arith})")
    return result


TimeDistributed = register(LayerSpec(
    type="TimeDistributed", category="recurrent",
    doc="Applies the wrapped layer to every time step (axis 1) with the same weights.\n\n"
        "The params are the wrapped layer's on one step, not multiplied by the number of steps. "
        "Example: TimeDistributed(Dense(32)) on (None, 10, 64) outputs (None, 10, 32) with 2,080 "
        "params; TimeDistributed(Conv2D(8, 3)) on (None, 10, 32, 32, 3) outputs (None, 10, 30, 30, 8).",
    params=(
        Param("layer", "layer", REQUIRED,
              "The layer applied at each time step, e.g. {'type': 'Dense', 'params': {'units': 32}}."),
    ),
    shape=_td_shape, weights=_td_weights, macs=_td_macs, check=_td_check, explain=_td_explain,
    key_params=("layer",),
))

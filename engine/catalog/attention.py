"""Attention layers: MultiHeadAttention, Attention (dot-product, Luong style)
and AdditiveAttention (Bahdanau style).

All three read a query and a value sequence, with an optional key (the value
is used as the key when it is left unconnected). For self-attention connect
the same tensor to query and value. ``return_attention_scores=True`` adds a
second output port with the attention weights.
"""

from __future__ import annotations

from engine.catalog.base import (
    LayerSpec, Param, REQUIRED, constraint_param, initializer_param, prod, regularizer_param,
    register, use_bias_param,
)
from engine.errors import ParamError, ShapeError
from engine.formulas import plus, times
from engine.shapes import fmt, rank_hint
from engine.i18n import N_, msg

PORTS = ("query", "value", "key")


def _call_params():
    return (
        Param("return_attention_scores", "bool", False,
              "Also output the attention weights (a second output port).", call=True),
        Param("use_causal_mask", "bool", False,
              "Mask future positions so step t only attends to steps ≤ t (decoder self-attention).",
              call=True),
    )


def _outputs(p):
    return ("output", "attention_scores") if p.get("return_attention_scores") else ("output",)


def _named(shapes):
    """{'query': shape, 'value': shape, 'key': shape} with key defaulting to value."""
    named = dict(zip(PORTS, shapes))
    named.setdefault("key", named.get("value"))
    return named


def _require_inputs(layer, shapes, min_rank=3):
    if len(shapes) < 2:
        raise ShapeError(msg("{layer} needs a query and a value input; only {count} connected.",
                             layer=layer, count=len(shapes)),
                         msg("For self-attention connect the same tensor to both query and value."),
                         code="arity")
    named = _named(shapes)
    for port in PORTS:
        s = named[port]
        if len(s) < min_rank:
            raise ShapeError(
                msg("{layer} expects a {port} sequence with at least {min_rank} axes "
                    "(batch, timesteps, features) but receives {s}.",
                    layer=layer, port=port, min_rank=min_rank, s=fmt(s)),
                rank_hint(s, min_rank) if len(s) == 2 else
                msg("Reshape the input to (timesteps, features)."), code="rank")
    ranks = {port: len(named[port]) for port in PORTS}
    if len(set(ranks.values())) > 1:
        listed = ", ".join(f"{port} {fmt(named[port])}" for port in PORTS[:len(shapes)])
        raise ShapeError(msg("{layer} needs query, value and key of the same rank, but receives {listed}.",
                             layer=layer, listed=listed),
                         msg("Reshape the inputs so they have the same number of axes."), code="rank")
    for port in PORTS:
        if named[port][-1] is None:
            raise ShapeError(msg("{layer} cannot be built: the feature axis of its {port} "
                                 "{named} has unknown size.",
                                 layer=layer, port=port, named=fmt(named[port])),
                             msg("Give the Input a fixed number of features."), code="unknown_dim")
    return named


def _mismatch(a, b) -> bool:
    return a is not None and b is not None and a != b


def _attention_call(layer, tensors, p):
    return layer(list(tensors), return_attention_scores=p["return_attention_scores"],
                 use_causal_mask=p["use_causal_mask"])


def _call_kwargs_source(p) -> str:
    extra = "".join(f", {k}=True" for k in ("return_attention_scores", "use_causal_mask") if p.get(k))
    return extra


def _attention_call_source(layer_expr, args, p):
    return f"{layer_expr}([{', '.join(args)}]{_call_kwargs_source(p)})"


# ------------------------------------------------- Attention, Additive ---

def _dot_attention_rule(layer):
    def shape(p, shapes, ctx):
        named = _require_inputs(layer, shapes)
        q, v, k = named["query"], named["value"], named["key"]
        if _mismatch(q[-1], k[-1]):
            values = dict(layer=layer, q=fmt(q), k=fmt(k), q2=q[-1], k2=k[-1])
            raise ShapeError(
                msg("{layer}: query {q} and key {k} must have the same feature size "
                    "({q2} vs {k2}) to be compared.", **values) if len(shapes) > 2 else
                msg("{layer}: query {q} and value (used as the key) {k} must have the same feature size "
                    "({q2} vs {k2}) to be compared.", **values),
                msg("Add a Dense projection to one of them so the last axes match, or use "
                    "MultiHeadAttention, which projects query and key itself."), code="attention")
        for axis in range(1, len(v) - 1):
            if _mismatch(v[axis], k[axis]):
                raise ShapeError(
                    msg("{layer}: key {k} and value {v} must have the same length "
                        "(axis {axis}: {k2} vs {v2}).",
                        layer=layer, k=fmt(k), v=fmt(v), axis=axis, k2=k[axis], v2=v[axis]),
                    msg("Connect a key with one entry per value step, or leave key unconnected "
                        "to use the value as the key."), code="attention")
        for axis in range(len(q) - 2):
            if _mismatch(q[axis], k[axis]):
                raise ShapeError(
                    msg("{layer}: query {q} and key {k} differ on axis {axis} "
                        "({q2} vs {k2}); only the sequence and feature axes may differ.",
                        layer=layer, q=fmt(q), k=fmt(k), axis=axis, q2=q[axis], k2=k[axis]),
                    msg("Make the leading axes of the inputs agree."), code="attention")
        out = (*q[:-1], v[-1])
        if p["return_attention_scores"]:
            return [out, (*q[:-1], k[-2])]
        return out
    return shape


def _attention_weights(p, shapes):
    return ((1 if p["use_scale"] else 0) + (1 if p["score_mode"] == "concat" else 0), 0)


def _additive_weights(p, shapes):
    if not p["use_scale"] or not shapes or not shapes[0] or shapes[0][-1] is None:
        return (0, 0)
    return (shapes[0][-1], 0)


def _attention_explain(p, ins, outs):
    scale, concat = p["use_scale"], p["score_mode"] == "concat"
    if scale and concat:
        return {"params": (N_("scale + concat score weight"), "1 + 1")}
    if scale or concat:
        return {"params": (N_("scale") if scale else N_("concat score weight"), "1")}
    return {}


def _additive_explain(p, ins, outs):
    if not p["use_scale"] or not ins or ins[0][-1] is None:
        return {}
    return {"params": (N_("one scale per query feature"), str(ins[0][-1]))}


def _attention_macs(p, ins, outs):
    if len(ins) < 2:
        return 0
    named = _named(ins)
    q, v, k = named["query"], named["value"], named["key"]
    if min(len(q), len(v), len(k)) < 3:
        return 0
    lead = prod(d or 1 for d in q[1:-2])
    tq, tk = q[-2] or 1, k[-2] or 1
    return lead * tq * tk * ((q[-1] or 1) + (v[-1] or 1))


def _seed_param():
    return Param("seed", "int", None, "Random seed for dropout.", nullable=True, advanced=True)


def _dropout_param(help):
    return Param("dropout", "float", 0.0, help, min=0, max=1, max_exclusive=True)


Attention = register(LayerSpec(
    type="Attention", category="attention",
    doc="Dot-product (Luong-style) attention: softmax(query · keyᵀ) · value.\n\n"
        "Query (batch, Tq, dim), value (batch, Tv, dim_v) and optional key (batch, Tv, dim) give "
        "(batch, Tq, dim_v). Example: Attention()([q, v]) on (None, 5, 16) and (None, 9, 16) "
        "gives (None, 5, 16).",
    params=(
        Param("use_scale", "bool", False, "Learn a scalar that scales the scores."),
        Param("score_mode", "choice", "dot", "How scores are computed: 'dot' (query · key) or "
              "'concat' (tanh of query + key).", choices=("dot", "concat")),
        _dropout_param("Fraction of the attention weights dropped during training, in [0, 1)."),
        _seed_param(),
        *_call_params(),
    ),
    shape=_dot_attention_rule("Attention"), weights=_attention_weights, macs=_attention_macs,
    explain=_attention_explain,
    inputs=PORTS, optional_inputs=1, outputs=_outputs,
    call=_attention_call, call_source=_attention_call_source,
    key_params=("score_mode",),
))

AdditiveAttention = register(LayerSpec(
    type="AdditiveAttention", category="attention",
    doc="Additive (Bahdanau-style) attention: softmax(sum(tanh(query + key))) · value.\n\n"
        "Shapes as for Attention; with use_scale=True it learns one scale per feature (dim "
        "params). Example: AdditiveAttention()([q, v]) on (None, 5, 16) and (None, 9, 16) gives "
        "(None, 5, 16) with 16 params.",
    params=(
        Param("use_scale", "bool", True, "Learn a per-feature scale of the scores."),
        _dropout_param("Fraction of the attention weights dropped during training, in [0, 1)."),
        *_call_params(),
    ),
    shape=_dot_attention_rule("AdditiveAttention"), weights=_additive_weights, macs=_attention_macs,
    explain=_additive_explain,
    inputs=PORTS, optional_inputs=1, outputs=_outputs,
    call=_attention_call, call_source=_attention_call_source,
))


# ---------------------------------------------------- MultiHeadAttention ---

def _mha_check(p):
    if p["output_shape"] is not None and any(d is None for d in p["output_shape"]):
        raise ParamError("output_shape", msg("output_shape must be positive integers "
                             "(got {output_shape}).", output_shape=list(p['output_shape'])))
    if p["flash_attention"]:
        if p["dropout"] > 0:
            raise ParamError("flash_attention", msg("flash_attention cannot be combined with dropout "
                                 "(dropout={dropout}).", dropout=format(p['dropout'], 'g')),
                                 msg("Set dropout to 0, or turn flash_attention off."))
        if p["return_attention_scores"]:
            raise ParamError("flash_attention", msg("flash_attention cannot return the attention scores."),
                             msg("Turn flash_attention off to get the attention_scores output."))


def _mha_axes(p, rank):
    """Attention axes of a rank-``rank`` input (batch included), normalised and validated."""
    axes = p["attention_axes"]
    if axes is None:
        return tuple(range(1, rank - 1))
    axes = (axes,) if isinstance(axes, int) else tuple(axes)
    norm = tuple(a if a >= 0 else rank + a for a in axes)
    bad = [a for a, n in zip(axes, norm) if not 1 <= n <= rank - 2]
    if bad:
        raise ShapeError(
            msg("MultiHeadAttention attention_axes={axes} must name axes between the batch and "
                "the feature axis of its {rank}-D inputs (1 to {value}); {bad_0} is not one.",
                axes=list(axes), rank=rank, value=rank - 2, bad_0=bad[0]),
            msg("Leave attention_axes empty to attend over every axis except batch and features."),
            code="axis")
    if len(set(norm)) != len(norm):
        raise ShapeError(msg("MultiHeadAttention attention_axes={axes} names an axis twice.",
                             axes=list(axes)),
                         code="axis")
    return tuple(sorted(set(norm), key=norm.index))


def _mha_value_dim(p):
    return p["value_dim"] or p["key_dim"]


def _mha_shape(p, shapes, ctx):
    named = _require_inputs("MultiHeadAttention", shapes)
    q, v, k = named["query"], named["value"], named["key"]
    if v[1:-1] != k[1:-1]:
        raise ShapeError(
            msg("MultiHeadAttention: key {k} and value {v} must have the same length "
                "(every axis except the last must match).", k=fmt(k), v=fmt(v)),
            msg("Connect a key with one entry per value step, or leave key unconnected to use the "
                "value as the key."), code="attention")
    rank = len(q)
    axes = _mha_axes(p, rank)
    for axis in range(rank - 1):
        if axis not in axes and _mismatch(q[axis], k[axis]):
            raise ShapeError(
                msg("MultiHeadAttention: query {q} and key {k} differ on axis {axis} "
                    "({q2} vs {k2}), which is not an attention axis.",
                    q=fmt(q), k=fmt(k), axis=axis, q2=q[axis], k2=k[axis]),
                msg("Make the non-attention axes agree, or list the axis in attention_axes."),
                code="attention")
    out_tail = p["output_shape"] or (q[-1],)
    out = (*q[:-1], *out_tail)
    if not p["return_attention_scores"]:
        return out
    # projected query (batch, ..., heads, key_dim): the scores keep the non-attention axes and
    # the heads, then the query's attention axes, then the key's.
    projected = (*q[:-1], p["num_heads"])
    keep = [projected[i] for i in range(rank) if i not in axes]
    scores = (*keep, *(q[i] for i in axes), *(k[i] for i in axes))
    return [out, scores]


def _mha_weights(p, shapes):
    if len(shapes) < 2:
        return (0, 0)
    named = _named(shapes)
    dims = [named[port][-1] if named[port] else None for port in PORTS]
    if any(d is None for d in dims):
        return (0, 0)
    dq, dv, dk = dims
    heads, kd, vd = p["num_heads"], p["key_dim"], _mha_value_dim(p)
    out_size = prod(p["output_shape"]) if p["output_shape"] else dq
    bias = p["use_bias"]
    count = (dq * heads * kd + (heads * kd if bias else 0)
             + dk * heads * kd + (heads * kd if bias else 0)
             + dv * heads * vd + (heads * vd if bias else 0)
             + heads * vd * out_size + (out_size if bias else 0))
    if p["use_gate"]:
        count += dq * heads * vd + (heads * vd if bias else 0)
    return (count, 0)


_MHA_RULES = {  # (use_bias, use_gate): the params rule
    (True, False): N_("query (d_q·heads·key_dim + heads·key_dim) + key (d_k·heads·key_dim + heads·key_dim) "
                      "+ value (d_v·heads·value_dim + heads·value_dim) + output (heads·value_dim·d_out + d_out)"),
    (True, True): N_("query (d_q·heads·key_dim + heads·key_dim) + key (d_k·heads·key_dim + heads·key_dim) "
                     "+ value (d_v·heads·value_dim + heads·value_dim) + output (heads·value_dim·d_out + d_out) "
                     "+ gate (d_q·heads·value_dim + heads·value_dim)"),
    (False, False): N_("query (d_q·heads·key_dim) + key (d_k·heads·key_dim) + value (d_v·heads·value_dim) "
                       "+ output (heads·value_dim·d_out)"),
    (False, True): N_("query (d_q·heads·key_dim) + key (d_k·heads·key_dim) + value (d_v·heads·value_dim) "
                      "+ output (heads·value_dim·d_out) + gate (d_q·heads·value_dim)"),
}


def _mha_explain(p, ins, outs):
    if len(ins) < 2:
        return {}
    named = _named(ins)
    dims = [named[port][-1] if named[port] else None for port in PORTS]
    if any(d is None for d in dims):
        return {}
    dq, dv, dk = dims
    h, kd, vd = p["num_heads"], p["key_dim"], _mha_value_dim(p)
    o = prod(p["output_shape"]) if p["output_shape"] else dq
    bias = p["use_bias"]

    def proj(kernel, bias_size):
        return f"({plus(times(*kernel), times(*bias_size))})" if bias else times(*kernel)

    terms = [proj((dq, h, kd), (h, kd)), proj((dk, h, kd), (h, kd)), proj((dv, h, vd), (h, vd)),
             proj((h, vd, o), (o,))]
    if p["use_gate"]:
        terms.append(proj((dq, h, vd), (h, vd)))
    rule = _MHA_RULES[bool(bias), bool(p["use_gate"])]
    q, v, k = named["query"], named["value"], named["key"]
    macs = None
    if min(len(q), len(v), len(k)) >= 3:
        tq, tk = _steps(q), _steps(k)
        out_size = prod(p["output_shape"]) if p["output_shape"] else (q[-1] or 1)
        macs = (N_("projections + scores and weighted sum heads·T_q·T_k·(key_dim + value_dim) + output"),
                plus(times(tq, q[-1] or 1, h, kd), times(tk, k[-1] or 1, h, kd), times(tk, v[-1] or 1, h, vd),
                     times(h, tq, tk, f"({kd} + {vd})"), times(tq, h, vd, out_size)))
    last = "output_shape" if p["output_shape"] else N_("query features")
    shape = msg("the query shape with its last axis → {last}: {output}", last=last, output=fmt(outs[0]))
    result = {"params": (rule, plus(*terms)), "shape": shape}
    if macs:
        result["macs"] = macs
    return result


def _steps(shape):
    return prod(d or 1 for d in shape[1:-1])


def _mha_macs(p, ins, outs):
    if len(ins) < 2:
        return 0
    named = _named(ins)
    q, v, k = named["query"], named["value"], named["key"]
    if min(len(q), len(v), len(k)) < 3:
        return 0
    heads, kd, vd = p["num_heads"], p["key_dim"], _mha_value_dim(p)
    tq, tk = _steps(q), _steps(k)
    out_size = prod(p["output_shape"]) if p["output_shape"] else (q[-1] or 1)
    proj = tq * (q[-1] or 1) * heads * kd + tk * (k[-1] or 1) * heads * kd + tk * (v[-1] or 1) * heads * vd
    scores = heads * tq * tk * (kd + vd)
    return proj + scores + tq * heads * vd * out_size


def _mha_call(layer, tensors, p):
    kwargs = {}
    if len(tensors) > 2:
        kwargs["key"] = tensors[2]
    return layer(tensors[0], tensors[1], return_attention_scores=p["return_attention_scores"],
                 use_causal_mask=p["use_causal_mask"], **kwargs)


def _mha_call_source(layer_expr, args, p):
    key = f", key={args[2]}" if len(args) > 2 else ""
    return f"{layer_expr}({args[0]}, {args[1]}{key}{_call_kwargs_source(p)})"


MultiHeadAttention = register(LayerSpec(
    type="MultiHeadAttention", category="attention",
    doc="Multi-head scaled dot-product attention with learned query, key, value and output "
        "projections (the Transformer block).\n\n"
        "The output has the query's shape (last axis = output_shape when given). For "
        "self-attention connect the same tensor to query and value. Example: "
        "MultiHeadAttention(num_heads=4, key_dim=32) on (None, 10, 64) as self-attention outputs "
        "(None, 10, 64) with 33,216 params.",
    params=(
        Param("num_heads", "int", REQUIRED, "Number of attention heads.", min=1),
        Param("key_dim", "int", REQUIRED, "Size of each head for query and key.", min=1),
        Param("value_dim", "int", None, "Size of each head for value; empty means key_dim.",
              min=1, nullable=True),
        _dropout_param("Fraction of the attention weights dropped during training, in [0, 1)."),
        use_bias_param(),
        Param("output_shape", "shape", None, "Size (or shape) of the output's last axis; empty "
              "means the query's feature size.", nullable=True),
        Param("attention_axes", "axis", None, "Axes attention runs over; empty means every axis "
              "between batch and features.", nullable=True, advanced=True),
        Param("sliding_window", "int", None, "Attend only to positions closer than this "
              "(a band mask); empty for full attention.", min=1, nullable=True, advanced=True),
        Param("flash_attention", "bool", None, "Use the backend's flash attention kernel when it "
              "can; empty follows the global Keras setting.", nullable=True, advanced=True),
        initializer_param("kernel_initializer", "glorot_uniform"),
        initializer_param("bias_initializer", "zeros"),
        regularizer_param("kernel_regularizer"),
        regularizer_param("bias_regularizer"),
        regularizer_param("activity_regularizer"),
        constraint_param("kernel_constraint"),
        constraint_param("bias_constraint"),
        Param("use_gate", "bool", False, "Gate the attention output with a sigmoid projection of "
              "the query.", advanced=True),
        _seed_param(),
        *_call_params(),
    ),
    shape=_mha_shape, weights=_mha_weights, macs=_mha_macs, check=_mha_check, explain=_mha_explain,
    inputs=PORTS, optional_inputs=1, outputs=_outputs,
    call=_mha_call, call_source=_mha_call_source,
    key_params=("num_heads", "key_dim"),
))

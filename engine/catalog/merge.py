"""Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum,
Concatenate, Dot.

The element-wise merges take tensors of the same shape. Keras also lets them
broadcast (a size-1 axis, or a lower-rank input aligned on the trailing axes);
a lower-rank input is allowed with a warning, since an implicit new axis is
rarely what a diagram means. A size-1 axis on an input of the same rank is a
deliberate gate (squeeze-and-excitation, attention maps) and passes silently.
"""

from __future__ import annotations

from engine.catalog.base import LayerSpec, Param, REQUIRED, register
from engine.errors import ParamError, ShapeError
from engine.shapes import elements, fmt
from engine.formulas import clauses
from engine.i18n import N_, msg

_MERGE_HINT = (msg("Element-wise merges need equal shapes (or a size-1 axis to broadcast). Add a Dense "
               "or 1×1 Conv projection so the sizes match, or use Concatenate to stack them instead."))


def _batch(layer: str, shapes):
    known = {s[0] for s in shapes if s and s[0] is not None}
    if len(known) > 1:
        raise ShapeError(msg("{layer}: the inputs have different batch sizes "
                             "({names}).", layer=layer, names=', '.join((fmt(s) for s in shapes))),
                         msg("Give every Input the same batch_size, or leave it empty."), code="merge")
    return known.pop() if known else None


def _require_batch_axis(layer: str, shapes):
    for s in shapes:
        if len(s) < 1:
            raise ShapeError(msg("{layer} receives a shape without a batch axis: {s}.",
                                 layer=layer, s=fmt(s)), code="rank")


def _broadcast_pair(layer, a, b, batch):
    """Keras's element-wise output shape for the non-batch shapes a and b."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return a
    lead = len(a) - len(b)
    out = list(a[:lead])
    for k, (i, j) in enumerate(zip(a[lead:], b)):
        if i is None or j is None:
            out.append(None)
        elif i == 1:
            out.append(j)
        elif j == 1 or i == j:
            out.append(i)
        else:
            raise ShapeError(
                msg("{layer}: input shapes {shape} and {shape2} do not match "
                    "(axis {value} of the larger is {i}, the other has {j}).",
                    layer=layer, shape=fmt((batch, *a)), shape2=fmt((batch, *b)), value=lead + k + 1, i=i,
                    j=j),
                _MERGE_HINT, code="merge")
    return tuple(out)


def _elementwise_rule(layer: str, symbol: str, exactly: int | None = None):
    def shape(p, shapes, ctx):
        n = len(shapes)
        if n < 2:
            raise ShapeError(msg("{layer} needs at least two inputs; only {n} connected.", layer=layer, n=n),
                             msg("Connect the tensors to merge to its input ports."), code="arity")
        if exactly is not None and n != exactly:
            raise ShapeError(msg("{layer} takes exactly {exactly} inputs; {n} are connected.",
                                 layer=layer, exactly=exactly, n=n),
                             msg("Subtract computes first − second; chain several layers for more."),
                             code="arity")
        _require_batch_axis(layer, shapes)
        batch = _batch(layer, shapes)
        out = shapes[0][1:]
        for s in shapes[1:]:
            out = _broadcast_pair(layer, out, s[1:], batch)
        out = (batch, *out)
        if _broadcasts(shapes, out):
            joined = f" {symbol} ".join(fmt(s) for s in shapes)
            ctx.warn(msg("{layer}: {joined} will broadcast to {out}.",
                         layer=layer, joined=joined, out=fmt(out)),
                     msg("Check this is intended; element-wise merges usually take equal shapes."),
                     code="broadcast")
        return out
    return shape


def _broadcasts(shapes, out) -> bool:
    """Whether an input of lower rank is broadcast (aligned on trailing axes)."""
    return any(len(s) != len(out) for s in shapes)


def _elementwise_macs(p, ins, outs):
    return elements(outs[0]) * max(len(ins) - 1, 0)


def _list_call(layer, tensors, p):
    return layer(list(tensors))


def _list_call_source(layer_expr, args, p):
    return f"{layer_expr}([{', '.join(args)}])"


def _declare_elementwise(type_name, symbol, doc, macs=None):
    return register(LayerSpec(
        type=type_name, category="merge", doc=doc, params=(),
        shape=_elementwise_rule(type_name, symbol),
        macs=macs or (lambda p, ins, outs: 0),
        variadic=True, min_inputs=2,
    ))


Add = _declare_elementwise(
    "Add", "+",
    "Adds its inputs element-wise (a residual connection).\n\n"
    "Example: Add()([x, shortcut]) on two (None, 32, 32, 64) tensors gives (None, 32, 32, 64).")

Multiply = _declare_elementwise(
    "Multiply", "×",
    "Multiplies its inputs element-wise (gating, attention weighting).\n\n"
    "Example: Multiply()([a, b]) on two (None, 10) tensors gives (None, 10).",
    macs=_elementwise_macs)

Average = _declare_elementwise(
    "Average", ",",
    "Element-wise mean of its inputs (ensembles of branches).\n\n"
    "Example: Average()([a, b, c]) on three (None, 10) tensors gives (None, 10).")

Maximum = _declare_elementwise(
    "Maximum", ",",
    "Element-wise maximum of its inputs.\n\nExample: Maximum()([a, b]) on (None, 8) tensors gives (None, 8).")

Minimum = _declare_elementwise(
    "Minimum", ",",
    "Element-wise minimum of its inputs.\n\nExample: Minimum()([a, b]) on (None, 8) tensors gives (None, 8).")

Subtract = register(LayerSpec(
    type="Subtract", category="merge",
    doc="Subtracts its second input from its first, element-wise.\n\n"
        "Example: Subtract()([x1, x2]) on two (None, 16) tensors gives (None, 16).",
    params=(),
    shape=_elementwise_rule("Subtract", "−", exactly=2),
    inputs=("x1", "x2"),
    call=_list_call, call_source=_list_call_source,
))


# --------------------------------------------------------- Concatenate ---

def _concat_shape(p, shapes, ctx):
    n = len(shapes)
    if n < 2:
        raise ShapeError(msg("Concatenate needs at least two inputs; only {n} connected.", n=n),
                         msg("Connect the tensors to join to its input ports."), code="arity")
    _require_batch_axis("Concatenate", shapes)
    ranks = {len(s) for s in shapes}
    if len(ranks) > 1:
        listed = ", ".join(fmt(s) for s in shapes)
        raise ShapeError(msg("Concatenate cannot join inputs of different ranks: {listed}.", listed=listed),
                         msg("Reshape or Flatten the inputs so they have the same number of axes, "
                             "or use GlobalAveragePooling to reduce a feature map to a vector."),
                         code="merge")
    rank = ranks.pop()
    axis = p["axis"]
    if not -rank <= axis < rank:
        raise ShapeError(msg("Concatenate axis={axis} does not exist for inputs of rank {rank} "
                             "such as {shapes_0}.", axis=axis, rank=rank, shapes_0=fmt(shapes[0])),
                         msg("Use an axis from 1 to {value} (or -1 for the last).", value=rank - 1),
                         code="axis")
    norm = axis % rank
    if norm == 0:
        raise ShapeError(msg("Concatenate axis={axis} is the batch axis of {shapes_0}.",
                             axis=axis, shapes_0=fmt(shapes[0])),
                         msg("Concatenate along a feature axis, usually -1 (channels)."), code="axis")
    for k in range(rank):
        if k == norm:
            continue
        known = {s[k] for s in shapes if s[k] is not None}
        if len(known) > 1:
            a = next(s for s in shapes if s[k] is not None)
            b = next(s for s in shapes if s[k] is not None and s[k] != a[k])
            values = dict(axis=axis, a=fmt(a), b=fmt(b), a2=a[k], b2=b[k])
            raise ShapeError(
                msg("Concatenate along axis {axis}: inputs {a} and {b} must match on every "
                    "other axis, but the batch size is {a2} vs {b2}.", **values) if k == 0 else
                msg("Concatenate along axis {axis}: inputs {a} and {b} must match on every "
                    "other axis, but axis {k} is {a2} vs {b2}.", k=k, **values),
                msg("Resize the inputs so they agree (pooling, cropping, padding or a projection), "
                    "or concatenate along the axis that differs."), code="merge")
    out = list(shapes[0])
    sizes = [s[norm] for s in shapes]
    out[norm] = None if any(d is None for d in sizes) else sum(sizes)
    return tuple(out)


def _concat_explain(p, ins, outs):
    norm = p["axis"] % len(ins[0])
    sizes = [s[norm] for s in ins]
    if any(d is None for d in sizes):
        return {"shape": msg("axis {axis}: the sum of the inputs' sizes, unknown here", axis=norm)}
    return {"shape": clauses([msg("axis {axis}: {sizes} = {total}", axis=norm, sizes=' + '.join(str(d) for d in sizes),
                                  total=sum(sizes)),
                              N_("other axes unchanged")])}


Concatenate = register(LayerSpec(
    type="Concatenate", category="merge",
    doc="Joins its inputs along one axis; all other axes must match.\n\n"
        "Example: Concatenate()([a, b]) on (None, 5, 3) and (None, 5, 4) gives (None, 5, 7).",
    params=(
        Param("axis", "int", -1, "Axis to join along (-1 is the last, usually channels); "
              "axis 0 is the batch and is not allowed."),
    ),
    shape=_concat_shape, variadic=True, min_inputs=2, key_params=("axis",), explain=_concat_explain,
))


# ----------------------------------------------------------------- Dot ---

def _dot_check(p):
    axes = p["axes"]
    if isinstance(axes, tuple) and len(axes) != 2:
        raise ParamError("axes", msg("axes must be one integer or a pair of integers (got {axes}).",
                                     axes=list(axes)),
                         msg("Give one axis for both inputs, or [axis_of_first, axis_of_second]."))


def _dot_axes(p, r1, r2):
    axes = p["axes"]
    if isinstance(axes, int):
        return (axes % r1, axes % r2) if axes < 0 else (axes, axes)
    return tuple(a % r if a < 0 else a for a, r in zip(axes, (r1, r2)))


def _dot_shape(p, shapes, ctx):
    if len(shapes) != 2:
        raise ShapeError(msg("Dot takes exactly 2 inputs; {count} are connected.", count=len(shapes)),
                         msg("Connect the two tensors whose dot product you want."), code="arity")
    s1, s2 = shapes
    if len(s1) < 2 or len(s2) < 2:
        raise ShapeError(msg("Dot needs inputs with at least one axis besides the batch, but receives "
                             "{s1} and {s2}.", s1=fmt(s1), s2=fmt(s2)), code="rank")
    raw = p["axes"]
    a1, a2 = _dot_axes(p, len(s1), len(s2))
    for a, s, r in ((a1, s1, raw), (a2, s2, raw)):
        if not 0 <= a < len(s):
            raise ShapeError(msg("Dot axes={value} does not exist for the "
                                 "input {s}.", value=list(r) if isinstance(r, tuple) else r, s=fmt(s)),
                             msg("Use an axis from 1 to {value} (or -1 for the last).", value=len(s) - 1),
                             code="axis")
        if a == 0:
            raise ShapeError(msg("Dot cannot take the product over the batch axis (axes="
                                 "{value}).", value=list(r) if isinstance(r, tuple) else r),
                             msg("Use a feature axis, usually -1."), code="axis")
    d1, d2 = s1[a1], s2[a2]
    if d1 != d2:
        if d1 is None or d2 is None:
            raise ShapeError(msg("Dot: axis {a1} of {s1} and axis {a2} of {s2} must have the "
                                 "same known size ({d1} vs {d2}).",
                                 a1=a1, s1=fmt(s1), a2=a2, s2=fmt(s2), d1=d1, d2=d2),
                             msg("Give the Input a fixed size on the axis being multiplied."),
                             code="unknown_dim")
        raise ShapeError(msg("Dot: axis {a1} of {s1} has size {d1} but axis {a2} of {s2} has "
                             "size {d2}; the dot product needs them equal.",
                             a1=a1, s1=fmt(s1), d1=d1, a2=a2, s2=fmt(s2), d2=d2),
                         msg("Choose axes of equal size, or add a Dense projection to match them."),
                         code="merge")
    out = [d for k, d in enumerate(s1) if k != a1] + [d for k, d in enumerate(s2) if k not in (0, a2)]
    if len(out) == 1:
        out.append(1)
    if s1[0] is not None and s2[0] is not None and s1[0] != s2[0]:
        raise ShapeError(msg("Dot: the inputs have different batch sizes ({s1} and {s2}).",
                             s1=fmt(s1), s2=fmt(s2)),
                         msg("Give both Inputs the same batch_size, or leave it empty."), code="merge")
    return tuple(out)


def _dot_macs(p, ins, outs):
    if len(ins) != 2 or len(ins[0]) < 2 or len(ins[1]) < 2:
        return 0
    a1, _ = _dot_axes(p, len(ins[0]), len(ins[1]))
    d = ins[0][a1] if 0 <= a1 < len(ins[0]) else None
    return elements(outs[0]) * (d or 1)


def _dot_explain(p, ins, outs):
    if len(ins) != 2 or len(ins[0]) < 2 or len(ins[1]) < 2:
        return {}
    a1, a2 = _dot_axes(p, len(ins[0]), len(ins[1]))
    d = ins[0][a1] if 0 <= a1 < len(ins[0]) else None
    out_values = list(outs[0][1:]) or [1]
    if None in out_values:  # the MAC estimate counts an unknown output as 0
        out_values = [0]
    length = d if d is not None else "?"
    return {"shape": clauses([msg("axis {axis1} of x1 and axis {axis2} of x2 ({length} values) are "
                                  "multiplied and summed away", axis1=a1, axis2=a2, length=length),
                              msg("the other axes remain: {output}", output=fmt(outs[0]))]),
            "macs": (N_("output values·summed length"), "·".join(str(v) for v in (*out_values, d or 1)))}


Dot = register(LayerSpec(
    type="Dot", category="merge",
    doc="Dot product of two samples along the given axes (cosine similarity with normalize=True).\n\n"
        "Example: Dot(axes=1)([a, b]) on two (None, 8) tensors gives (None, 1); Dot(axes=(1, 2)) on "
        "(None, 3, 5) and (None, 10, 3) gives (None, 5, 10).",
    params=(
        Param("axes", "axis", REQUIRED,
              "Axis to multiply along, or a pair [axis of first input, axis of second]; not 0 (batch)."),
        Param("normalize", "bool", False,
              "L2-normalise both inputs along the axes first, so the result is a cosine similarity."),
    ),
    shape=_dot_shape, macs=_dot_macs, check=_dot_check, explain=_dot_explain,
    inputs=("x1", "x2"),
    call=_list_call, call_source=_list_call_source,
    key_params=("axes",),
))

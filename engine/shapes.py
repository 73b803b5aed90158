"""Shape arithmetic shared by the shape rules, written to match Keras 3.

All shapes include the batch axis first. ``None`` is an unknown size; every
function here propagates ``None`` the way Keras does.
"""

from __future__ import annotations


from engine.errors import ShapeError
from engine.i18n import msg


def fmt(shape) -> str:
    """(None, 28, 28, 1) — how Keras prints a shape."""
    if shape is None:
        return "?"
    if isinstance(shape, list):
        return "[" + ", ".join(fmt(s) for s in shape) + "]"
    inner = ", ".join("None" if d is None else str(d) for d in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


def elements(shape) -> int:
    """Number of values per sample (the batch axis excluded); 0 if unknown."""
    n = 1
    for d in shape[1:]:
        if d is None:
            return 0
        n *= d
    return n


RANK_NAMES = {
    2: "(batch, features)",
    3: "(batch, steps, channels)",
    4: "(batch, height, width, channels)",
    5: "(batch, depth, height, width, channels)",
}


def require_rank(layer: str, shape, rank: int, hint: str = "", what: str | None = None):
    """Raise a ShapeError unless ``shape`` has exactly ``rank`` axes (batch included)."""
    if len(shape) != rank:
        desc = what or RANK_NAMES.get(rank, f"{rank}-D")
        raise ShapeError(
            msg("{layer} expects a {rank}-D input {desc} but receives {shape}.",
                layer=layer, rank=rank, desc=desc, shape=fmt(shape)),
            hint or rank_hint(shape, rank), code="rank")


def require_min_rank(layer: str, shape, rank: int, hint: str = ""):
    if len(shape) < rank:
        raise ShapeError(msg("{layer} expects an input with at least {rank} axes (batch included) "
                             "but receives {shape}.", layer=layer, rank=rank, shape=fmt(shape)),
                             hint or rank_hint(shape, rank), code="rank")


def rank_hint(shape, rank: int) -> str:
    have = len(shape)
    if rank == 2 and have > 2:
        return msg("Insert a Flatten or a GlobalAveragePooling layer before it.")
    if have == 2 and rank == 3:
        return (msg("Add a Reshape to ({shape_1}, 1) to treat each feature as a time step, "
                    "or a RepeatVector to repeat the vector over time steps.", shape_1=shape[1]))
    if have == 2 and rank == 4:
        return msg("Add a Reshape to (height, width, channels) before it.")
    if have == 3 and rank == 4:
        return msg("For a single-channel image add a channel axis: Reshape to ({shape_1}, {shape_2}, 1).",
                   shape_1=shape[1], shape_2=shape[2])
    if have == 4 and rank == 3:
        return msg("Use the 2D variant of the layer, or Reshape to (steps, channels).")
    if have == 4 and rank == 5:
        return msg("For a single image use the 2D variant; the 3D layers are for video or volumes.")
    return msg("Reshape the input to {value} non-batch axes.", value=rank - 1)


def split_channels(shape, data_format: str | None):
    """(spatial dims, channels) of a conv-style input."""
    if data_format == "channels_first":
        return list(shape[2:]), shape[1]
    return list(shape[1:-1]), shape[-1]


def join_channels(batch, spatial, channels, data_format: str | None):
    if data_format == "channels_first":
        return (batch, channels, *spatial)
    return (batch, *spatial, channels)


def conv_length(length, kernel: int, stride: int, padding: str, dilation: int = 1):
    """Output length of a convolution or pooling window along one axis."""
    if length is None:
        return None
    effective = dilation * (kernel - 1) + 1
    if padding in ("same", "causal"):
        return -(-length // stride)
    return (length - effective) // stride + 1


def deconv_length(length, kernel: int, stride: int, padding: str, output_padding, dilation: int = 1):
    """Output length of a transposed convolution along one axis (Keras 3 rule)."""
    if length is None:
        return None
    effective = dilation * (kernel - 1) + 1
    if output_padding is None:
        if padding == "valid":
            return length * stride + max(effective - stride, 0)
        return length * stride
    pad = effective // 2 if padding == "same" else 0
    return (length - 1) * stride + effective - 2 * pad + output_padding


def check_positive(layer: str, out_shape, in_shape, what: str, hint: str):
    """Refuse any axis that became zero or negative (Keras sometimes allows it)."""
    bad = [d for d in out_shape[1:] if d is not None and d <= 0]
    if bad:
        raise ShapeError(
            msg("{layer}: {what} does not fit the input {in_shape}; "
                "the output would be {out_shape}.",
                layer=layer, what=what, in_shape=fmt(in_shape), out_shape=fmt(out_shape)), hint, code="size")


def resolve_axis(layer: str, axis: int, shape, what: str = "axis") -> int:
    """The non-negative index of ``axis`` in ``shape``; the batch axis is refused.

    Raises a ShapeError naming the valid axes when ``axis`` does not exist or
    is the batch axis (Keras sometimes accepts the latter with a fixed batch
    size, but statistics or weights over the batch are never what is meant).
    """
    rank = len(shape)
    valid = [str(i) for i in range(1, rank)] + [str(-i) for i in range(1, rank)]
    listed = ", ".join(valid) if valid else "none"
    if not -rank <= axis < rank:
        raise ShapeError(
            msg("{layer}: {what}={axis} does not exist for input {shape} "
                "(valid axes: {listed}).",
                layer=layer, what=what, axis=axis, shape=fmt(shape), listed=listed),
            msg("Set {what} to one of {listed}; -1 is the last (channel) axis.", what=what, listed=listed),
            code="axis")
    if axis % rank == 0:
        raise ShapeError(
            msg("{layer}: {what}={axis} is the batch axis of input {shape}.",
                layer=layer, what=what, axis=axis, shape=fmt(shape)),
            msg("The batch axis cannot be used here; pick one of {listed}.", listed=listed), code="axis")
    return axis % rank


def resolve_axes(layer: str, axes, shape, what: str = "axis") -> tuple:
    """Like :func:`resolve_axis` for an int or a list of ints; duplicates are refused."""
    if isinstance(axes, int):
        axes = (axes,)
    out = tuple(resolve_axis(layer, a, shape, what) for a in axes)
    if len(set(out)) != len(out):
        raise ShapeError(
            msg("{layer}: {what}={axes} names the same axis of input {shape} twice.",
                layer=layer, what=what, axes=list(axes), shape=fmt(shape)),
            msg("List each axis once (axis -1 and axis {value} are the same here).", value=len(shape) - 1),
            code="axis")
    return out


def require_known(layer: str, shape, axis: int, what: str = "axis", hint: str = ""):
    """Raise a ShapeError when ``shape[axis]`` is unknown but sizes a weight or statistic."""
    if shape[axis] is None:
        shown = axis - len(shape) if axis == len(shape) - 1 else axis
        raise ShapeError(
            msg("{layer} cannot be built: {what} {shown} of its input {shape} has unknown size.",
                layer=layer, what=what, shown=shown, shape=fmt(shape)),
            hint or msg("Its weights are sized by this axis, so it must be fixed. Give the Input a "
                "fixed size on this axis, or normalize over another axis."),
            code="unknown_dim")

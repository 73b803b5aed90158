"""Spatial reshaping layers: UpSampling1D/2D/3D, ZeroPadding1D/2D/3D,
Cropping1D/2D/3D.

Each family is declared once by a factory for the 1D, 2D and 3D ranks. None
of them has weights; they change only the spatial axes.
"""

from __future__ import annotations

import math

from engine.catalog.base import LayerSpec, Param, prod, register
from engine.errors import ParamError
from engine.shapes import check_positive, join_channels, require_rank, split_channels
from engine.formulas import clauses
from engine.i18n import N_, msg

_AXES = {1: ("steps",), 2: ("height", "width"), 3: ("depth", "height", "width")}
_AXIS_WORDS = {"steps": N_("steps"), "height": N_("height"), "width": N_("width"), "depth": N_("depth")}
_ORDINAL = ("1st", "2nd", "3rd")


def _data_format_param():
    return Param("data_format", "choice", None, "Axis order of the input (channels_last when empty).",
                 choices=(None, "channels_last", "channels_first"), nullable=True, advanced=True)


def _layout(rank: int, data_format) -> str:
    axes = ", ".join(_AXES[rank])
    if data_format == "channels_first":
        return f"(batch, channels, {axes})"
    return f"(batch, {axes}, channels)"


def _spatial(name: str, rank: int, p, shape):
    """(spatial dims, channels) after checking the input rank."""
    data_format = p.get("data_format")
    hint = ""
    if data_format == "channels_first" and len(shape) == rank + 1:
        dims = ", ".join("None" if d is None else str(d) for d in shape[1:])
        hint = msg("For a single-channel input add the channel axis first: Reshape to (1, {dims}).",
                   dims=dims)
    require_rank(name, shape, rank + 2, hint=hint, what=_layout(rank, data_format))
    return split_channels(shape, data_format)


def _output(shape, spatial, channels, p):
    return join_channels(shape[0], spatial, channels, p.get("data_format"))


def _axis_words(rank, shape, p, each) -> str:
    """'height: 14·2 = 28; width: …; channels unchanged = 8' with ``each(axis_index, n)``
    giving the arithmetic of one axis (None when the size is unknown)."""
    spatial, channels = split_channels(shape, p.get("data_format"))
    parts = []
    for i, (axis, n) in enumerate(zip(_AXES[rank], spatial)):
        parts.append(msg("{axis}: unknown", axis=_AXIS_WORDS[axis]) if n is None else
                     msg("{axis}: {arithmetic}", axis=_AXIS_WORDS[axis], arithmetic=each(i, n)))
    return clauses(parts + [msg("channels unchanged = {channels}", channels=channels)])


def _plural(rank):
    return {1: "1D (sequences)", 2: "2D (images)", 3: "3D (volumes or video)"}[rank]


# ------------------------------------------------------------ UpSampling ---

def _upsampling(rank: int) -> LayerSpec:
    name = f"UpSampling{rank}D"

    def shape_rule(p, shapes, ctx):
        shape = shapes[0]
        spatial, channels = _spatial(name, rank, p, shape)
        sizes = (p["size"],) if rank == 1 else p["size"]
        out = [None if d is None else d * s for d, s in zip(spatial, sizes)]
        return _output(shape, out, channels, p)

    def macs(p, ins, outs):
        if p.get("interpolation", "nearest") == "nearest":
            return 0  # a copy
        return 4 * prod(d for d in outs[0][1:] if d)  # bilinear-like: a few taps per value

    def explain(p, ins, outs):
        sizes = (p["size"],) if rank == 1 else p["size"]
        return {"shape": _axis_words(rank, ins[0], p, lambda i, n: f"{n}·{sizes[i]} = {n * sizes[i]}")}

    if rank == 1:
        params = (Param("size", "int", 2, "How many times each step is repeated.", min=1),)
        example = "UpSampling1D(2) maps (None, 10, 8) to (None, 20, 8)."
    else:
        default = (2,) * rank
        params = (
            Param("size", "tuple", default, f"Upsampling factor along {', '.join(_AXES[rank])} "
                                            "(an integer for all of them).", rank=rank),
            _data_format_param(),
        )
        example = (f"{name}(2) maps (None, 14, 14, 8) to (None, 28, 28, 8)." if rank == 2 else
                   f"{name}(2) maps (None, 4, 8, 8, 3) to (None, 8, 16, 16, 3).")
        if rank == 2:
            params += (Param("interpolation", "choice", "nearest",
                             "How new values are computed: nearest repeats, the others interpolate.",
                             choices=("nearest", "bilinear", "bicubic", "lanczos3", "lanczos5", "area")),)
    return register(LayerSpec(
        type=name, category="reshaping",
        doc=f"Enlarges {_plural(rank)} by repeating (or interpolating) each value `size` times per "
            f"spatial axis; channels are unchanged and there are no weights.\n\nExample: {example}",
        params=params, shape=shape_rule, macs=macs, key_params=("size",), explain=explain,
    ))


UpSampling1D = _upsampling(1)
UpSampling2D = _upsampling(2)
UpSampling3D = _upsampling(3)


# -------------------------------------------------- padding and cropping ---

def _amount(name: str, v, what: str):
    if (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)
            or float(v) != int(v) or v < 0):
        raise ParamError(name, msg("{name}: {what} must be an integer ≥ 0 (got {v}).",
                                   name=name, what=what, v=repr(v)))
    return int(v)


def pairs(name: str, value, rank: int) -> tuple:
    """Read an amount per side, as Keras does, into ((before, after), ...) per spatial axis.

    Accepted: an int (all sides), a list of ``rank`` entries each an int (both
    sides of that axis) or a [before, after] pair. For rank 1 a flat pair is
    (left, right), as in Keras's ZeroPadding1D and Cropping1D.
    """
    usage = msg("{name} must be an integer, a list of {rank} integers (one per axis) or a list of "
                "{rank} [before, after] pairs, e.g. {example}",
                name=name, rank=rank, example=[[1, 1]] * rank if rank > 1 else [1, 2])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        n = _amount(name, value, name)
        return ((n, n),) * rank
    if not isinstance(value, (list, tuple)):
        raise ParamError(name, msg("{usage} (got {value}).", usage=usage, value=repr(value)))
    if rank == 1:
        if len(value) == 1 and isinstance(value[0], (list, tuple)):
            value = value[0]
        if len(value) != 2:
            raise ParamError(name, msg("{usage} (got {value}).", usage=usage, value=repr(value)))
        return ((_amount(name, value[0], "each entry"), _amount(name, value[1], "each entry")),)
    if len(value) != rank:
        raise ParamError(name, msg("{usage} (got {value}: {count} entries).",
                                   usage=usage, value=repr(value), count=len(value)))
    out = []
    for i, entry in enumerate(value):
        what = f"the {_ORDINAL[i]} entry"
        if isinstance(entry, (list, tuple)):
            if len(entry) != 2:
                raise ParamError(name, msg("{name}: {what} must be one integer or a [before, after] pair "
                                           "(got {entry}).", name=name, what=what, entry=repr(entry)))
            out.append((_amount(name, entry[0], what), _amount(name, entry[1], what)))
        else:
            n = _amount(name, entry, what)
            out.append((n, n))
    return tuple(out)


def _pairs_param(name: str, default, rank: int, verb: str):
    help = (f"Amount to {verb} per side: an integer, one per axis, or [before, after] per axis "
            f"({', '.join(_AXES[rank])}).")
    if rank == 1:
        return Param(name, "tuple", default, f"Amount to {verb} at the start and end of the steps: "
                                             "an integer or [start, end].", rank=2, min=0)
    return Param(name, "any", default, help)


def _pairs_words(rank, shape, p, amounts, sign) -> dict:
    def each(i, n):
        a, b = amounts[i]
        out = n + a + b if sign == "+" else n - a - b
        return f"{n} {sign} {a} {sign} {b} = {out}"
    return {"shape": _axis_words(rank, shape, p, each)}


def _zero_padding(rank: int) -> LayerSpec:
    name = f"ZeroPadding{rank}D"

    def shape_rule(p, shapes, ctx):
        shape = shapes[0]
        spatial, channels = _spatial(name, rank, p, shape)
        amounts = pairs("padding", p["padding"], rank)
        out = [None if d is None else d + a + b for d, (a, b) in zip(spatial, amounts)]
        return _output(shape, out, channels, p)

    default = {1: 1, 2: (1, 1), 3: ((1, 1), (1, 1), (1, 1))}[rank]
    example = {1: "ZeroPadding1D(2) maps (None, 10, 8) to (None, 14, 8).",
               2: "ZeroPadding2D(2) maps (None, 28, 28, 1) to (None, 32, 32, 1), as in LeNet-5.",
               3: "ZeroPadding3D(1) maps (None, 8, 8, 8, 3) to (None, 10, 10, 10, 3)."}[rank]
    return register(LayerSpec(
        type=name, category="reshaping",
        doc=f"Adds rows of zeros around {_plural(rank)} along each spatial axis; channels are unchanged "
            f"and there are no weights.\n\nExample: {example}",
        params=(_pairs_param("padding", default, rank, "pad"), _data_format_param()),
        shape=shape_rule,
        explain=lambda p, ins, outs: _pairs_words(rank, ins[0], p, pairs("padding", p["padding"], rank), "+"),
        check=lambda p: pairs("padding", p["padding"], rank),
        key_params=("padding",),
    ))


ZeroPadding1D = _zero_padding(1)
ZeroPadding2D = _zero_padding(2)
ZeroPadding3D = _zero_padding(3)


def _cropping(rank: int) -> LayerSpec:
    name = f"Cropping{rank}D"

    def shape_rule(p, shapes, ctx):
        shape = shapes[0]
        spatial, channels = _spatial(name, rank, p, shape)
        amounts = pairs("cropping", p["cropping"], rank)
        out = [None if d is None else d - a - b for d, (a, b) in zip(spatial, amounts)]
        result = _output(shape, out, channels, p)
        for axis, d, (a, b) in zip(_AXES[rank], spatial, amounts):
            if d is not None and a + b >= d:
                check_positive(
                    name, result, shape,
                    msg("cropping {a} + {b} from a {axis} of {d}", a=a, b=b, axis=msg(_AXIS_WORDS[axis]),
                        d=d),
                    msg("Crop less than the {axis} of the input ({d}) in total; cropping everything "
                        "away leaves nothing to pass on.", axis=msg(_AXIS_WORDS[axis]), d=d))
        return result

    default = {1: (1, 1), 2: ((0, 0), (0, 0)), 3: ((1, 1), (1, 1), (1, 1))}[rank]
    example = {1: "Cropping1D((1, 2)) maps (None, 10, 8) to (None, 7, 8).",
               2: "Cropping2D(((2, 2), (4, 4))) maps (None, 28, 28, 3) to (None, 24, 20, 3).",
               3: "Cropping3D(1) maps (None, 8, 8, 8, 3) to (None, 6, 6, 6, 3)."}[rank]
    params = (_pairs_param("cropping", default, rank, "crop"),)
    if rank > 1:
        params += (_data_format_param(),)
    return register(LayerSpec(
        type=name, category="reshaping",
        doc=f"Removes values at the borders of {_plural(rank)} along each spatial axis; channels are "
            f"unchanged and there are no weights.\n\nExample: {example}",
        params=params, shape=shape_rule,
        explain=lambda p, ins, outs: _pairs_words(rank, ins[0], p, pairs("cropping", p["cropping"], rank), "−"),
        check=lambda p: pairs("cropping", p["cropping"], rank),
        key_params=("cropping",),
    ))


Cropping1D = _cropping(1)
Cropping2D = _cropping(2)
Cropping3D = _cropping(3)

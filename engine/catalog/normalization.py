"""Normalization and regularization layers: BatchNormalization,
LayerNormalization, GroupNormalization, Normalization, SpatialDropout1D/2D/3D,
GaussianNoise, GaussianDropout, AlphaDropout, ActivityRegularization."""

from __future__ import annotations

import math

from engine.catalog.base import (
    PASS_ACTIVATION, LayerSpec, Param, constraint_param, initializer_param, prod,
    regularizer_param, register, REQUIRED,
)
from engine.errors import ParamError, ShapeError
from engine.formulas import plus, times
from engine.shapes import (
    fmt, require_known, require_min_rank, require_rank, resolve_axes, resolve_axis,
)
from engine.i18n import N_, msg


def _same(p, shapes, ctx):
    return shapes[0]


def _per_sample(shape) -> int:
    """Values per sample, unknown axes counted as 1 (for MAC estimates)."""
    return prod(d for d in shape[1:] if d)


def _elementwise_macs(p, ins, outs):
    return _per_sample(ins[0])


def _gamma_beta_params(center_help: str, scale_help: str):
    return (
        Param("center", "bool", True, center_help),
        Param("scale", "bool", True, scale_help),
        initializer_param("beta_initializer", "zeros"),
        initializer_param("gamma_initializer", "ones"),
        regularizer_param("beta_regularizer"),
        regularizer_param("gamma_regularizer"),
        constraint_param("beta_constraint"),
        constraint_param("gamma_constraint"),
    )


def _epsilon_param():
    return Param("epsilon", "float", 1e-3, "Small constant added to the variance to avoid dividing by zero.",
                 min=0, min_exclusive=True, advanced=True)


# ---------------------------------------------------- BatchNormalization ---

def _bn_channels(p, shape):
    require_min_rank("BatchNormalization", shape, 2)
    axis = resolve_axis("BatchNormalization", p["axis"], shape)
    require_known("BatchNormalization", shape, axis,
                  hint=msg("BatchNormalization keeps one mean and variance per entry of this axis, so its "
                       "size must be fixed. Give the Input a fixed size, or set axis to the channel axis."))
    return shape[axis]


def _bn_shape(p, shapes, ctx):
    _bn_channels(p, shapes[0])
    return shapes[0]


def _bn_weights(p, shapes):
    c = _bn_channels(p, shapes[0])
    trainable = c * (int(p["scale"]) + int(p["center"]))
    # moving mean and variance; renorm adds moving_stddev, renorm_mean, renorm_stddev
    non_trainable = c * (5 if p["renorm"] else 2)
    return (trainable, non_trainable)


def _gamma_beta(p) -> tuple:
    names = [n for n, on in (("γ", p["scale"]), ("β", p["center"])) if on]
    if len(names) == 2:
        return 2, msg("{first} and {second}", first=names[0], second=names[1])
    return len(names), "".join(names)


def _bn_explain(p, ins, outs):
    c = _bn_channels(p, ins[0])
    k, names = _gamma_beta(p)
    stats = 5 if p["renorm"] else 2
    stats_names = (N_("moving mean, variance, stddev and the renorm mean, stddev") if p["renorm"]
                   else N_("moving mean and variance"))
    terms = []
    if k:
        terms.append(times(k, c))
    terms.append(times(stats, c))
    rule = msg("{names}: {count}·channels (non-trainable)", names=stats_names, count=stats)
    if k:
        rule = msg("{names}: {count}·channels (trainable) + {rest}", names=names, count=k, rest=rule)
    return {"params": (rule, plus(*terms))}


def _bn_check(p):
    clip = p["renorm_clipping"]
    if clip is None:
        return
    if not isinstance(clip, dict) or set(clip) - {"rmax", "rmin", "dmax"}:
        raise ParamError("renorm_clipping", msg("renorm_clipping must be an object with keys among "
                             "'rmax', 'rmin' and 'dmax' (got {clip}).", clip=repr(clip)))
    for key, value in clip.items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise ParamError("renorm_clipping", msg("renorm_clipping[{key}] must be a number (got {value}).",
                                                    key=repr(key), value=repr(value)))
    rmax, rmin, dmax = clip.get("rmax"), clip.get("rmin"), clip.get("dmax")
    if rmax is not None and rmin is not None and rmax < rmin:
        raise ParamError("renorm_clipping", msg("renorm_clipping: rmax ({rmax}) must be ≥ rmin ({rmin}).",
                                                rmax=rmax, rmin=rmin))
    if dmax is not None and dmax < 0:
        raise ParamError("renorm_clipping", msg("renorm_clipping: dmax must be ≥ 0 (got {dmax}).",
                                                dmax=dmax))


BatchNormalization = register(LayerSpec(
    type="BatchNormalization", category="normalization",
    doc="Normalizes each feature (entry of `axis`) to mean 0 and variance 1 using batch statistics in "
        "training and moving averages in inference, then scales by gamma and shifts by beta.\n\n"
        "Weights: 4·C for C = input_shape[axis] (gamma and beta trainable, moving mean and variance not).\n"
        "Example: BatchNormalization() on (None, 8, 8, 16) has 64 weights, 32 of them trainable.",
    params=(
        Param("axis", "int", -1, "The feature axis normalized separately (usually the channel axis, -1)."),
        Param("momentum", "float", 0.99, "Momentum of the moving mean and variance.", min=0, max=1),
        _epsilon_param(),
        *_gamma_beta_params("Whether to add the learned offset beta.", "Whether to multiply by the learned scale gamma."),
        initializer_param("moving_mean_initializer", "zeros"),
        initializer_param("moving_variance_initializer", "ones"),
        Param("renorm", "bool", False, "Use batch renormalization (three more non-trainable vectors).",
              advanced=True),
        Param("renorm_clipping", "any", None, "Batch renormalization clipping: {'rmax', 'rmin', 'dmax'}.",
              nullable=True, advanced=True),
        Param("renorm_momentum", "float", 0.99, "Momentum of the batch renormalization statistics.",
              min=0, max=1, advanced=True),
        Param("synchronized", "bool", False, "Synchronize the statistics across devices (TensorFlow only).",
              advanced=True),
    ),
    shape=_bn_shape, weights=_bn_weights, macs=_elementwise_macs, check=_bn_check, explain=_bn_explain,
    key_params=("axis",),
))


# ---------------------------------------------------- LayerNormalization ---

def _ln_axes(p, shape):
    require_min_rank("LayerNormalization", shape, 2)
    axes = resolve_axes("LayerNormalization", p["axis"], shape)
    for axis in axes:
        require_known("LayerNormalization", shape, axis,
                      hint=msg("Gamma and beta have one entry per position of the normalized axes, so their "
                           "sizes must be fixed. Normalize over the feature axis (-1) only, or give the "
                           "Input a fixed size."))
    return axes


def _ln_shape(p, shapes, ctx):
    _ln_axes(p, shapes[0])
    return shapes[0]


def _ln_weights(p, shapes):
    shape = shapes[0]
    size = prod(shape[a] for a in _ln_axes(p, shape))
    return (size * (int(p["scale"]) + int(p["center"])), 0)


def _ln_explain(p, ins, outs):
    shape = ins[0]
    sizes = [shape[a] for a in _ln_axes(p, shape)]
    k, names = _gamma_beta(p)
    if not k:
        return {}
    return {"params": (msg("{names}: {count}·(size of the normalized axes)", names=names, count=k),
                       times(k, *sizes))}


LayerNormalization = register(LayerSpec(
    type="LayerNormalization", category="normalization",
    doc="Normalizes each sample over `axis` (the features, by default) to mean 0 and variance 1, "
        "independently of the batch, then scales by gamma and shifts by beta.\n\n"
        "Example: LayerNormalization() on (None, 10, 64) has 128 trainable weights.",
    params=(
        Param("axis", "axis", -1, "Axis or axes normalized together (-1: the features)."),
        _epsilon_param(),
        *_gamma_beta_params("Whether to add the learned offset beta.", "Whether to multiply by the learned scale gamma."),
    ),
    shape=_ln_shape, weights=_ln_weights, macs=_elementwise_macs, explain=_ln_explain,
    key_params=("axis",),
))


# ---------------------------------------------------- GroupNormalization ---

def _divisors(n):
    return [d for d in range(1, n + 1) if n % d == 0]


def _gn_channels(p, shape):
    require_min_rank("GroupNormalization", shape, 2)
    axis = resolve_axis("GroupNormalization", p["axis"], shape)
    require_known("GroupNormalization", shape, axis,
                  hint=msg("The channels are split into groups, so their number must be fixed."))
    channels = shape[axis]
    if channels <= 0:
        raise ShapeError(msg("GroupNormalization: input {shape} has no channels on axis {axis}.",
                             shape=fmt(shape), axis=p['axis']),
                         msg("Fix the layer before it so that it produces at least one channel."),
                         code="size")
    groups = channels if p["groups"] == -1 else p["groups"]
    if groups > channels or channels % groups:
        shown = ", ".join(str(d) for d in _divisors(channels))
        raise ShapeError(
            msg("GroupNormalization: groups={groups} must divide the number of channels ({channels}) "
                "of input {shape}.", groups=groups, channels=channels, shape=fmt(shape)),
            msg("Pick groups among the divisors of {channels}: {shown} (or -1 for one group per channel).",
                channels=channels, shown=shown),
            code="groups")
    return channels


def _gn_shape(p, shapes, ctx):
    _gn_channels(p, shapes[0])
    return shapes[0]


def _gn_weights(p, shapes):
    c = _gn_channels(p, shapes[0])
    return (c * (int(p["scale"]) + int(p["center"])), 0)


def _gn_explain(p, ins, outs):
    c = _gn_channels(p, ins[0])
    k, names = _gamma_beta(p)
    if not k:
        return {}
    return {"params": (msg("{names}: {count}·channels", names=names, count=k), times(k, c))}


def _gn_check(p):
    if p["groups"] == 0:
        raise ParamError("groups", msg("groups must be a positive integer, or -1 for instance "
                                       "normalization (got 0)."))


GroupNormalization = register(LayerSpec(
    type="GroupNormalization", category="normalization",
    doc="Splits the channels into `groups` and normalizes each group of each sample to mean 0 and "
        "variance 1; groups=1 is layer normalization over the channels, groups=-1 instance normalization.\n\n"
        "Example: GroupNormalization(groups=8) on (None, 32, 32, 64) has 128 trainable weights.",
    params=(
        Param("groups", "int", 32, "Number of channel groups; must divide the channels (-1: one per channel).",
              min=-1),
        Param("axis", "int", -1, "The channel axis."),
        _epsilon_param(),
        *_gamma_beta_params("Whether to add the learned offset beta.", "Whether to multiply by the learned scale gamma."),
    ),
    shape=_gn_shape, weights=_gn_weights, macs=_elementwise_macs, check=_gn_check, explain=_gn_explain,
    key_params=("groups",),
))


# --------------------------------------------------------- Normalization ---

def _nested_shape(name, value):
    """Shape of a number or a rectangular nested list of numbers."""
    if isinstance(value, bool):
        raise ParamError(name, msg("{name} must be a number or a list of numbers (got {value}).",
                                   name=name, value=repr(value)))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ParamError(name, msg("{name} must be made of finite numbers (got {value}).",
                                       name=name, value=repr(value)))
        return ()
    if isinstance(value, (list, tuple)) and value:
        inner = [_nested_shape(name, v) for v in value]
        if any(s != inner[0] for s in inner):
            raise ParamError(name, msg("{name} must be a rectangular list of numbers (got {value}).",
                                       name=name, value=repr(value)))
        return (len(value), *inner[0])
    raise ParamError(name, msg("{name} must be a number or a list of numbers (got {value}).",
                               name=name, value=repr(value)))


def _norm_axes(p):
    axis = p["axis"]
    if axis is None:
        return ()
    return (axis,) if isinstance(axis, int) else tuple(axis)


def _norm_check(p):
    mean, variance = p["mean"], p["variance"]
    if (mean is None) != (variance is None):
        missing = "variance" if variance is None else "mean"
        raise ParamError(missing, msg("Normalization needs both mean and variance, or neither "
                                      "(then they are learned with adapt()); {missing} is missing.",
                                      missing=missing))
    if mean is None:
        return
    mean_shape = _nested_shape("mean", mean)
    var_shape = _nested_shape("variance", variance)
    if mean_shape != var_shape:
        raise ParamError("variance", msg("Normalization: mean and variance must have the same shape "
                                         "(got {mean_shape} and {var_shape}).",
                                         mean_shape=list(mean_shape), var_shape=list(var_shape)))
    axes = _norm_axes(p)
    if len(mean_shape) > len(axes):
        raise ParamError("mean", msg("Normalization: mean has {count} axes but only {count2} "
                                     "axis(es) are kept (axis={axis}).",
                                     count=len(mean_shape), count2=len(axes), axis=p['axis']),
                         msg("Give one value per entry of the kept axis, e.g. 3 values for 3 channels."))


def _norm_kept(p, shape):
    require_min_rank("Normalization", shape, 2)
    kept = tuple(sorted(resolve_axes("Normalization", _norm_axes(p), shape))) if _norm_axes(p) else ()
    for axis in kept:
        require_known("Normalization", shape, axis,
                      hint=msg("Normalization keeps one mean and variance per entry of the kept axes, so their "
                           "sizes must be fixed. Give the Input a fixed size, or keep another axis."))
    return kept


def _norm_shape(p, shapes, ctx):
    shape = shapes[0]
    kept = _norm_kept(p, shape)
    if p["mean"] is not None:
        mean_shape = _nested_shape("mean", p["mean"])
        for i in range(1, len(mean_shape) + 1):
            axis = kept[-i]
            if mean_shape[-i] not in (1, shape[axis]):
                raise ShapeError(
                    msg("Normalization: mean and variance have {mean_shape} values along axis {axis}, "
                        "but input {shape} has {shape2} there.",
                        mean_shape=mean_shape[-i], axis=axis, shape=fmt(shape), shape2=shape[axis]),
                    msg("Give {shape} values (one per entry), or a single number for all of them.",
                        shape=shape[axis]),
                    code="size")
    return shape


def _norm_weights(p, shapes):
    kept = _norm_kept(p, shapes[0])
    if p["mean"] is not None:
        return (0, 0)  # given statistics are constants, not weights
    size = prod(shapes[0][a] for a in kept)
    return (0, 2 * size + 1)  # mean, variance and the sample count


def _norm_explain(p, ins, outs):
    if p["mean"] is not None:
        return {"params": (N_("0 (mean and variance are given as constants, not weights)"), "0")}
    sizes = [ins[0][a] for a in _norm_kept(p, ins[0])] or [1]
    return {"params": (N_("mean and variance per kept position + the sample count (non-trainable)"),
                       plus(times(2, *sizes), 1))}


Normalization = register(LayerSpec(
    type="Normalization", category="normalization",
    doc="Feature-wise standardization (x - mean) / sqrt(variance), with statistics given here or "
        "learned from data with adapt(); invert=True undoes it.\n\n"
        "Example: Normalization() on (None, 8) keeps 8 means, 8 variances and a count: 17 "
        "non-trainable weights.",
    params=(
        Param("axis", "axis", -1, "Axis or axes with separate statistics (-1: per feature); "
                                  "null for one mean and variance overall.", nullable=True),
        Param("mean", "any", None, "Fixed mean: a number or one value per entry of the kept axis; "
                                   "empty to learn it with adapt().", nullable=True),
        Param("variance", "any", None, "Fixed variance, same shape as mean.", nullable=True),
        Param("invert", "bool", False, "Apply the inverse transformation (de-normalize outputs).",
              advanced=True),
    ),
    shape=_norm_shape, weights=_norm_weights, macs=_elementwise_macs, check=_norm_check,
    explain=_norm_explain,
))


# ------------------------------------------------------- SpatialDropout* ---

def _rate_param(help="Fraction of the input units to drop, in [0, 1)."):
    return Param("rate", "float", REQUIRED, help, min=0, max=1, max_exclusive=True)


def _seed_param():
    return Param("seed", "int", None, "Random seed; empty for a different one each run.",
                 nullable=True, min=0, advanced=True)


_DATA_FORMAT = Param("data_format", "choice", None, "Axis order of the input (channels_last when empty).",
                     choices=(None, "channels_last", "channels_first"), nullable=True, advanced=True)

_SPATIAL_DESC = {
    1: "(batch, steps, channels)",
    2: "(batch, height, width, channels)",
    3: "(batch, depth, height, width, channels)",
}


def _spatial_dropout(rank: int) -> LayerSpec:
    name = f"SpatialDropout{rank}D"

    def shape_rule(p, shapes, ctx):
        what = _SPATIAL_DESC[rank]
        if p.get("data_format") == "channels_first":
            what = "(batch, channels, " + what[len("(batch, "):-len(", channels)")] + ")"
        require_rank(name, shapes[0], rank + 2, what=what)
        return shapes[0]

    params = (_rate_param("Fraction of the channels (whole feature maps) to drop, in [0, 1)."),)
    if rank > 1:
        params += (_DATA_FORMAT,)
    params += (_seed_param(),)
    example = {1: "(None, 100, 64)", 2: "(None, 32, 32, 16)", 3: "(None, 8, 16, 16, 4)"}[rank]
    return register(LayerSpec(
        type=name, category="regularization",
        doc=f"Dropout of entire channels of a {rank}D feature map during training (adjacent values are "
            f"strongly correlated, so dropping single values regularizes little).\n\n"
            f"Example: {name}(0.2) on {example} keeps the shape and drops 20% of the channels.",
        params=params, shape=shape_rule, key_params=("rate",), output_activation=PASS_ACTIVATION,
    ))


SpatialDropout1D = _spatial_dropout(1)
SpatialDropout2D = _spatial_dropout(2)
SpatialDropout3D = _spatial_dropout(3)


# ------------------------------------------------------ noise and others ---

GaussianNoise = register(LayerSpec(
    type="GaussianNoise", category="regularization",
    output_activation=PASS_ACTIVATION,
    doc="Adds zero-centred Gaussian noise during training only (a data augmentation for real inputs).\n\n"
        "Example: GaussianNoise(0.1) after the Input of a tabular model.",
    params=(
        Param("stddev", "float", REQUIRED, "Standard deviation of the noise; Keras accepts values in [0, 1].",
              min=0, max=1),
        _seed_param(),
    ),
    shape=_same, key_params=("stddev",),
))

GaussianDropout = register(LayerSpec(
    type="GaussianDropout", category="regularization",
    output_activation=PASS_ACTIVATION,
    doc="Multiplies the input by 1-centred Gaussian noise of stddev sqrt(rate / (1 - rate)) during training.\n\n"
        "Example: GaussianDropout(0.3) in place of Dropout(0.3).",
    params=(_rate_param("Drop probability as for Dropout, in [0, 1)."), _seed_param()),
    shape=_same, key_params=("rate",),
))


def _alpha_dropout_shape(p, shapes, ctx):
    shape = shapes[0]
    noise = p["noise_shape"]
    if noise is None:
        return shape
    if len(noise) != len(shape):
        raise ShapeError(
            msg("AlphaDropout: noise_shape {noise} has {count} axes but input {shape} "
                "has {count2} (batch included).",
                noise=fmt(noise), count=len(noise), shape=fmt(shape), count2=len(shape)),
            msg("Give one entry per axis of the input, batch first; use null to follow the input and 1 to "
                "share the dropout mask along an axis."), code="noise_shape")
    for i, (n, d) in enumerate(zip(noise, shape)):
        if n is not None and n != 1 and d is not None and n != d:
            raise ShapeError(
                msg("AlphaDropout: noise_shape {noise} does not broadcast to input {shape} "
                    "on axis {i} ({n} vs {d}).", noise=fmt(noise), shape=fmt(shape), i=i, n=n, d=d),
                msg("Each entry must be null, 1 or the input's size on that axis."), code="noise_shape")
    return shape


AlphaDropout = register(LayerSpec(
    type="AlphaDropout", category="regularization",
    output_activation=PASS_ACTIVATION,
    doc="Dropout that keeps the mean and variance of its input, for self-normalizing networks (selu "
        "activations with lecun_normal initialization).\n\n"
        "Example: Dense(64, activation='selu') followed by AlphaDropout(0.1).",
    params=(
        _rate_param(),
        Param("noise_shape", "shape", None, "Shape of the dropout mask, batch axis first; 1 shares it "
                                            "along an axis, null follows the input.", nullable=True,
              advanced=True),
        _seed_param(),
    ),
    shape=_alpha_dropout_shape, key_params=("rate",),
))

ActivityRegularization = register(LayerSpec(
    type="ActivityRegularization", category="regularization",
    output_activation=PASS_ACTIVATION,
    doc="Passes its input through unchanged and adds l1·sum|x| + l2·sum x² of it to the training loss.\n\n"
        "Example: ActivityRegularization(l1=1e-5) after a Dense layer encourages sparse activations.",
    params=(
        Param("l1", "float", 0.0, "L1 penalty factor on the activations.", min=0),
        Param("l2", "float", 0.0, "L2 penalty factor on the activations.", min=0),
    ),
    shape=_same, key_params=("l1", "l2"),
))

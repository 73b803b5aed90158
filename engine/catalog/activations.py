"""Activation layers: ReLU, LeakyReLU, PReLU, ELU, Softmax.

They keep the shape of their input. Only PReLU has weights: one slope per
input value, shared along ``shared_axes``.
"""

from __future__ import annotations

from engine.catalog.base import (
    LayerSpec, Param, constraint_param, initializer_param, prod, regularizer_param, register,
)
from engine.errors import ShapeError
from engine.formulas import times
from engine.shapes import fmt, require_min_rank, resolve_axes
from engine.i18n import N_, msg


def _same(p, shapes, ctx):
    return shapes[0]


# ------------------------------------------------------------------ ReLU ---

def _relu_shape(p, shapes, ctx):
    max_value, threshold = p["max_value"], p["threshold"]
    if max_value is not None and max_value < threshold:
        ctx.warn(msg("ReLU: max_value ({max_value}) is below threshold ({threshold}), so every input "
                     "above the threshold is clipped to {max_value}.",
                     max_value=format(max_value, 'g'), threshold=format(threshold, 'g')),
                 msg("Raise max_value or lower threshold."), code="relu_clip")
    return shapes[0]


ReLU = register(LayerSpec(
    type="ReLU", category="activation",
    output_activation="relu",
    doc="Rectified linear unit: f(x) = max_value if x ≥ max_value, x if threshold ≤ x < max_value, "
        "negative_slope·(x − threshold) otherwise.\n\n"
        "Example: ReLU(max_value=6) is ReLU6, as in MobileNet.",
    params=(
        Param("max_value", "float", None, "Upper bound of the output; empty for none.", min=0, nullable=True),
        Param("negative_slope", "float", 0.0, "Slope below the threshold (0: plain ReLU).", min=0),
        Param("threshold", "float", 0.0, "Inputs below this value are damped by negative_slope.", min=0),
    ),
    shape=_relu_shape, key_params=("max_value",),
))

LeakyReLU = register(LayerSpec(
    type="LeakyReLU", category="activation",
    output_activation="leaky_relu",
    doc="Leaky rectified linear unit: f(x) = x for x ≥ 0, negative_slope·x otherwise.\n\n"
        "Example: LeakyReLU(0.2) in a GAN discriminator.",
    params=(
        Param("negative_slope", "float", 0.3, "Slope for negative inputs.", min=0),
    ),
    shape=_same, key_params=("negative_slope",),
))


# ----------------------------------------------------------------- PReLU ---

def _prelu_alpha_shape(p, shape):
    """The shape of the learned alpha (batch axis excluded)."""
    require_min_rank("PReLU", shape, 2)
    shared = p["shared_axes"]
    shared = () if shared is None else ((shared,) if isinstance(shared, int) else shared)
    for axis in shared:
        if axis <= 0:
            raise ShapeError(
                msg("PReLU: shared_axes must count from 1 (the first axis after the batch); "
                    "got {axis} for input {shape}.", axis=axis, shape=fmt(shape)),
                msg("Use positive axes 1..{value}; e.g. shared_axes=[1, 2] shares the slopes over "
                    "height and width of an image. Keras reads negative values differently from Python.",
                    value=len(shape) - 1),
                code="axis")
    resolve_axes("PReLU", tuple(sorted(set(shared))), shape, what="shared_axes")
    alpha = []
    for axis in range(1, len(shape)):
        if axis in shared:
            alpha.append(1)
            continue
        if shape[axis] is None:
            raise ShapeError(
                msg("PReLU cannot be built: axis {axis} of its input {shape} has unknown size and "
                    "PReLU learns one slope per position on it.", axis=axis, shape=fmt(shape)),
                msg("Add {axis} to shared_axes to share the slopes along that axis.", axis=axis),
                code="unknown_dim")
        alpha.append(shape[axis])
    return alpha


def _prelu_shape(p, shapes, ctx):
    _prelu_alpha_shape(p, shapes[0])
    return shapes[0]


def _prelu_weights(p, shapes):
    return (prod(_prelu_alpha_shape(p, shapes[0])), 0)


def _prelu_macs(p, ins, outs):
    return prod(d for d in ins[0][1:] if d)


def _prelu_explain(p, ins, outs):
    alpha = _prelu_alpha_shape(p, ins[0])
    return {"params": (N_("one slope per input position (shared axes count 1)"), times(*alpha))}


PReLU = register(LayerSpec(
    type="PReLU", category="activation",
    output_activation="prelu",
    doc="Parametric ReLU: f(x) = x for x ≥ 0, alpha·x otherwise, with alpha learned for every input "
        "position (or shared along shared_axes).\n\n"
        "Example: PReLU(shared_axes=[1, 2]) on (None, 32, 32, 16) learns 16 slopes, one per channel.",
    params=(
        initializer_param("alpha_initializer", "zeros", "Initializer for the slopes alpha."),
        regularizer_param("alpha_regularizer"),
        constraint_param("alpha_constraint"),
        Param("shared_axes", "axis", None, "Axes (from 1) along which one slope is shared; "
                                           "empty for a slope per value.", nullable=True),
    ),
    shape=_prelu_shape, weights=_prelu_weights, macs=_prelu_macs, explain=_prelu_explain,
    key_params=("shared_axes",),
))

ELU = register(LayerSpec(
    type="ELU", category="activation",
    output_activation="elu",
    doc="Exponential linear unit: f(x) = x for x > 0, alpha·(exp(x) − 1) otherwise.\n\n"
        "Example: ELU(alpha=1.0) after a Dense layer.",
    params=(
        Param("alpha", "float", 1.0, "Scale of the negative part."),
    ),
    shape=_same, key_params=("alpha",),
))


# --------------------------------------------------------------- Softmax ---

def _softmax_shape(p, shapes, ctx):
    shape = shapes[0]
    require_min_rank("Softmax", shape, 2)
    resolve_axes("Softmax", p["axis"], shape)
    return shape


Softmax = register(LayerSpec(
    type="Softmax", category="activation",
    output_activation="softmax",
    doc="Softmax over `axis`: exponentials normalized to sum to 1, e.g. class probabilities.\n\n"
        "Example: Softmax() on (None, 10) gives 10 probabilities per sample.",
    params=(
        Param("axis", "axis", -1, "Axis (or axes) along which the values sum to 1."),
    ),
    shape=_softmax_shape, key_params=("axis",),
))

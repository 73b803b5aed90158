"""Core layers: Input, Dense, Activation, Dropout, Flatten, Reshape, Permute,
RepeatVector, Embedding, Masking, Identity."""

from __future__ import annotations

from engine.catalog.base import (
    LayerSpec, Param, activation_param, dense_like_params, initializer_param, prod,
    register, REQUIRED, DTYPES,
)
from engine.errors import ParamError, ShapeError
from engine.shapes import fmt, require_rank, require_min_rank


def _same(p, shapes, ctx):
    return shapes[0]


# ---------------------------------------------------------------- Input ---

def _input_shape(p, shapes, ctx):
    return (p["batch_size"], *p["shape"])


def _build_input(keras, kwargs, name):  # pragma: no cover - built by keras_build
    raise RuntimeError("Input nodes are built by engine.keras_build")


Input = register(LayerSpec(
    type="Input", category="core",
    doc="A model input: declares the shape of one sample (without the batch axis).\n\n"
        "Example: Input(shape=(28, 28, 1)) feeds (None, 28, 28, 1) to the next layer.",
    params=(
        Param("shape", "shape", REQUIRED,
              "Shape of one sample, without the batch axis; null for a variable size."),
        Param("batch_size", "int", None, "Fixed batch size; usually left empty.", min=1, nullable=True,
              advanced=True),
        Param("dtype", "choice", None, "Data type of the input tensor (float32 when empty).",
              choices=(None,) + DTYPES, nullable=True),
        Param("sparse", "bool", False, "Whether the input is a sparse tensor.", advanced=True),
    ),
    shape=_input_shape, inputs=(), key_params=("shape",),
    build=_build_input,
))


# ---------------------------------------------------------------- Dense ---

def _dense_shape(p, shapes, ctx):
    shape = shapes[0]
    require_min_rank("Dense", shape, 2)
    if shape[-1] is None:
        raise ShapeError(
            f"Dense cannot be built: the last axis of its input {fmt(shape)} has unknown size.",
            "This usually comes from a Flatten over a variable-length axis. Use "
            "GlobalAveragePooling or an RNN with return_sequences=False, or give the Input a fixed size.",
            code="unknown_dim")
    if len(shape) > 2:
        ctx.warn(f"Dense receives {fmt(shape)} and acts on the last axis only, so its output is "
                 f"{fmt((*shape[:-1], p['units']))}, not (None, {p['units']}).",
                 "Add Flatten or GlobalAveragePooling before it if you want one vector per sample.",
                 code="dense_nd")
    return (*shape[:-1], p["units"])


def _dense_weights(p, shapes):
    n_in = shapes[0][-1]
    return (n_in * p["units"] + (p["units"] if p["use_bias"] else 0), 0)


def _dense_macs(p, ins, outs):
    return prod(d for d in ins[0][1:] if d) * p["units"]


Dense = register(LayerSpec(
    type="Dense", category="core",
    doc="Fully connected layer: output = activation(input · kernel + bias), on the last axis.\n\n"
        "Example: Dense(128, activation='relu') maps (None, 784) to (None, 128) with 100,480 params.",
    params=(
        Param("units", "int", REQUIRED, "Number of output units.", min=1),
        activation_param(),
        *dense_like_params(),
    ),
    shape=_dense_shape, weights=_dense_weights, macs=_dense_macs,
    key_params=("units", "activation"),
))


# -------------------------------------------------------------- Flatten ---

def _flatten_shape(p, shapes, ctx):
    shape = shapes[0]
    if p["data_format"] == "channels_first" and len(shape) > 2:
        shape = (shape[0], *shape[2:], shape[1])
    rest = shape[1:]
    size = None if any(d is None for d in rest) else prod(rest)
    return (shape[0], size)


Flatten = register(LayerSpec(
    type="Flatten", category="core",
    doc="Flattens each sample into a vector; the batch axis is kept.\n\n"
        "Example: (None, 5, 5, 16) becomes (None, 400).",
    params=(
        Param("data_format", "choice", None, "Axis order of image inputs.",
              choices=(None, "channels_last", "channels_first"), nullable=True, advanced=True),
    ),
    shape=_flatten_shape,
))

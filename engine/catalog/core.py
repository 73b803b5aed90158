"""Core layers: Input, Dense, Activation, Dropout, Flatten, Reshape, Permute,
RepeatVector, Embedding, Masking, Identity."""

from __future__ import annotations

from engine.catalog.base import (
    PASS_ACTIVATION, LayerSpec, Param, activation_param, constraint_param, dense_like_params,
    initializer_param, prod, register, regularizer_param, REQUIRED, DTYPES,
)
from engine.errors import ParamError, ShapeError
from engine.formulas import clauses, plus, times
from engine.shapes import fmt, require_rank, require_min_rank
from engine.i18n import N_, msg


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
    explain=lambda p, ins, outs: {"shape": msg("the batch axis, then shape = {shape}: {output}",
                                               shape=fmt(tuple(p['shape'])), output=fmt(outs[0]))},
))


# ---------------------------------------------------------------- Dense ---

def _dense_shape(p, shapes, ctx):
    shape = shapes[0]
    require_min_rank("Dense", shape, 2)
    if shape[-1] is None:
        raise ShapeError(
            msg("Dense cannot be built: the last axis of its input {shape} has unknown size.",
                shape=fmt(shape)),
            msg("This usually comes from a Flatten over a variable-length axis. Use "
                "GlobalAveragePooling or an RNN with return_sequences=False, or give the Input a fixed size."),
            code="unknown_dim")
    if len(shape) > 2:
        ctx.warn(msg("Dense receives {shape} and acts on the last axis only, so its output is "
                     "{shape2}, not (None, {units}).",
                     shape=fmt(shape), shape2=fmt((*shape[:-1], p['units'])), units=p['units']),
                 msg("Add Flatten or GlobalAveragePooling before it if you want one vector per sample."),
                 code="dense_nd")
    return (*shape[:-1], p["units"])


def _dense_weights(p, shapes):
    n_in = shapes[0][-1]
    return (n_in * p["units"] + (p["units"] if p["use_bias"] else 0), 0)


def _dense_macs(p, ins, outs):
    return prod(d for d in ins[0][1:] if d) * p["units"]


def _dense_explain(p, ins, outs):
    n, u = ins[0][-1], p["units"]
    if p["use_bias"]:
        params = (N_("inputs·units + units (bias)"), plus(times(n, u), u))
    else:
        params = (N_("inputs·units"), times(n, u))
    lead = [d for d in ins[0][1:-1] if d]
    rule = N_("positions·inputs·units") if lead else N_("inputs·units")
    return {"shape": msg("last axis {n} → units = {units}", n=n, units=u), "params": params,
            "macs": (rule, times(*lead, n, u))}


Dense = register(LayerSpec(
    type="Dense", category="core",
    doc="Fully connected layer: output = activation(input · kernel + bias), on the last axis.\n\n"
        "Example: Dense(128, activation='relu') maps (None, 784) to (None, 128) with 100,480 params.",
    params=(
        Param("units", "int", REQUIRED, "Number of output units.", min=1),
        activation_param(),
        *dense_like_params(),
    ),
    shape=_dense_shape, weights=_dense_weights, macs=_dense_macs, explain=_dense_explain,
    key_params=("units", "activation"),
))


# -------------------------------------------------------------- Flatten ---

def _flatten_shape(p, shapes, ctx):
    shape = shapes[0]
    require_min_rank("Flatten", shape, 1)
    if p["data_format"] == "channels_first" and len(shape) > 2:
        shape = (shape[0], *shape[2:], shape[1])
    rest = shape[1:]
    size = None if any(d is None for d in rest) else prod(rest)
    return (shape[0], size)


def _flatten_explain(p, ins, outs):
    rest = ins[0][1:]
    if any(d is None for d in rest):
        return {"shape": msg("{sizes}: unknown, an axis of the input has no fixed size",
                             sizes=' · '.join('?' if d is None else str(d) for d in rest))}
    return {"shape": msg("one vector per sample: {sizes} = {count} values", sizes=times(*rest),
                         count=f"{outs[0][1]:,}")}


Flatten = register(LayerSpec(
    type="Flatten", category="core",
    output_activation=PASS_ACTIVATION,
    doc="Flattens each sample into a vector; the batch axis is kept.\n\n"
        "Example: (None, 5, 5, 16) becomes (None, 400).",
    params=(
        Param("data_format", "choice", None, "Axis order of image inputs.",
              choices=(None, "channels_last", "channels_first"), nullable=True, advanced=True),
    ),
    shape=_flatten_shape, explain=_flatten_explain,
))


# ----------------------------------------------------------- Activation ---

Activation = register(LayerSpec(
    type="Activation", category="core",
    doc="Applies an activation function element-wise; the shape is unchanged.\n\n"
        "Example: Activation('relu') after a Conv2D without activation, e.g. between "
        "the convolution and its BatchNormalization.",
    params=(
        Param("activation", "activation", REQUIRED,
              "The activation function, e.g. 'relu', 'sigmoid', 'softmax'."),
    ),
    shape=_same, key_params=("activation",),
))


# -------------------------------------------------------------- Dropout ---

def _dropout_shape(p, shapes, ctx):
    shape = shapes[0]
    noise = p["noise_shape"]
    if noise is not None:
        if len(noise) != len(shape):
            raise ShapeError(
                msg("Dropout noise_shape {noise} has {count} axes but its input "
                    "{shape} has {count2} (noise_shape includes the batch axis).",
                    noise=fmt(noise), count=len(noise), shape=fmt(shape), count2=len(shape)),
                msg("Give one entry per input axis, e.g. {shape} to drop the "
                    "same features at every step.", shape=fmt((None, 1, *shape[2:]))) if len(shape) > 2 else
                msg("Give one entry per input axis, batch axis first (None)."),
                code="noise_shape")
        for axis, (n, d) in enumerate(zip(noise, shape)):
            if n is not None and n != 1 and d is not None and n != d:
                raise ShapeError(
                    msg("Dropout noise_shape {noise} does not fit its input {shape}: "
                        "axis {axis} is {n} but the input has {d}.",
                        noise=fmt(noise), shape=fmt(shape), axis=axis, n=n, d=d),
                    msg("Each noise_shape entry must be 1 (share the mask along that axis), "
                        "None or the input's size."), code="noise_shape")
    return shape


Dropout = register(LayerSpec(
    type="Dropout", category="core",
    output_activation=PASS_ACTIVATION,
    doc="Randomly sets a fraction `rate` of the inputs to 0 during training and scales the "
        "rest by 1/(1 - rate); does nothing at inference. The shape is unchanged.\n\n"
        "Example: Dropout(0.5) between two Dense layers.",
    params=(
        Param("rate", "float", REQUIRED, "Fraction of the input units to drop, in [0, 1).",
              min=0, max=1, max_exclusive=True),
        Param("noise_shape", "shape", None,
              "Shape of the dropout mask, batch axis first; 1 on an axis shares the mask along it.",
              nullable=True, advanced=True),
        Param("seed", "int", None, "Random seed for reproducible masks.", min=0, nullable=True,
              advanced=True),
    ),
    shape=_dropout_shape, key_params=("rate",),
))


# -------------------------------------------------------------- Reshape ---

def _reshape_check(p):
    target = p["target_shape"]
    unknown = sum(1 for d in target if d is None or d == -1)
    if unknown > 1:
        raise ParamError("target_shape",
                         msg("Reshape target_shape {target} has {unknown} unknown axes; "
                             "at most one may be -1 (or None).", target=fmt(target), unknown=unknown),
                         msg("Give every axis but one an explicit size."))


def _reshape_shape(p, shapes, ctx):
    shape = shapes[0]
    target = p["target_shape"]
    rest = shape[1:]
    if any(d is not None and d <= 0 for d in rest):
        raise ShapeError(msg("Reshape receives {shape}, which has an empty axis.", shape=fmt(shape)),
                         msg("Fix the layer before it so that every axis keeps at least one value."),
                         code="size")
    out = tuple(None if d == -1 else d for d in target)
    if not rest and not target:
        return (shape[0],)
    in_known = prod(d for d in rest if d is not None)
    in_full = None not in rest
    target_known = prod(d for d in target if d is not None and d != -1)
    target_full = all(d is not None and d != -1 for d in target)
    hint = (msg("The target shape must hold as many values as one input sample; "
                "use -1 for one axis to have its size computed."))
    if in_full and target_full:
        if in_known != target_known:
            raise ShapeError(
                msg("Reshape cannot turn {shape} ({in_known} values per sample) into "
                    "target_shape {target} ({target_known} values).",
                    shape=fmt(shape), in_known=in_known, target=fmt(target), target_known=target_known),
                    hint, code="reshape")
        return (shape[0], *out)
    if in_full:
        if in_known % target_known:
            raise ShapeError(
                msg("Reshape cannot turn {shape} ({in_known} values per sample) into "
                    "target_shape {target}: {in_known} is not a multiple of the "
                    "{target_known} values the known axes hold.",
                    shape=fmt(shape), in_known=in_known, target=fmt(target), target_known=target_known),
                    hint, code="reshape")
        if -1 in target:  # Keras computes the missing axis (a None axis stays None)
            out = tuple(in_known // target_known if d == -1 else d for d in target)
        return (shape[0], *out)
    if target_full and target_known % in_known:
        raise ShapeError(
            msg("Reshape cannot turn {shape} into target_shape {target} "
                "({target_known} values): each input sample holds a multiple of {in_known} values.",
                shape=fmt(shape), target=fmt(target), target_known=target_known, in_known=in_known),
            hint, code="reshape")
    if target_full:
        ctx.warn(msg("Reshape to {target} only works when the unknown axes of its input "
                     "{shape} hold exactly {value} values in total.",
                     target=fmt(target), shape=fmt(shape), value=target_known // in_known),
                 msg("Use -1 in target_shape to follow a variable input size."), code="reshape_unknown")
    return (shape[0], *out)


def _reshape_words(p, shape, out) -> str:
    rest = shape[1:]
    if any(d is None for d in rest):
        return msg("the values of each sample rearranged to target_shape {target}: {output}",
                   target=fmt(tuple(p['target_shape'])), output=fmt(out))
    total = prod(rest)
    counted = f"{times(*rest)} = {total:,}" if len(rest) > 1 else f"{total:,}"
    parts = [msg("{count} values per sample, rearranged to {shape}", count=counted, shape=fmt(out[1:]))]
    if -1 in p["target_shape"]:
        known = prod(d for d in p["target_shape"] if d != -1)
        parts.append(msg("the -1 axis is {total}//{known} = {size}", total=f"{total:,}", known=f"{known:,}",
                         size=f"{total // known:,}"))
    return clauses(parts)


Reshape = register(LayerSpec(
    type="Reshape", category="core",
    output_activation=PASS_ACTIVATION,
    doc="Reshapes each sample to target_shape (batch axis excluded); one axis may be -1 "
        "to have its size computed.\n\n"
        "Example: Reshape((28, 28, 1)) maps (None, 784) to (None, 28, 28, 1); "
        "Reshape((-1, 64)) maps (None, 8, 8, 64) to (None, 64, 64).",
    params=(
        Param("target_shape", "shape", REQUIRED,
              "Shape of one output sample, without the batch axis; one entry may be -1.",
              allow_minus_one=True),
    ),
    shape=_reshape_shape, check=_reshape_check, key_params=("target_shape",),
    explain=lambda p, ins, outs: {"shape": _reshape_words(p, ins[0], outs[0])},
))


# -------------------------------------------------------------- Permute ---

def _permute_check(p):
    dims = p["dims"]
    r = len(dims)
    if sorted(dims) != list(range(1, r + 1)):
        example = fmt(tuple(range(r, 0, -1))) if r > 1 else "(1,)"
        raise ParamError("dims",
                         msg("Permute dims {dims} is not a reordering of the non-batch axes "
                             "1..{r}; the batch axis (0) cannot move.", dims=fmt(dims), r=r),
                         msg("Use each of 1..{r} exactly once, e.g. {example}.", r=r, example=example))


def _permute_shape(p, shapes, ctx):
    shape = shapes[0]
    dims = p["dims"]
    if len(shape) != len(dims) + 1:
        have = len(shape) - 1
        raise ShapeError(
            msg("Permute dims {dims} has {count} entries but its input {shape} "
                "has {have} non-batch axes.",
                dims=fmt(dims), count=len(dims), shape=fmt(shape), have=have),
            msg("Give a reordering of 1..{have}.",
                have=have) if have > 0 else msg("Permute needs an input with axes to reorder."),
            code="rank")
    return (shape[0], *(shape[d] for d in dims))


def _permute_words(p, ins, outs):
    moves = None
    for d in reversed(p["dims"]):
        axis = msg("axis {axis} ({size})", axis=d, size=ins[0][d])
        moves = axis if moves is None else msg("{first}, {rest}", first=axis, rest=moves)
    return {"shape": msg("the non-batch axes in the order {moves}: {output}", moves=moves, output=fmt(outs[0]))}


Permute = register(LayerSpec(
    type="Permute", category="core",
    output_activation=PASS_ACTIVATION,
    doc="Reorders the non-batch axes; dims are 1-based and the batch axis never moves.\n\n"
        "Example: Permute((2, 1)) maps (None, 10, 64) to (None, 64, 10).",
    params=(
        Param("dims", "ints", REQUIRED,
              "New order of the non-batch axes, numbered from 1, e.g. (2, 1)."),
    ),
    shape=_permute_shape, check=_permute_check, key_params=("dims",), explain=_permute_words,
))


# --------------------------------------------------------- RepeatVector ---

def _repeat_shape(p, shapes, ctx):
    shape = shapes[0]
    require_rank("RepeatVector", shape, 2,
                 msg("Flatten it, or use an RNN with return_sequences=False before it.")
                 if len(shape) > 2 else msg("Add a Reshape to (1,) or a Dense before it."))
    return (shape[0], p["n"], shape[1])


RepeatVector = register(LayerSpec(
    type="RepeatVector", category="core",
    output_activation=PASS_ACTIVATION,
    doc="Repeats a vector n times, making a sequence (e.g. the decoder input of a seq2seq model).\n\n"
        "Example: RepeatVector(3) maps (None, 32) to (None, 3, 32).",
    params=(
        Param("n", "int", REQUIRED, "Number of repetitions (output time steps).", min=1),
    ),
    shape=_repeat_shape, key_params=("n",),
    explain=lambda p, ins, outs: {"shape": msg("the vector of {size} values repeated n = {n} times",
                                               size=ins[0][1], n=p['n'])},
))


# ------------------------------------------------------------ Embedding ---

def _embedding_shape(p, shapes, ctx):
    shape = shapes[0]
    if len(shape) < 1:
        raise ShapeError(msg("Embedding expects integer indices with a batch axis, e.g. (batch, "
                             "sequence_length), but receives {shape}.", shape=fmt(shape)), code="rank")
    return (*shape, p["output_dim"])


def _embedding_weights(p, shapes):
    return (p["input_dim"] * p["output_dim"], 0)


def _embedding_explain(p, ins, outs):
    return {"shape": msg("the input shape with an axis of output_dim = {output_dim} appended",
                         output_dim=p['output_dim']),
            "params": (N_("input_dim·output_dim (one vector per index)"), times(p["input_dim"], p["output_dim"]))}


Embedding = register(LayerSpec(
    type="Embedding", category="core",
    doc="Turns integer indices (e.g. word ids) into dense vectors of size output_dim; "
        "an output_dim axis is appended to the input shape.\n\n"
        "Example: Embedding(10000, 64) maps (None, 100) to (None, 100, 64) with 640,000 params.",
    params=(
        Param("input_dim", "int", REQUIRED,
              "Vocabulary size: the largest index + 1 (+1 more if mask_zero).", min=1),
        Param("output_dim", "int", REQUIRED, "Size of each embedding vector.", min=1),
        initializer_param("embeddings_initializer", "uniform",
                          "Initializer for the embedding matrix."),
        regularizer_param("embeddings_regularizer"),
        constraint_param("embeddings_constraint"),
        Param("mask_zero", "bool", False,
              "Treat index 0 as padding and pass a mask to the following layers (RNNs)."),
    ),
    shape=_embedding_shape, weights=_embedding_weights, explain=_embedding_explain,
    key_params=("input_dim", "output_dim"),
))


# -------------------------------------------------------------- Masking ---

Masking = register(LayerSpec(
    type="Masking", category="core",
    doc="Marks time steps whose features all equal mask_value so that the following RNN "
        "layers skip them; the shape is unchanged.\n\n"
        "Example: Masking(0.0) before an LSTM on zero-padded sequences.",
    params=(
        Param("mask_value", "float", 0.0, "Steps whose features all equal this value are skipped."),
    ),
    shape=_same, key_params=("mask_value",),
))


# ------------------------------------------------------------- Identity ---

Identity = register(LayerSpec(
    type="Identity", category="core",
    output_activation=PASS_ACTIVATION,
    doc="Returns its input unchanged; useful as a named placeholder or a branch point.\n\n"
        "Example: Identity() on (None, 32) outputs (None, 32).",
    params=(),
    shape=_same,
))

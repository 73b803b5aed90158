"""Convolution layers: Conv1D/2D/3D, Conv1D/2D/3DTranspose, SeparableConv1D/2D,
DepthwiseConv1D/2D.

Each family is declared once by a factory that takes the number of spatial
axes (1, 2 or 3), the way Keras derives Conv2D from ``BaseConv(rank=2)``.
Shape arithmetic follows Keras 3 (``compute_conv_output_shape`` and
``compute_conv_transpose_output_shape``), except that any axis that would
become zero or negative is refused even where Keras lets it through.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog.base import (
    LayerSpec, Param, REQUIRED, activation_param, constraint_param, dense_like_params,
    initializer_param, prod, register, regularizer_param, use_bias_param,
)
from engine.errors import ParamError, ShapeError
from engine.formulas import clauses, group, known, plus, times, window_words
from engine.shapes import (
    conv_length, deconv_length, check_positive, fmt, join_channels, rank_hint,
    split_channels,
)
from engine.i18n import N_, msg

SPATIAL_NAMES = {1: ("steps",), 2: ("height", "width"), 3: ("depth", "height", "width")}
AXIS_WORDS = {"steps": N_("steps"), "height": N_("height"), "width": N_("width"), "depth": N_("depth")}


# ------------------------------------------------- shared by conv & pool ---

@dataclass(frozen=True)
class PaddingParam(Param):
    """The ``padding`` choice, with a clear message for 'causal' where Keras lacks it."""

    layer: str = ""

    def _check_choice(self, value):
        if isinstance(value, str) and value.lower() == "causal" and "causal" not in self.choices:
            raise ParamError(
                self.name, msg("{layer}: padding='causal' is only available for Conv1D.", layer=self.layer),
                msg("Use padding='same' or 'valid' here; causal padding is for sequence models "
                    "built with Conv1D."))
        return super()._check_choice(value)


def padding_param(layer: str, causal: bool = False) -> Param:
    choices = ("valid", "same", "causal") if causal else ("valid", "same")
    help = ("'valid': no padding, the output shrinks; 'same': pad so that output = ceil(input / strides)"
            + ("; 'causal': pad only the start, so step t never sees later steps." if causal else "."))
    return PaddingParam("padding", "choice", "valid", help, choices=choices, layer=layer)


def data_format_param() -> Param:
    return Param("data_format", "choice", None,
                 "Axis order: channels_last (batch, ..., channels) or channels_first "
                 "(batch, channels, ...); empty means channels_last.",
                 choices=(None, "channels_last", "channels_first"), nullable=True, advanced=True)


def tuple_default(rank: int, value: int):
    """Keras writes a 1-D default as an int and a 2-D/3-D one as a tuple."""
    return value if rank == 1 else (value,) * rank


def dims_text(values) -> str:
    """5×5 for a window, '?' for an unknown size."""
    return "×".join("?" if v is None else str(v) for v in values)


def input_desc(rank: int, data_format) -> str:
    names = SPATIAL_NAMES[rank]
    if data_format == "channels_first":
        return "(" + ", ".join(("batch", "channels", *names)) + ")"
    return "(" + ", ".join(("batch", *names, "channels")) + ")"


def require_spatial_rank(layer: str, shape, rank: int, data_format, variants: dict):
    """Refuse an input that is not (batch, spatial × rank, channels).

    ``variants`` maps a rank to the sibling type that takes it (e.g. {1:
    'Conv1D', 3: 'Conv3D'}) so the hint can point to the right layer.
    """
    need = rank + 2
    have = len(shape)
    if have == need:
        return
    if have == need - 1 and have >= 2:
        if data_format == "channels_first":
            hint = msg("Add a channel axis: Reshape to {shape}.", shape=fmt((1, *shape[1:])))
        elif have == 4 and 2 in variants:
            hint = msg("For a single image use {variants_2}; {layer} is for video or volumes.",
                       variants_2=variants[2], layer=layer)
        else:
            hint = rank_hint(shape, need)
        if have == 3 and 1 in variants:
            hint = msg("{hint} If the last axis already holds the channels of a sequence, use {variant}.",
                       hint=hint, variant=variants[1])
    elif (have - 2) in variants:
        hint = msg("Use {variants} for a {have}-D input, or reshape the input to {value} non-batch axes.",
                   variants=variants[have - 2], have=have, value=need - 1)
    else:
        hint = rank_hint(shape, need)
    raise ShapeError(msg("{layer} expects a {need}-D input {input_desc} "
                         "but receives {shape}.",
                         layer=layer, need=need, input_desc=input_desc(rank, data_format), shape=fmt(shape)),
                         hint, code="rank")


def input_channels(layer: str, shape, data_format) -> int:
    """The channel count of a conv input; refuse an unknown one (Keras sizes weights by it)."""
    channels = shape[1] if data_format == "channels_first" else shape[-1]
    if channels is None:
        raise ShapeError(
            msg("{layer} cannot be built: the first (channel) axis of its input {shape} has unknown size.",
                layer=layer, shape=fmt(shape)) if data_format == "channels_first" else
            msg("{layer} cannot be built: the last (channel) axis of its input {shape} has unknown size.",
                layer=layer, shape=fmt(shape)),
            msg("The kernel is sized by the number of input channels, so it must be fixed: "
                "give the Input a fixed channel count."), code="unknown_dim")
    return channels


KERNEL = N_("kernel")
WINDOW = N_("window")


def window_lengths(layer: str, in_shape, spatial, window, strides, padding, dilation=None,
                   what: str = KERNEL, hint: str = ""):
    """Output lengths of a sliding window along each spatial axis.

    Raises a ShapeError naming the window and the input when an output
    length would be zero or negative (a 'valid' window larger than the input).
    """
    dilation = dilation or (1,) * len(spatial)
    out = [conv_length(n, k, s, padding, d) for n, k, s, d in zip(spatial, window, strides, dilation)]
    if any(v is not None and v <= 0 for v in out):
        values = dict(layer=layer, what=msg(what), size=dims_text(window), input=dims_text(spatial),
                      shape=fmt(in_shape), padding=padding, out=dims_text(out))
        dilated = any(d > 1 for d in dilation)
        if dilated:
            values.update(span=dims_text([d * (k - 1) + 1 for k, d in zip(window, dilation)]),
                          dilation=dims_text(dilation))
        if len(window) == 1 and dilated:
            text = msg("{layer}: a {what} of size {size} (spanning {span} with dilation_rate {dilation}) "
                       "does not fit the input {shape} of length {input} with padding='{padding}'; "
                       "the output length would be {out}.", **values)
        elif len(window) == 1:
            text = msg("{layer}: a {what} of size {size} does not fit the input {shape} of length {input} "
                       "with padding='{padding}'; the output length would be {out}.", **values)
        elif dilated:
            text = msg("{layer}: a {size} {what} (spanning {span} with dilation_rate {dilation}) does not "
                       "fit the {input} input {shape} with padding='{padding}'; the output would be {out}.",
                       **values)
        else:
            text = msg("{layer}: a {size} {what} does not fit the {input} input {shape} with "
                       "padding='{padding}'; the output would be {out}.", **values)
        raise ShapeError(
            text,
            hint or msg("Use padding='same', a smaller {what}, or fewer downsampling layers before it.",
                        what=msg(what)),
            code="size")
    return out


def _known(values):
    return [1 if v is None else v for v in values]


def _stride_dilation_check(layer, p):
    if max(p["strides"]) > 1 and max(p["dilation_rate"]) > 1:
        raise ParamError(
            "dilation_rate",
            msg("{layer}: strides {strides} and dilation_rate {dilation_rate} "
                "cannot both be greater than 1.",
                layer=layer, strides=fmt(p['strides']), dilation_rate=fmt(p['dilation_rate'])),
            msg("Use strides=1 with a dilated kernel (add a pooling layer after it to downsample), "
                "or dilation_rate=1 with strides."))


def window_shape_words(rank, shape, p, window, strides, channels_text, dilation=None):
    """Output shape of a sliding window in words, one clause per spatial axis."""
    spatial, _ = split_channels(shape, p["data_format"])
    dilation = dilation or (1,) * rank
    parts = [window_words(AXIS_WORDS[axis], n, k, s, p["padding"], d) for axis, n, k, s, d in
             zip(SPATIAL_NAMES[rank], spatial, window, strides, dilation)]
    return clauses(parts + [channels_text])


def kernel_text(window) -> str:
    return times(*window)


# ------------------------------------------------------------ Conv1D/2D/3D ---

_CONV_EXAMPLES = {
    1: "Conv1D(8, 5) maps (None, 20, 1) to (None, 16, 8) with 48 params; "
       "padding='causal' keeps the length and never looks ahead.",
    2: "Conv2D(32, 3, activation='relu') maps (None, 28, 28, 1) to (None, 26, 26, 32) with 320 params.",
    3: "Conv3D(8, 3) maps (None, 16, 64, 64, 3) to (None, 14, 62, 62, 8) with 656 params.",
}
_CONV_INPUTS = {1: "sequences", 2: "images", 3: "volumes or video"}


def _conv_family(rank: int) -> LayerSpec:
    name = f"Conv{rank}D"
    variants = {r: f"Conv{r}D" for r in (1, 2, 3) if r != rank}

    def inputs(p, shapes):
        shape = shapes[0]
        df = p["data_format"]
        require_spatial_rank(name, shape, rank, df, variants)
        channels = input_channels(name, shape, df)
        if channels % p["groups"]:
            raise ShapeError(
                msg("{name}: groups={groups} must divide both filters ({filters}) and the "
                    "input channels ({channels}).",
                    name=name, groups=p['groups'], filters=p['filters'], channels=channels),
                msg("Pick groups among the common divisors of {filters} and {channels}.",
                    filters=p['filters'], channels=channels),
                code="groups")
        return shape, channels

    def shape_rule(p, shapes, ctx):
        shape, _ = inputs(p, shapes)
        df = p["data_format"]
        spatial, _ = split_channels(shape, df)
        out = window_lengths(name, shape, spatial, p["kernel_size"], p["strides"], p["padding"],
                             p["dilation_rate"])
        return join_channels(shape[0], out, p["filters"], df)

    def weights(p, shapes):
        _, channels = inputs(p, shapes)
        kernel = prod(p["kernel_size"]) * (channels // p["groups"]) * p["filters"]
        return (kernel + (p["filters"] if p["use_bias"] else 0), 0)

    def macs(p, ins, outs):
        _, channels = inputs(p, ins)
        out_spatial, _ = split_channels(outs[0], p["data_format"])
        return prod(_known(out_spatial)) * prod(p["kernel_size"]) * (channels // p["groups"]) * p["filters"]

    def explain(p, ins, outs):
        _, channels = inputs(p, ins)
        k, f, g = kernel_text(p["kernel_size"]), p["filters"], p["groups"]
        per = channels if g == 1 else f"({channels}//{g})"
        per_rule = "in_channels" if g == 1 else "(in_channels//groups)"
        kernel_rule = {1: "kernel", 2: "kernel_h·kernel_w", 3: "kernel_d·kernel_h·kernel_w"}[rank]
        if p["use_bias"]:
            params = (f"({kernel_rule}·{per_rule} + 1)·filters", f"({times(k, per)} + 1)·{f}")
        else:
            params = (f"{kernel_rule}·{per_rule}·filters", times(k, per, f))
        out_spatial, _ = split_channels(outs[0], p["data_format"])
        macs = (N_("output positions·filters·kernel·in_channels") if g == 1
                else N_("output positions·filters·kernel·(in_channels//groups)"),
                times(*known(out_spatial), f, k, per))
        shape = window_shape_words(rank, ins[0], p, p["kernel_size"], p["strides"],
                                   msg("channels = filters = {filters}", filters=f), p["dilation_rate"])
        return {"shape": shape, "params": params, "macs": macs}

    def check(p):
        _stride_dilation_check(name, p)
        if p["filters"] % p["groups"]:
            raise ParamError("groups", msg("{name}: groups={groups} must divide filters ({filters}).",
                                           name=name, groups=p['groups'], filters=p['filters']),
                             msg("Grouped convolution splits filters and input channels into equal groups."))

    return register(LayerSpec(
        type=name, category="convolution",
        doc=f"{rank}-D convolution over {_CONV_INPUTS[rank]}: slides `filters` kernels of size "
            f"kernel_size over the {', '.join(SPATIAL_NAMES[rank])} axes.\n\nExample: {_CONV_EXAMPLES[rank]}",
        params=(
            Param("filters", "int", REQUIRED, "Number of output channels (kernels).", min=1),
            Param("kernel_size", "tuple", REQUIRED,
                  f"Window size, an int or {rank} ints ({' × '.join(SPATIAL_NAMES[rank])}).", rank=rank),
            Param("strides", "tuple", tuple_default(rank, 1), "Step of the window along each axis.", rank=rank),
            padding_param(name, causal=rank == 1),
            data_format_param(),
            Param("dilation_rate", "tuple", tuple_default(rank, 1),
                  "Spacing between kernel taps (atrous convolution); cannot combine with strides > 1.",
                  rank=rank, advanced=True),
            Param("groups", "int", 1,
                  "Split input channels and filters into this many independent groups.", min=1, advanced=True),
            activation_param(),
            *dense_like_params(),
        ),
        shape=shape_rule, weights=weights, macs=macs, check=check, explain=explain,
        key_params=("filters", "kernel_size", "strides", "activation"),
    ))


# -------------------------------------------------- Conv1D/2D/3DTranspose ---

_TRANSPOSE_EXAMPLES = {
    1: "Conv1DTranspose(5, 3, strides=2) maps (None, 8, 4) to (None, 17, 5) with 65 params.",
    2: "Conv2DTranspose(8, 3, strides=2, padding='same') maps (None, 3, 3, 16) to (None, 6, 6, 8) "
       "with 1,160 params.",
    3: "Conv3DTranspose(5, 3, strides=2, padding='same') maps (None, 4, 8, 8, 2) to "
       "(None, 8, 16, 16, 5) with 275 params.",
}


def _transpose_family(rank: int) -> LayerSpec:
    name = f"Conv{rank}DTranspose"
    variants = {r: f"Conv{r}DTranspose" for r in (1, 2, 3) if r != rank}

    def inputs(p, shapes):
        shape = shapes[0]
        require_spatial_rank(name, shape, rank, p["data_format"], variants)
        return shape, input_channels(name, shape, p["data_format"])

    def shape_rule(p, shapes, ctx):
        shape, _ = inputs(p, shapes)
        df = p["data_format"]
        spatial, _ = split_channels(shape, df)
        pads = p["output_padding"] or (None,) * rank
        out_spatial = [deconv_length(n, k, s, p["padding"], op, d) for n, k, s, op, d in
                       zip(spatial, p["kernel_size"], p["strides"], pads, p["dilation_rate"])]
        out = join_channels(shape[0], out_spatial, p["filters"], df)
        check_positive(name, out, shape,
                       msg("a {size} kernel with padding='{padding}' and output_padding {output_padding}",
                           size=dims_text(p["kernel_size"]), padding=p["padding"],
                           output_padding=fmt(p["output_padding"])),
                       msg("Use an odd kernel_size, a larger output_padding, or padding='valid'."))
        return out

    def weights(p, shapes):
        _, channels = inputs(p, shapes)
        kernel = prod(p["kernel_size"]) * channels * p["filters"]
        return (kernel + (p["filters"] if p["use_bias"] else 0), 0)

    def macs(p, ins, outs):
        shape, channels = inputs(p, ins)
        in_spatial, _ = split_channels(shape, p["data_format"])
        return prod(_known(in_spatial)) * prod(p["kernel_size"]) * channels * p["filters"]

    def explain(p, ins, outs):
        shape, channels = inputs(p, ins)
        k, f = kernel_text(p["kernel_size"]), p["filters"]
        if p["use_bias"]:
            params = ("(kernel·in_channels + 1)·filters", f"({times(k, channels)} + 1)·{f}")
        else:
            params = ("kernel·in_channels·filters", times(k, channels, f))
        in_spatial, _ = split_channels(shape, p["data_format"])
        macs = (N_("input positions·kernel·in_channels·filters"), times(*known(in_spatial), k, channels, f))
        pads = p["output_padding"] or (None,) * rank
        parts = []
        for axis, n, kk, s_, op, d in zip(SPATIAL_NAMES[rank], in_spatial, p["kernel_size"],
                                           p["strides"], pads, p["dilation_rate"]):
            out = deconv_length(n, kk, s_, p["padding"], op, d)
            if n is None:
                parts.append(msg("{axis}: unknown (the input length is not fixed)", axis=AXIS_WORDS[axis]))
                continue
            eff = d * (kk - 1) + 1
            if op is None:
                text = (f"{n}·{s_} + max({eff} − {s_}, 0)" if p["padding"] == "valid" else f"{n}·{s_}")
            else:
                pad = eff // 2 if p["padding"] == "same" else 0
                text = f"({n} − 1)·{s_} + {eff} − 2·{pad} + {op}"
            parts.append(msg("{axis}: {arithmetic} = {out}", axis=AXIS_WORDS[axis], arithmetic=text, out=out))
        parts.append(msg("channels = filters = {filters}", filters=f))
        return {"shape": clauses(parts), "params": params, "macs": macs}

    def check(p):
        _stride_dilation_check(name, p)
        if p["output_padding"] is not None:
            for op, s in zip(p["output_padding"], p["strides"]):
                if op >= s:
                    raise ParamError(
                        "output_padding",
                        msg("{name}: output_padding {output_padding} must be smaller than "
                            "strides {strides} on every axis.",
                            name=name, output_padding=fmt(p['output_padding']), strides=fmt(p['strides'])),
                        msg("Use output_padding between 0 and strides - 1, or leave it empty."))

    output_padding = Param(
        "output_padding", "tuple", None,
        "Extra size added to one side of the output (each < strides); empty lets Keras choose.",
        rank=rank, min=0, nullable=True, advanced=True)
    data_format = data_format_param()
    # Keras orders these two differently for the 3D variant; keep its order.
    ordered = (data_format, output_padding) if rank == 3 else (output_padding, data_format)
    return register(LayerSpec(
        type=name, category="convolution",
        doc=f"Transposed {rank}-D convolution (sometimes called deconvolution): the upsampling "
            f"counterpart of Conv{rank}D; with strides s each axis grows about s times.\n\n"
            f"Example: {_TRANSPOSE_EXAMPLES[rank]}",
        params=(
            Param("filters", "int", REQUIRED, "Number of output channels.", min=1),
            Param("kernel_size", "tuple", REQUIRED,
                  f"Window size, an int or {rank} ints ({' × '.join(SPATIAL_NAMES[rank])}).", rank=rank),
            Param("strides", "tuple", tuple_default(rank, 1), "Upsampling factor along each axis.",
                  rank=rank),
            padding_param(name),
            *ordered,
            Param("dilation_rate", "tuple", tuple_default(rank, 1),
                  "Spacing between kernel taps; cannot combine with strides > 1.", rank=rank, advanced=True),
            activation_param(),
            *dense_like_params(),
        ),
        shape=shape_rule, weights=weights, macs=macs, check=check, explain=explain,
        key_params=("filters", "kernel_size", "strides", "activation"),
    ))


# ------------------------------------ SeparableConv1D/2D, DepthwiseConv1D/2D ---

_DEPTHWISE_EXAMPLES = {
    1: "DepthwiseConv1D(3) maps (None, 20, 8) to (None, 18, 8) with 32 params.",
    2: "DepthwiseConv2D(3, padding='same') maps (None, 56, 56, 32) to (None, 56, 56, 32) "
       "with 320 params (MobileNet).",
}
_SEPARABLE_EXAMPLES = {
    1: "SeparableConv1D(16, 3) maps (None, 20, 8) to (None, 18, 16) with 168 params.",
    2: "SeparableConv2D(64, 3, padding='same') maps (None, 32, 32, 32) to (None, 32, 32, 64) "
       "with 2,400 params (Xception).",
}


def _depthwise_family(rank: int, separable: bool) -> LayerSpec:
    base = "SeparableConv" if separable else "DepthwiseConv"
    name = f"{base}{rank}D"
    variants = {r: f"{base}{r}D" for r in (1, 2) if r != rank}
    variants[3] = "Conv3D"  # Keras has no 3-D separable or depthwise convolution

    def inputs(p, shapes):
        shape = shapes[0]
        require_spatial_rank(name, shape, rank, p["data_format"], variants)
        return shape, input_channels(name, shape, p["data_format"])

    def shape_rule(p, shapes, ctx):
        shape, channels = inputs(p, shapes)
        df = p["data_format"]
        spatial, _ = split_channels(shape, df)
        out = window_lengths(name, shape, spatial, p["kernel_size"], p["strides"], p["padding"],
                             p["dilation_rate"])
        out_channels = p["filters"] if separable else channels * p["depth_multiplier"]
        return join_channels(shape[0], out, out_channels, df)

    def weights(p, shapes):
        _, channels = inputs(p, shapes)
        depth = channels * p["depth_multiplier"]
        count = prod(p["kernel_size"]) * depth
        if separable:
            count += depth * p["filters"]
            bias = p["filters"]
        else:
            bias = depth
        return (count + (bias if p["use_bias"] else 0), 0)

    def macs(p, ins, outs):
        _, channels = inputs(p, ins)
        out_spatial, _ = split_channels(outs[0], p["data_format"])
        depth = channels * p["depth_multiplier"]
        per_position = prod(p["kernel_size"]) * depth + (depth * p["filters"] if separable else 0)
        return prod(_known(out_spatial)) * per_position

    def explain(p, ins, outs):
        _, channels = inputs(p, ins)
        k, dm = kernel_text(p["kernel_size"]), p["depth_multiplier"]
        out_spatial, _ = split_channels(outs[0], p["data_format"])
        positions = times(*known(out_spatial))
        if separable:
            f = p["filters"]
            rule = N_("depthwise kernel·in_channels·depth_multiplier"
                      " + pointwise in_channels·depth_multiplier·filters")
            arith = plus(times(k, channels, dm), times(channels, dm, f))
            if p["use_bias"]:
                rule = N_("depthwise kernel·in_channels·depth_multiplier"
                          " + pointwise in_channels·depth_multiplier·filters + filters (bias)")
                arith = plus(arith, f)
            macs = (N_("output positions·(kernel·in_channels·depth_multiplier"
                       " + in_channels·depth_multiplier·filters)"),
                    times(positions, group(plus(times(k, channels, dm), times(channels, dm, f)))))
            out_ch = msg("channels = filters = {filters}", filters=f)
        else:
            if p["use_bias"]:
                rule, arith = "(kernel + 1)·in_channels·depth_multiplier", times(f"({k} + 1)", channels, dm)
            else:
                rule, arith = "kernel·in_channels·depth_multiplier", times(k, channels, dm)
            macs = (N_("output positions·kernel·in_channels·depth_multiplier"), times(positions, k, channels, dm))
            out_ch = msg("channels = in_channels·depth_multiplier = {channels}·{depth_multiplier} = {out}",
                         channels=channels, depth_multiplier=dm, out=channels * dm)
        shape = window_shape_words(rank, ins[0], p, p["kernel_size"], p["strides"], out_ch, p["dilation_rate"])
        return {"shape": shape, "params": (rule, arith), "macs": macs}

    def check(p):
        _stride_dilation_check(name, p)

    kernel_help = f"Window size, an int or {rank} ints ({' × '.join(SPATIAL_NAMES[rank])})."
    common_head = (
        Param("kernel_size", "tuple", REQUIRED, kernel_help, rank=rank),
        Param("strides", "tuple", tuple_default(rank, 1), "Step of the window along each axis.", rank=rank),
        padding_param(name),
    )
    depth_multiplier = Param("depth_multiplier", "int", 1,
                             "Output channels per input channel of the depthwise step.", min=1)
    dilation = Param("dilation_rate", "tuple", tuple_default(rank, 1),
                     "Spacing between kernel taps; cannot combine with strides > 1.", rank=rank, advanced=True)
    if separable:
        params = (
            Param("filters", "int", REQUIRED, "Number of output channels of the pointwise (1×1) step.", min=1),
            *common_head,
            data_format_param(), dilation, depth_multiplier,
            activation_param(), use_bias_param(),
            initializer_param("depthwise_initializer", "glorot_uniform"),
            initializer_param("pointwise_initializer", "glorot_uniform"),
            initializer_param("bias_initializer", "zeros"),
            regularizer_param("depthwise_regularizer"),
            regularizer_param("pointwise_regularizer"),
            regularizer_param("bias_regularizer"),
            regularizer_param("activity_regularizer"),
            constraint_param("depthwise_constraint"),
            constraint_param("pointwise_constraint"),
            constraint_param("bias_constraint"),
        )
        doc = (f"Depthwise-separable {rank}-D convolution: a per-channel {rank}-D convolution followed "
               f"by a 1×1 convolution that mixes channels into `filters` outputs; far fewer "
               f"parameters than Conv{rank}D.\n\nExample: {_SEPARABLE_EXAMPLES[rank]}")
        key = ("filters", "kernel_size", "strides", "activation")
    else:
        params = (
            *common_head,
            depth_multiplier, data_format_param(), dilation,
            activation_param(), use_bias_param(),
            initializer_param("depthwise_initializer", "glorot_uniform"),
            initializer_param("bias_initializer", "zeros"),
            regularizer_param("depthwise_regularizer"),
            regularizer_param("bias_regularizer"),
            regularizer_param("activity_regularizer"),
            constraint_param("depthwise_constraint"),
            constraint_param("bias_constraint"),
        )
        doc = (f"Depthwise {rank}-D convolution: each input channel gets its own kernel(s); the "
               f"output has channels × depth_multiplier channels.\n\nExample: {_DEPTHWISE_EXAMPLES[rank]}")
        key = ("kernel_size", "strides", "depth_multiplier")
    return register(LayerSpec(
        type=name, category="convolution", doc=doc, params=params,
        shape=shape_rule, weights=weights, macs=macs, check=check, key_params=key, explain=explain,
    ))


Conv1D, Conv2D, Conv3D = (_conv_family(r) for r in (1, 2, 3))
Conv1DTranspose, Conv2DTranspose, Conv3DTranspose = (_transpose_family(r) for r in (1, 2, 3))
SeparableConv1D, SeparableConv2D = (_depthwise_family(r, separable=True) for r in (1, 2))
DepthwiseConv1D, DepthwiseConv2D = (_depthwise_family(r, separable=False) for r in (1, 2))

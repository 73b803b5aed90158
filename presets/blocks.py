"""Reusable building blocks for the preset gallery.

Each block is a function ``block(b, x, ..., name=None, group=None)`` that takes
a :class:`presets.builder.Builder` and its input tensor(s), adds its layers
and returns the output tensor, the way the textbook helper functions
(``conv2d_bn``, ``residual_block``, ``inverted_res_block``) do in Keras code.

Every node a block creates carries a group path: the block opens
``b.group(group or name)`` inside whatever group the caller has open, so a
residual unit built inside ``with b.group("stage3"):`` with
``group="block2"`` ends up in ``stage3/block2`` and the editor can collapse it.
``name`` is a prefix for the layer names (``conv2_block1`` gives
``conv2_block1_1_conv``, ...); without one the layers get Keras's own default
names (``conv2d_7``, ``batch_normalization_7``, ...).

    b = Builder("tiny-resnet")
    x = b.Input(shape=(32, 32, 3))
    x = conv_bn_act(b, x, 16, name="stem")
    with b.group("stage1"):
        x = residual_block(b, x, 16, name="stage1_block1", group="block1")
        x = residual_block(b, x, 32, strides=2, name="stage1_block2", group="block2")
"""

from __future__ import annotations

from contextlib import nullcontext

from presets.builder import Builder, Tensor


def _named(name: str | None, suffix: str) -> str | None:
    """``name_suffix`` when the block has a name, else None (Keras default names)."""
    return f"{name}_{suffix}" if name else None


def _block_group(b: Builder, name: str | None, group: str | bool | None):
    """The block's group: ``group``, else ``name``; ``group=False`` adds none
    (for a block used as a part of a bigger one that already has its group)."""
    path = name if group is None else group
    return b.group(path) if path else nullcontext()


def _non_default(**params) -> dict:
    """The conv options that differ from the Keras defaults, so that exported
    code and the inspector show only what the block actually sets."""
    defaults = {"strides": 1, "padding": "valid", "use_bias": True,
                "kernel_initializer": "glorot_uniform", "depth_multiplier": 1}
    return {k: v for k, v in params.items() if k not in defaults or v != defaults[k]}


def _activation(b: Builder, x: Tensor, activation: str | None, name: str | None) -> Tensor:
    """An activation layer: ``ReLU(6.0)`` for "relu6" (as MobileNets write it),
    ``ReLU()`` for "ReLU", ``Activation(activation)`` otherwise."""
    if activation is None:
        return x
    if activation == "relu6":
        return b.ReLU(max_value=6.0, name=name)(x)
    if activation == "ReLU":
        return b.ReLU(name=name)(x)
    return b.Activation(activation, name=name)(x)


# -------------------------------------------------------------- plain conv --

def conv_bn_act(b: Builder, x: Tensor, filters: int, kernel_size=3, strides=1, padding="same", *,
                activation: str | None = "relu", use_bias: bool = True,
                kernel_initializer: str = "glorot_uniform", bn: dict | None = None,
                name: str | None = None, group: str | bool | None = None) -> Tensor:
    """Conv2D → BatchNormalization → activation (the course's ConvBNRelu).

    ``bn`` passes extra BatchNormalization arguments (``{"scale": False}`` for
    Inception-v3, ``{"epsilon": 1e-3, "momentum": 0.999}`` for MobileNetV2).
    """
    with _block_group(b, name, group):
        x = b.Conv2D(filters, kernel_size, **_non_default(
            strides=strides, padding=padding, use_bias=use_bias, kernel_initializer=kernel_initializer),
            name=_named(name, "conv"))(x)
        x = b.BatchNormalization(**(bn or {}), name=_named(name, "bn"))(x)
        is_relu = activation in ("relu", "relu6", "ReLU")
        return _activation(b, x, activation, _named(name, "relu" if is_relu else "act"))


def cbapd(b: Builder, x: Tensor, filters: int, kernel_size=3, *, strides=1, padding="same",
          batch_norm: bool = True, activation: str | None = "relu",
          pool_size=2, pool_strides=2, pool_padding="same", dropout: float | None = 0.2,
          name: str | None = None, group: str | bool | None = None) -> Tensor:
    """The course's CBAPD unit: Convolution, BatchNormalization, Activation,
    Pooling (max), Dropout. Leave out BN with ``batch_norm=False``, the pooling
    with ``pool_size=None`` and the dropout with ``dropout=None``.
    """
    with _block_group(b, name, group):
        x = b.Conv2D(filters, kernel_size, **_non_default(strides=strides, padding=padding),
                     name=_named(name, "conv"))(x)
        if batch_norm:
            x = b.BatchNormalization(name=_named(name, "bn"))(x)
        x = _activation(b, x, activation, _named(name, "act"))
        if pool_size:
            x = b.MaxPooling2D(pool_size=pool_size, strides=pool_strides, padding=pool_padding,
                               name=_named(name, "pool"))(x)
        if dropout:
            x = b.Dropout(dropout, name=_named(name, "dropout"))(x)
        return x


# ---------------------------------------------------------------- residual --

def residual_block(b: Builder, x: Tensor, filters: int, strides=1, *, project: bool | None = None,
                   use_bias: bool = False, kernel_initializer: str = "glorot_uniform",
                   name: str | None = None, group: str | bool | None = None) -> Tensor:
    """ResNet's basic residual unit (He et al., 2015): two 3×3 convs with BN and
    ReLU, added to the input. When the unit changes the size or the depth
    (``project=None`` decides from ``strides``; or force it), the shortcut is a
    1×1 conv with the same stride followed by BN: the "dashed" shortcut.
    """
    if project is None:
        project = strides != 1 or b.shape(x)[-1] != filters
    conv = _non_default(padding="same", use_bias=use_bias, kernel_initializer=kernel_initializer)
    with _block_group(b, name, group):
        y = b.Conv2D(filters, 3, **_non_default(strides=strides), **conv, name=_named(name, "conv1"))(x)
        y = b.BatchNormalization(name=_named(name, "bn1"))(y)
        y = b.Activation("relu", name=_named(name, "relu1"))(y)
        y = b.Conv2D(filters, 3, **conv, name=_named(name, "conv2"))(y)
        y = b.BatchNormalization(name=_named(name, "bn2"))(y)
        shortcut = x
        if project:
            shortcut = b.Conv2D(filters, 1, **_non_default(strides=strides), **conv,
                                name=_named(name, "shortcut_conv"))(x)
            shortcut = b.BatchNormalization(name=_named(name, "shortcut_bn"))(shortcut)
        y = b.Add(name=_named(name, "add"))([y, shortcut])
        return b.Activation("relu", name=_named(name, "out"))(y)


def bottleneck_block(b: Builder, x: Tensor, filters: int, strides=1, *, conv_shortcut: bool = True,
                     use_bias: bool = True, epsilon: float = 1.001e-5,
                     name: str | None = None, group: str | bool | None = None) -> Tensor:
    """ResNet-50's bottleneck unit: 1×1 (reduce) → 3×3 → 1×1 (expand to
    4·filters), each with BN, added to the shortcut and passed through ReLU.
    The shortcut is a 1×1 projection with BN when ``conv_shortcut`` is set
    (the first unit of each stage). Layer names follow keras.applications
    (``conv2_block1_1_conv`` ...).
    """
    bn = {"epsilon": epsilon}
    with _block_group(b, name, group):
        if conv_shortcut:
            shortcut = b.Conv2D(4 * filters, 1, **_non_default(strides=strides, use_bias=use_bias),
                                name=_named(name, "0_conv"))(x)
            shortcut = b.BatchNormalization(**bn, name=_named(name, "0_bn"))(shortcut)
        else:
            shortcut = x
        y = b.Conv2D(filters, 1, **_non_default(strides=strides, use_bias=use_bias),
                     name=_named(name, "1_conv"))(x)
        y = b.BatchNormalization(**bn, name=_named(name, "1_bn"))(y)
        y = b.Activation("relu", name=_named(name, "1_relu"))(y)
        y = b.Conv2D(filters, 3, padding="same", **_non_default(use_bias=use_bias),
                     name=_named(name, "2_conv"))(y)
        y = b.BatchNormalization(**bn, name=_named(name, "2_bn"))(y)
        y = b.Activation("relu", name=_named(name, "2_relu"))(y)
        y = b.Conv2D(4 * filters, 1, **_non_default(use_bias=use_bias), name=_named(name, "3_conv"))(y)
        y = b.BatchNormalization(**bn, name=_named(name, "3_bn"))(y)
        y = b.Add(name=_named(name, "add"))([shortcut, y])
        return b.Activation("relu", name=_named(name, "out"))(y)


# --------------------------------------------------------------- inception --

def inception_module(b: Builder, x: Tensor, f1: int, f3_reduce: int, f3: int, f5_reduce: int,
                     f5: int, pool_proj: int, *, name: str | None = None,
                     group: str | bool | None = None) -> Tensor:
    """GoogLeNet's inception module (Szegedy et al., 2014): 1×1, 1×1→3×3,
    1×1→5×5 and 3×3 max-pool→1×1 branches side by side, concatenated on the
    channel axis. Every conv is ReLU with "same" padding, so the branches keep
    the input's height and width.
    """
    conv = dict(padding="same", activation="relu")
    with _block_group(b, name, group):
        branch1 = b.Conv2D(f1, 1, **conv, name=_named(name, "1x1"))(x)
        branch3 = b.Conv2D(f3_reduce, 1, **conv, name=_named(name, "3x3_reduce"))(x)
        branch3 = b.Conv2D(f3, 3, **conv, name=_named(name, "3x3"))(branch3)
        branch5 = b.Conv2D(f5_reduce, 1, **conv, name=_named(name, "5x5_reduce"))(x)
        branch5 = b.Conv2D(f5, 5, **conv, name=_named(name, "5x5"))(branch5)
        branch_pool = b.MaxPooling2D(pool_size=3, strides=1, padding="same",
                                     name=_named(name, "pool"))(x)
        branch_pool = b.Conv2D(pool_proj, 1, **conv, name=_named(name, "pool_proj"))(branch_pool)
        return b.Concatenate(axis=-1, name=_named(name, "concat"))(
            [branch1, branch3, branch5, branch_pool])


def inception_blk(b: Builder, x: Tensor, ch: int, strides=1, *, name: str | None = None,
                  group: str | bool | None = None) -> Tensor:
    """The course's InceptionBlk: four ConvBNRelu branches of ``ch`` channels
    (1×1; 1×1→3×3; 1×1→5×5; 3×3 max-pool→1×1), concatenated to 4·ch. The
    1×1 convs carry the stride, so the block can halve the size.
    """
    def cbr(t, k, s, part):
        return conv_bn_act(b, t, ch, k, strides=s, name=_named(name, part), group=part)

    with _block_group(b, name, group):
        c1 = cbr(x, 1, strides, "c1")
        c2 = cbr(cbr(x, 1, strides, "c2_1"), 3, 1, "c2_2")
        c3 = cbr(cbr(x, 1, strides, "c3_1"), 5, 1, "c3_2")
        p4 = b.MaxPooling2D(pool_size=3, strides=1, padding="same", name=_named(name, "p4_1"))(x)
        c4 = cbr(p4, 1, strides, "c4_2")
        return b.Concatenate(axis=3, name=_named(name, "concat"))([c1, c2, c3, c4])


# --------------------------------------------------------------- mobilenet --

def depthwise_separable_block(b: Builder, x: Tensor, pointwise_filters: int, strides=1, *,
                              depth_multiplier: int = 1, name: str | None = None,
                              group: str | bool | None = None) -> Tensor:
    """MobileNet's depthwise-separable unit (Howard et al., 2017): a 3×3
    DepthwiseConv2D (one filter per channel) and a 1×1 pointwise Conv2D, each
    followed by BN and ReLU6. A stride-2 unit pads one row and column at the
    bottom-right first and convolves "valid", as keras.applications does.
    """
    with _block_group(b, name, group):
        if strides != 1:
            x = b.ZeroPadding2D(padding=((0, 1), (0, 1)), name=_named(name, "pad"))(x)
        x = b.DepthwiseConv2D(3, **_non_default(strides=strides, depth_multiplier=depth_multiplier),
                              padding="same" if strides == 1 else "valid", use_bias=False,
                              name=_named(name, "dw"))(x)
        x = b.BatchNormalization(name=_named(name, "dw_bn"))(x)
        x = b.ReLU(max_value=6.0, name=_named(name, "dw_relu"))(x)
        x = b.Conv2D(pointwise_filters, 1, padding="same", use_bias=False,
                     name=_named(name, "pw"))(x)
        x = b.BatchNormalization(name=_named(name, "pw_bn"))(x)
        return b.ReLU(max_value=6.0, name=_named(name, "pw_relu"))(x)


def correct_pad(size, kernel_size: int = 3):
    """The zero padding keras.applications puts before a stride-2 "valid" conv
    so that the output is ceil(size / 2): one pixel less on the top-left when
    the size is even."""
    adjust = (1, 1) if size is None or size[0] is None else (1 - size[0] % 2, 1 - size[1] % 2)
    half = kernel_size // 2
    return ((half - adjust[0], half), (half - adjust[1], half))


def inverted_residual_block(b: Builder, x: Tensor, filters: int, strides=1, expansion: int = 6, *,
                            name: str | None = None, group: str | bool | None = None) -> Tensor:
    """MobileNetV2's inverted residual (Sandler et al., 2018): a 1×1 conv
    expands the channels ``expansion`` times, a 3×3 depthwise conv filters
    them, a linear 1×1 conv projects them back down (no activation: the
    "linear bottleneck"); the input is added when the shapes match.
    ``expansion=1`` leaves the expansion conv out (MobileNetV2's first block).
    """
    in_shape = b.shape(x)
    in_channels = in_shape[-1]
    bn = {"epsilon": 1e-3, "momentum": 0.999}
    with _block_group(b, name, group):
        y = x
        if expansion != 1:
            y = b.Conv2D(expansion * in_channels, 1, padding="same", use_bias=False,
                         name=_named(name, "expand"))(y)
            y = b.BatchNormalization(**bn, name=_named(name, "expand_BN"))(y)
            y = b.ReLU(max_value=6.0, name=_named(name, "expand_relu"))(y)
        if strides == 2:
            y = b.ZeroPadding2D(padding=correct_pad(in_shape[1:3]), name=_named(name, "pad"))(y)
        y = b.DepthwiseConv2D(3, **_non_default(strides=strides),
                              padding="same" if strides == 1 else "valid",
                              use_bias=False, name=_named(name, "depthwise"))(y)
        y = b.BatchNormalization(**bn, name=_named(name, "depthwise_BN"))(y)
        y = b.ReLU(max_value=6.0, name=_named(name, "depthwise_relu"))(y)
        y = b.Conv2D(filters, 1, padding="same", use_bias=False, name=_named(name, "project"))(y)
        y = b.BatchNormalization(**bn, name=_named(name, "project_BN"))(y)
        if in_channels == filters and strides == 1:
            y = b.Add(name=_named(name, "add"))([x, y])
        return y


def squeeze_excite(b: Builder, x: Tensor, ratio: int = 16, *, name: str | None = None,
                   group: str | bool | None = None) -> Tensor:
    """Squeeze-and-excitation (Hu et al., 2018): average each channel over the
    image (squeeze), pass the vector through a small ReLU bottleneck and a
    sigmoid (excite), and rescale the channels of ``x`` by the result.
    """
    channels = b.shape(x)[-1]
    with _block_group(b, name, group):
        s = b.GlobalAveragePooling2D(keepdims=True, name=_named(name, "squeeze"))(x)
        s = b.Conv2D(max(1, channels // ratio), 1, activation="relu", name=_named(name, "reduce"))(s)
        s = b.Conv2D(channels, 1, activation="sigmoid", name=_named(name, "expand"))(s)
        return b.Multiply(name=_named(name, "excite"))([x, s])


# --------------------------------------------------------------- recurrent --

def rnn_stack(b: Builder, x: Tensor, units, *, cell: str = "LSTM", dropout: float | None = None,
              return_sequences: bool = False, name: str | None = None,
              group: str | bool | None = None) -> Tensor:
    """Stacked recurrent layers (``cell`` is "SimpleRNN", "LSTM" or "GRU"):
    every layer but the last returns its whole sequence so the next one can
    read it; the last one returns a sequence only if ``return_sequences``.
    A Dropout follows each layer when ``dropout`` is given.
    """
    units = list(units)
    with _block_group(b, name, group):
        for i, n in enumerate(units, start=1):
            last = i == len(units)
            x = b.layer(cell, n, return_sequences=return_sequences if last else True,
                        name=_named(name, f"{cell.lower()}{i}"))(x)
            if dropout:
                x = b.Dropout(dropout, name=_named(name, f"dropout{i}"))(x)
        return x


# ------------------------------------------------------------- transformer --

def transformer_encoder(b: Builder, x: Tensor, num_heads: int, key_dim: int, ff_dim: int, *,
                        dropout: float = 0.1, epsilon: float = 1e-6, name: str | None = None,
                        group: str | bool | None = None) -> Tensor:
    """A Transformer encoder layer (Vaswani et al., 2017), post-norm: multi-head
    self-attention, dropout, residual add, LayerNormalization; then the
    position-wise feed-forward network, dropout, residual add,
    LayerNormalization. The feed-forward network is written as the paper
    describes it, "two convolutions with kernel size 1" (``ff_dim`` ReLU, then
    back to the model width), as in the Keras time-series Transformer example;
    it has exactly the weights of two Dense layers applied at every position.
    """
    width = b.shape(x)[-1]
    with _block_group(b, name, group):
        attn = b.MultiHeadAttention(num_heads, key_dim, name=_named(name, "attention"))([x, x])
        attn = b.Dropout(dropout, name=_named(name, "attention_dropout"))(attn)
        x = b.Add(name=_named(name, "attention_add"))([x, attn])
        x = b.LayerNormalization(epsilon=epsilon, name=_named(name, "attention_norm"))(x)
        ffn = b.Conv1D(ff_dim, 1, activation="relu", name=_named(name, "ffn1"))(x)
        ffn = b.Conv1D(width, 1, name=_named(name, "ffn2"))(ffn)
        ffn = b.Dropout(dropout, name=_named(name, "ffn_dropout"))(ffn)
        x = b.Add(name=_named(name, "ffn_add"))([x, ffn])
        return b.LayerNormalization(epsilon=epsilon, name=_named(name, "ffn_norm"))(x)


# -------------------------------------------------------------------- U-Net --

def double_conv(b: Builder, x: Tensor, filters: int, *, name: str | None = None,
                group: str | bool | None = None) -> Tensor:
    """Two 3×3 ReLU convs with "same" padding (U-Net's basic unit)."""
    with _block_group(b, name, group):
        x = b.Conv2D(filters, 3, padding="same", activation="relu", kernel_initializer="he_normal",
                     name=_named(name, "conv1"))(x)
        return b.Conv2D(filters, 3, padding="same", activation="relu",
                        kernel_initializer="he_normal", name=_named(name, "conv2"))(x)


def unet_down(b: Builder, x: Tensor, filters: int, *, name: str | None = None,
              group: str | bool | None = None):
    """U-Net encoder step: double conv (kept as the skip) then 2×2 max-pool.
    Returns ``(skip, pooled)``."""
    with _block_group(b, name, group):
        skip = double_conv(b, x, filters, name=name, group=False)
        return skip, b.MaxPooling2D(pool_size=2, name=_named(name, "pool"))(skip)


def unet_up(b: Builder, x: Tensor, skip: Tensor, filters: int, *, name: str | None = None,
            group: str | bool | None = None) -> Tensor:
    """U-Net decoder step: 2×2 stride-2 transposed conv doubles the size, the
    encoder's skip tensor is concatenated, then a double conv."""
    with _block_group(b, name, group):
        x = b.Conv2DTranspose(filters, 2, strides=2, padding="same", name=_named(name, "upconv"))(x)
        x = b.Concatenate(name=_named(name, "concat"))([skip, x])
        return double_conv(b, x, filters, name=name, group=False)

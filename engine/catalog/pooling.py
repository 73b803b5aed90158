"""Pooling layers: MaxPooling1D/2D/3D, AveragePooling1D/2D/3D,
GlobalMaxPooling1D/2D/3D, GlobalAveragePooling1D/2D/3D.

One factory per family declares the 1D/2D/3D variants. Pooling has no weights.
Unlike Keras in some paths, a window that leaves an axis of size zero is
always refused.
"""

from __future__ import annotations

from engine.catalog.base import LayerSpec, Param, REQUIRED, register
from engine.catalog.convolution import (
    SPATIAL_NAMES, WINDOW, data_format_param, padding_param, require_spatial_rank, tuple_default,
    window_lengths,
)
from engine.catalog.convolution import window_shape_words
from engine.formulas import clauses
from engine.i18n import N_, msg
from engine.shapes import join_channels, split_channels

_MODES = {"max": "Max", "average": "Average"}
_WHAT = {"max": "the largest value", "average": "the mean"}


# ------------------------------------------------------- Max/AveragePooling ---

def _pooling_family(mode: str, rank: int) -> LayerSpec:
    name = f"{_MODES[mode]}Pooling{rank}D"
    variants = {r: f"{_MODES[mode]}Pooling{r}D" for r in (1, 2, 3) if r != rank}
    axes = " × ".join(SPATIAL_NAMES[rank])

    def shape_rule(p, shapes, ctx):
        shape = shapes[0]
        df = p["data_format"]
        require_spatial_rank(name, shape, rank, df, variants)
        spatial, channels = split_channels(shape, df)
        strides = p["strides"] or p["pool_size"]
        out = window_lengths(
            name, shape, spatial, p["pool_size"], strides, p["padding"], what=WINDOW,
            hint=msg("Use padding='same', a smaller pool_size, or fewer downsampling layers before it."))
        return join_channels(shape[0], out, channels, df)

    def explain(p, ins, outs):
        _, channels = split_channels(ins[0], p["data_format"])
        strides = p["strides"] or p["pool_size"]
        return {"shape": window_shape_words(rank, ins[0], p, p["pool_size"], strides,
                                            msg("channels unchanged = {channels}", channels=channels))}

    # Keras gives MaxPooling a default window of 2 and AveragePooling none.
    pool_default = tuple_default(rank, 2) if mode == "max" else REQUIRED
    examples = {
        1: f"{name}(2) maps (None, 20, 8) to (None, 10, 8).",
        2: f"{name}(2) maps (None, 28, 28, 6) to (None, 14, 14, 6); "
           f"{name}(3, strides=2) (overlapping, as in AlexNet) maps 55×55 to 27×27.",
        3: f"{name}(2) maps (None, 16, 32, 32, 8) to (None, 8, 16, 16, 8).",
    }
    return register(LayerSpec(
        type=name, category="pooling",
        doc=f"{rank}-D {mode} pooling: keeps {_WHAT[mode]} of each pool_size window over the "
            f"{', '.join(SPATIAL_NAMES[rank])} axes; channels are unchanged and there are no "
            f"weights.\n\nExample: {examples[rank]}",
        params=(
            Param("pool_size", "tuple", pool_default,
                  f"Window size, an int or {rank} ints ({axes}).", rank=rank),
            Param("strides", "tuple", None,
                  "Step of the window; empty means pool_size (windows that do not overlap).",
                  rank=rank, nullable=True),
            padding_param(name),
            data_format_param(),
        ),
        shape=shape_rule, key_params=("pool_size", "strides"), explain=explain,
    ))


# --------------------------------------------- GlobalMax/AveragePooling ---

def _global_family(mode: str, rank: int) -> LayerSpec:
    name = f"Global{_MODES[mode]}Pooling{rank}D"
    variants = {r: f"Global{_MODES[mode]}Pooling{r}D" for r in (1, 2, 3) if r != rank}

    def shape_rule(p, shapes, ctx):
        shape = shapes[0]
        df = p["data_format"]
        require_spatial_rank(name, shape, rank, df, variants)
        _, channels = split_channels(shape, df)
        if p["keepdims"]:
            return join_channels(shape[0], [1] * rank, channels, df)
        return (shape[0], channels)

    def explain(p, ins, outs):
        _, channels = split_channels(ins[0], p["data_format"])
        axes = {1: N_("steps"), 2: N_("height × width"), 3: N_("depth × height × width")}[rank]
        pooled = (msg("the {axes} axes are pooled away (kept with size 1: keepdims)", axes=axes)
                  if p["keepdims"] else msg("the {axes} axes are pooled away", axes=axes))
        return {"shape": clauses([pooled, msg("one value per channel = {channels}", channels=channels)])}

    examples = {
        1: f"{name}() maps (None, 100, 64) to (None, 64), whatever the sequence length.",
        2: f"{name}() maps (None, 7, 7, 512) to (None, 512); with keepdims=True to (None, 1, 1, 512).",
        3: f"{name}() maps (None, 4, 8, 8, 32) to (None, 32).",
    }
    return register(LayerSpec(
        type=name, category="pooling",
        doc=f"Takes {_WHAT[mode]} over all {', '.join(SPATIAL_NAMES[rank])} positions, leaving one "
            f"value per channel; works for any input size.\n\nExample: {examples[rank]}",
        params=(
            data_format_param(),
            Param("keepdims", "bool", False,
                  "Keep the pooled axes with size 1 (e.g. (None, 1, 1, C)) instead of dropping them."),
        ),
        shape=shape_rule, key_params=("keepdims",), explain=explain,
    ))


MaxPooling1D, MaxPooling2D, MaxPooling3D = (_pooling_family("max", r) for r in (1, 2, 3))
AveragePooling1D, AveragePooling2D, AveragePooling3D = (_pooling_family("average", r) for r in (1, 2, 3))
GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalMaxPooling3D = (_global_family("max", r) for r in (1, 2, 3))
GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalAveragePooling3D = (
    _global_family("average", r) for r in (1, 2, 3))

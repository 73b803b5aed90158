"""Preprocessing layers inside the model: Rescaling, Resizing, CenterCrop and
the augmentation layers RandomFlip, RandomRotation, RandomZoom,
RandomTranslation, RandomContrast.

Keras's image layers take a 4-D batch (batch, height, width, channels) or a
3-D single image. Inside a model the batch axis is always there, so a 3-D
shape here is (batch, height, width) and Keras would misread it as one image
of height `batch`; these declarations therefore ask for 4-D inputs. The
random layers change values only during training and keep the shape.
"""

from __future__ import annotations

import math

from engine.catalog.base import LayerSpec, Param, prod, register, REQUIRED
from engine.errors import ParamError
from engine.shapes import fmt, join_channels, require_min_rank, require_rank, split_channels
from engine.formulas import clauses
from engine.i18n import N_, msg


def _per_sample(shape) -> int:
    return prod(d for d in shape[1:] if d)


def _data_format_param():
    return Param("data_format", "choice", None, "Axis order of the images (channels_last when empty).",
                 choices=(None, "channels_last", "channels_first"), nullable=True, advanced=True)


def _seed_param():
    return Param("seed", "int", None, "Random seed; empty for a different one each run.",
                 nullable=True, min=0, advanced=True)


def _image(name: str, p, shape):
    """(height, width, channels) of a 4-D image batch, after checking the rank."""
    data_format = p.get("data_format")
    if data_format == "channels_first":
        what = "(batch, channels, height, width)"
        hint = "" if len(shape) != 3 else (
            msg("For grayscale images add the channel axis: Reshape to (1, {shape_1}, {shape_2}).",
                shape_1=shape[1], shape_2=shape[2]))
    else:
        what = "(batch, height, width, channels)"
        hint = ""
    if len(shape) == 5:
        hint = msg("For video or volumes apply it per frame with TimeDistributed.")
    elif len(shape) == 2:
        hint = msg("Image layers need spatial axes; Reshape the input to (height, width, channels).")
    require_rank(name, shape, 4, hint=hint, what=what)
    (height, width), channels = split_channels(shape, data_format)
    return height, width, channels


def _image_same(name: str):
    def rule(p, shapes, ctx):
        _image(name, p, shapes[0])
        return shapes[0]
    return rule


def _factor(name: str, value, lo: float, hi: float, lo_exclusive: bool = False, meaning: str = ""):
    """Validate a number or a [lower, upper] pair within [lo, hi] (or (lo, hi])."""
    opening = "(" if lo_exclusive else "["
    interval = f"{opening}{lo:g}, {hi:g}]"
    if meaning:
        usage = msg("{name} must be a number or a list of two numbers in {interval} ({meaning}) (got {value}).",
                    name=name, interval=interval, meaning=msg(meaning), value=repr(value))
    else:
        usage = msg("{name} must be a number or a list of two numbers in {interval} (got {value}).",
                    name=name, interval=interval, value=repr(value))

    def ok(v):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return False
        return (v > lo if lo_exclusive else v >= lo) and v <= hi

    if isinstance(value, (list, tuple)):
        if len(value) != 2 or not all(ok(v) for v in value):
            raise ParamError(name, usage)
        return
    if not ok(value):
        raise ParamError(name, usage)


# ------------------------------------------------------------- Rescaling ---

def _rescaling_shape(p, shapes, ctx):
    require_min_rank("Rescaling", shapes[0], 2)
    return shapes[0]


Rescaling = register(LayerSpec(
    type="Rescaling", category="preprocessing",
    doc="Multiplies its input by `scale` and adds `offset`, e.g. to bring pixel values from [0, 255] "
        "to [0, 1] inside the model.\n\n"
        "Example: Rescaling(1/255) on (None, 32, 32, 3); Rescaling(1/127.5, offset=-1) gives [-1, 1].",
    params=(
        Param("scale", "float", REQUIRED, "Factor applied to the input, e.g. 1/255."),
        Param("offset", "float", 0.0, "Value added after scaling."),
    ),
    shape=_rescaling_shape, macs=lambda p, ins, outs: _per_sample(ins[0]),
    key_params=("scale", "offset"),
))


# -------------------------------------------------------------- Resizing ---

_RESIZE_TAPS = {"nearest": 0, "bilinear": 4, "bicubic": 16, "lanczos3": 36, "lanczos5": 100, "area": 4}


def _resizing_shape(p, shapes, ctx):
    shape = shapes[0]
    _, _, channels = _image("Resizing", p, shape)
    return join_channels(shape[0], [p["height"], p["width"]], channels, p["data_format"])


def _resizing_macs(p, ins, outs):
    # a rough count: each output value weighs the input values under the filter
    return _RESIZE_TAPS.get(p["interpolation"], 4) * _per_sample(outs[0])


def _resizing_check(p):
    if p["crop_to_aspect_ratio"] and p["pad_to_aspect_ratio"]:
        raise ParamError("pad_to_aspect_ratio",
                         msg("Resizing: crop_to_aspect_ratio and pad_to_aspect_ratio cannot both be true."),
                         msg("Crop to keep the aspect ratio by losing borders, or pad to keep it by adding them."))


Resizing = register(LayerSpec(
    type="Resizing", category="preprocessing",
    doc="Resizes images to height × width, interpolating; optionally crops or pads first to keep the "
        "aspect ratio.\n\n"
        "Example: Resizing(224, 224) maps (None, None, None, 3) to (None, 224, 224, 3).",
    params=(
        Param("height", "int", REQUIRED, "Height of the output images.", min=1),
        Param("width", "int", REQUIRED, "Width of the output images.", min=1),
        Param("interpolation", "choice", "bilinear", "How output pixels are computed.",
              choices=("bilinear", "nearest", "bicubic", "lanczos3", "lanczos5", "area")),
        Param("crop_to_aspect_ratio", "bool", False, "Crop the largest centred window of the target "
                                                     "aspect ratio before resizing (no distortion)."),
        Param("pad_to_aspect_ratio", "bool", False, "Pad to the target aspect ratio before resizing "
                                                    "(no distortion).", advanced=True),
        Param("fill_mode", "choice", "constant", "How padding is filled (Keras supports 'constant' only).",
              choices=("constant",), advanced=True),
        Param("fill_value", "float", 0.0, "Value of the padding.", advanced=True),
        Param("antialias", "bool", False, "Antialias when downsampling.", advanced=True),
        _data_format_param(),
    ),
    shape=_resizing_shape, macs=_resizing_macs, check=_resizing_check,
    explain=lambda p, ins, outs: {"shape": clauses([msg("height = {height}, width = {width} as set",
                                                        height=p['height'], width=p['width']),
                                                    N_("channels unchanged")])},
    key_params=("height", "width"),
))


# ------------------------------------------------------------ CenterCrop ---

def _center_crop_shape(p, shapes, ctx):
    shape = shapes[0]
    height, width, channels = _image("CenterCrop", p, shape)
    small = [f"{axis} {have} < {want}" for axis, have, want in
             (("height", height, p["height"]), ("width", width, p["width"]))
             if have is not None and have < want]
    if small:
        ctx.warn(msg("CenterCrop: the input {shape} is smaller than the crop ({names}); "
                     "Keras then resizes the largest centred window of that aspect ratio instead of cropping.",
                     shape=fmt(shape), names=', '.join(small)),
                 msg("Use a crop no larger than the input, or a Resizing layer if enlarging is intended."),
                 code="crop_larger")
    return join_channels(shape[0], [p["height"], p["width"]], channels, p["data_format"])


CenterCrop = register(LayerSpec(
    type="CenterCrop", category="preprocessing",
    doc="Crops the central height × width window of each image.\n\n"
        "Example: CenterCrop(224, 224) maps (None, 256, 256, 3) to (None, 224, 224, 3).",
    params=(
        Param("height", "int", REQUIRED, "Height of the crop.", min=1),
        Param("width", "int", REQUIRED, "Width of the crop.", min=1),
        _data_format_param(),
    ),
    shape=_center_crop_shape, key_params=("height", "width"),
    explain=lambda p, ins, outs: {"shape": clauses([msg("the central {height}×{width} window of each image",
                                                        height=p['height'], width=p['width']),
                                                    N_("channels unchanged")])},
))


# ---------------------------------------------------------- augmentation ---

_FILL_MODES = ("reflect", "wrap", "constant", "nearest")


def _affine_params():
    return (
        Param("fill_mode", "choice", "reflect", "How points outside the image are filled.", choices=_FILL_MODES),
        Param("interpolation", "choice", "bilinear", "How pixels between grid points are computed.",
              choices=("nearest", "bilinear"), advanced=True),
        _seed_param(),
        Param("fill_value", "float", 0.0, "Fill value when fill_mode is 'constant'.", advanced=True),
        _data_format_param(),
    )


RandomFlip = register(LayerSpec(
    type="RandomFlip", category="preprocessing",
    doc="Flips images at random during training (left-right, up-down or both); does nothing at inference.\n\n"
        "Example: RandomFlip('horizontal') for photos whose mirror image is as likely.",
    params=(
        Param("mode", "choice", "horizontal_and_vertical", "Which flips are drawn.",
              choices=("horizontal", "vertical", "horizontal_and_vertical")),
        _seed_param(),
        _data_format_param(),
    ),
    shape=_image_same("RandomFlip"), key_params=("mode",),
))

RandomRotation = register(LayerSpec(
    type="RandomRotation", category="preprocessing",
    doc="Rotates images by a random angle during training; factor is a fraction of a full turn "
        "(0.1 = up to ±36°).\n\n"
        "Example: RandomRotation(0.1) keeps (None, 32, 32, 3).",
    params=(
        Param("factor", "any", REQUIRED, "Largest rotation as a fraction of 2π (a number, or "
                                         "[lower, upper] in [-1, 1])."),
        *_affine_params(),
    ),
    shape=_image_same("RandomRotation"),
    check=lambda p: _factor("factor", p["factor"], -1, 1, meaning=N_("fractions of a full turn")),
    key_params=("factor",),
))


def _zoom_check(p):
    meaning = N_("negative zooms in, positive zooms out")
    _factor("height_factor", p["height_factor"], -1, 1, lo_exclusive=True, meaning=meaning)
    if p["width_factor"] is not None:
        _factor("width_factor", p["width_factor"], -1, 1, lo_exclusive=True, meaning=meaning)


RandomZoom = register(LayerSpec(
    type="RandomZoom", category="preprocessing",
    doc="Zooms images in or out at random during training; the shape is kept.\n\n"
        "Example: RandomZoom(0.2) zooms by up to ±20%.",
    params=(
        Param("height_factor", "any", REQUIRED, "Vertical zoom range as a fraction: a number or "
                                                "[lower, upper] in (-1, 1]."),
        Param("width_factor", "any", None, "Horizontal zoom range; empty to keep the aspect ratio.",
              nullable=True),
        *_affine_params(),
    ),
    shape=_image_same("RandomZoom"), check=_zoom_check,
    key_params=("height_factor",),
))


def _translation_check(p):
    for name in ("height_factor", "width_factor"):
        _factor(name, p[name], -1, 1, meaning=N_("fractions of the image size"))


RandomTranslation = register(LayerSpec(
    type="RandomTranslation", category="preprocessing",
    doc="Shifts images at random during training by up to a fraction of their height and width.\n\n"
        "Example: RandomTranslation(0.1, 0.1) shifts by up to 10% each way.",
    params=(
        Param("height_factor", "any", REQUIRED, "Vertical shift as a fraction of the height: a number "
                                                "or [lower, upper] in [-1, 1]."),
        Param("width_factor", "any", REQUIRED, "Horizontal shift as a fraction of the width."),
        *_affine_params(),
    ),
    shape=_image_same("RandomTranslation"), check=_translation_check,
    key_params=("height_factor", "width_factor"),
))


def _contrast_check(p):
    _factor("factor", p["factor"], 0, 1)
    vr = p["value_range"]
    if (not isinstance(vr, (list, tuple)) or len(vr) != 2
            or any(isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) for v in vr)
            or vr[0] >= vr[1]):
        raise ParamError("value_range",
                         msg("value_range must be [low, high] with low < high, e.g. [0, 255] or "
                                            "[0, 1] (got {vr}).", vr=repr(vr)))


RandomContrast = register(LayerSpec(
    type="RandomContrast", category="preprocessing",
    doc="Changes the contrast of each image at random during training, by a factor drawn from "
        "[1 - lower, 1 + upper], then clips to value_range.\n\n"
        "Example: RandomContrast(0.2) on pixel values in [0, 255].",
    params=(
        Param("factor", "any", REQUIRED, "Contrast change: a number or [lower, upper] in [0, 1]."),
        Param("value_range", "any", (0, 255), "Range of the pixel values, [low, high]."),
        _seed_param(),
    ),
    shape=_image_same("RandomContrast"), check=_contrast_check,
    key_params=("factor",),
))

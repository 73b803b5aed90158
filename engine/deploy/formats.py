"""The formats a network can be deployed to, declared once.

Each format says how its file is named, which runtime loads it back, and
how closely it must agree with Keras: the float formats compute in float32
and must match to ``FLOAT_TOLERANCE``; the quantized ones are judged by
accuracy (or error) instead, and their output difference is shown for
information. Nothing here imports TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.deploy.errors import DeployError
from engine.i18n import N_, msg

FLOAT_TOLERANCE = 1e-4  # largest output difference a float32 export may show
ACCURACY_DROP = 3.0  # accuracy points a quantized export may lose before a warning
ERROR_RISE = 0.10  # relative rise of the regression error before a warning
DEFAULT_OPSET = 17
OPSETS = tuple(range(13, 19))  # what tf2onnx 1.17 writes and onnxruntime runs


@dataclass(frozen=True)
class Format:
    """One deployment format.

    Args:
        id: the name on the command line, e.g. ``"tflite-int8"``.
        label: the name in the dialog.
        suffix: what is appended to the model's name to make the file name.
        runtime: ``"tflite"``, ``"onnx"`` or ``"savedmodel"``.
        quantized: whether weights (and maybe activations) lose precision.
        description: one sentence for the dialog's tooltip.
    """

    id: str
    label: str
    suffix: str
    runtime: str
    quantized: bool
    description: str

    def file_name(self, stem: str) -> str:
        return stem + self.suffix


_ALL = (
    Format("savedmodel", "SavedModel", "-savedmodel", "savedmodel", False,
           N_("TensorFlow's own format (a folder), for TF Serving and TensorFlow programs.")),
    Format("tflite-float32", "TFLite float32", "-float32.tflite", "tflite", False,
           N_("LiteRT / TensorFlow Lite for phones and small devices, full precision.")),
    Format("tflite-float16", "TFLite float16", "-float16.tflite", "tflite", True,
           N_("Weights stored as float16: half the size, computed in float32 (or float16 on "
              "GPUs).")),
    Format("tflite-dynamic", N_("TFLite dynamic-range int8"), "-dynamic.tflite", "tflite", True,
           N_("Weights stored as int8, activations quantized on the fly: a quarter of the "
              "size.")),
    Format("tflite-int8", N_("TFLite full-integer int8"), "-int8.tflite", "tflite", True,
           N_("Weights and activations in int8 (input and output too), calibrated on the "
              "document's own data: for microcontrollers and integer accelerators.")),
    Format("onnx", "ONNX", ".onnx", "onnx", False,
           N_("ONNX for onnxruntime and other frameworks.")),
)
FORMATS = {f.id: f for f in _ALL}
FORMAT_IDS = tuple(FORMATS)


def parse_formats(value) -> list[Format]:
    """Formats from ``"onnx,tflite-int8"`` (or a list of ids), in the order
    given, without repeats; ``"all"`` means every format.

    Example:
        >>> [f.id for f in parse_formats("onnx, tflite-int8,onnx")]
        ['onnx', 'tflite-int8']
    """
    items = [p.strip() for p in value.split(",")] if isinstance(value, str) else list(value)
    items = [p for p in items if p]
    if items == ["all"]:
        return list(_ALL)
    out: list[Format] = []
    for item in items:
        fmt = FORMATS.get(item.id if isinstance(item, Format) else str(item).lower())
        if fmt is None:
            raise DeployError(msg("Unknown deployment format {format}.", format=repr(item)),
                              msg("Use one or more of: {formats} (or all).",
                                  formats=", ".join(FORMAT_IDS)),
                              code="format")
        if fmt not in out:
            out.append(fmt)
    if not out:
        raise DeployError(N_("No deployment format was chosen."),
                          msg("Use one or more of: {formats} (or all).",
                              formats=", ".join(FORMAT_IDS)), code="format")
    return out


def check_opset(opset) -> int:
    """The ONNX opset as an int, or a `DeployError` naming the choices."""
    try:
        value = int(opset)
    except (TypeError, ValueError):
        value = None
    if value not in OPSETS:
        raise DeployError(msg("ONNX opset {opset} is not offered.", opset=repr(opset)),
                          msg("Choose one of {low}–{high} (default {default}).", low=OPSETS[0],
                              high=OPSETS[-1], default=DEFAULT_OPSET),
                          code="opset")
    return value

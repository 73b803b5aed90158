"""Make each format's file with Keras's and TensorFlow's own exporters.

- SavedModel: ``model.export(path, format="tf_saved_model")``.
- TFLite: the Keras model is written as a SavedModel (Keras's
  ``ExportArchive``, the path Keras's own LiteRT export takes) inside the
  work folder, then ``tf.lite.TFLiteConverter.from_saved_model`` converts
  it with the format's optimizations, TFLite builtin ops only (a file that
  needs TensorFlow's Select ops runs only with the Flex delegate, which no
  Python interpreter here has, so it could not be verified).
- ONNX: ``model.export(path, format="onnx", opset_version=…)`` (tf2onnx).

Recurrent layers (LSTM, GRU, SimpleRNN) run as a loop whose tensors TFLite
can only size statically, and the int8 calibration of such a loop crashes
the converter. When the number of timesteps is known they are exported
unrolled (the same weights applied step by step; the numbers do not
change); otherwise the TFLite file gets a fixed batch of one and full-integer
quantization is refused. Each such choice is reported as a note.

A converter's complaint is turned into a `DeployError` naming the layer that
made the op and what to change. TensorFlow is imported when a function here
runs, never at import.
"""

from __future__ import annotations

import functools
import keyword
import logging
import re
from pathlib import Path

from engine.deploy.errors import DeployError, describe_layer, layer_of_path
from engine.i18n import N_, msg

RECURRENT = ("LSTM", "GRU", "SimpleRNN", "RNN")


# ----------------------------------------------------------------------------- helpers
def recurrent_layers(model) -> list:
    """The recurrent layers of ``model``, wrappers' inner layers included."""
    found = []
    for layer in model.layers:
        inner = getattr(layer, "forward_layer", None) or getattr(layer, "layer", None)
        for candidate in (layer, inner):
            if candidate is not None and type(candidate).__name__ in RECURRENT:
                found.append(layer)
                break
    return found


def unrolled_copy(model):
    """A copy of ``model`` with ``unroll=True`` on every recurrent layer and
    the same weights, or ``None`` when a layer's timesteps are unknown."""
    import keras

    def set_unroll(obj):
        if isinstance(obj, dict):
            if obj.get("class_name") in RECURRENT and isinstance(obj.get("config"), dict):
                obj["config"]["unroll"] = True
            for v in obj.values():
                set_unroll(v)
        elif isinstance(obj, list):
            for v in obj:
                set_unroll(v)

    def clone(layer):
        config = layer.get_config()
        set_unroll({"class_name": type(layer).__name__, "config": config})
        return layer.__class__.from_config(config)

    for layer in recurrent_layers(model):
        try:
            shape = tuple(layer.input.shape)
        except Exception:  # called more than once: no single input
            return None
        if len(shape) < 2 or shape[1] is None:
            return None  # "Cannot unroll a RNN if the time dimension is undefined"
    try:
        copy = keras.models.clone_model(model, clone_function=clone)
        copy.set_weights(model.get_weights())
    except Exception:  # e.g. "Cannot unroll a RNN if the time dimension is undefined"
        return None
    return copy


def _input_spec(model, batch):
    import tensorflow as tf

    shape = (batch,) + tuple(model.inputs[0].shape[1:])
    return [tf.TensorSpec(shape, tf.float32, name=_tensor_name(model.inputs[0]))]


def _tensor_name(t) -> str:
    """The input's name, made a valid argument name (an Input called ``in``
    would otherwise break the exported function's signature)."""
    name = re.sub(r"\W", "_", (getattr(t, "name", "") or "input").split(":")[0]) or "input"
    if keyword.iskeyword(name) or not name.isidentifier():
        name = f"input_{name}"
    return name


def _write_serving_archive(model, folder: Path, batch) -> None:
    import keras

    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint("serve", functools.partial(model.__call__, training=False),
                         input_signature=_input_spec(model, batch))
    archive.write_out(str(folder), verbose=False)


# ----------------------------------------------------------------------------- SavedModel
def export_savedmodel(model, path: Path) -> list[str]:
    try:
        model.export(str(path), format="tf_saved_model", verbose=False,
                     input_signature=_input_spec(model, None))
    except Exception as exc:
        raise _refusal("SavedModel", model, exc) from None
    return []


# ----------------------------------------------------------------------------- TFLite
TFLITE_VARIANTS = ("float32", "float16", "dynamic", "int8")


def export_tflite(model, path: Path, variant: str, work: Path, representative=None,
                  cache: dict | None = None) -> list[str]:
    """Convert ``model`` to a TFLite flatbuffer at ``path``; returns notes.

    ``cache`` (one dict per deployment) keeps the unrolled copy of a
    recurrent model for the next TFLite variant."""
    notes: list[str] = []
    target, batch = model, None
    rnn = recurrent_layers(model)
    cache = {} if cache is None else cache
    if rnn:
        names = ", ".join(layer.name for layer in rnn)
        if "unrolled" not in cache:
            cache["unrolled"] = unrolled_copy(model)
        unrolled = cache["unrolled"]
        if unrolled is not None:
            target = unrolled
            notes.append(msg("recurrent layer(s) {names} exported unrolled (step by step, same "
                             "weights): TFLite builtins cannot size their loop otherwise",
                             names=names))
        else:
            if variant == "int8":
                raise DeployError(
                    msg("Full-integer int8 cannot quantize the loop of {layer} whose number of "
                        "timesteps is not fixed (the TFLite converter cannot calibrate it).",
                        layer=describe_layer(model, rnn[0].name)),
                    N_("Give the Input a fixed number of timesteps so the layer can be unrolled, "
                       "or use tflite-dynamic."), code="tflite_rnn", layer=rnn[0].name)
            batch = 1
            notes.append(msg("fixed batch of 1: the loop of recurrent layer(s) {names} needs "
                             "static shapes in TFLite builtins", names=names))
    try:
        data = _convert(target, work, variant, representative, batch)
    except DeployError:
        raise
    except Exception as exc:
        if batch is None and "TensorList" in str(exc):
            data = _convert(target, work, variant, representative, 1)
            notes.append("fixed batch of 1: a loop in the model needs static shapes in TFLite")
        else:
            raise _refusal(f"TFLite {variant}", model, exc) from None
    path.write_bytes(data)
    return notes


def _convert(model, work: Path, variant, representative, batch) -> bytes:
    import tensorflow as tf

    folder = work / f"tflite-source-b{batch or 'any'}-{id(model)}"
    if not folder.exists():
        _write_serving_archive(model, folder, batch)
    converter = tf.lite.TFLiteConverter.from_saved_model(str(folder))
    ops = [tf.lite.OpsSet.TFLITE_BUILTINS]
    if variant == "float16":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
    elif variant == "dynamic":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    elif variant == "int8":
        if representative is None:
            raise DeployError(N_("Full-integer int8 needs samples to calibrate on."),
                              N_("Give the model's dataset."), code="no_data")
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = representative
        ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        converter.inference_input_type = tf.int8
        converter.inference_output_type = tf.int8
    converter.target_spec.supported_ops = ops
    return converter.convert()


# ----------------------------------------------------------------------------- ONNX
_UNSUPPORTED = re.compile(r"op \[(?P<path>[^\]:]+): (?P<op>\w+)\] is not supported")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a malformed record is not worth failing the export
            pass


def export_onnx(model, path: Path, opset: int) -> list[str]:
    logger = logging.getLogger("tf2onnx")
    handler, level = _Collect(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.export(str(path), format="onnx", verbose=False, opset_version=int(opset),
                         input_signature=_input_spec(model, None))
    except Exception as exc:
        raise _refusal(f"ONNX opset {opset}", model, exc) from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    names = _layer_names(model)
    for message in handler.messages:
        m = _UNSUPPORTED.search(message)
        if m:
            layer = layer_of_path(m["path"], names)
            raise DeployError(
                msg("{format} cannot express the TensorFlow op {op} made by {layer}.",
                    format=f"ONNX opset {opset}", op=m["op"], layer=describe_layer(model, layer)),
                _change_hint(model, layer, "ONNX", msg("or try a higher opset (up to {opset})",
                                                       opset=_max_opset())),
                code="onnx_op", layer=layer, op=m["op"])
    return []


def _max_opset() -> int:
    from engine.deploy.formats import OPSETS

    return OPSETS[-1]


# ----------------------------------------------------------------------------- refusals
def _layer_names(model) -> list[str]:
    names = [layer.name for layer in model.layers]
    names += [op.name for op in getattr(model, "operations", []) if op.name not in names]
    return names


def _change_hint(model, layer, fmt_name: str, extra: str = "") -> str:
    if layer and extra:
        return msg("Replace {layer} by layers {format} supports, {extra}.", layer=layer,
                   format=fmt_name, extra=extra)
    if layer:
        return msg("Replace {layer} by layers {format} supports.", layer=layer, format=fmt_name)
    if extra:
        return msg("Replace the layer that makes it by layers {format} supports, {extra}.",
                   format=fmt_name, extra=extra)
    return msg("Replace the layer that makes it by layers {format} supports.", format=fmt_name)


def _refusal(fmt_name: str, model, exc: BaseException) -> DeployError:
    """A converter error as a `DeployError` naming the layer and op concerned."""
    names = _layer_names(model)
    op, layer = None, None
    for err in getattr(exc, "errors", None) or []:  # TFLite ConverterError details
        op = op or str(getattr(getattr(err, "operator", None), "name", "") or "") or None
        loc = str(getattr(err, "location", ""))
        for path in re.findall(r'name: "([^"]+)"', loc):
            layer = layer or layer_of_path(path, names)
    text = str(exc)
    if op is None:
        m = re.search(r"'(tf\.\w+)' op", text)
        op = m.group(1) if m else None
    if layer is None:
        for path in re.findall(r'fused\["\w+:", "([^"]+)"\]', text):
            layer = layer or layer_of_path(path, names)
    if op is not None:
        op_name = op.replace("tf.", "")
        extra = ""
        if fmt_name.startswith("TFLite") and "TF Select ops" in text:
            extra = N_("or export it as ONNX or SavedModel (TFLite could only run this op "
                       "through the Flex delegate of TensorFlow's Select ops, which cannot be "
                       "verified here, so NeuroCanvas writes TFLite builtins only)")
        return DeployError(msg("{format} cannot express the TensorFlow op {op} made by {layer}.",
                               format=fmt_name, op=op_name, layer=describe_layer(model, layer)),
                           _change_hint(model, layer, fmt_name.split()[0], extra),
                           code="unsupported_op", layer=layer, op=op_name)
    first = next((line.strip() for line in text.splitlines() if line.strip()),
                 type(exc).__name__)
    if layer:
        message = msg("{format} conversion failed in {layer}: {detail}", format=fmt_name,
                      layer=describe_layer(model, layer), detail=first[:300])
    else:
        message = msg("{format} conversion failed: {detail}", format=fmt_name, detail=first[:300])
    return DeployError(message, N_("Check that the model runs in Keras; simplify the layer "
                                   "named, or choose another format."),
                       code="convert", layer=layer)

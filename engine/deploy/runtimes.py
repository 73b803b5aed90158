"""Load an export back in the runtime that will run it, and run it one
sample at a time.

- TFLite: LiteRT's interpreter (``ai_edge_litert``) when installed, else
  TensorFlow's ``tf.lite.Interpreter``; an int8 model's input is quantized
  and its outputs dequantized with the scale and zero point stored in the
  file, so callers always pass and get float32.
- ONNX: an ``onnxruntime.InferenceSession`` on the CPU.
- SavedModel: ``tf.saved_model.load`` and its ``serve`` endpoint.

Each runner runs single-threaded, so latencies of the formats compare.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np


def _tflite_interpreter_class():
    try:
        from ai_edge_litert.interpreter import Interpreter  # LiteRT, TFLite's successor

        return Interpreter
    except ImportError:
        import tensorflow as tf

        return tf.lite.Interpreter


class TFLiteRunner:
    """Runs a ``.tflite`` file through its (only) signature."""

    def __init__(self, path):
        cls = _tflite_interpreter_class()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tf.lite.Interpreter's deprecation notice
            self.interpreter = cls(model_path=str(path), num_threads=1)
        self.runner = self.interpreter.get_signature_runner()
        inputs = self.runner.get_input_details()
        self.input_name, self.input = next(iter(inputs.items()))
        self.outputs = dict(sorted(self.runner.get_output_details().items()))

    def __call__(self, x: np.ndarray) -> list[np.ndarray]:
        feed = _quantize(x, self.input)
        result = self.runner(**{self.input_name: feed})
        return [_dequantize(result[name], detail) for name, detail in self.outputs.items()]


def _quantize(x, detail) -> np.ndarray:
    dtype = np.dtype(detail["dtype"])
    if dtype.kind not in "iu":
        return np.asarray(x, dtype=dtype)
    scale, zero = detail["quantization"]
    info = np.iinfo(dtype)
    return np.clip(np.round(np.asarray(x) / scale + zero), info.min, info.max).astype(dtype)


def _dequantize(y, detail) -> np.ndarray:
    dtype = np.dtype(detail["dtype"])
    if dtype.kind not in "iu":
        return np.asarray(y, dtype="float32")
    scale, zero = detail["quantization"]
    return ((np.asarray(y).astype("float32") - zero) * scale).astype("float32")


def import_onnxruntime(scratch=None):
    """``onnxruntime``, imported with the temp folder pointed at ``scratch``
    the first time: its native library leaves a small session file (``.ses``)
    in the temp folder when it loads, and a deployment writes nothing outside
    its output folder."""
    if "onnxruntime" in sys.modules or scratch is None:
        import onnxruntime

        return onnxruntime
    saved = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(scratch)
    try:
        import onnxruntime
    finally:
        if saved is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved
    return onnxruntime


class OnnxRunner:
    def __init__(self, path):
        ort = import_onnxruntime()

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.input_name = self.session.get_inputs()[0].name

    def __call__(self, x: np.ndarray) -> list[np.ndarray]:
        return [np.asarray(o, dtype="float32")
                for o in self.session.run(None, {self.input_name: np.asarray(x, "float32")})]


class SavedModelRunner:
    def __init__(self, path):
        import tensorflow as tf

        self._tf = tf
        self.loaded = tf.saved_model.load(str(path))
        self.fn = self.loaded.serve

    def __call__(self, x: np.ndarray) -> list[np.ndarray]:
        out = self.fn(self._tf.constant(np.asarray(x, "float32")))
        return [np.asarray(o, dtype="float32") for o in self._tf.nest.flatten(out)]


RUNNERS = {"tflite": TFLiteRunner, "onnx": OnnxRunner, "savedmodel": SavedModelRunner}


def open_runtime(runtime: str, path):
    """The runner of ``runtime`` for the export at ``path``."""
    return RUNNERS[runtime](Path(path))


def run_samples(runner, x: np.ndarray, warmup: int = 3):
    """Run every sample of ``x`` at batch 1; returns ``(outputs, mean ms per sample)``
    where ``outputs`` is one array per model output, stacked over the samples."""
    for i in range(min(warmup, len(x))):
        runner(x[i:i + 1])
    per_output: list[list] = []
    total = 0.0
    for i in range(len(x)):
        start = time.perf_counter()
        outs = runner(x[i:i + 1])
        total += time.perf_counter() - start
        if not per_output:
            per_output = [[] for _ in outs]
        for slot, o in zip(per_output, outs):
            slot.append(o)
    stacked = [np.concatenate(slot, axis=0) for slot in per_output]
    return stacked, 1000.0 * total / max(len(x), 1)

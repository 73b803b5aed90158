"""Deploy: export a trained network to SavedModel, TFLite/LiteRT (float32,
float16, dynamic-range int8, full-integer int8) and ONNX, and prove that each
export computes what the Keras model computes.

Every file is made by Keras's and TensorFlow's own exporters (``model.export``,
the TFLite converter, tf2onnx through Keras), then loaded back in the runtime
that will run it (the TFLite interpreter, onnxruntime, a reloaded SavedModel)
and run on validation samples of the document's own data: the largest
difference of outputs against Keras, the accuracy (or error) against
Keras's on the same samples, the file size and the CPU latency per sample.

Nothing here imports TensorFlow until an export starts; the editor may
import this package at any time.

Example::

    from engine.deploy import deploy
    report = deploy("mnist.runs/20250101-120000_3fa2c1", ["tflite-int8", "onnx"], "out")
    for row in report.rows:
        print(row.format, row.size_bytes, row.max_abs_diff, row.accuracy, row.warning)
    print(report.to_markdown())
"""

from engine.deploy.errors import DeployError
from engine.deploy.formats import DEFAULT_OPSET, FORMAT_IDS, FORMATS, OPSETS, parse_formats
from engine.deploy.report import DeployReport, ExportRow


def deploy(source, formats, out_dir, **options) -> "DeployReport":
    """Export ``source`` (a run folder, a document with trained weights, a
    ``.keras`` file, or a ``keras.Model``) to ``formats`` in ``out_dir`` and
    verify every export. See `engine.deploy.pipeline.deploy`."""
    from engine.deploy.pipeline import deploy as _deploy

    return _deploy(source, formats, out_dir, **options)


__all__ = ["deploy", "DeployError", "DeployReport", "ExportRow", "FORMATS", "FORMAT_IDS",
           "DEFAULT_OPSET", "OPSETS", "parse_formats"]

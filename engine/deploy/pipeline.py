"""Export a trained network to each chosen format and verify every export.

`deploy` is what ``neurocanvas deploy`` and the editor's Deploy dialog call.
All files, temporary ones included, are written inside the output folder:
each export is made and verified in a hidden work folder there and moved
into place only once its runtime has run it (an earlier export of the same
name is replaced only then), and the work folder is removed at the end,
whatever happens.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np

from engine.deploy.errors import DeployError
from engine.deploy.formats import ACCURACY_DROP, DEFAULT_OPSET, check_opset, parse_formats
from engine.deploy.report import DeployReport, ExportRow
from engine.deploy.samples import validation_samples
from engine.deploy.source import BEST, load_data, open_source
from engine.i18n import N_, msg

DEFAULT_SAMPLES = 200


def deploy(source, formats, out_dir, *, dataset: str | None = None,
           samples: int = DEFAULT_SAMPLES, opset: int = DEFAULT_OPSET,
           checkpoint: str = BEST, accuracy_drop: float = ACCURACY_DROP,
           progress: Callable | None = None,
           cancelled: Callable | None = None) -> DeployReport:
    """Export ``source`` to ``formats`` in ``out_dir`` and verify each export.

    Args:
        source: a run folder, a ``.json`` document with trained weights, a
            ``.keras`` file, or a ``keras.Model``.
        formats: ids (``"onnx,tflite-int8"`` or a list), see `FORMAT_IDS`.
        out_dir: the folder to write into (created if missing).
        dataset: the dataset to verify on (required for a ``.keras`` file or
            a model; for a document or run it replaces the document's data).
        samples: how many validation samples to verify on.
        opset: the ONNX opset.
        checkpoint: ``"best"`` or ``"last"`` for a run folder.
        accuracy_drop: accuracy points a quantized export may lose before its
            row carries a warning.
        progress: ``progress(fraction, text)`` called as the work advances.
        cancelled: a function; when it returns true, no further format is
            started (the rows so far are returned).

    Returns:
        a `DeployReport` with one `ExportRow` per format, refused ones
        included (with their reason). Raises `DeployError` when the source,
        its data or the output folder cannot be used.
    """
    fmts = parse_formats(formats)
    if any(f.runtime == "onnx" for f in fmts):
        opset = check_opset(opset)
    if int(samples) < 1:
        raise DeployError(msg("--samples must be at least 1, not {samples}.", samples=samples),
                          code="samples")
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise DeployError(msg("{path} is a file, not a folder.", path=out_dir),
                          N_("Choose a folder for the exports."), code="output")
    say = progress or (lambda fraction, text: None)
    steps = 2 + 2 * len(fmts)

    say(0.0, N_("Loading the model"))
    src = open_source(source, dataset, checkpoint)
    say(1 / steps, msg("Loading the {dataset} data", dataset=src.data.dataset))
    ds = load_data(src)
    x, y = validation_samples(ds, samples)
    model = src.model
    model(x[:1])  # Keras's exporters want a model that has been called
    reference = _flat(model.predict(x, batch_size=64, verbose=0))
    classification = ds.task != "regression"
    keras_acc = keras_err = None
    from engine.deploy import verify

    if classification:
        keras_acc = verify.accuracy(reference[0], y, src.binary_threshold)
    else:
        keras_err = verify.mean_abs_error(reference[0], y)
    tolerance = verify.float_tolerance(reference)
    out = _output_folder(out_dir)  # made only once there is something to write
    report = DeployReport(src.description, ds.task, int(len(x)), out_dir=str(out))
    work = Path(tempfile.mkdtemp(prefix=".deploy-work-", dir=out))
    cache: dict = {}
    try:
        if any(f.runtime == "onnx" for f in fmts):
            from engine.deploy.runtimes import import_onnxruntime

            import_onnxruntime(scratch=work)
        for i, fmt in enumerate(fmts):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            row = ExportRow(fmt.id, keras_accuracy=keras_acc, keras_error=keras_err)
            final = out / fmt.file_name(src.name)
            try:
                say((2 + 2 * i) / steps, msg("{format}: converting", format=fmt.label))
                staged = work / final.name
                row.notes = _export(fmt, model, staged, work, ds, opset, cache)
                say((3 + 2 * i) / steps, msg("{format}: verifying in its runtime", format=fmt.label))
                size = _size(staged)
                _verify(row, fmt, staged, x, y, reference, src, classification, tolerance,
                        accuracy_drop)
                _move_into_place(staged, final, work)  # only a verified export is kept
                row.path, row.size_bytes = str(final), size
            except DeployError as exc:
                row.refused, row.hint, row.layer = exc.message, exc.hint or None, exc.layer
                row.path = row.size_bytes = None
            except Exception as exc:  # one format's failure does not cost the others
                first = (str(exc).strip().splitlines() or [""])[0][:300]
                row.refused = msg("{format} failed: {error}: {detail}", format=fmt.label,
                                  error=type(exc).__name__, detail=first)
                row.hint = N_("The other formats are not affected; choose another format.")
                row.path = row.size_bytes = None
            report.rows.append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say(1.0, N_("Done"))
    return report


def _output_folder(out_dir) -> Path:
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise DeployError(msg("{path} is a file, not a folder.", path=out),
                          N_("Choose a folder for the exports."), code="output")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeployError(msg("{path} cannot be created: {reason}.", path=out,
                              reason=exc.strerror or exc),
                          N_("Choose a folder you can write to."), code="output") from None
    if not os.access(out, os.W_OK):
        raise DeployError(msg("{path} is not writable.", path=out),
                          N_("Choose a folder you can write to."), code="output")
    return out


def _flat(outputs) -> list:
    if isinstance(outputs, dict):
        return [np.asarray(outputs[k], "float32") for k in sorted(outputs)]
    if isinstance(outputs, (list, tuple)):
        return [np.asarray(o, "float32") for o in outputs]
    return [np.asarray(outputs, "float32")]


def _export(fmt, model, staged: Path, work: Path, ds, opset, cache) -> list:
    from engine.deploy import converters

    if fmt.runtime == "savedmodel":
        return converters.export_savedmodel(model, staged)
    if fmt.runtime == "onnx":
        return converters.export_onnx(model, staged, opset) + [msg("opset {opset}", opset=opset)]
    variant = fmt.id.split("-", 1)[1]
    representative = None
    if variant == "int8":
        from engine.deploy.samples import REPRESENTATIVE, representative_dataset

        representative = representative_dataset(ds, REPRESENTATIVE)
    notes = converters.export_tflite(model, staged, variant, work, representative, cache)
    if variant == "int8":
        notes.append(msg("calibrated on {count} training samples",
                         count=min(REPRESENTATIVE, ds.num_train)))
    return notes


def _move_into_place(staged: Path, final: Path, work: Path) -> None:
    """Replace ``final`` by ``staged`` (a file or a SavedModel folder)."""
    if final.is_dir() and not final.is_symlink():
        old = work / (final.name + ".old")
        os.replace(final, old)
    os.replace(staged, final)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def _has_int8_tensors(runner) -> bool:
    try:
        details = runner.interpreter.get_tensor_details()
    except Exception:  # an interpreter without tensor details: assume it is quantized
        return True
    return any(np.dtype(d["dtype"]) == np.int8 for d in details)


def _verify(row, fmt, path, x, y, reference, src, classification, tolerance, accuracy_drop):
    from engine.deploy import verify
    from engine.deploy.runtimes import open_runtime, run_samples

    try:
        runner = open_runtime(fmt.runtime, path)
        outputs, latency = run_samples(runner, x)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise DeployError(msg("The {format} file was written but its runtime cannot run it: "
                              "{detail}", format=fmt.label, detail=first[:300]),
                          N_("Choose another format, or simplify the model."),
                          code="runtime") from None
    if len(outputs) != len(reference) or any(np.size(o) != np.size(r)
                                              for o, r in zip(outputs, reference)):
        raise DeployError(msg("The {format} file gives outputs of another shape than Keras.",
                              format=fmt.label),
                          code="runtime")
    outputs = [np.reshape(o, r.shape) for o, r in zip(outputs, reference)]
    if fmt.id == "tflite-dynamic" and not _has_int8_tensors(runner):
        row.notes.append(N_("no weight tensor was large enough to quantize (TFLite quantizes "
                            "tensors of 1,024 values or more): the file holds float32 weights"))
    row.max_abs_diff = verify.max_abs_diff(reference, outputs)
    row.latency_ms = latency
    if classification:
        row.accuracy = verify.accuracy(outputs[0], y, src.binary_threshold)
    else:
        row.error = verify.mean_abs_error(outputs[0], y)
    row.warning = verify.warning_for(fmt.quantized, row.max_abs_diff, tolerance, row.accuracy,
                                     row.keras_accuracy, row.error, row.keras_error,
                                     accuracy_drop)

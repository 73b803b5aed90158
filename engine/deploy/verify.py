"""Judge an export against Keras on the same samples: the largest output
difference, accuracy (classification) or mean absolute error (regression),
and whether the loss is worth a warning. Plain numpy."""

from __future__ import annotations

import numpy as np

from engine.deploy.formats import ACCURACY_DROP, ERROR_RISE, FLOAT_TOLERANCE
from engine.i18n import msg


def max_abs_diff(reference: list, outputs: list) -> float:
    return float(max(np.max(np.abs(np.asarray(r, "float64") - np.asarray(o, "float64")))
                     for r, o in zip(reference, outputs)))


def class_ids(y) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim >= 2 and y.shape[-1] > 1:
        return np.argmax(y, axis=-1)
    return y.reshape(y.shape[0], *y.shape[1:-1]) if y.ndim >= 2 else y.astype("int64")


def accuracy(output, y, threshold: float = 0.5) -> float | None:
    """Share of samples whose predicted class is the label; ``None`` if the
    output and labels cannot be compared."""
    output = np.asarray(output)
    if output.shape[-1] > 1:
        pred = np.argmax(output, axis=-1)
    else:
        pred = (output[..., 0] > threshold).astype("int64")
    labels = class_ids(y)
    if pred.size != labels.size:
        return None
    return float(np.mean(pred.reshape(-1) == labels.reshape(-1).astype("int64")))


def mean_abs_error(output, y) -> float | None:
    output, y = np.asarray(output, "float64"), np.asarray(y, "float64")
    if output.size != y.size:
        return None
    return float(np.mean(np.abs(output.reshape(-1) - y.reshape(-1))))


def float_tolerance(reference: list) -> float:
    """`FLOAT_TOLERANCE`, scaled up for outputs larger than 1 (float32 keeps
    about seven significant digits, whatever the magnitude)."""
    scale = max(float(np.max(np.abs(r))) for r in reference) if reference else 1.0
    return FLOAT_TOLERANCE * max(1.0, scale)


def warning_for(quantized: bool, diff: float, tolerance: float, accuracy_now=None,
                accuracy_ref=None, error_now=None, error_ref=None,
                accuracy_drop: float = ACCURACY_DROP) -> str | None:
    """The warning of a row, or ``None`` when the export keeps what Keras computes."""
    if accuracy_now is not None and accuracy_ref is not None:
        drop = 100.0 * (accuracy_ref - accuracy_now)
        if drop > accuracy_drop:
            return msg("loses {drop} accuracy points against Keras (more than {limit}); "
                       "calibrate on more samples or keep a float format",
                       drop=f"{drop:.1f}", limit=f"{accuracy_drop:g}")
    if error_now is not None and error_ref is not None and \
            error_now > error_ref * (1.0 + ERROR_RISE) + 1e-12:
        return msg("error {error} against Keras's {keras} (more than {percent} % worse)",
                   error=f"{error_now:.4g}", keras=f"{error_ref:.4g}",
                   percent=f"{100 * ERROR_RISE:.0f}")
    if not quantized and diff > tolerance:
        return msg("outputs differ from Keras by up to {diff} (more than {tolerance})",
                   diff=f"{diff:.2e}", tolerance=f"{tolerance:.0e}")
    return None

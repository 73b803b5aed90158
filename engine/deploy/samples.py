"""The samples an export is checked and calibrated on, drawn from the
document's own (preprocessed) data.

Verification uses the validation split (or, without one, the end of the
training split, which a validation split would have taken); full-integer
quantization calibrates on training samples spread evenly over the split,
as the TFLite converter's representative dataset wants them: one sample at
a time, float32.
"""

from __future__ import annotations

import numpy as np

REPRESENTATIVE = 200  # calibration samples for full-integer quantization


def _spread(n_total: int, n: int) -> np.ndarray:
    n = max(1, min(int(n), n_total))
    return np.unique(np.linspace(0, n_total - 1, n).round().astype(int))


def validation_samples(dataset, n: int):
    """``(x, y)``: up to ``n`` validation samples (float32 inputs)."""
    if dataset.x_val is not None and len(dataset.x_val):
        x, y = dataset.x_val, dataset.y_val
    else:
        x, y = dataset.x_train, dataset.y_train
        tail = max(1, len(x) // 5)
        x, y = x[-tail:], y[-tail:]
    idx = _spread(len(x), n)
    return np.asarray(x[idx], dtype="float32"), np.asarray(y[idx])


def representative_dataset(dataset, n: int = REPRESENTATIVE):
    """A function returning a generator of ``[sample]`` (batch 1, float32),
    the converter's ``representative_dataset``."""
    x = np.asarray(dataset.x_train)
    idx = _spread(len(x), n)
    chosen = x[idx].astype("float32")

    def generate():
        for sample in chosen:
            yield [sample[None, ...]]

    return generate

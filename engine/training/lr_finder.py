"""The learning-rate finder: which learning rates make this model learn?

Trains the compiled model for one epoch (at least `MIN_STEPS` batches, so a
small dataset still gives a curve) while the learning rate grows
exponentially from ``min_lr`` to ``max_lr``, one value per batch, and records
the loss of every batch. The curve is smoothed with a bias-corrected
exponential moving average. The sweep stops early once the smoothed loss
exceeds ``diverge`` times its lowest value, or the loss becomes NaN or
infinite. Afterwards every model variable (weights, BatchNormalization
statistics, random-seed state) and every optimizer variable (step count,
moments, learning rate) is put back exactly as it was, so training goes on as
if the sweep never happened.

The suggested learning rate is **a tenth of the learning rate at the lowest
point of the smoothed curve** (Leslie Smith's and fast.ai's rule of thumb for
the maximum learning rate of a 1cycle schedule), clipped to the sweep range.
The steepest descent point is reported too (``steepest_lr``), for comparison.

The sweep uses ``model.train_on_batch`` only (Keras 3 API, any backend).

Example::

    from engine.training.lr_finder import find_lr
    result = find_lr(model, ds.x_train, ds.y_train, batch_size=32)
    result.suggested_lr, result.event_data()["losses"].shape

or, through a `Trainer` (compiles from its settings and emits ``lr_finder``)::

    result = trainer.find_lr(min_lr=1e-6, max_lr=1.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.errors import NeuroCanvasError
from engine.i18n import N_, msg

MIN_STEPS = 40


class LRFinderError(NeuroCanvasError):
    """The sweep cannot run (bad range, model not compiled, a run in progress…)."""


@dataclass
class LRFinderResult:
    """What a sweep found.

    ``lrs`` and ``losses`` (smoothed) and ``raw_losses`` have one value per
    batch trained; ``stopped`` is ``"done"``, ``"diverged"`` or ``"nan"``.
    """

    lrs: np.ndarray
    losses: np.ndarray
    raw_losses: np.ndarray
    suggested_lr: float
    steepest_lr: float | None
    min_lr: float
    max_lr: float
    stopped: str

    def event_data(self) -> dict:
        """The ``lr_finder`` event's data: lrs, losses (smoothed), suggested_lr, and more."""
        return {"lrs": self.lrs, "losses": self.losses, "suggested_lr": self.suggested_lr,
                "raw_losses": self.raw_losses, "steepest_lr": self.steepest_lr,
                "min_lr": self.min_lr, "max_lr": self.max_lr, "stopped": self.stopped}


def sweep_lrs(min_lr: float, max_lr: float, steps: int) -> np.ndarray:
    """The exponential sweep: ``steps`` learning rates from ``min_lr`` to ``max_lr``.

    Example:
        >>> sweep_lrs(1e-4, 1.0, 5).tolist()
        [0.0001, 0.001, 0.01, 0.1, 1.0]
    """
    if steps < 2:
        return np.array([float(min_lr)])
    return float(min_lr) * (float(max_lr) / float(min_lr)) ** (np.arange(steps) / (steps - 1))


def smooth(losses, beta: float = 0.9) -> np.ndarray:
    """Bias-corrected exponential moving average (``beta`` = weight of the past).

    Example:
        >>> smooth([2.0, 2.0, 2.0]).tolist()
        [2.0, 2.0, 2.0]
    """
    out, avg = [], 0.0
    for i, v in enumerate(losses):
        avg = beta * avg + (1.0 - beta) * float(v)
        out.append(avg / (1.0 - beta ** (i + 1)))
    return np.array(out, dtype="float64")


def suggest_lr(lrs, losses, min_lr: float, max_lr: float) -> tuple[float, float | None]:
    """``(a tenth of the LR at the lowest smoothed loss, the steepest-descent LR or None)``.

    Example:
        >>> lrs = sweep_lrs(1e-3, 1.0, 4)
        >>> round(suggest_lr(lrs, [3.0, 2.0, 1.0, 5.0], 1e-3, 1.0)[0], 9)
        0.01
    """
    lrs = np.asarray(lrs, dtype="float64")
    losses = np.asarray(losses, dtype="float64")
    if len(lrs) == 0:
        return float(min_lr), None
    best = int(np.argmin(losses))
    suggested = float(np.clip(lrs[best] / 10.0, min_lr, max_lr))
    steepest = None
    if best >= 2:
        slope = np.gradient(losses[:best + 1], np.log10(lrs[:best + 1]))
        steepest = float(lrs[int(np.argmin(slope))])
    return suggested, steepest


def check_range(min_lr: float, max_lr: float) -> None:
    if not (math.isfinite(min_lr) and math.isfinite(max_lr)) or min_lr <= 0 or max_lr <= min_lr:
        raise LRFinderError(msg("The LR finder needs 0 < min_lr < max_lr, not min_lr={min_lr:g}, "
                                "max_lr={max_lr:g}.",
                                min_lr=min_lr, max_lr=max_lr), hint=N_("Try min_lr=1e-7 and max_lr=10."))


def find_lr(model, x, y=None, *, batch_size: int = 32, min_lr: float = 1e-7,
            max_lr: float = 10.0, steps: int | None = None, beta: float = 0.9,
            diverge: float = 4.0, seed: int = 0,
            on_step: Callable[[int, float, float], None] | None = None) -> LRFinderResult:
    """Sweep the learning rate of a compiled Keras ``model`` on ``x``, ``y``.

    Args:
        model: a compiled Keras model (its optimizer is used, its learning
            rate or schedule is replaced during the sweep and put back).
        x, y: training arrays, or an ``engine.data.Dataset`` as ``x``.
        batch_size: batch size of the sweep (use the one you will train with).
        min_lr, max_lr: the sweep range.
        steps: batches to train; default one epoch, at least `MIN_STEPS`.
        beta: smoothing of the loss curve.
        diverge: stop once the smoothed loss exceeds this many times its minimum.
        seed: order of the samples.
        on_step: ``on_step(step, lr, loss)`` after every batch (progress).

    Returns an `LRFinderResult`; the model and optimizer are unchanged.
    """
    import keras

    min_lr, max_lr = float(min_lr), float(max_lr)
    check_range(min_lr, max_lr)
    if y is None and hasattr(x, "x_train"):
        x, y = x.x_train, x.y_train
    if y is None:
        raise LRFinderError(N_("The LR finder needs training targets."))
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None or not getattr(model, "compiled", True):
        raise LRFinderError(N_("The model must be compiled before the LR finder can run."),
                            hint=N_("Compile it with an optimizer and a loss."))
    n = len(x)
    batch_size = max(1, min(int(batch_size), n))
    per_epoch = max(1, n // batch_size)
    steps = int(steps) if steps else max(per_epoch, MIN_STEPS)
    lrs = sweep_lrs(min_lr, max_lr, steps)

    if not optimizer.built:
        optimizer.build(model.trainable_variables)
    model_state = [np.array(keras.ops.convert_to_numpy(v)) for v in model.variables]
    opt_state = [np.array(keras.ops.convert_to_numpy(v)) for v in optimizer.variables]
    original_lr = optimizer._learning_rate
    lr_is_variable = isinstance(original_lr, keras.Variable)
    sweep_var = None
    if not lr_is_variable:  # a schedule: stand a variable in for it while sweeping
        sweep_var = keras.Variable(lrs[0], dtype="float32", trainable=False, name="lr_sweep")
        optimizer._learning_rate = lambda: sweep_var
        model.train_function = None   # retrace with the stand-in
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    pos = 0
    raw: list[float] = []
    stopped = "done"
    avg, best = 0.0, math.inf
    try:
        for i in range(steps):
            if pos + batch_size > n:
                order, pos = rng.permutation(n), 0
            idx = order[pos:pos + batch_size]
            pos += batch_size
            if lr_is_variable:
                original_lr.assign(lrs[i])
            else:
                sweep_var.assign(lrs[i])
            logs = model.train_on_batch(x[idx], y[idx], return_dict=True)
            loss = float(logs["loss"])
            if not math.isfinite(loss):
                stopped = "nan"
                break
            raw.append(loss)
            avg = beta * avg + (1.0 - beta) * loss
            smoothed = avg / (1.0 - beta ** (i + 1))
            if on_step is not None:
                on_step(i, float(lrs[i]), loss)
            best = min(best, smoothed)
            if i >= 3 and smoothed > diverge * best:
                stopped = "diverged"
                break
    finally:
        if not lr_is_variable:
            optimizer._learning_rate = original_lr
            model.train_function = None
        for v, value in zip(model.variables, model_state):
            v.assign(value)
        for v, value in zip(optimizer.variables, opt_state):
            v.assign(value)
        model.stop_training = False
    raw_arr = np.array(raw, dtype="float64")
    losses = smooth(raw_arr, beta)
    lrs = lrs[:len(raw_arr)]
    suggested, steepest = suggest_lr(lrs, losses, min_lr, max_lr)
    return LRFinderResult(lrs=lrs, losses=losses, raw_losses=raw_arr, suggested_lr=suggested,
                          steepest_lr=steepest, min_lr=min_lr, max_lr=max_lr, stopped=stopped)


__all__ = ["LRFinderError", "LRFinderResult", "find_lr", "check_range", "sweep_lrs",
           "smooth", "suggest_lr", "MIN_STEPS"]

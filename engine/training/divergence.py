"""The divergence guard: stop a run whose loss runs away, before it is NaN,
and keep the best weights it had.

A run diverges when its loss (the training loss by default)

- exceeds ``factor`` × the best epoch value seen so far — checked after
  every batch on Keras' running mean of the epoch, so a blow-up is caught
  within the epoch it starts in — or becomes NaN/infinite, or
- grows for ``patience`` consecutive epochs.

The guard then stops training, restores the weights of the epoch with the
best loss (not the last ones) and says what happened in words, with the
learning rate at that moment (`DivergenceGuard.divergence_report`). It is on
by default; the document's ``training.callbacks.divergence`` section sets
``factor`` and ``patience``, or ``false`` turns it off.

Example::

    guard = make_divergence_guard(factor=10, patience=3)
    model.fit(x, y, epochs=50, callbacks=[guard])
    if guard.stopped_epoch is not None:
        print(guard.divergence_report()["reason"])
"""

from __future__ import annotations

import math

import numpy as np

from engine.i18n import N_, msg

DEFAULT_FACTOR = 20.0
DEFAULT_PATIENCE = 5


class _GuardMixin:
    def __init__(self, factor: float = DEFAULT_FACTOR, patience: int = DEFAULT_PATIENCE,
                 monitor: str = "loss"):
        super().__init__()
        self.factor = float(factor)
        self.patience = int(patience)
        self.monitor = str(monitor)
        self.best: float | None = None
        self.best_epoch: int | None = None   # 1-based
        self.best_weights = None
        self.previous: float | None = None
        self.growing = 0
        self.stopped_epoch: int | None = None  # 1-based epoch in which the guard stopped
        self.why = ""
        self.lr: float | None = None
        self.value: float | None = None
        self.epoch = 0

    # -- what happened
    def divergence_report(self) -> dict:
        lr = f"{self.lr:.3g}" if self.lr is not None else N_("unknown")
        if self.best_epoch is not None:
            kept = msg("the weights of epoch {epoch} (the best {monitor}, {best:.4g}) were restored",
                       epoch=self.best_epoch, monitor=self.monitor, best=self.best)
        else:
            kept = N_("no epoch had finished, so the weights are those at the stop")
        return {"reason": msg("Training diverged in epoch {stopped_epoch}: {why} The learning "
                              "rate was {lr}. Training stopped and {kept}.",
                              stopped_epoch=self.stopped_epoch, why=self.why, lr=lr, kept=kept),
                "hint": N_("Lower the learning rate (or its schedule's peak), add gradient "
                           "clipping (clipnorm), or check the data for very large values."),
                "diverged_epoch": self.stopped_epoch, "best_epoch": self.best_epoch,
                "lr": self.lr}

    # -- helpers
    def _current_lr(self) -> float | None:
        try:
            import keras

            return float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
        except Exception:
            return None

    def _trip(self, why: str, value: float | None) -> None:
        self.stopped_epoch = self.epoch + 1
        self.why = why
        self.value = value
        self.lr = self._current_lr()
        self.model.stop_training = True

    # -- Keras hooks
    def on_train_begin(self, logs=None):
        self.stopped_epoch = None
        self.growing = 0

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.stopped_epoch is not None or not logs or self.monitor not in logs:
            return
        value = float(logs[self.monitor])
        if not math.isfinite(value):
            self._trip(msg("the {monitor} became {value} at batch {batch}.",
                           monitor=self.monitor, value=value, batch=batch + 1), value)
        elif self.best is not None and value > self.factor * self.best:
            self._trip(msg("the {monitor} ({value:.4g}) exceeded {factor:g}× its best ({best:.4g}, "
                           "epoch {epoch}) at batch {batch}.", monitor=self.monitor, value=value,
                           factor=self.factor, best=self.best, epoch=self.best_epoch, batch=batch + 1),
                       value)

    def on_epoch_end(self, epoch, logs=None):
        if self.stopped_epoch is not None or not logs or self.monitor not in logs:
            return
        value = float(logs[self.monitor])
        if not math.isfinite(value):
            self._trip(msg("the {monitor} became {value}.", monitor=self.monitor, value=value), value)
            return
        if self.best is not None and value > self.factor * self.best:
            self._trip(msg("the {monitor} ({value:.4g}) exceeded {factor:g}× its best ({best:.4g}, "
                           "epoch {epoch}).", monitor=self.monitor, value=value, factor=self.factor,
                           best=self.best, epoch=self.best_epoch), value)
            return
        self.growing = self.growing + 1 if self.previous is not None and value > self.previous \
            else 0
        self.previous = value
        if self.best is None or value < self.best:
            self.best, self.best_epoch = value, epoch + 1
            self.best_weights = [np.array(w) for w in self.model.get_weights()]
        if self.patience and self.growing >= self.patience:
            self._trip(msg("the {monitor} grew for {epochs} epochs in a row (to {value:.4g}).",
                           monitor=self.monitor, epochs=self.growing, value=value), value)

    def on_train_end(self, logs=None):
        if self.stopped_epoch is not None and self.best_weights is not None:
            self.model.set_weights(self.best_weights)


def make_divergence_guard(factor: float = DEFAULT_FACTOR, patience: int = DEFAULT_PATIENCE,
                          monitor: str = "loss"):
    """A Keras callback (`DivergenceGuard`) with these settings."""
    import keras

    class DivergenceGuard(_GuardMixin, keras.callbacks.Callback):
        """Stops a diverging run and restores its best weights (see the module doc)."""

    return DivergenceGuard(factor, patience, monitor)


__all__ = ["make_divergence_guard", "DEFAULT_FACTOR", "DEFAULT_PATIENCE"]

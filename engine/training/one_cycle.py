"""The 1cycle learning-rate schedule as a serializable Keras schedule.

Importing this module imports Keras (it registers the class for
``keras.saving``); `engine.training.schedules` imports it lazily.
"""

from __future__ import annotations

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="neurocanvas", name="OneCycle")
class OneCycle(keras.optimizers.schedules.LearningRateSchedule):
    """Linear warm-up to ``max_lr``, linear cool-down, then a final drop.

    The schedule of Smith's 1cycle policy as written in the course
    (Géron, ch. 11): over the first ``half`` steps the rate rises linearly
    from ``start_lr`` to ``max_lr``, over the next ``half`` it falls back to
    ``start_lr``, and over the last ``last_steps`` it falls linearly to
    ``last_lr``; after ``total_steps`` it stays at ``last_lr``.

    Args:
        max_lr: the peak rate (from an LR finder).
        total_steps: steps in the whole run (steps per epoch × epochs).
        start_lr: the first rate; ``max_lr / 10`` by default.
        last_steps: length of the final phase; ``total_steps // 10 + 1``.
        last_lr: the final rate; ``start_lr / 1000`` by default.

    Example:
        >>> s = OneCycle(max_lr=0.1, total_steps=10750)
        >>> round(float(s(0)), 6), round(float(s(4837)), 6), round(float(s(9674)), 6)
        (0.01, 0.1, 0.01)
    """

    def __init__(self, max_lr, total_steps, start_lr=None, last_steps=None, last_lr=None,
                 name="OneCycle"):
        super().__init__()
        self.max_lr = float(max_lr)
        self.total_steps = int(total_steps)
        self.start_lr = float(start_lr) if start_lr else self.max_lr / 10.0
        self.last_steps = int(last_steps) if last_steps else self.total_steps // 10 + 1
        self.last_lr = float(last_lr) if last_lr else self.start_lr / 1000.0
        self.half = (self.total_steps - self.last_steps) // 2
        if self.half < 1:
            raise ValueError(f"1cycle needs more steps: total_steps={self.total_steps}, "
                             f"last_steps={self.last_steps}.")
        self.name = name

    def __call__(self, step):
        step = ops.minimum(ops.cast(step, "float32"), float(self.total_steps))
        h, end = float(self.half), float(self.total_steps)

        def interp(a, b, r1, r2):
            return (r2 - r1) * (step - a) / (b - a) + r1

        up = interp(0.0, h, self.start_lr, self.max_lr)
        down = interp(h, 2 * h, self.max_lr, self.start_lr)
        last = interp(2 * h, end, self.start_lr, self.last_lr)
        return ops.where(step < h, up, ops.where(step < 2 * h, down, last))

    def get_config(self):
        return {"max_lr": self.max_lr, "total_steps": self.total_steps,
                "start_lr": self.start_lr, "last_steps": self.last_steps,
                "last_lr": self.last_lr, "name": self.name}


# the schedules of continued runs load wherever a 1cycle model loads
from engine.training import continued_schedules  # noqa: E402,F401

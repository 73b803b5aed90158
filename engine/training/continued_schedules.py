"""The learning-rate schedules a continued run may use (see
`engine.training.continuation`), as serializable Keras schedules.

Importing this module imports Keras and registers both classes for
``keras.saving``; `engine.training.one_cycle` imports it too, so a model
saved after a continuation loads wherever a 1cycle model loads.
"""

from __future__ import annotations

import keras


@keras.saving.register_keras_serializable(package="neurocanvas", name="ShiftedSchedule")
class ShiftedSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """``inner`` started again at step ``offset`` (a warm restart).

    Example:
        >>> s = ShiftedSchedule(keras.optimizers.schedules.CosineDecay(0.1, 10), offset=100)
        >>> round(float(s(100)), 4), round(float(s(110)), 4)
        (0.1, 0.0)
    """

    def __init__(self, inner, offset):
        self.inner = inner
        self.offset = int(offset)

    def __call__(self, step):
        step = keras.ops.cast(step, "float32") - float(self.offset)
        return self.inner(keras.ops.maximum(step, 0.0))

    def get_config(self):
        return {"inner": keras.optimizers.schedules.serialize(self.inner), "offset": self.offset}

    @classmethod
    def from_config(cls, config):
        return cls(keras.optimizers.schedules.deserialize(config["inner"]), config["offset"])


@keras.saving.register_keras_serializable(package="neurocanvas", name="ConstantSchedule")
class ConstantSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """One rate at every step (a schedule, so it can take a schedule's place).

    Example:
        >>> round(float(ConstantSchedule(0.003)(12345)), 6)
        0.003
    """

    def __init__(self, learning_rate):
        self.learning_rate = float(learning_rate)

    def __call__(self, step):
        return keras.ops.full_like(keras.ops.cast(step, "float32"), self.learning_rate)

    def get_config(self):
        return {"learning_rate": self.learning_rate}

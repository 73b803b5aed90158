"""Training settings and the background trainer, without Qt.

Nothing here imports TensorFlow or Keras at import time; building an
optimizer, a schedule, the callbacks or starting a run does.
"""

from engine.training.callbacks import CallbackSettings, build_callbacks, validate_callbacks
from engine.training.compile import (
    CompileSettings,
    OptimizerSettings,
    OutputSettings,
    build_loss,
    build_optimizer,
    check_loss,
    compile_arguments,
    validate_optimizer,
)
from engine.training.errors import SettingsError
from engine.training.schedules import ScheduleSettings, build_schedule, planned_lr, validate_schedule
from engine.training.settings import TrainingSettings

__all__ = [
    "CallbackSettings", "build_callbacks", "validate_callbacks", "CompileSettings",
    "OptimizerSettings", "OutputSettings", "build_loss", "build_optimizer", "check_loss",
    "compile_arguments", "validate_optimizer", "SettingsError", "ScheduleSettings",
    "build_schedule", "planned_lr", "validate_schedule", "TrainingSettings",
]


def __getattr__(name):
    if name == "Trainer":
        from engine.training.trainer import Trainer

        return Trainer
    raise AttributeError(name)

"""The document's ``training`` section: epochs, batch size, compile settings,
callbacks. Plain JSON (an older file's ``batch_events_per_second`` is
ignored: every batch is an event, and the editor's view coalesces them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.errors import ERROR, Diagnostic
from engine.i18n import msg
from engine.training.callbacks import CallbackSettings, validate_callbacks
from engine.training.compile import CompileSettings


@dataclass
class TrainingSettings:
    """How to train.

    Example:
        >>> s = TrainingSettings(epochs=5, batch_size=32)
        >>> TrainingSettings.from_dict(s.to_dict()).to_dict() == s.to_dict()
        True
    """

    epochs: int = 10
    batch_size: int = 32
    shuffle: bool = True
    seed: int | None = None
    compile: CompileSettings = field(default_factory=CompileSettings)
    callbacks: CallbackSettings = field(default_factory=CallbackSettings)

    def to_dict(self) -> dict:
        return {"epochs": self.epochs, "batch_size": self.batch_size, "shuffle": self.shuffle,
                "seed": self.seed, "compile": self.compile.to_dict(),
                "callbacks": self.callbacks.to_dict()}

    @classmethod
    def from_dict(cls, d: dict | None) -> "TrainingSettings":
        d = dict(d or {})
        return cls(epochs=int(d.get("epochs", 10)), batch_size=int(d.get("batch_size", 32)),
                   shuffle=bool(d.get("shuffle", True)), seed=d.get("seed"),
                   compile=CompileSettings.from_dict(d.get("compile")),
                   callbacks=CallbackSettings.from_dict(d.get("callbacks")))

    def validate(self, output_names: list[str] | None = None,
                 has_validation: bool = True) -> list[Diagnostic]:
        out = []
        if self.epochs < 1:
            out.append(Diagnostic("epochs", ERROR, msg("Epochs must be at least 1, not {epochs}.",
                                                       epochs=self.epochs),
                                  code="training"))
        if self.batch_size < 1:
            out.append(Diagnostic("batch_size", ERROR,
                                  msg("The batch size must be at least 1, not {batch_size}.",
                                      batch_size=self.batch_size),
                                  code="training"))
        out.extend(self.compile.validate(output_names))
        out.extend(validate_callbacks(self.callbacks, has_validation,
                                      self.compile.optimizer.lr_settings().is_constant))
        return out

    def steps_per_epoch(self, num_samples: int) -> int:
        return max(1, -(-int(num_samples) // int(self.batch_size)))

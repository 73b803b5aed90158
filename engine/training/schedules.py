"""Learning-rate schedule settings, the Keras schedules they build, and the
learning rate planned for every step of a run.

Settings are plain JSON: ``{"kind": "exponential", "initial_learning_rate":
0.01, "decay_steps": 20000, "decay_rate": 0.1, "staircase": false}``. Step
counts (``decay_steps``, ``boundaries``, ``first_decay_steps``,
``warmup_steps``, ``total_steps``, ``last_steps``) are in optimizer steps,
or in epochs when ``"per": "epoch"`` is set. Keras is imported only when a
schedule is built.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np

from engine.errors import ERROR, Diagnostic
from engine.i18n import N_, msg
from engine.training.errors import SettingsError, raise_on_errors

# kind -> (Keras class name or None, parameters with defaults). ``None``
# defaults for step counts mean "the whole run" and need the run's length.
SCHEDULES: dict[str, tuple[str | None, dict]] = {
    "constant": (None, {"learning_rate": 0.001}),
    "inverse_time": ("InverseTimeDecay", {"initial_learning_rate": 0.01, "decay_steps": 10000,
                                          "decay_rate": 1.0, "staircase": False}),
    "exponential": ("ExponentialDecay", {"initial_learning_rate": 0.01, "decay_steps": 20000,
                                         "decay_rate": 0.1, "staircase": False}),
    "piecewise_constant": ("PiecewiseConstantDecay", {"boundaries": [50000, 80000],
                                                      "values": [0.01, 0.005, 0.001]}),
    "polynomial": ("PolynomialDecay", {"initial_learning_rate": 0.01, "decay_steps": None,
                                       "end_learning_rate": 0.0001, "power": 1.0,
                                       "cycle": False}),
    "cosine": ("CosineDecay", {"initial_learning_rate": 0.01, "decay_steps": None, "alpha": 0.0,
                               "warmup_target": None, "warmup_steps": 0}),
    "cosine_restarts": ("CosineDecayRestarts", {"initial_learning_rate": 0.01,
                                                "first_decay_steps": 1000, "t_mul": 2.0,
                                                "m_mul": 1.0, "alpha": 0.0}),
    "one_cycle": ("OneCycle", {"max_lr": 0.01, "total_steps": None, "start_lr": None,
                               "last_steps": None, "last_lr": None}),
}
STEP_PARAMS = ("decay_steps", "boundaries", "first_decay_steps", "warmup_steps",
               "total_steps", "last_steps")


@dataclass
class ScheduleSettings:
    """Which schedule, its parameters, and whether step counts are in epochs.

    Example:
        >>> s = ScheduleSettings.from_dict({"kind": "exponential", "decay_steps": 5,
        ...                                 "per": "epoch"})
        >>> s.to_dict()["decay_rate"], s.per
        (0.1, 'epoch')
    """

    kind: str = "constant"
    params: dict = field(default_factory=dict)
    per: str = "step"

    def full_params(self) -> dict:
        """The parameters with every default filled in."""
        if self.kind not in SCHEDULES:
            return dict(self.params)
        out = copy.deepcopy(SCHEDULES[self.kind][1])
        out.update(self.params)
        return out

    def to_dict(self) -> dict:
        out = {"kind": self.kind, **self.full_params()}
        if self.per != "step":
            out["per"] = self.per
        return out

    @classmethod
    def from_dict(cls, d: dict | float | None) -> "ScheduleSettings":
        """From a settings dict, or a bare number meaning a constant rate."""
        if d is None:
            return cls()
        if isinstance(d, (int, float)):
            return cls("constant", {"learning_rate": float(d)})
        d = dict(d)
        kind = d.pop("kind", "constant")
        per = d.pop("per", "step")
        return cls(kind, d, per)

    @property
    def is_constant(self) -> bool:
        return self.kind == "constant"

    @property
    def initial_lr(self) -> float:
        p = self.full_params()
        if self.kind == "constant":
            return float(p["learning_rate"])
        if self.kind == "piecewise_constant":
            return float(p["values"][0])
        if self.kind == "one_cycle":
            return float(p["start_lr"] or p["max_lr"] / 10.0)
        return float(p["initial_learning_rate"])


def _diag(message: str, hint: str = "") -> Diagnostic:
    return Diagnostic("learning_rate", ERROR, message, hint, code="schedule")


def validate_schedule(settings: ScheduleSettings | dict) -> list[Diagnostic]:
    """Every problem with the schedule settings, as diagnostics."""
    s = settings if isinstance(settings, ScheduleSettings) else ScheduleSettings.from_dict(settings)
    if s.kind not in SCHEDULES:
        return [_diag(msg("Unknown learning-rate schedule {kind!r}.", kind=s.kind),
                      msg("Use one of: {schedules}.", schedules=', '.join(SCHEDULES)))]
    out = []
    if s.per not in ("step", "epoch"):
        out.append(_diag(msg("Schedule steps must be counted per 'step' or 'epoch', not {per!r}.",
                             per=s.per)))
    known = SCHEDULES[s.kind][1]
    unknown = sorted(set(s.params) - set(known))
    if unknown:
        out.append(_diag(msg("The {kind} schedule has no parameter {names}.",
                             kind=s.kind, names=', '.join(map(repr, unknown))),
                         msg("Its parameters: {known}.", known=', '.join(known))))
    p = s.full_params()

    def num(name, low=None, high=None, low_open=False, allow_none=False, integer=False):
        v = p.get(name)
        if v is None:
            if not allow_none:
                out.append(_diag(msg("The {kind} schedule needs {name}.", kind=s.kind, name=name)))
            return
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v):
            out.append(_diag(msg("{name} of the {kind} schedule must be a number, not {value!r}.",
                                 name=name, kind=s.kind, value=v)))
            return
        if integer and int(v) != v:
            out.append(_diag(msg("{name} of the {kind} schedule must be a whole number, not {value}.",
                                 name=name, kind=s.kind, value=v)))
        if low is not None and (v < low or (low_open and v == low)):
            template = (N_("{name} of the {kind} schedule must be > {low}, not {value}.") if low_open else
                        N_("{name} of the {kind} schedule must be ≥ {low}, not {value}."))
            out.append(_diag(msg(template, name=name, kind=s.kind, low=low, value=v)))
        if high is not None and v > high:
            out.append(_diag(msg("{name} of the {kind} schedule must be ≤ {high}, not {value}.",
                                 name=name, kind=s.kind, high=high, value=v)))

    k = s.kind
    if k == "constant":
        num("learning_rate", 0, low_open=True)
    elif k in ("inverse_time", "exponential"):
        num("initial_learning_rate", 0, low_open=True)
        num("decay_steps", 0, low_open=True)
        num("decay_rate", 0, low_open=k == "exponential")
    elif k == "piecewise_constant":
        b, v = p.get("boundaries"), p.get("values")
        if not isinstance(b, (list, tuple)) or not isinstance(v, (list, tuple)):
            out.append(_diag(N_("Piecewise-constant boundaries and values must be lists.")))
        elif len(v) != len(b) + 1:
            out.append(_diag(msg("Piecewise-constant needs one more value than boundaries: "
                                 "{count} boundaries, {count2} values.",
                                 count=len(b), count2=len(v)),
                             N_("Each boundary starts a new value.")))
        elif any(x >= y for x, y in zip(b, b[1:])) or any(x < 0 for x in b):
            out.append(_diag(msg("Piecewise-constant boundaries must increase: {b}.", b=list(b))))
        elif any((not isinstance(x, (int, float))) or x <= 0 for x in v):
            out.append(_diag(msg("Piecewise-constant values must be positive rates: {value}.", value=list(v))))
    elif k == "polynomial":
        num("initial_learning_rate", 0, low_open=True)
        num("decay_steps", 0, low_open=True, allow_none=True)
        num("end_learning_rate", 0)
        num("power", 0, low_open=True)
    elif k == "cosine":
        num("initial_learning_rate", 0)
        num("decay_steps", 0, low_open=True, allow_none=True)
        num("alpha", 0, 1)
        num("warmup_target", 0, low_open=True, allow_none=True)
        num("warmup_steps", 0, integer=True)
        if p.get("warmup_target") is None and p.get("initial_learning_rate") == 0:
            out.append(_diag(N_("A cosine schedule starting at 0 without warm-up never trains."),
                             N_("Set initial_learning_rate > 0 or a warmup_target.")))
        if (p.get("warmup_steps") or 0) > 0 and p.get("warmup_target") is None:
            out.append(_diag(N_("Cosine warm-up steps are set but warmup_target is not."),
                             N_("Set warmup_target to the peak rate reached after warm-up.")))
    elif k == "cosine_restarts":
        num("initial_learning_rate", 0, low_open=True)
        num("first_decay_steps", 0, low_open=True)
        num("t_mul", 0, low_open=True)
        num("m_mul", 0, low_open=True)
        num("alpha", 0, 1)
    elif k == "one_cycle":
        num("max_lr", 0, low_open=True)
        num("total_steps", 3, allow_none=True, integer=True)
        num("start_lr", 0, low_open=True, allow_none=True)
        num("last_steps", 1, allow_none=True, integer=True)
        num("last_lr", 0, low_open=True, allow_none=True)
    return out


def _resolved_params(s: ScheduleSettings, steps_per_epoch: int | None, epochs: int | None) -> dict:
    """Parameters with epoch counts turned into steps and run-length defaults filled."""
    p = s.full_params()
    if s.per == "epoch":
        if not steps_per_epoch:
            raise SettingsError(msg("The {kind} schedule counts epochs, so it needs the number "
                                    "of steps per epoch.", kind=s.kind), code="schedule")
        for name in STEP_PARAMS:
            v = p.get(name)
            if isinstance(v, (list, tuple)):
                p[name] = [int(round(x * steps_per_epoch)) for x in v]
            elif v is not None:
                p[name] = int(round(v * steps_per_epoch))
    total = int(steps_per_epoch * epochs) if steps_per_epoch and epochs else None
    if s.kind == "one_cycle" and p.get("total_steps") is None:
        p["total_steps"] = total
    if s.kind == "polynomial" and p.get("decay_steps") is None:
        p["decay_steps"] = total
    if s.kind == "cosine" and p.get("decay_steps") is None:
        p["decay_steps"] = total - int(p.get("warmup_steps") or 0) if total else None
    for name in ("total_steps", "decay_steps"):
        if name in p and p[name] is None:
            raise SettingsError(msg("The {kind} schedule's {name} defaults to the length of the "
                                    "run, which is not known here.",
                                    kind=s.kind, name=name),
                                hint=msg("Set {name}, or give steps per epoch and epochs.", name=name),
                                code="schedule")
        if name in p and p[name] is not None and p[name] <= 0:
            raise SettingsError(msg("The {kind} schedule's {name} works out to {p} steps.",
                                    kind=s.kind, name=name, p=p[name]),
                                hint=N_("Make the run longer or the warm-up shorter."), code="schedule")
    return p


def build_schedule(settings: ScheduleSettings | dict | float, steps_per_epoch: int | None = None,
                   epochs: int | None = None):
    """The Keras learning rate: a float for ``constant``, otherwise a
    ``keras.optimizers.schedules.LearningRateSchedule``.

    Example:
        >>> lr = build_schedule({"kind": "exponential", "initial_learning_rate": 0.01,
        ...                      "decay_steps": 20000, "decay_rate": 0.1})
        >>> type(lr).__name__, round(float(lr(20000)), 6)
        ('ExponentialDecay', 0.001)
    """
    s = settings if isinstance(settings, ScheduleSettings) else ScheduleSettings.from_dict(settings)
    raise_on_errors(validate_schedule(s))
    p = _resolved_params(s, steps_per_epoch, epochs)
    if s.kind == "constant":
        return float(p["learning_rate"])
    if s.kind == "one_cycle":
        from engine.training.one_cycle import OneCycle

        return OneCycle(**p)
    import keras

    cls = getattr(keras.optimizers.schedules, SCHEDULES[s.kind][0])
    if s.kind == "cosine" and p.get("warmup_target") is None:
        p.pop("warmup_target")
        p.pop("warmup_steps")
    if s.kind == "piecewise_constant":
        p["values"] = [float(v) for v in p["values"]]
    return cls(**p)


def schedule_values(schedule, steps: np.ndarray) -> np.ndarray:
    """Evaluate a float or Keras schedule at many steps at once (float32)."""
    steps = np.asarray(steps)
    if isinstance(schedule, (int, float)):
        return np.full(steps.shape, schedule, dtype="float32")
    import keras

    cls = type(schedule).__name__
    if cls == "CosineDecay" and getattr(schedule, "warmup_target", None) is not None:
        # Keras branches with ops.cond, which takes one step at a time;
        # evaluate each branch over all steps and pick as it does.
        init = np.float32(schedule.initial_learning_rate)
        target = np.float32(schedule.warmup_target)
        warm = np.float32(schedule.warmup_steps)
        decay_steps = np.float32(schedule.decay_steps)
        g = np.minimum(steps.astype("float32"), decay_steps + warm)
        warmup = (target - init) * (g / warm) + init if warm > 0 else g * 0
        decay = keras.optimizers.schedules.CosineDecay(
            float(target), schedule.decay_steps, alpha=schedule.alpha)(np.maximum(g - warm, 0))
        decay = keras.ops.convert_to_numpy(decay)
        return np.where(g < warm, warmup, decay).astype("float32")
    values = schedule(steps.astype("float32"))
    return np.asarray(keras.ops.convert_to_numpy(values), dtype="float32").reshape(steps.shape)


def planned_lr(settings: ScheduleSettings | dict | float, steps_per_epoch: int,
               epochs: int, initial_step: int = 0) -> np.ndarray:
    """The learning rate the optimizer will use at every step of a run.

    Entry ``i`` is the rate applied by the ``i``-th update (Keras evaluates a
    schedule at the optimizer's iteration count before each update). No
    model is needed.

    Example:
        >>> lr = planned_lr({"kind": "piecewise_constant", "boundaries": [2],
        ...                  "values": [0.1, 0.01]}, steps_per_epoch=2, epochs=2)
        >>> [round(float(v), 3) for v in lr]
        [0.1, 0.1, 0.1, 0.01]
    """
    total = int(steps_per_epoch) * int(epochs)
    schedule = build_schedule(settings, steps_per_epoch, epochs)
    return schedule_values(schedule, np.arange(initial_step, initial_step + total))


__all__ = ["SCHEDULES", "ScheduleSettings", "validate_schedule", "build_schedule",
           "schedule_values", "planned_lr"]

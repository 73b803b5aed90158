"""What the learning rate does when a finished run is continued.

A cosine, 1cycle or polynomial schedule is planned over the run's length;
continuing past its end would train at its final rate (often ~0) without a
word. The person chooses instead:

- ``extend``: the same schedule planned over the old and the new epochs
  together, continued from the step the run reached;
- ``restart``: the schedule again from its start, over the new epochs only
  (a warm restart);
- ``keep``: the rate the schedule ended at, constant.

`continue_schedule` puts the chosen rate on a compiled Keras model and says
in words which one is used. Keras is imported only when it is called.
"""

from __future__ import annotations

import copy

from engine.i18n import N_, msg

FINITE = ("cosine", "one_cycle", "polynomial")   # schedules planned over the run's length
MODES = {"extend": N_("extend the schedule over the new epochs"),
         "restart": N_("restart the schedule over the new epochs"),
         "keep": N_("keep the final learning rate")}
_TOTALS = {"cosine": "decay_steps", "one_cycle": "total_steps", "polynomial": "decay_steps"}


def planned_over_run(training) -> bool:
    """Whether the run's schedule is planned over its length (so continuing
    past its end needs a choice)."""
    sched = training.compile.optimizer.lr_settings()
    return sched.kind in FINITE


def schedule_classes():
    """``(ShiftedSchedule, ConstantSchedule)`` (imports Keras)."""
    from engine.training.continued_schedules import ConstantSchedule, ShiftedSchedule

    return ShiftedSchedule, ConstantSchedule


def continue_schedule(model, training, steps_per_epoch: int, epochs_done: int, more: int,
                      mode: str = "extend") -> str:
    """Set the learning rate of ``model`` for ``more`` epochs after
    ``epochs_done``, by ``mode`` (see the module doc); returns the sentence
    that says which rate is used ("" when the schedule needs no choice)."""
    import keras

    from engine.training.schedules import ScheduleSettings, build_schedule, schedule_values

    if mode not in MODES:
        raise ValueError(f"Unknown continuation mode {mode!r}; use one of {', '.join(MODES)}.")
    sched = training.compile.optimizer.lr_settings()
    if sched.kind not in FINITE:
        return ""
    opt = model.optimizer
    step = int(keras.ops.convert_to_numpy(opt.iterations))
    current = opt._learning_rate
    spe = max(1, int(steps_per_epoch))
    ended = float(schedule_values(current, [max(step - 1, 0)])[0]) \
        if isinstance(current, keras.optimizers.schedules.LearningRateSchedule) else float(current)
    Shifted, Constant = schedule_classes()
    if mode == "keep":
        new = Constant(ended)
        text = msg("Continuing at the final learning rate of the {schedule} schedule, {ended:.3g}.",
                   schedule=sched.kind, ended=ended)
    elif mode == "restart":
        new = Shifted(build_schedule(sched, spe, int(more)), step)
        first = float(schedule_values(new, [step])[0])
        text = msg("Continuing with the {schedule} schedule restarted over the {more} new epochs "
                   "(from {first:.3g}; it had ended at {ended:.3g}).",
                   schedule=sched.kind, more=more, first=first, ended=ended)
    else:
        stretched = ScheduleSettings(sched.kind, copy.deepcopy(sched.params), sched.per)
        stretched.params.pop(_TOTALS[sched.kind], None)   # the whole (longer) run
        new = build_schedule(stretched, spe, int(epochs_done) + int(more))
        first = float(schedule_values(new, [step])[0])
        text = msg("Continuing with the {schedule} schedule extended over {done} + {more} epochs "
                   "(now {first:.3g}; it had ended at {ended:.3g}).",
                   schedule=sched.kind, done=epochs_done, more=more, first=first, ended=ended)
    opt._learning_rate = new
    # the compiled step captured the old schedule: trace it again with the new one
    for attr in ("train_function", "test_function", "predict_function"):
        if hasattr(model, attr):
            setattr(model, attr, None)
    return text


__all__ = ["FINITE", "MODES", "planned_over_run", "continue_schedule", "schedule_classes"]

"""Callback settings and the Keras callbacks they build.

EarlyStopping (restoring the best weights), ModelCheckpoint,
ReduceLROnPlateau, a CSV log and a TensorBoard log folder, and the divergence
guard (`engine.training.divergence`). Each is off unless its section is
present, except the divergence guard, which is on unless its section is
``false``/``null``; paths are relative to the run folder. Keras is imported
only when the callbacks are built.

A NaN or infinite loss always stops a run: the trainer stops it itself and
restores the last good weights (`engine.training.trainer`), so there is no
setting for it. Documents written before carry ``"terminate_on_nan"``, which
is read and dropped (`OLD_KEYS`).
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field

from engine.errors import ERROR, WARNING, Diagnostic
from engine.i18n import N_, msg
from engine.training.errors import raise_on_errors

DEFAULTS = {
    "early_stopping": {"monitor": "val_loss", "patience": 10, "min_delta": 0.0,
                       "restore_best_weights": True, "mode": "auto", "start_from_epoch": 0},
    "checkpoint": {"path": "best.keras", "monitor": "val_loss", "save_best_only": True,
                   "save_weights_only": False, "mode": "auto"},
    "reduce_lr": {"monitor": "val_loss", "factor": 0.5, "patience": 5, "min_delta": 0.0001,
                  "cooldown": 0, "min_lr": 0.0, "mode": "auto"},
    "csv_log": {"path": "epochs.csv", "append": False},
    "tensorboard": {"log_dir": "tensorboard", "histogram_freq": 0, "update_freq": "epoch"},
    "divergence": {"factor": 20.0, "patience": 5, "monitor": "loss"},
}
ON_BY_DEFAULT = ("divergence",)
OLD_KEYS = ("terminate_on_nan",)  # settings of older documents, read and dropped


@dataclass
class CallbackSettings:
    """Which callbacks are on, with their Keras arguments.

    Example:
        >>> s = CallbackSettings.from_dict({"early_stopping": {"patience": 3}})
        >>> s.to_dict()["early_stopping"]["restore_best_weights"]
        True
    """

    early_stopping: dict | None = None
    checkpoint: dict | None = None
    reduce_lr: dict | None = None
    csv_log: dict | None = None
    tensorboard: dict | None = None
    divergence: dict | None = field(default_factory=dict)  # on unless None

    def section(self, name: str) -> dict | None:
        value = getattr(self, name)
        if value is None or value is False:
            return None
        out = copy.deepcopy(DEFAULTS[name])
        if isinstance(value, dict):
            out.update(value)
        return out

    def to_dict(self) -> dict:
        return {name: self.section(name) for name in DEFAULTS}

    @classmethod
    def from_dict(cls, d: dict | None) -> "CallbackSettings":
        d = dict(d or {})
        kwargs = {}
        for name in DEFAULTS:
            v = d.pop(name, True if name in ON_BY_DEFAULT else None)
            kwargs[name] = ({} if v is True else v) if v not in (False,) else None
        for old in OLD_KEYS:
            d.pop(old, None)
        out = cls(**kwargs)
        if d:
            from engine.training.errors import SettingsError

            raise SettingsError(msg("Unknown callback setting(s): {names}.", names=', '.join(sorted(d))),
                                hint=msg("Known: {defaults}.", defaults=', '.join(DEFAULTS)),
                                code="callbacks")
        return out


def validate_callbacks(settings: CallbackSettings, has_validation: bool = True,
                       constant_lr: bool = True) -> list[Diagnostic]:
    """Problems with the callback settings for a run.

    Args:
        has_validation: whether the run has validation data (``val_*``
            metrics exist only then).
        constant_lr: whether the optimizer's rate is a plain number;
            ReduceLROnPlateau cannot change a scheduled rate.
    """
    out = []
    for name in ("early_stopping", "checkpoint", "reduce_lr"):
        sec = settings.section(name)
        if sec is None:
            continue
        monitor = str(sec.get("monitor", ""))
        if monitor.startswith("val_") and not has_validation:
            out.append(Diagnostic(name, ERROR,
                                  msg("{callback} watches {monitor}, but the run has no "
                                      "validation data.",
                                      callback=_TITLES[name], monitor=monitor),
                                  msg("set monitor to {monitor} (as the course's letter examples "
                                      "do), or add a validation split.",
                                      monitor=monitor[4:]), code="monitor"))
        if "patience" in sec and (not isinstance(sec["patience"], int) or sec["patience"] < 0):
            out.append(Diagnostic(name, ERROR, msg("{callback} patience must be a whole number ≥ "
                                                   "0, not {patience!r}.",
                                                   callback=_TITLES[name], patience=sec['patience']), code="callbacks"))
    dv = settings.section("divergence")
    if dv is not None:
        factor, patience = dv.get("factor"), dv.get("patience")
        if not isinstance(factor, (int, float)) or isinstance(factor, bool) or not factor > 1:
            out.append(Diagnostic("divergence", ERROR, msg("The divergence guard's factor must "
                                                           "be a number above 1, not {factor!r}.",
                                                           factor=factor),
                                  N_("20 stops a run whose loss exceeds 20× its best."),
                                  code="callbacks"))
        if not isinstance(patience, int) or isinstance(patience, bool) or patience < 0:
            out.append(Diagnostic("divergence", ERROR, msg("The divergence guard's patience must "
                                                           "be a whole number ≥ 0, not "
                                                           "{patience!r}.",
                                                           patience=patience),
                                  N_("5 stops a run whose loss grew 5 epochs in a row; 0 never "
                                     "stops for growth alone."), code="callbacks"))
    rl = settings.section("reduce_lr")
    if rl is not None:
        if not 0 < float(rl["factor"]) < 1:
            out.append(Diagnostic("reduce_lr", ERROR, msg("ReduceLROnPlateau factor must be "
                                                          "between 0 and 1, not {factor}.",
                                                          factor=rl['factor']), N_("0.5 halves the rate."),
                                  code="callbacks"))
        if not constant_lr:
            out.append(Diagnostic("reduce_lr", ERROR,
                                  N_("ReduceLROnPlateau cannot change a learning rate that a "
                                     "schedule sets step by step."),
                                  N_("use a constant learning rate with ReduceLROnPlateau, or "
                                     "turn one of them off."), code="reduce_lr_schedule"))
    ck = settings.section("checkpoint")
    if ck is not None:
        path = str(ck["path"])
        want = ".weights.h5" if ck["save_weights_only"] else ".keras"
        if not path.endswith(want):
            out.append(Diagnostic("checkpoint", ERROR, msg("The checkpoint file {path!r} must "
                                                           "end in {want}.",
                                                           path=path, want=want), msg("rename it, e.g. best{want}.", want=want), code="callbacks"))
    es = settings.section("early_stopping")
    if es is not None and not es.get("restore_best_weights"):
        out.append(Diagnostic("early_stopping", WARNING,
                              N_("EarlyStopping keeps the last weights, not the best ones."),
                              N_("set restore_best_weights on."), code="callbacks"))
    return out


_TITLES = {"early_stopping": "EarlyStopping", "checkpoint": "ModelCheckpoint",
           "reduce_lr": "ReduceLROnPlateau"}


def build_callbacks(settings: CallbackSettings | dict, run_dir: str | None = None,
                    has_validation: bool = True, constant_lr: bool = True) -> list:
    """The Keras callbacks; relative paths are placed in ``run_dir``.

    Example:
        >>> cbs = build_callbacks({"early_stopping": {"patience": 2}})
        >>> [type(c).__name__ for c in cbs]
        ['EarlyStopping', 'DivergenceGuard']
    """
    s = settings if isinstance(settings, CallbackSettings) else CallbackSettings.from_dict(settings)
    raise_on_errors(validate_callbacks(s, has_validation, constant_lr))
    import keras

    def place(path: str) -> str:
        path = os.path.expanduser(str(path))
        if run_dir and not os.path.isabs(path):
            path = os.path.join(run_dir, path)
        parent = os.path.dirname(path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        return path

    out = []
    es = s.section("early_stopping")
    if es is not None:
        out.append(keras.callbacks.EarlyStopping(**es))
    ck = s.section("checkpoint")
    if ck is not None:
        ck = dict(ck)
        out.append(keras.callbacks.ModelCheckpoint(place(ck.pop("path")), **ck))
    rl = s.section("reduce_lr")
    if rl is not None:
        out.append(keras.callbacks.ReduceLROnPlateau(**rl))
    log = s.section("csv_log")
    if log is not None:
        out.append(keras.callbacks.CSVLogger(place(log["path"]), append=bool(log["append"])))
    tb = s.section("tensorboard")
    if tb is not None:
        import importlib.util

        if importlib.util.find_spec("tensorboard") is None:
            from engine.training.errors import SettingsError

            raise SettingsError(N_("TensorBoard logging needs the tensorboard package, which is "
                                   "not installed."),
                                hint=N_("Install it (pip install tensorboard) or turn the "
                                        "TensorBoard log off."), code="tensorboard")
        tb = dict(tb)
        log_dir = place(os.path.join(tb.pop("log_dir"), ""))
        out.append(keras.callbacks.TensorBoard(log_dir=log_dir.rstrip(os.sep), **tb))
    dv = s.section("divergence")
    if dv is not None:
        from engine.training.divergence import make_divergence_guard

        out.append(make_divergence_guard(float(dv["factor"]), int(dv["patience"]),
                                         str(dv.get("monitor") or "loss")))
    return out


__all__ = ["CallbackSettings", "validate_callbacks", "build_callbacks"]


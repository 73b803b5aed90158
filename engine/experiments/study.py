"""Optuna studies over a document: storage, samplers, pruners, the sweep's
settings kept in the study, and what it found.

Everything a worker needs is kept in the study itself (the user attribute
``neurocanvas``: the document, the space, objectives, constraints, sampler,
pruner, epochs, dataset, seed and the number of trials wanted), so
``neurocanvas sweep-worker --storage URL --study NAME`` on another machine
needs nothing else.

Storage: a path is an Optuna journal file (``JournalFileBackend``, safe for
several processes on one machine); a URL (``sqlite:///…``,
``postgresql://user@host/db``) is an ``RDBStorage`` — with a heartbeat for
server databases, so trials of a worker that died are failed by Optuna.
On one machine, `fail_abandoned` fails the trials left running by a process
of this host that no longer exists, so a study killed mid-trial resumes.
"""

from __future__ import annotations

import math
import os
import socket
from dataclasses import asdict, dataclass, field
from pathlib import Path

from engine.errors import NeuroCanvasError
from engine.experiments.objectives import parse_constraints, parse_objectives
from engine.experiments.space import SpaceError, parse_space
from engine.i18n import N_, msg

CONFIG_ATTR = "neurocanvas"
SAMPLERS = ("tpe", "random", "grid", "cmaes", "nsga2")
PRUNERS = ("median", "hyperband", "none")
ABANDONED = N_("Its process ended before the trial finished (stopped or killed); "
               "the study runs another trial in its place when resumed.")


class StudyError(NeuroCanvasError):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message, hint, code="study")


@dataclass
class SweepConfig:
    """A sweep's settings, as kept in the study (plain JSON)."""

    network: dict
    space: dict
    document: str | None = None
    runs_root: str | None = None
    objectives: list = field(default_factory=lambda: ["val_accuracy:max"])
    constraints: list = field(default_factory=list)
    sampler: str = "tpe"
    pruner: str = "median"
    pruner_options: dict = field(default_factory=dict)
    epochs: int | None = None
    dataset: str | None = None
    seed: int | None = None
    trials: int = 10

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "SweepConfig":
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in dict(d).items() if k in known})

    def check(self) -> None:
        """Refuse settings that cannot work (before any study is made)."""
        space = parse_space(self.space)
        objectives = parse_objectives(self.objectives)
        parse_constraints(self.constraints)
        if self.sampler not in SAMPLERS:
            raise StudyError(msg("Unknown sampler {name}.", name=repr(self.sampler)),
                             msg("Use one of: {names}.", names=", ".join(SAMPLERS)))
        if self.pruner not in PRUNERS:
            raise StudyError(msg("Unknown pruner {name}.", name=repr(self.pruner)),
                             msg("Use one of: {names}.", names=", ".join(PRUNERS)))
        if self.sampler == "grid":
            for d in space:
                d.grid()  # raises for continuous ranges
        if self.sampler == "cmaes" and len(objectives) > 1:
            raise StudyError(N_("CMA-ES optimises one objective."),
                             N_("Use nsga2 (or tpe) for several."))
        if self.trials < 0:
            raise StudyError(msg("The number of trials must be at least 0, not {trials}.",
                                 trials=self.trials))
        if self.epochs is not None and self.epochs < 1:
            raise StudyError(msg("Epochs must be at least 1, not {epochs}.", epochs=self.epochs))


# ----------------------------------------------------------------------------- optuna parts
def _quiet_optuna():
    import warnings

    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    # the heartbeat and multivariate TPE are marked experimental; say nothing of it
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    return optuna


def open_storage(url: str):
    """An Optuna storage for ``url``: a journal file path, or a database URL."""
    optuna = _quiet_optuna()
    text = str(url)
    if "://" in text:
        options = {} if text.startswith("sqlite") else {"heartbeat_interval": 20,
                                                         "grace_period": 60}
        try:
            return optuna.storages.RDBStorage(text, **options)
        except Exception as exc:  # unreachable server, missing driver, bad URL
            raise StudyError(f"Cannot open the study storage {_redact(text)}: "
                             f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}.",
                             "Check the URL, that the server runs and that its driver is "
                             "installed (psycopg2 for PostgreSQL).") from None
    from optuna.storages import JournalStorage
    from optuna.storages.journal import JournalFileBackend

    path = Path(text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return JournalStorage(JournalFileBackend(str(path)))
    except OSError as exc:
        raise StudyError(f"Cannot open the study journal {path}: {exc.strerror or exc}.") from None


def _redact(url: str) -> str:
    import re

    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def make_sampler(config: SweepConfig, worker: int = 0):
    """The sampler the config names; workers get different seeds."""
    optuna = _quiet_optuna()
    seed = None if config.seed is None else int(config.seed) + worker
    space = parse_space(config.space)
    several = len(parse_objectives(config.objectives)) > 1
    name = config.sampler
    if name == "grid":
        return optuna.samplers.GridSampler({d.name: d.grid() for d in space}, seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed, warn_independent_sampling=False)
    if name == "nsga2":
        size = max(4, min(50, config.trials // 2 or 4))
        return optuna.samplers.NSGAIISampler(seed=seed, population_size=size)
    if several:
        return optuna.samplers.TPESampler(seed=seed, constant_liar=True)
    return optuna.samplers.TPESampler(seed=seed, multivariate=True, constant_liar=True,
                                      n_startup_trials=min(10, max(2, config.trials // 3)))


def make_pruner(config: SweepConfig):
    optuna = _quiet_optuna()
    opts = dict(config.pruner_options or {})
    if config.pruner == "median":
        return optuna.pruners.MedianPruner(n_startup_trials=int(opts.get("n_startup_trials", 3)),
                                           n_warmup_steps=int(opts.get("n_warmup_steps", 0)))
    if config.pruner == "hyperband":
        return optuna.pruners.HyperbandPruner(min_resource=int(opts.get("min_resource", 1)),
                                              max_resource=int(config.epochs) if config.epochs
                                              else "auto")
    return optuna.pruners.NopPruner()


def directions(config: SweepConfig) -> list[str]:
    return [o.direction for o in parse_objectives(config.objectives)]


def create_study(config: SweepConfig, storage_url: str, name: str):
    """Create the study (or open it, when one of that name exists) and keep
    the config in it. An existing study keeps its own config."""
    optuna = _quiet_optuna()
    config.check()
    storage = open_storage(storage_url)
    try:
        existing = optuna.load_study(study_name=name, storage=storage)
    except KeyError:
        existing = None
    if existing is not None:
        return load_study(storage_url, name, storage=storage)
    study = optuna.create_study(storage=storage, study_name=name, directions=directions(config),
                                sampler=make_sampler(config), pruner=make_pruner(config),
                                load_if_exists=True)
    if CONFIG_ATTR not in study.user_attrs:
        study.set_user_attr(CONFIG_ATTR, config.to_dict())
    return study, SweepConfig.from_dict(study.user_attrs[CONFIG_ATTR])


def load_study(storage_url: str, name: str, worker: int = 0, storage=None):
    """``(study, config)`` of an existing study, with its sampler and pruner."""
    optuna = _quiet_optuna()
    storage = storage if storage is not None else open_storage(storage_url)
    try:
        plain = optuna.load_study(study_name=name, storage=storage)
    except KeyError:
        names = [s.study_name for s in optuna.get_all_study_summaries(storage)]
        raise StudyError(f"There is no study {name!r} in {_redact(str(storage_url))}.",
                         f"Studies there: {', '.join(names)}." if names else
                         "Start one with neurocanvas sweep DOC --space SPACE.json.") from None
    raw = plain.user_attrs.get(CONFIG_ATTR)
    if not isinstance(raw, dict):
        raise StudyError(f"The study {name!r} was not made by neurocanvas sweep.",
                         "Give a study started with neurocanvas sweep.")
    config = SweepConfig.from_dict(raw)
    study = optuna.load_study(study_name=name, storage=storage,
                              sampler=make_sampler(config, worker), pruner=make_pruner(config))
    return study, config


def fail_abandoned(study, reason: str = ABANDONED) -> list[int]:
    """Fail the trials left running by a process of this host that is gone,
    with ``reason``. Returns their numbers."""
    from optuna.trial import TrialState

    from engine.training.runs.folders import process_alive

    host = socket.gethostname()
    out = []
    for t in study.get_trials(deepcopy=False, states=(TrialState.RUNNING,)):
        pid = t.user_attrs.get("pid")
        if t.user_attrs.get("host") == host and isinstance(pid, int) and pid != os.getpid() \
                and not process_alive(pid):
            study._storage.set_trial_user_attr(t._trial_id, "reason", reason)
            study._storage.set_trial_state_values(t._trial_id, TrialState.FAIL)
            out.append(t.number)
    return out


def finished_count(study) -> int:
    from optuna.trial import TrialState

    return len(study.get_trials(deepcopy=False, states=(TrialState.COMPLETE, TrialState.PRUNED)))


# ----------------------------------------------------------------------------- results
STATE_NAMES = {"COMPLETE": "complete", "PRUNED": "pruned", "FAIL": "failed",
               "RUNNING": "running", "WAITING": "waiting"}


def trial_row(t) -> dict:
    """One trial as plain JSON: number, state, params, values, run_dir, reason
    and what it measured (metrics, params_count, macs, train_time)."""
    a = t.user_attrs
    values = [None if v is None or not math.isfinite(v) else v for v in (t.values or [])]
    return {"number": t.number, "state": STATE_NAMES.get(t.state.name, t.state.name.lower()),
            "params": dict(t.params), "values": values if t.values else None,
            "run_dir": a.get("run_dir"), "reason": a.get("reason"),
            "metrics": a.get("metrics") or {}, "params_count": a.get("params_count"),
            "macs": a.get("macs"), "train_time": a.get("train_time"),
            "epochs_run": a.get("epochs_run")}


def study_summary(study, storage_url: str) -> dict:
    """``{"study", "storage", "objectives", "trials", "best", "pareto"}``."""
    from optuna.trial import TrialState

    trials = study.get_trials(deepcopy=False)
    rows = [trial_row(t) for t in trials]
    complete = [t for t in trials if t.state == TrialState.COMPLETE]
    config = SweepConfig.from_dict(study.user_attrs.get(CONFIG_ATTR) or {"network": {}, "space": {}})
    objectives = parse_objectives(config.objectives)
    pareto = sorted(t.number for t in study.best_trials) if complete else []
    best = None
    if complete:
        first = objectives[0]
        pool = [t for t in complete if t.number in pareto] or complete
        pick = (max if first.direction == "maximize" else min)(pool, key=lambda t: t.values[0])
        best = {"number": pick.number, "params": dict(pick.params), "values": list(pick.values)}
    return {"study": study.study_name, "storage": _redact(str(storage_url)),
            "objectives": [str(o) for o in objectives], "trials": rows, "best": best,
            "pareto": pareto}


def default_storage(runs_root) -> str:
    """The journal file beside the runs: ``DOC.runs/studies.optuna-journal``."""
    return str((Path(runs_root) / "studies.optuna-journal").resolve())


__all__ = ["SweepConfig", "StudyError", "open_storage", "create_study", "load_study",
           "make_sampler", "make_pruner", "fail_abandoned", "study_summary", "trial_row",
           "finished_count", "default_storage", "SAMPLERS", "PRUNERS", "SpaceError"]

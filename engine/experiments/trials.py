"""Running trials: each one is a normal training run of the document.

`TrialObjective` is the Optuna objective. For a trial it draws the space's
values, applies them to a copy of the document (`trial_network`), analyses
the candidate without TensorFlow — an invalid network, a refused value or a
broken constraint ends the trial at once as *pruned* with the reason — and
then trains it exactly as ``neurocanvas train`` would (`prepare_training`,
the run recorded in the document's runs folder and tagged with the study and
trial number in ``run.json``). The per-epoch validation metric is reported
to Optuna's pruner; when it says prune, the run is stopped after that epoch.

`run_study` runs trials one at a time in this process; `run_parallel` starts
K ``neurocanvas sweep-worker`` processes on the same storage.
"""

from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

from engine.errors import NeuroCanvasError
from engine.events import EventKind
from engine.experiments.apply import trial_network
from engine.experiments.objectives import parse_constraints, parse_objectives
from engine.experiments.space import parse_space
from engine.experiments.study import (SweepConfig, fail_abandoned, finished_count,
                                      load_study)
from engine.i18n import N_, msg


STOPPED = N_("Stopped by the user; the study runs another trial in its place when resumed.")


def _say(stream, text: str) -> None:
    if stream is not None:
        stream.write(text + "\n")
        stream.flush()


def _fmt_values(values: dict) -> str:
    return " ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
                    for k, v in values.items())


def analyse_candidate(net, constraints=()) -> tuple[dict, str | None]:
    """``(costs, reason)``: the candidate's params and MACs from the analysis,
    and why it cannot train (its first error, or a broken constraint), or
    ``None``. No TensorFlow."""
    report = net.analyze()
    costs = {"params": int(report.total_params), "macs": int(report.macs)}
    if report.errors:
        d = report.errors[0]
        where = f"{d.node}: " if d.node and not str(d.message).startswith(str(d.node)) else ""
        hint = f" Hint: {d.hint}" if d.hint else ""
        return costs, f"{where}{d.message}{hint}"
    for c in constraints:
        why = c.violation(costs)
        if why:
            return costs, why
    return costs, None


class TrialObjective:
    """The Optuna objective of a sweep (see the module docstring)."""

    def __init__(self, config: SweepConfig, study_name: str, stream=None):
        from engine.network import Network

        self.config = config
        self.study_name = study_name
        self.stream = stream
        self.network = Network.from_dict(config.network)
        self.space = parse_space(config.space)
        self.objectives = parse_objectives(config.objectives)
        self.constraints = parse_constraints(config.constraints)
        self.session = None  # of the trial being trained

    def __call__(self, trial):
        try:
            return self._run(trial)
        except KeyboardInterrupt:  # Ctrl+C, or Stop in the editor: the trial fails, said so
            trial.set_user_attr("reason", STOPPED)
            raise

    def _run(self, trial):
        import optuna

        trial.set_user_attr("host", socket.gethostname())
        trial.set_user_attr("pid", os.getpid())
        values = {d.name: d.suggest(trial) for d in self.space}
        tag = f"[{self.study_name}] trial {trial.number}"
        _say(self.stream, msg("[{study}] trial {number} running: {values}",
                              study=self.study_name, number=trial.number,
                              values=_fmt_values(values)))
        try:
            net = trial_network(self.network, values)
        except NeuroCanvasError as exc:
            return self._prune(trial, tag, exc.message)
        costs, reason = analyse_candidate(net, self.constraints)
        trial.set_user_attr("params_count", costs["params"])
        trial.set_user_attr("macs", costs["macs"])
        if reason:
            return self._prune(trial, tag, reason)
        outcome = self._train(trial, net, costs)
        if outcome.get("pruned"):
            raise optuna.TrialPruned(outcome["reason"])
        if outcome.get("failed"):
            trial.set_user_attr("reason", str(outcome["reason"]))
            _say(self.stream, f"{tag} failed: {outcome['reason']}")
            return tuple(math.nan for _ in self.objectives) if len(self.objectives) > 1 \
                else math.nan
        values_out = outcome["values"]
        shown = ", ".join(f"{o.name} {v:.4g}" for o, v in zip(self.objectives, values_out))
        _say(self.stream, f"{tag} complete: {shown} ({costs['params']:,} params, "
                          f"{outcome['train_time']:.1f}s)")
        return tuple(values_out) if len(values_out) > 1 else values_out[0]

    def _prune(self, trial, tag: str, reason: str):
        import optuna

        trial.set_user_attr("reason", str(reason))
        _say(self.stream, f"{tag} pruned: {reason}")
        raise optuna.TrialPruned(reason)

    def _train(self, trial, net, costs: dict) -> dict:
        from engine.data.dataset import DataError
        from engine.training.errors import SettingsError
        from engine.training.runs import RunError
        from engine.training.session import TrainingSetupError, prepare_training

        _release_keras_memory()
        c = self.config
        overrides = {k: v for k, v in (("epochs", c.epochs), ("dataset", c.dataset),
                                       ("seed", c.seed)) if v is not None}
        pruned: dict = {}
        monitor = self.objectives[0]
        can_prune = len(self.objectives) == 1 and monitor.name not in ("params", "macs",
                                                                       "train_time")

        def on_epoch(event):
            if event.kind != EventKind.EPOCH or not can_prune or pruned:
                return
            value = (event.data.get("logs") or {}).get(monitor.name)
            if value is None or not math.isfinite(value):
                return
            step = int(event.data["epoch"])
            trial.report(float(value), step)
            if trial.should_prune():
                pruned.update(epoch=step, value=float(value))
                self.session.trainer.stop()

        try:
            self.session = session = prepare_training(
                net, c.document, overrides, runs_root=c.runs_root, subscribers=[on_epoch],
                info={"study": self.study_name, "trial": trial.number})
        except TrainingSetupError as exc:
            d = next((d for d in exc.diagnostics if d.is_error), None)
            text = f"{d.message}{' Hint: ' + d.hint if d and d.hint else ''}" if d else exc.message
            trial.set_user_attr("reason", text)
            return {"pruned": True, "reason": text}
        except (DataError, SettingsError, RunError) as exc:
            return {"failed": True, "reason": exc.message}
        trial.set_user_attr("run_dir", str(session.run_dir) if session.run_dir else None)
        _say(self.stream, msg("[{study}] trial {number} training in {folder}",
                              study=self.study_name, number=trial.number, folder=session.run_dir))
        session.start()
        try:
            while session.trainer.running:
                session.wait(0.5)
        except KeyboardInterrupt:
            session.trainer.stop()
            session.wait()
            raise
        trainer = session.trainer
        history = trainer.history()
        train_time = float(sum(e.get("duration", 0.0) for e in trainer.epochs))
        trial.set_user_attr("train_time", train_time)
        trial.set_user_attr("epochs_run", int(trainer.epochs_done))
        trial.set_user_attr("metrics", {k: _finite(v[-1]) for k, v in history.items() if v})
        self.session = None
        result = trainer.result
        if pruned:
            reason = msg("Pruned by the {pruner} pruner after epoch {epoch}: {metric} {value}.",
                         pruner=c.pruner, epoch=pruned["epoch"], metric=monitor.name,
                         value=f"{pruned['value']:.4g}")
            trial.set_user_attr("reason", str(reason))  # stored as plain text
            _say(self.stream, msg("[{study}] trial {number} pruned: {reason}",
                                  study=self.study_name, number=trial.number, reason=reason))
            return {"pruned": True, "reason": reason}
        if result is None or result.kind == EventKind.FAILED:
            reason = (result.data.get("reason") if result is not None else None) or \
                N_("The run ended without a result.")
            return {"failed": True, "reason": reason}
        measured = {**costs, "train_time": train_time}
        values = []
        for o in self.objectives:
            if o.name in measured:
                values.append(float(measured[o.name]))
                continue
            series = [v for v in history.get(o.name, []) if v is not None and math.isfinite(v)]
            if not series:
                logged = ", ".join(sorted(history)) or "nothing"
                return {"failed": True,
                        "reason": msg("The run logged no {metric} to optimise; it logged: "
                                      "{logged}.", metric=repr(o.name), logged=logged)}
            values.append(float(max(series) if o.direction == "maximize" else min(series)))
        return {"values": values, "train_time": train_time}


def _finite(v):
    return float(v) if v is not None and math.isfinite(v) else None


def _release_keras_memory() -> None:
    """Forget the previous trial's models (Keras keeps global state)."""
    keras = sys.modules.get("keras")
    if keras is not None:
        keras.backend.clear_session()


def run_study(storage_url: str, name: str, n_trials: int | None = None, worker: int = 0,
              stream=None, stop: threading.Event | None = None):
    """Run trials of study ``name`` in this process until it has its number
    of finished trials (complete or pruned), or ``n_trials`` more were run.
    Trials left running by a dead process of this host are failed first."""
    study, config = load_study(storage_url, name, worker)
    abandoned = fail_abandoned(study)
    for n in abandoned:
        _say(stream, msg("[{study}] trial {number} failed: its process ended before it "
                         "finished.", study=name, number=n))
    objective = TrialObjective(config, name, stream)
    target = int(config.trials)
    done = 0
    while (n_trials is None and finished_count(study) < target) or \
            (n_trials is not None and done < n_trials):
        if stop is not None and stop.is_set():
            break
        if _grid_exhausted(study, config):
            break
        study.optimize(objective, n_trials=1, gc_after_trial=False)
        done += 1
    return study


def _grid_exhausted(study, config) -> bool:
    if config.sampler != "grid":
        return False
    from optuna.trial import TrialState

    grid = 1
    for d in parse_space(config.space):
        grid *= len(d.grid())
    seen = {tuple(sorted(t.params.items())) for t in study.get_trials(
        deepcopy=False, states=(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING))}
    return len(seen) >= grid


def worker_command(storage_url: str, name: str, n_trials: int | None, worker: int) -> list[str]:
    cmd = [sys.executable, "-m", "neurocanvas_cli", "sweep-worker", "--storage", storage_url,
           "--study", name, "--worker", str(worker)]
    if n_trials is not None:
        cmd += ["--trials", str(n_trials)]
    return cmd


def worker_env() -> dict:
    """The environment of a worker: this engine first on the path."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def run_parallel(storage_url: str, name: str, remaining: int, parallel: int) -> int:
    """Run ``remaining`` trials as ``parallel`` worker processes sharing the
    storage (each its share of the trials); returns the first non-zero exit
    status of a worker, or 0."""
    k = max(1, min(int(parallel), max(1, remaining)))
    shares = [remaining // k + (1 if i < remaining % k else 0) for i in range(k)]
    procs = [subprocess.Popen(worker_command(storage_url, name, share, i), env=worker_env(),
                              stdout=subprocess.DEVNULL, stderr=None)
             for i, share in enumerate(shares) if share > 0]
    codes = []
    try:
        codes = [p.wait() for p in procs]
    except KeyboardInterrupt:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait()
        raise
    return next((c for c in codes if c), 0)


__all__ = ["TrialObjective", "analyse_candidate", "run_study", "run_parallel",
           "worker_command", "worker_env"]

"""Reading runs back without Keras: `RunRecord`, `load_run`, `list_runs`;
comparing two runs (`compare_runs`); moving a scratch folder's runs beside
its document (`move_runs`); and cutting a run's rows back to a checkpoint
(`truncate_run`)."""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.atomic import atomic_path
from engine.errors import NeuroCanvasError
from engine.i18n import N_, msg
from engine.training.run_errors import RunError
from engine.training.run_lock import holder
from engine.training.runs.files import (
    csv_header,
    read_csv_rows,
    remove_stale_temp_files,
    write_json_atomic,
)
from engine.training.runs.folders import (
    BATCHES_FILE,
    BEST_MODEL,
    DAMAGED,
    EPOCHS_FILE,
    INTERRUPTED,
    LAST_MODEL,
    LOG_FILE,
    RUNNING,
    RUN_FILE,
    RUN_FORMAT,
    SNAPSHOT_FILE,
    EPOCH_KEYS,
    runs_folder,
)

_MAX_BETTER = ("acc", "auc", "precision", "recall", "r2")


def better(monitor: str) -> str:
    """``"max"`` for metrics where higher is better (accuracy, AUC, …), else ``"min"``.

    Example:
        >>> better("val_accuracy"), better("val_loss")
        ('max', 'min')
    """
    name = monitor[4:] if monitor.startswith("val_") else monitor
    return "max" if any(k in name for k in _MAX_BETTER) else "min"


# ----------------------------------------------------------------------------- the record
@dataclass
class RunRecord:
    """One run folder, read back. ``info`` is the content of ``run.json``.

    Reading a record never imports Keras; `load_model` does.
    """

    path: Path
    info: dict = field(default_factory=dict)

    # -- facts
    @property
    def id(self) -> str:
        return self.info.get("id") or self.path.name

    @property
    def status(self) -> str:
        """``running`` only while a process holds the run's lock: a run whose
        record says running but that nobody holds (the program was killed or
        crashed) is ``interrupted``."""
        status = self.info.get("status", DAMAGED)
        if status == RUNNING and self.holder is None:
            return INTERRUPTED
        return status

    @property
    def holder(self) -> int | None:
        """The pid of the process recording this run now (see `run_lock.holder`),
        or ``None``."""
        return holder(self.path)

    @property
    def started(self) -> str | None:
        return self.info.get("started")

    @property
    def order(self) -> tuple:
        """Sort key, oldest first: the start (or creation) time, to the second as
        the record writes it, then the creation instant in nanoseconds, so two
        runs begun within one second keep their order."""
        return (self.started or self.info.get("created") or "", self.info.get("created_ns") or 0,
                self.path.name)

    @property
    def ended(self) -> str | None:
        return self.info.get("ended")

    @property
    def epochs_run(self) -> int:
        return int(self.info.get("epochs_run") or 0)

    @property
    def best(self) -> dict | None:
        """``{"monitor", "value", "epoch", "mode"}`` of the best epoch so far."""
        return self.info.get("best")

    @property
    def settings(self) -> dict:
        """``{"data": ..., "training": ...}`` as used by the run."""
        return self.info.get("settings") or {}

    @property
    def reason(self) -> str | None:
        return self.info.get("reason")

    @property
    def checkpoint(self) -> dict | None:
        """``{"epoch", "step", "file"}`` of ``last.keras``, or ``None``."""
        return self.info.get("checkpoint")

    @property
    def last_model_path(self) -> Path:
        return self.path / LAST_MODEL

    @property
    def best_model_path(self) -> Path:
        return self.path / BEST_MODEL

    @property
    def can_resume(self) -> bool:
        """A checkpoint exists and no process is recording the run."""
        return (self.checkpoint is not None and self.last_model_path.exists()
                and self.holder is None)

    # -- contents
    def network(self):
        """The network as it was trained (a `Network` with its data/training sections)."""
        from engine.network import Network

        return Network.load(self.path / SNAPSHOT_FILE)

    def epoch_rows(self) -> list[dict]:
        """``epoch_metrics.csv`` as dicts of floats (``epoch`` and ``steps`` as ints)."""
        return _read_csv(self.path / EPOCHS_FILE, ints=("epoch", "steps"))

    def batch_rows(self) -> list[dict]:
        """``batch_metrics.csv`` as dicts of floats (``step``, ``epoch``, ``batch`` as ints)."""
        return _read_csv(self.path / BATCHES_FILE, ints=("step", "epoch", "batch"))

    def history(self) -> dict:
        """Per-epoch values ``{metric: [value per epoch]}`` (like ``Trainer.history()``)."""
        out: dict[str, list] = {}
        for row in self.epoch_rows():
            for k, v in row.items():
                if k not in EPOCH_KEYS:
                    out.setdefault(k, []).append(v)
        return out

    def log(self) -> str:
        try:
            return (self.path / LOG_FILE).read_text(encoding="utf-8")
        except OSError:
            return ""

    def load_model(self, which: str = "last"):
        """The saved Keras model, ``"last"`` (with its optimizer state) or ``"best"``."""
        path = self.best_model_path if which == "best" else self.last_model_path
        if not path.exists():
            raise RunError(msg("The run {id} has no {which} model ({name}).",
                               id=self.id, which=which, name=path.name),
                           N_("It ended before its first epoch was saved."), code="no_model")
        import keras

        import importlib

        importlib.import_module("engine.training.one_cycle")  # registers OneCycle for loading

        return keras.models.load_model(path)

    def to_dict(self) -> dict:
        return {"path": str(self.path), **self.info, "id": self.id, "status": self.status}


def _read_csv(path: Path, ints=()) -> list[dict]:
    return _parse_rows(read_csv_rows(path), ints)


def _parse_rows(rows: list[dict], ints=()) -> list[dict]:
    out = []
    for row in rows:
        clean = {}
        for k, v in row.items():
            if k is None:
                continue
            if v in ("", None):
                clean[k] = None
                continue
            try:
                clean[k] = int(float(v)) if k in ints else float(v)
            except ValueError:
                clean[k] = v
        out.append(clean)
    return out


def load_run(path) -> RunRecord:
    """Read one run folder (or its ``run.json``); raises `RunError` if it is not one."""
    path = Path(path)
    if path.name == RUN_FILE:
        path = path.parent
    file = path / RUN_FILE
    try:
        info = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunError(msg("{path} is not a training run (it has no {run_file}).",
                           path=path, run_file=RUN_FILE),
                       N_("Runs live in the DOC.runs folder beside a document.")) from None
    except (OSError, ValueError) as exc:
        raise RunError(msg("{file} cannot be read: {error}.", file=file, error=exc), N_("The run record is damaged.")) from None
    if not isinstance(info, dict) or info.get("format") != RUN_FORMAT:
        raise RunError(msg("{file} is not a NeuroCanvas run record.", file=file))
    remove_stale_temp_files(path)
    return RunRecord(path, info)


def list_runs(document_or_folder) -> list[RunRecord]:
    """The runs of a document (``DOC.json``) or in a runs folder, oldest first.

    A folder whose record cannot be read is listed with status ``"damaged"``
    and the reason, so nothing disappears from view.
    """
    p = Path(document_or_folder)
    root = p if p.is_dir() and not (p / RUN_FILE).exists() else runs_folder(p)
    if (p / RUN_FILE).exists():
        root = p.parent
    if not root.is_dir():
        return []
    out = []
    for child in sorted(root.iterdir()):
        if not child.is_dir() or child.name.startswith("."):
            continue
        try:
            out.append(load_run(child))
        except RunError as exc:
            out.append(RunRecord(child, {"id": child.name, "status": DAMAGED,
                                         "reason": exc.message}))
    return sorted(out, key=lambda r: r.order)


# ----------------------------------------------------------------------------- comparing
def _flatten(d, prefix="") -> dict:
    out = {}
    if isinstance(d, dict):
        for k, v in d.items():
            out.update(_flatten(v, f"{prefix}{k}."))
        return out
    out[prefix[:-1]] = d
    return out


def diff_settings(a: dict, b: dict) -> list[dict]:
    """Every setting that differs, as ``{"key": "training.batch_size", "a": 32, "b": 64}``.

    Example:
        >>> diff_settings({"training": {"epochs": 5, "seed": 1}},
        ...               {"training": {"epochs": 8, "seed": 1}})
        [{'key': 'training.epochs', 'a': 5, 'b': 8}]
    """
    fa, fb = _flatten(a), _flatten(b)
    out = []
    for key in sorted(set(fa) | set(fb)):
        va, vb = fa.get(key), fb.get(key)
        if va != vb:
            out.append({"key": key, "a": va, "b": vb})
    return out


def diff_networks(a, b) -> dict:
    """What changed from network ``a`` to network ``b``.

    Nodes are matched by id (ids survive renames). Returns
    ``{"added": [names], "removed": [names], "renamed": [{"a", "b"}],
    "changed": [{"node", "type", "params": {param: {"a", "b"}}, ...}],
    "edges_added": [["src", "dst"]], "edges_removed": [...],
    "params": {"a": n, "b": m}}``; parameter values are compared with the
    Keras defaults filled in, so writing a default explicitly is no change.
    """
    out: dict[str, Any] = {"added": [], "removed": [], "renamed": [], "changed": [],
                           "edges_added": [], "edges_removed": []}
    for nid, node in b.nodes.items():
        if nid not in a.nodes:
            out["added"].append(node.name)
    for nid, node in a.nodes.items():
        if nid not in b.nodes:
            out["removed"].append(node.name)
            continue
        other = b.nodes[nid]
        if node.name != other.name:
            out["renamed"].append({"a": node.name, "b": other.name})
        change: dict[str, Any] = {"node": other.name}
        if node.type != other.type:
            change["type"] = {"a": node.type, "b": other.type}
        else:
            change["type"] = node.type
            pa, pb = _resolved(node), _resolved(other)
            params = {k: {"a": pa.get(k), "b": pb.get(k)} for k in sorted(set(pa) | set(pb))
                      if pa.get(k) != pb.get(k)}
            if params:
                change["params"] = params
        if node.trainable != other.trainable:
            change["trainable"] = {"a": node.trainable, "b": other.trainable}
        if len(change) > 2 or isinstance(change["type"], dict):
            out["changed"].append(change)

    def edges(net):
        return {(net.nodes[e.src].name, net.nodes[e.dst].name, e.src_port, e.dst_port)
                for e in net.edges}

    ea, eb = edges(a), edges(b)
    out["edges_added"] = [list(e[:2]) for e in sorted(eb - ea)]
    out["edges_removed"] = [list(e[:2]) for e in sorted(ea - eb)]
    out["params"] = {"a": _count(a), "b": _count(b)}
    return out


def _resolved(node) -> dict:
    try:
        return dict(node.resolved())
    except Exception:  # an invalid param: compare what is written
        return dict(node.params)


def _count(net) -> int | None:
    try:
        return int(net.analyze().total_params)
    except Exception:
        return None


def compare_runs(a, b) -> dict:
    """What differs between two runs (records or folders), in settings and network.

    Returns ``{"a": id, "b": id, "settings": [...], "network": {...},
    "results": {"a": {...}, "b": {...}}}`` where ``settings`` is
    `diff_settings` of the two runs' data and training settings, ``network``
    is `diff_networks` of their snapshots, and ``results`` holds each run's
    status, epochs run, best metric and final per-epoch values.
    """
    ra = a if isinstance(a, RunRecord) else load_run(a)
    rb = b if isinstance(b, RunRecord) else load_run(b)

    def results(r):
        hist = r.history()
        return {"status": r.status, "epochs_run": r.epochs_run, "best": r.best,
                "final": {k: v[-1] for k, v in hist.items() if v}}

    try:
        network = diff_networks(ra.network(), rb.network())
    except NeuroCanvasError as exc:
        network = {"error": exc.message}
    return {"a": ra.id, "b": rb.id, "settings": diff_settings(ra.settings, rb.settings),
            "network": network, "results": {"a": results(ra), "b": results(rb)}}


def move_runs(source, target, skip=(), document=None) -> list[tuple[Path, Path]]:
    """Move the run folders of ``source`` into the runs folder ``target``;
    returns ``[(old path, new path)]`` of the runs moved.

    Each run is moved with one rename where both folders are on the same
    file system. Elsewhere it is copied to a hidden folder in ``target``
    (`list_runs` does not show it), renamed into place and only then
    removed from ``source``: at every moment the run is complete in at
    least one place. Runs in ``skip`` (paths or names, e.g. one still
    training) stay; ``source`` is removed once empty. With ``document``, each
    moved run's record names it as its document.

    Raises `RunError` if a run cannot be moved, after moving the others; its
    ``moved`` attribute holds the runs that did move.
    """
    source, target = Path(source), Path(target)
    if not source.is_dir():
        return []
    skip_names = {Path(s).name for s in skip}
    moved, failed = [], []
    for child in sorted(source.iterdir()):
        if not child.is_dir() or child.name.startswith(".") or child.name in skip_names:
            continue
        try:
            try:
                target.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RunError(msg("Cannot create the runs folder {target}: {strerror}.",
                                   target=target, strerror=exc.strerror or exc), msg("The runs stay in {source}.",
                                                              source=source)) from None
            dest = target / child.name
            n = 1
            while dest.exists():
                n += 1
                dest = target / f"{child.name}-{n}"
            _move_folder(child, dest)
        except RunError as exc:
            failed.append(exc)
            continue
        moved.append((child, dest))
        if document is not None:
            try:
                _set_document(dest, document)
            except OSError:
                pass  # the run moved; only the note of its document is missing
    try:
        source.rmdir()  # only when empty
    except OSError:
        pass
    if failed:
        message = failed[0].message
        if len(failed) > 1:
            message = msg("{problem} ({count} more)", problem=message, count=len(failed) - 1)
        error = RunError(message, failed[0].hint, code="move")
        error.moved = moved
        raise error
    return moved


def _move_folder(src: Path, dest: Path) -> None:
    try:
        os.rename(src, dest)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise RunError(msg("Cannot move the run {name} to {parent}: {strerror}.",
                               name=src.name, parent=dest.parent, strerror=exc.strerror or exc), msg("It stays in {parent}.", parent=src.parent)) from None
    tmp = dest.with_name(f".{dest.name}.moving")
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        shutil.copytree(src, tmp)
        os.rename(tmp, dest)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RunError(msg("Cannot copy the run {name} to {parent}: {strerror}.",
                           name=src.name, parent=dest.parent, strerror=exc.strerror or exc), msg("It stays in {parent}.", parent=src.parent)) from None
    shutil.rmtree(src, ignore_errors=True)


def _set_document(run_dir: Path, document) -> None:
    try:
        info = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # a damaged record is moved as it is
    if isinstance(info, dict):
        info["document"] = str(document)
        write_json_atomic(run_dir / RUN_FILE, info)


def truncate_run(run: RunRecord, epoch: int, step: int | None) -> None:
    """Drop rows recorded after the checkpoint (epoch ``epoch``, optimizer step
    ``step``), so a continued run does not repeat them, and any half-written
    row a crash left. Writes atomically."""
    ints = ("epoch", "steps", "step", "batch")
    for name, keep in ((EPOCHS_FILE, lambda r: (r.get("epoch") or 0) <= epoch),
                       (BATCHES_FILE, lambda r: step is None or (r.get("step") or 0) < step)):
        path = run.path / name
        header = csv_header(path)
        if header is None:
            continue
        with open(path, "rb") as fh:
            total = sum(1 for _ in fh) - 1  # data lines, a partial last one included
        raw = read_csv_rows(path)
        parsed = _parse_rows(raw, ints)
        kept = [r for r, p in zip(raw, parsed) if keep(p)]
        if len(kept) == total:
            continue
        with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            w.writerows(kept)

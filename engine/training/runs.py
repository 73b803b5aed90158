"""Run records: every training run leaves a folder the user can list,
compare, reopen and continue.

A document ``mnist.json`` keeps its runs in ``mnist.runs/`` beside it, one
folder per run named ``<YYYYmmdd-HHMMSS>_<id>``::

    mnist.runs/20250101-120000_3fa2c1/
        run.json           status, times, settings, best validation metric, epochs run
        network.json       the network and its data/training settings (neurocanvas/1)
        epoch_metrics.csv  one row per epoch: epoch, lr, duration, steps, metrics
        batch_metrics.csv  one row per batch: step, epoch, batch, lr, loss, metrics
        last.keras         the model (with its optimizer state) at the last checkpoint
        best.keras         the model at the best value of the watched metric
        log.txt            what happened, in words (and failure details)
        run.lock           held (flock) by the process recording the run; holds its pid

A run whose ``run.json`` says running but whose lock nobody holds was cut
short (a crash, ``kill -9``): it reads as ``"interrupted"`` and can be
continued from ``last.keras`` (`engine.training.resume`). Models are written
through a temporary file and a rename, CSV rows one flushed line at a time,
so a crash never leaves a half model, and a half row is dropped by readers.
The first write that fails (a full disk) ends the run as ``failed``.

Callbacks that write files (a CSV log, a ModelCheckpoint, TensorBoard) put
them in the same folder.

A document that has never been saved has no ``DOC.runs`` yet: its runs are
recorded in a scratch folder (`new_scratch_folder`, the editor keeps one per
unsaved document under its data folder), and `move_runs` moves them beside
the document when it is first saved. `remove_stale_scratch` removes
scratch folders nobody has written to for a week.

`RunRecorder` writes the folder while a `Trainer` runs: it is an ordinary
trainer subscriber, so the trainer knows nothing about it. `list_runs`,
`load_run` and `compare_runs` read the folders back without Keras.

Example::

    from engine.training.runs import list_runs, compare_runs
    runs = list_runs("mnist.json")                 # oldest first
    for r in runs:
        print(r.id, r.status, r.epochs_run, r.best)
    diff = compare_runs(runs[-2], runs[-1])
    diff["settings"]       # [{"key": "training.batch_size", "a": 32, "b": 64}, ...]
    diff["network"]        # {"added": [...], "removed": [...], "changed": [...], ...}
"""

from __future__ import annotations

import csv
import errno
import json
import math
import os
import re
import secrets
import shutil
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from engine.atomic import atomic_path, write_atomic
from engine.errors import NeuroCanvasError
from engine.plain_data import json_safe
from engine.training.run_errors import RunError, RunLockedError
from engine.training.run_lock import LOCK_FILE, RunLock, holder

RUN_FORMAT = "neurocanvas-run/1"
RUN_FILE = "run.json"
# Room kept for the final record while a run is held: a disk that fills up
# during the run still takes the last run.json once this file is removed.
RESERVE_FILE = ".reserved-for-run-json"
RESERVE_BYTES = 64 * 1024
SNAPSHOT_FILE = "network.json"
EPOCHS_FILE = "epoch_metrics.csv"
BATCHES_FILE = "batch_metrics.csv"
LOG_FILE = "log.txt"
LAST_MODEL = "last.keras"
BEST_MODEL = "best.keras"

RUNNING, FINISHED, STOPPED, FAILED, DAMAGED = "running", "finished", "stopped", "failed", "damaged"
INTERRUPTED = "interrupted"  # recorded as running, but no process holds the run any more
ENDED_STATUSES = (FINISHED, STOPPED, FAILED)
_EPOCH_KEYS = ("epoch", "lr", "duration", "steps")
_BATCH_KEYS = ("step", "epoch", "batch", "lr")
_MAX_BETTER = ("acc", "auc", "precision", "recall", "r2")


# ----------------------------------------------------------------------------- paths
def runs_folder(document_path) -> Path:
    """Where the runs of a document live: ``DOC.runs`` beside ``DOC.json``.

    Example:
        >>> runs_folder("/data/mnist.json").as_posix()
        '/data/mnist.runs'
    """
    p = Path(document_path)
    return p.with_name(p.stem + ".runs")


def new_run_dir(root) -> Path:
    """A fresh, not yet existing folder ``<timestamp>_<id>`` under ``root``."""
    root = Path(root)
    while True:
        path = root / f"{datetime.now().strftime('%Y%m%d-%H%M%S')}_{secrets.token_hex(3)}"
        if not path.exists():
            return path


SCRATCH_SUFFIX = ".runs"
SCRATCH_MAX_AGE_DAYS = 7.0
_SCRATCH_PID = re.compile(r"-p(\d+)-[0-9a-f]+\.runs$")


def new_scratch_folder(root, name: str = "untitled") -> Path:
    """A fresh, not yet existing runs folder for an unsaved document, under
    ``root``: ``<name>-<timestamp>-p<process id>-<random>.runs``.

    The process id lets `remove_stale_scratch` leave the folders of a running
    editor alone.

    Example:
        >>> new_scratch_folder("/tmp/unsaved", "LeNet 5").name  # doctest: +ELLIPSIS
        'LeNet-5-...-p...-....runs'
    """
    root = Path(root)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(name)).strip("-.")[:40] or "untitled"
    while True:
        path = root / (f"{slug}-{datetime.now().strftime('%Y%m%d-%H%M%S')}-p{os.getpid()}-"
                       f"{secrets.token_hex(3)}{SCRATCH_SUFFIX}")
        if not path.exists():
            return path


def _newest_mtime(folder: Path) -> float:
    """The newest modification time of ``folder``, its entries and the files of
    its run folders (a run appends to its CSV files without touching its folder)."""
    newest = folder.stat().st_mtime
    for child in folder.iterdir():
        try:
            newest = max(newest, child.stat().st_mtime)
            if child.is_dir():
                for f in child.iterdir():
                    newest = max(newest, f.stat().st_mtime)
        except OSError:
            continue
    return newest


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no harmless probe elsewhere: judge by age alone
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def remove_stale_scratch(root, max_age_days: float = SCRATCH_MAX_AGE_DAYS, keep=(),
                         now: float | None = None) -> list[Path]:
    """Remove scratch runs folders under ``root`` that nothing has written to
    for ``max_age_days``; returns the folders removed.

    Only folders named like `new_scratch_folder` makes them are touched; the
    folders in ``keep`` and those of an editor process still running on this
    machine stay. A folder that cannot be removed entirely is left as it is
    for the next time.
    """
    root = Path(root)
    if not root.is_dir():
        return []
    keep = {Path(k).name for k in keep}
    limit = (time.time() if now is None else now) - max_age_days * 86400.0
    removed = []
    for child in sorted(root.iterdir()):
        match = _SCRATCH_PID.search(child.name)
        if match is None or child.name in keep or not child.is_dir():
            continue
        try:
            if _newest_mtime(child) > limit or _process_alive(int(match.group(1))):
                continue
            shutil.rmtree(child)
        except OSError:
            continue
        removed.append(child)
    return removed


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
                raise RunError(f"Cannot create the runs folder {target}: "
                               f"{exc.strerror or exc}.", f"The runs stay in {source}.") from None
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
        more = f" ({len(failed) - 1} more)" if len(failed) > 1 else ""
        error = RunError(failed[0].message + more, failed[0].hint, code="move")
        error.moved = moved
        raise error
    return moved


def _move_folder(src: Path, dest: Path) -> None:
    try:
        os.rename(src, dest)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise RunError(f"Cannot move the run {src.name} to {dest.parent}: "
                           f"{exc.strerror or exc}.", f"It stays in {src.parent}.") from None
    tmp = dest.with_name(f".{dest.name}.moving")
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        shutil.copytree(src, tmp)
        os.rename(tmp, dest)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RunError(f"Cannot copy the run {src.name} to {dest.parent}: "
                       f"{exc.strerror or exc}.", f"It stays in {src.parent}.") from None
    shutil.rmtree(src, ignore_errors=True)


def _set_document(run_dir: Path, document) -> None:
    try:
        info = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # a damaged record is moved as it is
    if isinstance(info, dict):
        info["document"] = str(document)
        write_json_atomic(run_dir / RUN_FILE, info)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def write_json_atomic(path, data) -> None:
    """Write JSON to ``path`` atomically (`engine.atomic`)."""
    write_atomic(path, json.dumps(json_safe(data), indent=1, allow_nan=False) + "\n")


def _reserve_room(path: Path) -> None:
    """Keep RESERVE_BYTES of the disk in ``path`` (best effort: a disk already
    too full just keeps less)."""
    try:
        with open(path, "wb") as fh:
            fh.write(b"\0" * RESERVE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass


def _free_room(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def overwrite_json_in_place(path, data) -> bool:
    """Rewrite the JSON file ``path`` in the bytes it already occupies (compact,
    padded with spaces to its old size), for a disk too full for a temporary
    copy. Nothing is written when the new text is longer than the old file.
    Returns whether it was written."""
    text = json.dumps(json_safe(data), separators=(",", ":"), allow_nan=False).encode("utf-8")
    try:
        with open(path, "r+b") as fh:
            size = os.fstat(fh.fileno()).st_size
            if len(text) + 1 > size:
                return False
            fh.write(text + b"\n" + b" " * (size - len(text) - 1))
            fh.flush()
            os.fsync(fh.fileno())
        return True
    except OSError:
        return False


def save_model_atomic(model, path) -> None:
    """``model.save`` through a temporary ``.keras`` file beside ``path`` and a
    rename (`engine.atomic`): the file at ``path`` is always a complete model,
    the old one until the new one is whole. The temporary file's name ends in
    ``.<pid>.tmp.keras`` so `remove_stale_temp_files` knows whose it is."""
    with atomic_path(path, suffix=f".{os.getpid()}.tmp.keras") as tmp:
        model.save(tmp)


# .last.keras.<random>.<pid>.tmp.keras (and .last.<pid>.tmp.keras from older versions)
_TMP_MODEL = re.compile(r"^\.(?:last|best)(?:\.keras\.\w+)?\.(\d+)\.tmp\.keras$")


def remove_stale_temp_files(run_dir) -> list[Path]:
    """Remove the temporary model files (``.last.keras.<random>.<pid>.tmp.keras``)
    that a process killed while saving left in ``run_dir``; those of a process
    still running are kept. Returns the files removed."""
    removed = []
    try:
        children = list(Path(run_dir).iterdir())
    except OSError:
        return removed
    for child in children:
        match = _TMP_MODEL.match(child.name)
        if match is None or _process_alive(int(match.group(1))):
            continue
        try:
            child.unlink()
        except OSError:
            continue
        removed.append(child)
    return removed


def append_csv_rows(path, fields: list[str], rows: list[dict], header: bool) -> None:
    """Append ``rows`` to the CSV file ``path`` (with the ``header`` line
    first when asked): every row ends with a newline and is flushed as it is
    written, so a crash leaves at most one partial last line, which readers
    drop (`read_csv_rows`) and the next append cuts off (`repair_csv_tail`)."""
    with open(path, "a", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        if header:
            w.writeheader()
        for row in rows:
            w.writerow(row)
            fh.flush()


def repair_csv_tail(path) -> bool:
    """Cut a partial last line (no newline at its end) off the file at
    ``path``; returns whether one was cut. A missing file is left alone."""
    try:
        with open(path, "rb+") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size == 0:
                return False
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return False
            keep = 0
            pos = size
            while pos > 0:  # find the last newline, reading backwards in blocks
                start = max(0, pos - 65536)
                fh.seek(start)
                block = fh.read(pos - start)
                i = block.rfind(b"\n")
                if i >= 0:
                    keep = start + i + 1
                    break
                pos = start
            fh.truncate(keep)
            return True
    except FileNotFoundError:
        return False


def append_log(path, lines: list[str]) -> None:
    """Append lines to a text log, each ending with a newline."""
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("".join(f"{line}\n" for line in lines))


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
                if k not in _EPOCH_KEYS:
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
            raise RunError(f"The run {self.id} has no {which} model ({path.name}).",
                           "It ended before its first epoch was saved.", code="no_model")
        import keras

        import engine.training.one_cycle  # noqa: F401  (registers OneCycle for loading)

        return keras.models.load_model(path)

    def to_dict(self) -> dict:
        return {"path": str(self.path), **self.info, "id": self.id, "status": self.status}


def read_csv_rows(path) -> list[dict]:
    """The complete rows of a run's CSV file as dicts of strings.

    A last line without its newline (the process was killed while writing
    it) is dropped, and so is any row whose number of fields does not match
    the header, so a half-written row never becomes a value.
    """
    try:
        with open(path, newline="", encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except FileNotFoundError:
        return []
    if not text.endswith("\n"):
        text = text[:text.rfind("\n") + 1]
    rows = []
    for row in csv.DictReader(text.splitlines(keepends=True)):
        if None in row or any(v is None for v in row.values()):
            continue  # too many or too few fields
        rows.append(row)
    return rows


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
        raise RunError(f"{path} is not a training run (it has no {RUN_FILE}).",
                       "Runs live in the DOC.runs folder beside a document.") from None
    except (OSError, ValueError) as exc:
        raise RunError(f"{file} cannot be read: {exc}.", "The run record is damaged.") from None
    if not isinstance(info, dict) or info.get("format") != RUN_FORMAT:
        raise RunError(f"{file} is not a NeuroCanvas run record.")
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
    return sorted(out, key=lambda r: (r.started or "", r.path.name))


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


# ----------------------------------------------------------------------------- recording
class RunRecorder:
    """A `Trainer` subscriber that writes a run folder as the run goes.

    Args:
        run_dir: the folder of this run (created; an existing run folder is
            continued, see ``resume``).
        network: the `Network` being trained; its snapshot is written with
            ``data`` and ``training`` set to the settings below.
        data: the data settings as a dict (``DataSettings.to_dict()``).
        training: the training settings as a dict.
        info: extra facts for ``run.json`` (document path, strategy, …).
        resume: continue an existing run folder instead of starting one.
        save_models: write ``last.keras`` every epoch and ``best.keras`` when
            the watched metric improves.
        monitor: the metric that decides the best epoch; by default
            ``val_loss`` when the run has validation data, else ``loss``.

    Use ``recorder.attach(trainer)`` before ``trainer.start()``; the
    recorder is called on the training thread, so files are written between
    batches and never while the model changes.

    The recorder holds the run folder's lock (`RunLock`) from its creation
    until the run ends, and again while a continued run trains (`hold`); a
    second process is refused with `RunLockedError`.

    The first write that fails (a full disk, a folder made read-only) stops
    the run: the trainer ends it as ``failed`` with the reason ("no space
    left on device at PATH"), nothing more is written but the final record,
    ``last.keras`` stays the last complete checkpoint and ``best`` in
    ``run.json`` only ever names a model that was written.
    """

    def __init__(self, run_dir, network=None, data: dict | None = None,
                 training: dict | None = None, info: dict | None = None, resume: bool = False,
                 save_models: bool = True, monitor: str | None = None):
        self.path = Path(run_dir)
        self.save_models = save_models
        self.trainer = None
        self._unsubscribe = None
        self._lock = threading.Lock()
        self._batch_fields: list[str] | None = None
        self._epoch_fields: list[str] | None = None
        self._repaired: set[str] = set()
        self._start_step = 0
        self._target_epochs = None
        self.write_error: dict | None = None   # the first failed write: reason, hint, path
        self.run_lock = RunLock(self.path)
        if resume:
            if not (self.path / RUN_FILE).exists():
                load_run(self.path)  # raises the reason
            self.hold()
            try:
                self.info = load_run(self.path).info
            except BaseException:
                self.release()
                raise
            remove_stale_temp_files(self.path)
            self._batch_fields = _csv_header(self.path / BATCHES_FILE)
            self._epoch_fields = _csv_header(self.path / EPOCHS_FILE)
        else:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RunError(f"Cannot create the run folder {self.path}: "
                               f"{exc.strerror or exc}.", "Choose another folder.") from None
            if (self.path / RUN_FILE).exists():
                raise RunError(f"{self.path} already holds a run.",
                               "Choose an empty folder, or continue that run.")
            self.hold()
            settings = {"data": dict(data or {}), "training": dict(training or {})}
            self.info = {"format": RUN_FORMAT, "id": self.path.name, "status": "created",
                         "created": _now(), "started": None, "ended": None, "epochs_run": 0,
                         "steps": 0, "target_epochs": None, "best": None, "last": {},
                         "checkpoint": None, "settings": settings, "sessions": [],
                         "reason": None, "hint": None, "code": None, **(info or {})}
            try:
                if network is not None:
                    snap = network.to_dict()
                    snap.pop("weights", None)  # the run keeps its own models
                    snap["data"] = settings["data"]
                    snap["training"] = settings["training"]
                    self.info.setdefault("network", {"name": network.name,
                                                     "nodes": len(network.nodes)})
                    write_json_atomic(self.path / SNAPSHOT_FILE, snap)
                self._write_info()
            except OSError as exc:
                self.release()
                reason, _ = describe_write_error(exc, exc.filename or self.path)
                raise RunError(f"Cannot record the run: {reason}.",
                               "Free some space or choose another folder, then start again.",
                               code="write") from None
        if monitor is not None:
            self.info["monitor"] = monitor
        self.record = RunRecord(self.path, self.info)

    # -- the lock
    def hold(self) -> None:
        """Take the run folder's lock (again, for a continued run); raises
        `RunLockedError` naming the process that holds it."""
        with self._lock:
            self.run_lock.run_dir = self.path
            self.run_lock.acquire()
        _reserve_room(self.path / RESERVE_FILE)

    def release(self) -> None:
        """Give the run folder's lock up (the run ended)."""
        _free_room(self.path / RESERVE_FILE)
        self.run_lock.release()

    # -- wiring
    def attach(self, trainer) -> "RunRecorder":
        """Subscribe to ``trainer`` (and remember it, to save its model)."""
        self.trainer = trainer
        if trainer.run_dir is None:
            trainer.run_dir = str(self.path)
        self._unsubscribe = trainer.subscribe(self)
        return self

    def relocate(self, path, document=None) -> None:
        """Write to ``path`` from now on: the run folder was moved there (by
        `move_runs`) while no event was being recorded. The trainer's
        ``run_dir`` follows, so callbacks of a continued run write there too."""
        with self._lock:
            old = self.path
            self.path = Path(path)
            self.record.path = self.path
            self.run_lock.run_dir = self.path  # a held lock moved with its file
            if document is not None:
                self.info["document"] = str(document)
            if self.trainer is not None and self.trainer.run_dir == str(old):
                self.trainer.run_dir = str(self.path)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def __call__(self, event) -> None:
        handler = getattr(self, f"_on_{event.kind}", None)
        if handler is not None:
            with self._lock:
                handler(event.data)

    # -- files: every write goes through _write, which stops the run at the first failure
    def _write(self, path: Path, fn, *args) -> bool:
        if self.write_error is not None:
            return False
        try:
            fn(*args)
            return True
        except OSError as exc:
            self._write_failed(exc, path)
            return False

    def _write_failed(self, exc: OSError, path: Path) -> None:
        reason, hint = describe_write_error(exc, path)
        self.write_error = {"reason": reason, "hint": hint, "path": str(path),
                            "code": "disk_full" if exc.errno == errno.ENOSPC else "write"}
        abort = getattr(self.trainer, "abort", None)
        if abort is not None:
            abort(reason, hint, self.write_error["code"])

    def _write_info(self) -> bool:
        return self._write(self.path / RUN_FILE, write_json_atomic, self.path / RUN_FILE,
                           self.info)

    def log(self, text: str) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        lines = [f"{stamp} {line}" for line in (str(text).splitlines() or [""])]
        self._write(self.path / LOG_FILE, append_log, self.path / LOG_FILE, lines)

    def _append(self, name: str, fields_attr: str, fixed: tuple, rows: list[dict]) -> None:
        if not rows or self.write_error is not None:
            return
        fields = getattr(self, fields_attr)
        path = self.path / name
        if fields is None:
            extra = []
            for row in rows:
                extra.extend(k for k in row if k not in fixed and k not in extra)
            fields = list(fixed) + extra
            setattr(self, fields_attr, fields)
            new = True
        else:
            new = not path.exists()
        if not new and name not in self._repaired:
            if not self._write(path, repair_csv_tail, path):
                return
            self._repaired.add(name)
        self._write(path, append_csv_rows, path, fields,
                    [{k: _cell(row.get(k)) for k in fields} for row in rows], new)

    def _save(self, name: str) -> bool:
        model = getattr(self.trainer, "model", None)
        if not self.save_models or model is None or self.write_error is not None:
            return False
        path = self.path / name
        try:
            save_model_atomic(model, path)
            return True
        except OSError as exc:
            self._write_failed(exc, path)
            return False
        except Exception as exc:  # a model Keras cannot serialise: said, the run goes on
            self.log(f"Could not save {name}: {type(exc).__name__}: {exc}")
            return False

    def _checkpoint(self, epoch: int) -> None:
        if self._save(LAST_MODEL):
            step = self._optimizer_step()
            self.info["checkpoint"] = {"epoch": int(epoch), "step": step, "file": LAST_MODEL,
                                       "time": _now()}

    def _optimizer_step(self) -> int | None:
        try:
            import keras

            return int(keras.ops.convert_to_numpy(self.trainer.model.optimizer.iterations))
        except Exception:
            return None

    # -- events
    def _on_started(self, d: dict) -> None:
        now = _now()
        self.info["status"] = RUNNING
        self.info["started"] = self.info.get("started") or now
        self.info["ended"] = None
        for k in ("reason", "hint", "code"):
            self.info[k] = None
        self.info["steps_per_epoch"] = d.get("steps_per_epoch")
        self.info["target_epochs"] = d.get("epochs")
        self.info["params"] = d.get("params")
        self.info["pid"] = os.getpid()
        if d.get("dataset") is not None:
            self.info["dataset"] = d["dataset"]
        self.info["sessions"].append({"started": now, "initial_epoch": d.get("initial_epoch", 0),
                                      "initial_step": d.get("initial_step", 0),
                                      "target_epochs": d.get("epochs")})
        self._write_info()
        start = d.get("initial_epoch", 0)
        self.log(f"{'Continued' if start else 'Started'}: epochs {start + 1} to {d.get('epochs')}, "
                 f"{d.get('steps_per_epoch')} steps per epoch, {d.get('params')} parameters.")

    def _on_batch(self, d: dict) -> None:
        self._append(BATCHES_FILE, "_batch_fields", _BATCH_KEYS, d.get("points") or [])

    def _on_epoch(self, d: dict) -> None:
        logs = d.get("logs") or {}
        row = {"epoch": d.get("epoch"), "lr": d.get("lr"), "duration": d.get("duration"),
               "steps": d.get("steps"), **logs}
        self._append(EPOCHS_FILE, "_epoch_fields", _EPOCH_KEYS, [row])
        if self.write_error is not None:
            return
        epoch = int(d.get("epoch") or 0)
        self.info["epochs_run"] = epoch
        self.info["steps"] = len(self.trainer.batches) if self.trainer is not None else None
        self.info["last"] = dict(logs)
        monitor = self.info.get("monitor") or ("val_loss" if "val_loss" in logs else "loss")
        self.info["monitor"] = monitor
        value = logs.get(monitor)
        if value is not None and math.isfinite(value):
            best = self.info.get("best")
            mode = better(monitor)
            improved = (best is None or best.get("value") is None or best.get("monitor") != monitor
                        or (value < best["value"] if mode == "min" else value > best["value"]))
            # the record names a best only once its model is written
            if improved and (self._save(BEST_MODEL) or not self.save_models):
                self.info["best"] = {"monitor": monitor, "value": float(value), "epoch": epoch,
                                     "mode": mode}
        self._checkpoint(epoch)
        if self.write_error is not None:
            return
        self._write_info()
        metrics = "  ".join(f"{k} {v:.4g}" for k, v in logs.items())
        self.log(f"Epoch {epoch}: {metrics}  lr {_fmt(d.get('lr'))}  "
                 f"({d.get('duration', 0):.2f} s)")

    def _on_paused(self, d: dict) -> None:
        self.log(f"Paused at step {d.get('step')}.")

    def _on_resumed(self, d: dict) -> None:
        self.log(f"Resumed at step {d.get('step')}.")

    def _end(self, status: str, d: dict) -> None:
        self.info["status"] = status
        self.info["ended"] = _now()
        self.info["reason"] = d.get("reason")
        self.info["hint"] = d.get("hint")
        self.info["code"] = d.get("code")
        if self.write_error is None:
            if d.get("epochs_run") is not None:
                self.info["epochs_run"] = int(d["epochs_run"])
            if self.trainer is not None:
                self.info["steps"] = len(self.trainer.batches)
            self._write_info()
            text = f"{status.capitalize()}: {d.get('reason') or ''}"
            if d.get("hint"):
                text += f" Hint: {d['hint']}"
            self.log(text)
            if d.get("detail"):
                self.log(d["detail"])
        else:
            # One last try at the record (removing the failed file's temporary
            # copy may have freed the room); epochs_run stays that of the last
            # complete checkpoint.
            _free_room(self.path / RESERVE_FILE)  # the room kept for this record
            try:
                write_json_atomic(self.path / RUN_FILE, self.info)
            except OSError:
                # no room even for a temporary copy: rewrite the record in
                # the space it already has, so it says why the run stopped
                overwrite_json_in_place(self.path / RUN_FILE, self.info)
        self.release()

    # last.keras was saved at the end of the last epoch, also one cut short by
    # a stop (Keras ends the epoch). It is not saved again at the end: after a
    # NaN the optimizer state in memory may hold NaN, and weights restored by
    # EarlyStopping are in best.keras. Continuing from last.keras goes on from
    # exactly where the last epoch ended.
    def _on_finished(self, d: dict) -> None:
        self._end(FINISHED, d)

    def _on_stopped(self, d: dict) -> None:
        self._end(STOPPED, d)

    def _on_failed(self, d: dict) -> None:
        self._end(FAILED, d)


def describe_write_error(exc: OSError, path) -> tuple[str, str]:
    """``(reason, hint)`` of a failed write of ``path``, in words.

    Example:
        >>> import errno
        >>> describe_write_error(OSError(errno.ENOSPC, "No space left on device"), "/r/last.keras")[0]
        'no space left on device at /r/last.keras'
    """
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "no space left on device" if exc.errno == errno.ENOSPC else "disk quota exceeded"
        return (f"{what} at {path}",
                "Free some space; the last complete checkpoint is kept, continue the run from it.")
    return (f"cannot write {path}: {exc.strerror or exc}",
            "Check that the folder is writable; the last complete checkpoint is kept.")


def _cell(v):
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else ("nan" if v != v else ("inf" if v > 0 else "-inf"))
    return "" if v is None else v


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3g}"


def _csv_header(path: Path) -> list[str] | None:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return next(csv.reader(fh), None)
    except FileNotFoundError:
        return None


def truncate_run(run: RunRecord, epoch: int, step: int | None) -> None:
    """Drop rows recorded after the checkpoint (epoch ``epoch``, optimizer step
    ``step``), so a continued run does not repeat them, and any half-written
    row a crash left. Writes atomically."""
    ints = ("epoch", "steps", "step", "batch")
    for name, keep in ((EPOCHS_FILE, lambda r: (r.get("epoch") or 0) <= epoch),
                       (BATCHES_FILE, lambda r: step is None or (r.get("step") or 0) < step)):
        path = run.path / name
        header = _csv_header(path)
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


__all__ = ["RunRecord", "RunRecorder", "RunError", "RunLockedError", "runs_folder", "new_run_dir",
           "list_runs",
           "new_scratch_folder", "move_runs", "remove_stale_scratch",
           "load_run", "compare_runs", "diff_settings", "diff_networks", "truncate_run",
           "better", "save_model_atomic", "write_json_atomic", "json_safe", "read_csv_rows",
           "repair_csv_tail", "append_csv_rows", "remove_stale_temp_files",
           "describe_write_error", "INTERRUPTED"]

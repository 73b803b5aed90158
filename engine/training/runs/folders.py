"""Where runs live: the names of a run folder's files, the runs folder of a
document, new run folders, and scratch folders for unsaved documents (made,
and removed when stale)."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from datetime import datetime
from pathlib import Path


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
EPOCH_KEYS = ("epoch", "lr", "duration", "steps")
BATCH_KEYS = ("step", "epoch", "batch", "lr")


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


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (this one always does)."""
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
            if _newest_mtime(child) > limit or process_alive(int(match.group(1))):
                continue
            shutil.rmtree(child)
        except OSError:
            continue
        removed.append(child)
    return removed


def now_iso() -> str:
    """The local time now, as run records write it (ISO 8601, to the second)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")

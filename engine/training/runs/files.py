"""The files of a run folder, written safely: JSON and models atomically
(`engine.atomic`), CSV rows and log lines appended one flushed line at a time
(a crash leaves at most a partial last line, which readers drop), room kept
for the final record on a filling disk, and failed writes described in words."""

from __future__ import annotations

import csv
import errno
import json
import os
import re
from pathlib import Path

from engine.atomic import atomic_path, write_atomic
from engine.i18n import N_, msg
from engine.plain_data import json_safe
from engine.training.runs.folders import RESERVE_BYTES, process_alive

def write_json_atomic(path, data) -> None:
    """Write JSON to ``path`` atomically (`engine.atomic`)."""
    write_atomic(path, json.dumps(json_safe(data), indent=1, allow_nan=False) + "\n")


def reserve_room(path: Path) -> None:
    """Keep RESERVE_BYTES of the disk in ``path`` (best effort: a disk already
    too full just keeps less)."""
    try:
        with open(path, "wb") as fh:
            fh.write(b"\0" * RESERVE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass


def free_room(path: Path) -> None:
    """Give back the room `reserve_room` kept (a missing file is fine)."""
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
        if match is None or process_alive(int(match.group(1))):
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


def describe_write_error(exc: OSError, path) -> tuple[str, str]:
    """``(reason, hint)`` of a failed write of ``path``, in words.

    Example:
        >>> import errno
        >>> describe_write_error(OSError(errno.ENOSPC, "No space left on device"), "/r/last.keras")[0]
        'no space left on device at /r/last.keras'
    """
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        if exc.errno == errno.ENOSPC:
            reason = msg("no space left on device at {path}", path=path)
        else:
            reason = msg("disk quota exceeded at {path}", path=path)
        return (reason,
                N_("Free some space; the last complete checkpoint is kept, continue the run from it."))
    return (msg("cannot write {path}: {error}", path=path, error=exc.strerror or exc),
            N_("Check that the folder is writable; the last complete checkpoint is kept."))


def csv_header(path: Path) -> list[str] | None:
    """The column names of the CSV file ``path``; None when it does not exist."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return next(csv.reader(fh), None)
    except FileNotFoundError:
        return None

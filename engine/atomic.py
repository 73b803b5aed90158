"""Atomic file writes: the one place NeuroCanvas replaces a file.

A temporary file is written beside the target, flushed and fsynced, then
renamed over it with ``os.replace``, so a crash or a full disk at any moment
leaves either the old file or the new one, never a mix. On any failure the
temporary file is removed and the error names the target. The new file gets
the permissions of the file it replaces, or those the umask gives a new file
(0644 under umask 022), and a symbolic link is written through: the file it
points at is replaced, the link stays.

    with atomic_file("net.json") as fh:      # text ("w") or bytes ("wb")
        fh.write(text)
    write_atomic("net.json", text)
    with atomic_path("model.keras") as tmp:  # for writers that take a file name
        model.save(tmp)
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

_fsync = os.fsync  # the write layer's last step; tests inject a full disk here


def resolve_target(path) -> Path:
    """The file a write to ``path`` really replaces (symbolic links followed)."""
    path = Path(os.path.expanduser(str(path)))
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask would, for a moment, for all threads)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def target_mode(target: Path) -> int:
    """Permission bits for the new file: the existing file's, else what the umask allows."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _named(exc: OSError, target: Path) -> OSError:
    """``exc`` with the target's path when it names no file (a full disk on write or fsync)."""
    if exc.filename:
        return exc
    named = type(exc)(exc.errno, exc.strerror or str(exc), str(target)) if exc.errno else \
        OSError(f"{target}: {exc}")
    named.__cause__ = exc
    return named


@contextmanager
def atomic_path(path, suffix: str = ".tmp"):
    """Yield a temporary path beside ``path`` (ending in ``suffix``) for a writer that
    takes a file name; on success it is fsynced and renamed over ``path``, on any
    failure removed."""
    target = resolve_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise _named(exc, target) from None
    try:
        os.close(fd)
        yield tmp
        _finish(tmp, target)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise _named(exc, target) from None
        raise


@contextmanager
def atomic_file(path, mode: str = "w"):
    """Open a temporary file beside ``path`` (``"w"`` text in UTF-8, or ``"wb"``); on
    success it is fsynced and renamed over ``path``, on any failure removed."""
    with atomic_path(path) as tmp:
        with open(tmp, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as fh:
            yield fh


def write_atomic(path, data) -> None:
    """Write ``data`` (str as UTF-8, or bytes) to ``path`` atomically."""
    with atomic_file(path, "wb" if isinstance(data, (bytes, bytearray)) else "w") as fh:
        fh.write(data)


def _finish(tmp: str, target: Path) -> None:
    os.chmod(tmp, target_mode(target))
    fd = os.open(tmp, os.O_RDONLY)
    try:
        _fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    try:  # the rename itself survives a power cut once the folder is synced
        dir_fd = os.open(target.parent if str(target.parent) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass

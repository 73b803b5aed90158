"""One process at a time per run folder: an OS file lock on ``run.lock``.

The process that records a run (`RunRecorder`) holds an exclusive
``flock`` on ``RUN/run.lock`` from the moment it opens the folder until the
run ends, and writes its process id into the file. The operating system
drops the lock when that process ends in any way — a normal exit, a crash or
``kill -9`` — so "is anyone recording this run?" is answered by the lock,
never by trusting what ``run.json`` says:

- `RunLock.acquire` refuses (`RunLockedError`, naming the holder's pid) when
  another process, or another recorder in this one, holds the run;
- `holder` says who holds it, without taking it for longer than a probe.

Example::

    lock = RunLock(run_dir)
    lock.acquire()        # raises RunLockedError("... process 4242 ...") if held
    ...
    lock.release()

On systems without ``fcntl`` (Windows) the lock is advisory only: nothing is
refused and `holder` falls back to the process id written in the file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from engine.i18n import N_, msg
from engine.training.run_errors import RunError, RunLockedError

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

LOCK_FILE = "run.lock"
_PROBE_TRIES = 40          # acquire retries while another process only probes the lock
_PROBE_PAUSE = 0.025       # seconds between those retries


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="utf-8").split()
        return int(text[0]) if text else None
    except (OSError, ValueError):
        return None


class RunLock:
    """The exclusive lock of one run folder (see the module doc)."""

    def __init__(self, run_dir):
        self.run_dir = Path(run_dir)
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        return self.run_dir / LOCK_FILE

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise `RunLockedError` naming the process that holds it."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise RunError(msg("Cannot lock the run folder {run_dir}: {strerror}.",
                               run_dir=self.run_dir, strerror=exc.strerror or exc),
                           N_("Check that the folder exists and is writable."), code="lock") from None
        try:
            if fcntl is not None:
                for attempt in range(_PROBE_TRIES):
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        # `holder` takes a shared lock for an instant; a real
                        # holder writes its pid, a probe does not.
                        pid = _read_pid(self.path)
                        if pid is not None and attempt >= 2:
                            raise self._refusal(pid) from None
                        time.sleep(_PROBE_PAUSE)
                else:
                    raise self._refusal(_read_pid(self.path)) from None
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _refusal(self, pid: int | None) -> RunLockedError:
        if pid is None:
            said = msg("The run {name} is in use by another process.", name=self.run_dir.name)
        elif pid == os.getpid():
            said = msg("The run {name} is in use by process {pid} (this program).",
                       name=self.run_dir.name, pid=pid)
        else:
            said = msg("The run {name} is in use by process {pid}.", name=self.run_dir.name, pid=pid)
        return RunLockedError(said,
                              N_("Only one program can record or continue a run at a time; wait "
                                 "for it to end or stop it first."), pid=pid)

    def release(self) -> None:
        """Give the lock up (the pid is cleared first, so nobody reads a stale one)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        os.close(fd)  # closing the descriptor drops the flock

    def __del__(self):  # a recorder dropped without release: the OS would do it at exit
        try:
            self.release()
        except Exception:
            pass


def holder(run_dir) -> int | None:
    """The pid of the process holding ``run_dir``'s lock, ``0`` when held by
    a process whose pid is unknown, ``None`` when nobody holds it."""
    path = Path(run_dir) / LOCK_FILE
    if fcntl is None:  # pragma: no cover - Windows: trust the pid if that process lives
        pid = _read_pid(path)
        return pid if pid is not None and _alive(pid) else None
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return 0  # unreadable: say held rather than call a live run interrupted
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(path)
            return pid if pid is not None else 0
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:  # pragma: no cover - Windows only
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


__all__ = ["RunLock", "RunLockedError", "holder", "LOCK_FILE"]

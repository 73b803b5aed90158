"""Keep TensorFlow's start-up chatter (oneDNN, cuInit, CPU features, absl
lines) off the terminal unless the person asked for it.

``quiet_tensorflow()`` must run before TensorFlow is imported. It sets the
environment TensorFlow reads (``TF_CPP_MIN_LOG_LEVEL`` and friends); since
TensorFlow 2.19 some native lines ignore that setting (the CUDA stubs log
through absl before absl is initialised), so it also filters the process's
native standard error: lines in TensorFlow's log formats (information,
warning and error levels; never fatal ones) are dropped and everything else
is passed on unchanged. Python's own ``sys.stderr`` writes straight to the
terminal, never through the filter, so nothing the program prints itself can
be delayed or lost.

Asking for the logs: ``NEUROCANVAS_TF_LOG=1`` in the environment, or
``verbose=True`` (the editor's ``--verbose``), or ``TF_CPP_MIN_LOG_LEVEL``
set to 0 or 1 by the person.

Nothing here imports TensorFlow or Qt.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
import threading

LOG_ENV = "NEUROCANVAS_TF_LOG"

# native log lines: absl ("I0000 00:00:17... 123 file.cc:31] ...") and TSL
# ("2025-09-17 14:44:05.157831: I external/.../cudart_stub.cc:32] ...")
_NATIVE_LINE = re.compile(rb"^(?:[IWE]\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ [^\]\s]+:\d+\]"
                          rb"|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+: [IWE] [^\]\s]+:\d+\])")
_NOISE = (
    b"WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
    b"To enable the following instructions:",  # continuation of cpu_feature_guard's line
    b"oneDNN custom operations are on",
)

_MARK = "NEUROCANVAS_TF_QUIETED"
_installed = False
_lock = threading.Lock()


def asked_for_logs(verbose: bool = False) -> bool:
    return verbose or os.environ.get(LOG_ENV, "").strip() not in ("", "0")


def quiet_tensorflow(verbose: bool = False, *, filter_native: bool = True) -> bool:
    """Silence TensorFlow's start-up lines; returns whether it did anything."""
    if asked_for_logs(verbose):
        return False
    if os.environ.get("TF_CPP_MIN_LOG_LEVEL") in ("0", "1") and os.environ.get(_MARK) != "1":
        return False  # the person asked for TensorFlow's information lines
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    os.environ.setdefault("GRPC_VERBOSITY", "ERROR")
    os.environ.setdefault("GLOG_minloglevel", "3")
    os.environ[_MARK] = "1"  # child processes inherit the choice
    if filter_native:
        install_native_filter()
    return True


def is_noise(line: bytes) -> bool:
    stripped = line.strip()
    return bool(_NATIVE_LINE.match(stripped)) or any(stripped.startswith(n) for n in _NOISE)


def install_native_filter() -> bool:
    """Route file descriptor 2 through a thread that drops TensorFlow's log lines.

    Python's ``sys.stderr`` is re-pointed at the original terminal first.
    Returns False where it cannot (no fd 2, not a POSIX system)."""
    global _installed
    with _lock:
        if _installed:
            return True
        if os.name != "posix":
            return False
        try:
            original = os.dup(2)
        except OSError:
            return False
        try:
            sys.stderr.flush()
        except (AttributeError, ValueError, OSError):
            pass
        # Python's own writes bypass the filter: same terminal, same buffering
        try:
            sys.stderr = os.fdopen(os.dup(original), "w", buffering=1, encoding="utf-8",
                                   errors="backslashreplace")
        except OSError:
            os.close(original)
            return False
        read_end, write_end = os.pipe()
        os.dup2(write_end, 2)
        os.close(write_end)
        pump = threading.Thread(target=_pump, args=(read_end, original), name="native-stderr-filter",
                                daemon=True)
        pump.start()
        atexit.register(_drain, original, pump)
        _installed = True
        return True


def _drain(original: int, pump: threading.Thread) -> None:
    """At exit: give fd 2 back to the terminal, so the pipe ends and the lines
    still in it are passed on before the process goes."""
    try:
        os.dup2(original, 2)
    except OSError:
        return
    pump.join(timeout=2.0)


def _pump(read_end: int, out: int) -> None:
    pending = b""
    while True:
        try:
            chunk = os.read(read_end, 65536)
        except OSError:
            return
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        kept = b"".join(line + b"\n" for line in lines if not is_noise(line))
        if kept:
            _write_all(out, kept)
    if pending and not is_noise(pending):
        _write_all(out, pending)


def _write_all(fd: int, data: bytes) -> None:
    while data:
        try:
            n = os.write(fd, data)
        except OSError:
            return
        data = data[n:]

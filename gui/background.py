"""Work off the GUI thread, answers on it: the one way the editor runs
something slow (loading data, importing TensorFlow, building or saving a
Keras model, reading a checkpoint, watching a child process).

``run(fn, on_done, parent=widget)`` calls ``fn()`` on a new worker thread
and later calls ``on_done(result, error)`` on the GUI thread: ``error`` is
``""`` when ``fn`` returned, else a readable message (an engine error's
message and hint; a file error's path and reason; an unexpected exception's
first line; its traceback goes to stderr only with ``NEUROCANVAS_DEBUG=1``).
Nothing raises into the event loop.

- **Progress and cancel.** With ``with_task=True`` the function is called as
  ``fn(task)``: ``task.progress(*values)`` calls ``on_progress(*values)`` on
  the GUI thread, and ``task.cancelled`` turns true when the job is
  cancelled. ``Job.cancel()`` means "no answer any more": ``on_done`` and
  ``on_progress`` are not called after it, whatever the thread does.
- **Receiver gone.** The job is a child of ``parent``; when ``parent`` is
  destroyed before the thread ends, nothing is delivered (the callbacks are
  never called on a dead widget).
- **TensorFlow.** With ``tensorflow=loader`` (a
  :class:`gui.tensorflow_loader.TensorFlowLoader`) the thread starts once
  TensorFlow has loaded; if it cannot load, ``on_done`` gets that as the
  error.
- **Any thread to the GUI thread.** ``post(receiver, fn, *args)`` calls
  ``fn(*args)`` on the GUI thread unless ``receiver`` is gone by then: the
  training thread, which lives as long as its run, delivers its events this
  way (`gui.training.event_bridge`).
- **Newest only.** :class:`Worker` is a lane of jobs for things like
  previews: each request cancels the one before, so an answer that arrives
  late never replaces a newer one.

How the answers travel: one relay object, made on the GUI thread and kept
for the life of the program, has a signal the worker threads emit; Qt queues
it to the GUI thread, where the relay finds the job and calls its
callbacks. A worker thread never touches the job or its parent, and hands
its last references (the function, the result) over to the GUI thread, so no
Qt object is ever freed off its own thread.

Example::

    job = run(lambda: load(path), self._loaded, parent=self)
    job.cancel()            # the person changed their mind: _loaded is not called

    lane = Worker(self)     # newest only
    lane.run(lambda: preview(settings), self._previewed)
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import traceback

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

_DONE, _FAILED, _PROGRESS, _CALL = "done", "failed", "progress", "call"


def describe_error(exc: BaseException) -> tuple[str, str]:
    """``(message, hint)`` of an exception, never a traceback.

    Example:
        >>> describe_error(ValueError("bad value\\nmore lines"))
        ('bad value', '')
        >>> describe_error(KeyError())
        ('KeyError', '')
        >>> describe_error(FileNotFoundError(2, "No such file or directory", "/x/y.keras"))
        ('/x/y.keras: No such file or directory', '')
    """
    message = getattr(exc, "message", None)
    if not message and isinstance(exc, OSError) and exc.strerror:
        message = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    if not message:
        lines = str(exc).strip().splitlines()
        message = lines[0] if lines else type(exc).__name__
    return str(message), str(getattr(exc, "hint", "") or "")


def error_text(exc: BaseException) -> str:
    """One readable line: the message, then `` — hint`` when there is one, in the
    interface's language (an engine sentence is looked up in the translation)."""
    from gui.i18n import tx

    message, hint = describe_error(exc)
    if getattr(exc, "message", None):
        message = tx(exc.message)
    if hint:
        hint = tx(exc.hint)
    return message + (f" — {hint}" if hint else "")


class Task:
    """What the worker thread sees of its job: ``progress`` and ``cancelled``."""

    def __init__(self, job_id: int, fn, with_task: bool):
        self.id = job_id
        self.fn = fn
        self.with_task = with_task
        self.handoff = threading.Lock()
        self.ended = threading.Event()
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, *values) -> None:
        """Report progress (any values); ``on_progress(*values)`` runs on the GUI thread."""
        if not self.cancelled:
            _emit(self.id, _PROGRESS, values, None)


class _Relay(QObject):
    """Carries every answer from the worker threads to the GUI thread."""

    delivered = Signal(int, str, object, object)  # job id, kind, payload, task (last reference)

    def __init__(self):
        super().__init__()
        self.jobs: dict[int, Job] = {}
        self.delivered.connect(self._dispatch)  # queued: emitted from worker threads

    def _dispatch(self, job_id: int, kind: str, payload, task) -> None:
        if kind == _CALL:
            receiver, fn, args = payload
            if shiboken6.isValid(receiver):
                fn(*args)
            return
        if task is not None:
            with task.handoff:  # the worker has let go of the function and the result
                pass
        job = self.jobs.get(job_id) if kind == _PROGRESS else self.jobs.pop(job_id, None)
        if job is None or not shiboken6.isValid(job) or job.cancelled:
            return
        job._deliver(kind, payload)


_relay_object: _Relay | None = None
_relay_lock = threading.Lock()


def _relay() -> _Relay:
    """The relay, made on first use and living on the GUI thread."""
    global _relay_object
    with _relay_lock:
        if _relay_object is None or not shiboken6.isValid(_relay_object):
            relay = _Relay()
            app = QCoreApplication.instance()
            if app is not None and relay.thread() != app.thread():
                relay.moveToThread(app.thread())
            _relay_object = relay
        return _relay_object


def post(receiver: QObject, fn, *args) -> None:
    """Call ``fn(*args)`` on the GUI thread unless ``receiver`` (the object
    ``fn`` belongs to) has been destroyed by then: queued from any other
    thread, at once on the GUI thread itself. The training thread hands its
    events over this way."""
    _emit(0, _CALL, (receiver, fn, args), None)


def _emit(job_id: int, kind: str, payload, task) -> None:
    if QCoreApplication.instance() is None:  # the application is gone: nobody to tell
        return
    relay = _relay()
    try:
        relay.delivered.emit(job_id, kind, payload, task)
    except RuntimeError:  # the application is gone: nobody to tell
        pass


def _work(task: Task) -> None:
    """Worker thread: run the function and send the answer, with the last
    references to the function and the result, to the GUI thread."""
    handoff = task.handoff
    handoff.acquire()
    try:
        fn, task.fn = task.fn, None
        try:
            result = fn(task) if task.with_task else fn()
            kind, payload = _DONE, result
        except Exception as exc:  # noqa: BLE001  (delivered as a message)
            if os.environ.get("NEUROCANVAS_DEBUG"):  # for whoever debugs it
                traceback.print_exc(file=sys.stderr)
            kind, payload = _FAILED, error_text(exc)
        _emit(task.id, kind, (payload, fn), task)
        del fn, payload
        task.ended.set()
        del task
        result = None  # noqa: F841  (the exception itself goes with its except block)
    finally:
        handoff.release()


class Job(QObject):
    """One piece of work. Made by :func:`run`."""

    _ids = itertools.count(1)

    def __init__(self, fn, on_done=None, *, parent=None, on_progress=None, with_task=False,
                 tensorflow=None, name: str = "neurocanvas-background"):
        super().__init__(parent)
        self.id = next(Job._ids)
        self.on_done = on_done
        self.on_progress = on_progress
        self.name = name
        self.tensorflow = tensorflow
        self._connected = False
        self.cancelled = False
        self.done = False          # the answer was delivered (or the job was cancelled)
        self.started = False       # the thread was started
        self.result = None
        self.error = ""
        self.task = Task(self.id, fn, with_task)

    # ------------------------------------------------------------ GUI thread --
    def start(self) -> "Job":
        """Start (call from the GUI thread); returns the job."""
        _relay().jobs[self.id] = self
        loader = self.tensorflow
        if loader is None or loader.state == "ready":
            self._start_thread()
        elif loader.state == "failed":  # said from the event loop, like every answer
            error = loader.error
            QTimer.singleShot(0, self, lambda: self._tensorflow_failed(error))
        else:
            loader.failed.connect(self._tensorflow_failed)
            self._connected = True
            loader.when_ready(self._start_thread)
        return self

    def _start_thread(self) -> None:
        if not shiboken6.isValid(self):  # its parent is gone while TensorFlow loaded
            _relay().jobs.pop(self.id, None)
            return
        self._forget_loader()
        if self.cancelled or self.started:
            return
        self.started = True
        threading.Thread(target=_work, args=(self.task,), name=self.name, daemon=True).start()

    def _tensorflow_failed(self, message: str) -> None:
        if not shiboken6.isValid(self):
            _relay().jobs.pop(self.id, None)
            return
        self._forget_loader()
        if self.cancelled or self.started:
            return
        _relay().jobs.pop(self.id, None)
        self.task.ended.set()
        self._deliver(_FAILED, (QCoreApplication.translate("Job", "TensorFlow could not be loaded: {reason}")
                                .format(reason=message), None))


    def _forget_loader(self) -> None:
        loader, self.tensorflow = self.tensorflow, None
        if loader is not None and self._connected:
            self._connected = False
            try:
                loader.failed.disconnect(self._tensorflow_failed)
            except (RuntimeError, TypeError):  # never connected
                pass

    def cancel(self) -> None:
        """No answer any more; the function sees ``task.cancelled``. A thread
        already running is not interrupted (Python cannot), only ignored."""
        if self.done:
            return
        self.cancelled = self.done = True
        self.task._cancel.set()
        if not self.started:
            _relay().jobs.pop(self.id, None)
            self.task.ended.set()
        self.setParent(None)  # nothing to deliver: freed when the caller lets go of it

    @property
    def running(self) -> bool:
        """Started and not yet ended on its thread."""
        return self.started and not self.task.ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the thread has ended (not for the delivery); True if it has."""
        if not self.started:
            return self.task.ended.is_set() or self.cancelled
        return self.task.ended.wait(timeout)

    def _deliver(self, kind: str, payload) -> None:
        if kind == _PROGRESS:
            if self.on_progress is not None:
                self.on_progress(*payload)
            return
        value, _fn = payload
        self.done = True
        self.setParent(None)  # answered: freed when the caller lets go of it
        if kind == _DONE:
            self.result, error = value, ""
        else:
            self.result, error = None, value
        self.error = error
        if self.on_done is not None:
            self.on_done(self.result, error)


def run(fn, on_done=None, *, parent=None, on_progress=None, with_task: bool = False,
        tensorflow=None, name: str = "neurocanvas-background") -> Job:
    """Start ``fn`` on a worker thread (see the module's description); call
    from the GUI thread. Returns the :class:`Job`."""
    return Job(fn, on_done, parent=parent, on_progress=on_progress, with_task=with_task,
               tensorflow=tensorflow, name=name).start()


class Worker(QObject):
    """A lane of jobs of which only the newest answers:
    ``Worker(parent).run(fn, on_done)`` cancels the request before it.

    ``busy`` is true while the newest request has not answered.
    """

    def __init__(self, parent=None, tensorflow=None, name: str = "neurocanvas-worker"):
        super().__init__(parent)
        self.tensorflow = tensorflow
        self.name = name
        self.job: Job | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    def run(self, fn, on_done, **options) -> Job:
        self.cancel()
        options.setdefault("tensorflow", self.tensorflow)
        options.setdefault("name", self.name)
        self.job = run(fn, on_done, parent=self, **options)
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None


__all__ = ["Job", "Task", "Worker", "describe_error", "error_text", "post", "run"]

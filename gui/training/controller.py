"""Starts, pauses, resumes, stops and continues training for the open
document, without ever blocking the GUI thread.

Starting a run goes through three steps, each off the GUI thread: wait for
TensorFlow (``gui.tensorflow_loader``), load and preprocess the data on a
worker thread (``gui.background``), then hand the model factory to the
`Trainer`, which builds the Keras model and fits it on its own thread. Every step reports a state
and a readable message; nothing raises into the event loop.

Where runs are recorded: a saved document's in ``DOC.runs`` beside it; an
unsaved document's in a scratch folder of its own under the editor's data
folder (`scratch_runs_folder`), so a first run of the untitled network is
listed, compared and exported like any other. When the document is saved
(`Document.saved`), its finished scratch runs move beside the file. A run
still training at that moment keeps writing where it started and moves as
soon as it ends (stopped, finished or failed); the recorder and the trainer
then write to the new place, so continuing the run goes on there. Scratch
folders left behind (a document closed without saving) are removed once
nothing has written to them for a week, when a new one is made.

A recorded run is continued with `resume_run` (the runs table's Resume): its
checkpoint is loaded on a worker thread, the curves recorded so far are
replayed into the panels, and training goes on in place with the optimizer
state and the schedule's step. Closing the window while a run trains asks
first (`confirm_close`): stopping waits for the run to end, so the
checkpoint written on the way out is complete before the program exits.
"""

from __future__ import annotations

import sys
import weakref
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from engine.events import EventKind
from gui import background
from gui.background import describe_error as _describe_english
from gui.i18n import tx
from gui.training import sections
from gui.training.event_bridge import EventBridge

# Controller states (the trainer's own states while it runs).
IDLE, WAITING_TF, PREPARING, RUNNING, PAUSED, STOPPING = (
    "idle", "waiting for TensorFlow", "preparing", "running", "paused", "stopping")
FINISHED, STOPPED, FAILED = "finished", "stopped", "failed"
ENDED = (FINISHED, STOPPED, FAILED)
SWITCH_INTERVAL = 0.001  # seconds; see TrainingController._prepare


_scratch_folders: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def scratch_runs_folder(doc, create: bool = True) -> Path | None:
    """The scratch runs folder of an unsaved document: one per document for the
    life of the program (the path is chosen here, the folder is made by the
    first run). ``None`` for a saved document, or when ``create`` is false and
    none was chosen yet."""
    if doc is None or getattr(doc, "path", None) is not None and doc not in _scratch_folders:
        return None
    folder = _scratch_folders.get(doc)
    if folder is None and create:
        from engine.training.runs import new_scratch_folder
        from gui import app_paths

        folder = new_scratch_folder(app_paths.scratch_runs_dir(), doc.network.name)
        _scratch_folders[doc] = folder
    return folder


def document_runs_folders(doc) -> list[Path]:
    """Every folder holding runs of ``doc``: ``DOC.runs`` beside a saved
    document, and its scratch folder while one exists (runs of an unsaved
    document, or a run that was still training when it was first saved)."""
    from engine.training.runs import runs_folder

    out = []
    if doc is not None and getattr(doc, "path", None) is not None:
        out.append(runs_folder(doc.path))
    scratch = scratch_runs_folder(doc, create=False)
    if scratch is not None and scratch.is_dir():
        out.append(scratch)
    return out


def has_unsaved_runs(doc) -> bool:
    """Whether runs of ``doc`` are only in its scratch folder (the document was never saved)."""
    scratch = scratch_runs_folder(doc, create=False)
    return bool(doc is not None and doc.path is None and scratch is not None
                and scratch.is_dir() and any(p.is_dir() for p in scratch.iterdir()))


class TrainingController(QObject):
    """The run of the open document.

    Signals:
        state_changed(state): one of the states above.
        message(text, level): a line for the run panel ("info", "warning", "error").
        trainer_created(trainer): a new trainer exists (before it starts).
        prepared(dataset): the data of the run is loaded.
    """

    state_changed = Signal(str)
    message = Signal(str, str)
    trainer_created = Signal(object)
    prepared = Signal(object)

    def __init__(self, tensorflow=None, parent=None):
        super().__init__(parent)
        self.tensorflow = tensorflow
        self.bridge = EventBridge(self, min_interval_ms=250)
        self.bridge.event.connect(self._on_event)
        self.doc = None
        self.trainer = None
        self.session = None
        self.dataset = None
        self.run_record = None
        self.state = IDLE
        self.insights: dict = {}
        self.feature_layers: list[str] = []
        self._unsubscribe = None
        self._pending_epochs = None
        self._resume_epochs = None
        self.ask_close = self._ask_close   # replaceable (tests answer without a dialog)
        self.job: background.Job | None = None   # the preparation of the run (worker thread)

    # ---------------------------------------------------------------- document --
    def set_document(self, doc) -> None:
        """Follow another document; a run of the previous one is stopped."""
        if self.doc is doc:
            return
        if self.trainer is not None and self.trainer.running:
            self.trainer.stop()
        self._detach()
        if self.doc is not None:
            try:
                self.doc.saved.disconnect(self._document_saved)
            except (RuntimeError, TypeError):  # already gone
                pass
        self.doc = doc
        if doc is not None and hasattr(doc, "saved"):
            doc.saved.connect(self._document_saved)
        self.trainer = None
        self.session = None
        self.dataset = None
        self.run_record = None
        self._set_state(IDLE)

    def _detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # ---------------------------------------------------------------- state --
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
        self.state_changed.emit(state)

    @property
    def busy(self) -> bool:
        return self.state in (WAITING_TF, PREPARING, RUNNING, PAUSED, STOPPING)

    @property
    def can_continue(self) -> bool:
        return self.trainer is not None and self.state in ENDED and bool(self.trainer.epochs) \
            and not self.trainer.running

    # ---------------------------------------------------------------- controls --
    def start(self) -> bool:
        """Start a new run of the document with its data and training settings."""
        if self.doc is None or self.busy:
            return False
        report = self.doc.report()
        if not report.valid:
            first = report.errors[0]
            self._fail(self.tr("The network has errors; fix them first: {problem}").format(
                problem=tx(first.message)), tx(getattr(first, "hint", "")))
            return False
        if self.trainer is not None and self.trainer.running:
            return False
        if not self._code_trusted(self.start):
            return False  # the trust prompt is open; it starts the run once trusted
        self._detach()
        self.trainer = None
        self.run_record = None
        self._pending_epochs = None
        self._resume_epochs = None
        return self._when_tensorflow_ready(self._prepare)

    def _code_trusted(self, retry) -> bool:
        """Whether the document's custom layers (if any) have code the person trusted;
        otherwise ask (gui.trust_dialog) and call ``retry`` once they do."""
        from engine.trust import lambda_nodes, opaque_classes

        if not opaque_classes(self.doc.network) and not lambda_nodes(self.doc.network):
            return True
        from PySide6.QtWidgets import QApplication, QWidget

        from gui.trust_dialog import gate

        parent = self.parent()
        while parent is not None and not isinstance(parent, QWidget):
            parent = parent.parent()
        return gate(parent or QApplication.activeWindow(), self.doc, retry)

    def continue_training(self, epochs: int | None = None) -> bool:
        """Train the same model for ``epochs`` more (the settings' epochs by default)."""
        if not self.can_continue:
            return False
        epochs = int(epochs or self.trainer.settings.epochs)
        try:
            if self.session is not None:
                self.session.start(epochs)   # holds the run folder again, then starts
            else:
                self.trainer.start(epochs=epochs)
        except Exception as exc:  # e.g. still running, or another program holds the run
            self._fail(*describe_error(exc))
            return False
        self._set_state(RUNNING)
        self.message.emit(self.tr("Continuing for 1 more epoch…") if epochs == 1 else
                          self.tr("Continuing for {epochs} more epochs…").format(epochs=epochs), "info")
        return True

    def pause(self) -> None:
        if self.trainer is not None and self.state == RUNNING:
            self.trainer.pause()
            self.message.emit(self.tr("Pausing after this batch…"), "info")

    def resume(self) -> None:
        if self.trainer is not None and self.state == PAUSED:
            self.trainer.resume()

    def stop(self) -> None:
        if self.state in (WAITING_TF, PREPARING):
            self._cancelled = True
            if self.job is not None:
                self.job.cancel()
            self._set_state(STOPPED)
            self.message.emit(self.tr("Cancelled before training started."), "info")
            return
        if self.trainer is not None and self.state in (RUNNING, PAUSED):
            self.trainer.stop()
            self._set_state(STOPPING)
            self.message.emit(self.tr("Stopping after this batch…"), "info")

    def resume_run(self, run, epochs: int | None = None, network=None) -> bool:
        """Continue the recorded run ``run`` (a `RunRecord` or folder) from
        its checkpoint: for ``epochs`` more, by default the epochs it had
        left (or its settings' epochs when it had reached its end). With
        ``network`` (an edited `Network`), the run goes on as a new segment
        with it (`engine.training.segments`)."""
        if self.doc is None or self.busy:
            self.message.emit(self.tr("A run is going; stop it before resuming another."), "warning")
            return False
        from engine.training.runs import load_run

        try:
            record = run if hasattr(run, "checkpoint") else load_run(run)
        except Exception as exc:
            self._fail(*describe_error(exc))
            return False
        if epochs is None:
            done = int((record.checkpoint or {}).get("epoch") or 0)
            left = int(record.info.get("target_epochs") or 0) - done
            epochs = left if left > 0 else None
        self._detach()
        self.trainer = None
        self.run_record = None
        self._resume_epochs = epochs
        path = record.path
        return self._when_tensorflow_ready(lambda: self._prepare_resume(path, network))

    def _when_tensorflow_ready(self, prepare) -> bool:
        """Run ``prepare`` now, or once TensorFlow has loaded; False if it cannot load."""
        if self.tensorflow is not None and self.tensorflow.state != "ready":
            self._set_state(WAITING_TF)
            self.message.emit(self.tr("Waiting for TensorFlow to load…"), "info")
            if self.tensorflow.state == "failed":
                self._fail(self.tr("TensorFlow could not be loaded: {error}").format(
                    error=tx(self.tensorflow.error)),
                    self.tr("Check the installation; the editor works without it."))
                return False
            self.tensorflow.when_ready(prepare)
            return True
        prepare()
        return True

    def _prepare_resume(self, path, network=None) -> None:
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self._cancelled = False
        self._set_state(PREPARING)
        self.message.emit(self.tr("Loading the checkpoint of {run}…").format(run=Path(path).name), "info")
        insights = dict(self.insights)
        if self.feature_layers:
            insights["feature_layers"] = list(self.feature_layers)
        if network is not None:  # a copy (weights included) taken here: the canvas may change meanwhile
            network = network.copy()
        self.job = background.run(lambda: _resume_worker(path, insights, network),
                                  self._on_prepared, parent=self, name="neurocanvas-resume")

    def _segments(self) -> list:
        recorder = getattr(self.session, "recorder", None)
        return list((recorder.info if recorder is not None else {}).get("segments") or [])

    def _replay(self, trainer, epochs: int | None) -> None:
        """Show a resumed run's recorded curves before it goes on, as the
        events that drew them (marked ``replay``)."""
        if not trainer.epochs and not trainer.batches:
            return
        lrs = [b.get("lr") for b in trainer.batches]
        self.bridge.event.emit(EventKind.STARTED, {
            "replay": True, "steps_per_epoch": trainer.steps_per_epoch,
            "epochs": trainer.epochs_done + int(epochs or trainer.settings.epochs),
            "initial_epoch": 0, "initial_step": 0,
            "planned_lr": [v for v in lrs if v is not None],
            "segments": self._segments()})
        if trainer.batches:
            self.bridge.event.emit(EventKind.BATCH, {"replay": True, "points": list(trainer.batches),
                                             "last": trainer.batches[-1]})
        for e in trainer.epochs:
            self.bridge.event.emit(EventKind.EPOCH, {"replay": True, **e})

    # ---------------------------------------------------------------- closing --
    def confirm_close(self) -> bool:
        """Whether the window may close: while a run trains, ask (stop it and
        keep a checkpoint, or cancel); stopping waits until the run has ended
        and its files are written."""
        training = self.trainer is not None and self.trainer.running
        if not training and self.state not in (WAITING_TF, PREPARING):
            return True
        if self.ask_close() != "stop":
            return False
        self.stop_and_wait()
        return True

    def stop_and_wait(self, timeout: float | None = 120.0) -> None:
        """Stop the run and wait for its end (the checkpoint of the epoch it
        was in is written by then)."""
        if self.state in (WAITING_TF, PREPARING):
            self.stop()
            return
        t = self.trainer
        if t is not None and t.running:
            t.stop()
            t.wait(timeout)

    def _ask_close(self) -> str:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("A run is training"))
        box.setText(self.tr("A run is training. Stop it and keep a checkpoint to resume it later?"))
        box.setInformativeText(self.tr("The run can be resumed from the Runs table."))
        stop = box.addButton(self.tr("Stop and keep a checkpoint"), QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(stop)
        box.exec()
        return "stop" if box.clickedButton() is stop else "cancel"

    def request_feature_maps(self, layer_names: list[str]) -> bool:
        """Ask the running trainer for the activations of these layers now."""
        self.feature_layers = list(layer_names)
        t = self.trainer
        if t is None or t.model is None or not layer_names:
            return False
        names = list(layer_names)

        def said(_result, error: str) -> None:
            if error:  # a layer the model lacks: say so, keep running
                self.message.emit(error, "warning")

        if t.running:   # served by the training thread at the next batch
            try:
                t.request_feature_maps(names)
            except Exception as exc:
                said(None, background.error_text(exc))
        else:           # computed now: on a worker thread, never on the GUI thread
            background.run(lambda: t.request_feature_maps(names), said, parent=self,
                           name="neurocanvas-maps")
        return True

    # ---------------------------------------------------------------- preparing --
    def _prepare(self) -> None:
        if self.doc is None:
            return
        # The GUI thread paints in Python while the trainer's thread needs the
        # GIL briefly around every step: a short switch interval keeps it from
        # waiting behind a paint (Python's default is 5 ms).
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self._cancelled = False
        self._set_state(PREPARING)
        self.message.emit(self.tr("Loading the data…"), "info")
        net = self.doc.network.copy()
        path = self.doc.path
        scratch = scratch_runs_folder(self.doc) if path is None else None
        insights = dict(self.insights)
        if self.feature_layers:
            insights["feature_layers"] = list(self.feature_layers)
        self.job = background.run(lambda: _prepare_worker(net, path, insights, scratch),
                                  self._on_prepared, parent=self, name="neurocanvas-prepare")

    def _on_prepared(self, prepared, error: str) -> None:
        """GUI thread: the run's session is made (or why not)."""
        if getattr(self, "_cancelled", False):
            return
        if error:
            self._fail(error)
            return
        if isinstance(prepared, BaseException):   # the worker's error, said in the interface's language
            self._fail(*describe_error(prepared))
            return
        dataset, (session, record) = prepared
        trainer = session.trainer
        self.session = session
        self.dataset = dataset
        self.trainer = trainer
        self.run_record = record
        self._unsubscribe = self.bridge.attach(trainer)
        self.prepared.emit(dataset)
        self.trainer_created.emit(trainer)
        epochs, self._resume_epochs = self._resume_epochs, None
        if trainer.epochs:  # a resumed run: its curves so far, then it goes on
            self._replay(trainer, epochs)
        try:
            if not trainer.running and trainer.state == "idle":
                session.start(epochs)
        except Exception as exc:
            self._fail(*describe_error(exc))
            return
        self._set_state(RUNNING)
        self.message.emit(self.tr("Training…"), "info")

    def _fail(self, message: str, hint: str = "") -> None:
        self._set_state(FAILED)
        self.message.emit(message + (f" — {hint}" if hint else ""), "error")

    # ---------------------------------------------------------------- run folders --
    def _document_saved(self, _path=None) -> None:
        self.adopt_scratch_runs(current_ended=not self.busy)

    def adopt_scratch_runs(self, current_ended: bool = True) -> list:
        """Move the scratch runs of the document, now saved, beside it; returns
        ``[(old, new)]``. While a run is going (``current_ended`` false) only
        runs that have ended move; the others follow when they end."""
        doc = self.doc
        scratch = scratch_runs_folder(doc, create=False)
        if doc is None or doc.path is None or scratch is None or not scratch.is_dir():
            return []
        from engine.training.runs import (
            ENDED_STATUSES, RunError, list_runs, move_runs, runs_folder,
        )

        try:
            skip = [] if current_ended else [
                r.path for r in list_runs(scratch) if r.status not in ENDED_STATUSES]
            moved = move_runs(scratch, runs_folder(doc.path), skip=skip, document=doc.path)
        except RunError as exc:  # what could not move stays where it is, still listed
            self.message.emit(" — ".join(tx(p) for p in (exc.message, exc.hint) if p), "warning")
            moved = list(getattr(exc, "moved", []))
        except OSError as exc:
            self.message.emit(self.tr("Cannot move the runs of the unsaved document from {folder}: "
                                      "{error}").format(folder=scratch, error=exc.strerror or exc),
                              "warning")
            moved = []
        recorder = self.session.recorder if self.session is not None else None
        for old, new in moved:
            if recorder is not None and Path(recorder.path) == old:
                recorder.relocate(new, document=doc.path)
        return moved

    # ---------------------------------------------------------------- events --
    def _on_event(self, kind, data) -> None:
        handler = self._EVENT_HANDLERS.get(kind)
        if handler is None:
            return
        ended = kind in ENDED
        if ended:
            # the recorder wrote the end of the run before this event reached us
            self.adopt_scratch_runs(current_ended=True)
        handler(self, data)
        if ended:
            self._after_thread_ends()

    def _on_started(self, data) -> None:
        self._set_state(RUNNING)
        diff = (getattr(self.session, "segment", None) or {}).get("diff")
        if diff is not None and not data.get("replay") \
                and not self.session.segment.get("shown"):
            # a new segment with the edited network: the curves get its marker
            self.session.segment["shown"] = True
            self.bridge.event.emit(EventKind.SEGMENTS, {"segments": self._segments()})
            self.message.emit(self.tr("Segment {number} with the edited network — {changes}.").format(
                number=len(self._segments()), changes=tx(diff.describe())), "info")

    def _on_paused(self, data) -> None:
        self._set_state(PAUSED)
        self.message.emit(self.tr("Paused at step {step}.").format(step=data.get("step", "?")), "info")

    def _on_resumed(self, data) -> None:
        self._set_state(RUNNING)
        self.message.emit(self.tr("Training…"), "info")

    def _on_finished(self, data) -> None:
        self._set_state(FINISHED)
        self.message.emit(self.tr("Finished after {epochs} epochs.").format(
            epochs=data.get("epochs_run", "?")), "info")

    def _on_stopped(self, data) -> None:
        self._set_state(STOPPED)
        level = "error" if data.get("code") == "nan" else "info"
        self.message.emit(_reason(data), level)

    def _on_failed(self, data) -> None:
        self._set_state(FAILED)
        self.message.emit(_reason(data), "error")

    _EVENT_HANDLERS = {
        EventKind.STARTED: _on_started, EventKind.PAUSED: _on_paused,
        EventKind.RESUMED: _on_resumed, EventKind.FINISHED: _on_finished,
        EventKind.STOPPED: _on_stopped, EventKind.FAILED: _on_failed,
    }

    def _after_thread_ends(self) -> None:
        """Say the state once more when the training thread has really ended
        (the final event arrives a moment before), so Continue and Resume,
        which need it ended, are offered."""
        from PySide6.QtCore import QTimer

        t = self.trainer
        if t is None or self.state not in ENDED:
            return
        if t.running:
            QTimer.singleShot(20, self, self._after_thread_ends)
            return
        self._set_state(self.state)
        then, self._then = getattr(self, "_then", None), None
        if then is not None:
            then()

    def stop_then(self, then) -> None:
        """Stop the run (its epoch ends and is checkpointed) and call ``then``
        once its thread has ended (Continue with an edited network while paused)."""
        self._then = then
        self.stop()


def describe_error(exc: BaseException) -> tuple[str, str]:
    """``(message, hint)`` of an exception in the interface's language (the
    engine's sentences through ``tx``), never a traceback."""
    message, hint = _describe_english(exc)
    said = getattr(exc, "message", None)
    if said:
        message = tx(said)
    hint = tx(getattr(exc, "hint", None) or "") or hint
    return str(message), str(hint)


class Failed:
    """An exception a worker thread caught, said on the GUI thread (`settle`)."""

    def __init__(self, exc: BaseException):
        self.exc = exc


def catching(fn):
    """``fn`` for a worker thread that returns its exception (as `Failed`)
    instead of raising it, so the GUI thread says it in the interface's language."""
    def run():
        try:
            return fn()
        except Exception as exc:
            return Failed(exc)
    return run


def settle(result, error: str):
    """``(result, error)`` of a worker's answer: a caught exception becomes its
    line (message — hint) in the interface's language."""
    if isinstance(result, Failed):
        message, hint = describe_error(result.exc)
        return None, message + (f" — {hint}" if hint else "")
    return result, error


def _reason(data: dict) -> str:
    reason = tx(data.get("reason") or "")
    hint = tx(data.get("hint") or "")
    return reason + (f" — {hint}" if hint else "")


def _prepare_worker(net, path, insights, scratch=None):
    """Worker thread: everything that may take a while before the trainer
    exists; ``(dataset, (session, run record))``."""
    if scratch is not None and not scratch.exists():
        _remove_stale_scratch(scratch)
    try:
        session, dataset, record = make_trainer(net, path, insights, runs_root=scratch)
    except Exception as exc:  # handed to the GUI thread, which says it in the interface's language
        return exc
    return dataset, (session, record)


def _resume_worker(path, insights, network=None):
    """Worker thread: the session of a recorded run, from its checkpoint."""
    from engine.training.resume import resume_training

    try:
        session = resume_training(path, network=network, insights=insights)
    except Exception as exc:  # handed to the GUI thread, which says it in the interface's language
        return exc
    return session.dataset, (session, session.run)


def _remove_stale_scratch(keep: Path) -> None:
    """Remove old scratch folders beside ``keep``: those of documents closed
    unsaved a week ago (never one of a program still running, this one included)."""
    from engine.training.runs import remove_stale_scratch

    try:
        remove_stale_scratch(keep.parent, keep=[keep])
    except OSError:
        pass  # cleaning up is never a reason not to train


def make_trainer(net, document_path=None, insights: dict | None = None, runs_root=None):
    """``(session, dataset, run record or None)`` for a copy of the document's
    network, its data and its training settings (worker thread; Qt-free).

    ``engine.training.session.prepare_training`` does the work: it loads the
    data, checks it against the model and the losses, and records the run
    next to a saved document, or under ``runs_root`` (the scratch folder of
    an unsaved one). The session is not started.
    """
    from engine.training.session import prepare_training

    kwargs = {}
    if insights is not None:
        kwargs["insights"] = insights
    if runs_root is not None and document_path is None:
        kwargs["runs_root"] = runs_root
    session = prepare_training(net, document_path, sections.data_overrides(net) or None, **kwargs)
    return session, session.dataset, session.run

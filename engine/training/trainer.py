"""`Trainer`: ``model.fit`` on a background thread, reported as events.

A GUI panel or the CLI subscribes to the trainer and receives typed
events (engine.events): ``started`` (steps per epoch, the planned learning
rate of every step), one ``batch`` per batch (the full series is also kept in
``trainer.batches``), ``epoch``, ``paused``/``resumed``, the insights, and
one final ``finished``, ``stopped`` or ``failed`` with a readable reason.
Nothing is merged or dropped here: subscribers are called on the training
thread with every event; a GUI forwards them to its own thread, coalescing
them there (see engine.events for the one path to the screen).
`Trainer.emit` is public, for code that runs beside the fit (the LR finder,
the insights) and reports through the same subscribers.

Failures never reach the caller as exceptions: a loss that runs away is
stopped by the divergence guard (``code="divergence"``, the weights of the
best epoch restored; see engine.training.divergence); a NaN or infinite loss
stops the run and restores the weights of the last good epoch (the best
one when the guard is on); an exception in data or model code ends the run
as ``failed`` with its message; running out of memory says so and suggests
a smaller batch; a subscriber that cannot go on (the run recorder on a full
disk) ends it as ``failed`` through `Trainer.abort`. A program that exits
while a run trains stops it and waits for its end first.

Example::

    import keras
    from engine.data import load_dataset
    model = keras.Sequential([keras.Input((4,)),
                              keras.layers.Dense(3, activation="softmax")])
    t = Trainer(model, load_dataset("iris"), {"epochs": 5})
    t.subscribe(lambda e: print(e.kind))   # started, batch…, epoch…, finished
    t.start()
    t.wait()
"""

from __future__ import annotations

import atexit
import errno
import threading
import time
import traceback
import weakref
from typing import Any, Callable

import numpy as np

from engine.errors import Diagnostic
from engine.events import EventKind, TrainingEvent, training_event
from engine.i18n import N_, msg

IDLE, RUNNING, PAUSED, STOPPING = "idle", "running", "paused", "stopping"
FINISHED, STOPPED, FAILED = "finished", "stopped", "failed"

_ALIVE: "weakref.WeakSet[Trainer]" = weakref.WeakSet()


@atexit.register
def _stop_at_exit(timeout: float = 120.0) -> None:
    """A program that exits while a run trains (its thread is a daemon)
    stops the run and waits for its end first, so the checkpoint and record
    written on the way out are complete: saving while the interpreter shuts
    down fails in odd ways ("TypeError: Operation not defined for data type")."""
    for trainer in list(_ALIVE):
        if trainer.running:
            trainer.stop()
            trainer.wait(timeout)


class Trainer:
    """Train a Keras model on a `Dataset` in the background.

    Args:
        model: a Keras model, or a function that returns one (called on the
            training thread, so heavy imports stay off the caller's thread).
        dataset: an ``engine.data.Dataset`` (already preprocessed).
        settings: a `TrainingSettings` or its dict.
        augmentation: ``engine.data.AugmentationSettings`` (or dict) applied
            to training batches, or ``None``.
        run_dir: where callbacks write their files (checkpoints, CSV log).
        compile: compile the model from ``settings.compile``; ``False``
            keeps the model's own compile state.
        insights: ``engine.training.insights.InsightSettings`` (or dict):
            feature maps, filters, histograms… emitted at epoch end; ``None``
            for none (``request_feature_maps`` still works).
    """

    def __init__(self, model, dataset, settings=None, augmentation=None,
                 run_dir: str | None = None, compile: bool = True, insights=None):
        from engine.training.insights import insight_settings
        from engine.training.settings import TrainingSettings

        if settings is None:
            settings = TrainingSettings()
        elif isinstance(settings, dict):
            settings = TrainingSettings.from_dict(settings)
        self.settings = settings
        self.dataset = dataset
        self.augmentation = augmentation
        self.run_dir = run_dir
        self._model_source = model
        self._compile = compile
        self.model = None if callable(model) and not _is_keras_model(model) else model
        self._subscribers: list[Callable[[TrainingEvent], Any]] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._resume = threading.Event()
        self._resume.set()
        self._stop_requested = False
        self._failure: dict | None = None  # set by `abort`
        self.state = IDLE
        self.batches: list[dict] = []   # every batch: step, epoch, batch, lr, loss, metrics
        self.epochs: list[dict] = []    # every epoch: epoch, lr, duration, logs
        self.planned_lr: np.ndarray | None = None
        self.steps_per_epoch = settings.steps_per_epoch(dataset.num_train)
        self.epochs_done = 0
        self.result: TrainingEvent | None = None
        self.diagnostics: list[Diagnostic] = []
        self.insights = insight_settings(insights)
        self._insights = None  # the insights callback of the current run

    # ------------------------------------------------------------------ subscribers
    def subscribe(self, fn: Callable[[TrainingEvent], Any]) -> Callable[[], None]:
        """Call ``fn(event)`` for every event; returns a function that unsubscribes."""
        with self._lock:
            self._subscribers.append(fn)

        def unsubscribe():
            with self._lock:
                if fn in self._subscribers:
                    self._subscribers.remove(fn)
        return unsubscribe

    def emit(self, kind: EventKind | str, **data) -> TrainingEvent:
        """Send the event of ``kind`` with ``data`` to every subscriber (on
        this thread) and return it. A subscriber that raises is reported and
        skipped; the run goes on. Raises ``ValueError`` for an unknown kind."""
        event = training_event(kind, **data)
        with self._lock:
            subscribers = list(self._subscribers)
        for fn in subscribers:
            try:
                fn(event)
            except Exception:  # a broken view must not end the run
                traceback.print_exc()
        return event

    # ------------------------------------------------------------------ controls
    def start(self, epochs: int | None = None) -> None:
        """Start training (or continue for ``epochs`` more after a run ended)."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("This trainer is already running.")
        self._stop_requested = False
        self._failure = None
        self._resume.set()
        self.state = RUNNING
        target = self.epochs_done + int(epochs if epochs is not None else self.settings.epochs)
        self._thread = threading.Thread(target=self._run, args=(target,), name="neurocanvas-train",
                                        daemon=True)
        _ALIVE.add(self)
        self._thread.start()

    def pause(self) -> None:
        """Hold training before the next batch."""
        if self.state == RUNNING:
            self._resume.clear()

    def resume(self) -> None:
        self._resume.set()

    def stop(self) -> None:
        """Stop after the current batch; the weights are kept."""
        self._stop_requested = True
        if self.state in (RUNNING, PAUSED):
            self.state = STOPPING
        self._resume.set()

    def abort(self, reason: str, hint: str = "", code: str = "abort") -> None:
        """End the run as ``failed`` with ``reason`` at the next batch boundary
        (or the end of this epoch). A subscriber calls it when it cannot go on,
        e.g. the run recorder when a file cannot be written; the first reason
        given is the one reported."""
        if self._failure is None:
            self._failure = {"reason": reason, "hint": hint, "code": code}
        self._stop_requested = True
        if self.model is not None:
            self.model.stop_training = True
        self._resume.set()

    def wait(self, timeout: float | None = None) -> str:
        """Block until the run ends (or ``timeout``); returns the state."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.state

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ------------------------------------------------------------------ checks
    def check(self) -> list[Diagnostic]:
        """Everything that would stop this run before it starts (needs the model)."""
        from engine.data.compat import check_model_compatible
        from engine.training.compile import check_loss, output_activation

        model = self._ensure_model()
        ds = self.dataset
        names = _output_names(model)
        out = list(check_model_compatible(ds, model))
        out.extend(self.settings.validate(names, ds.has_validation))
        if self._compile and len(names) == 1:
            act, units = output_activation(model, 0)
            out.extend(check_loss(self.settings.compile.for_output(names[0]), activation=act,
                                  units=units, y=ds.y_train, output=names[0]))
        return out

    def _ensure_model(self):
        if self.model is None:
            self.model = self._model_source()
        return self.model

    # ------------------------------------------------------------------ the run
    def _run(self, target_epochs: int) -> None:
        try:
            self._fit(target_epochs)
        except Exception as exc:  # everything ends as an event, never as a traceback
            self.state = FAILED
            self.result = self.emit(FAILED, **_describe_failure(exc, self.settings.batch_size),
                                     epochs_run=self.epochs_done)

    def _fit(self, target_epochs: int) -> None:
        import keras

        from engine.training.callbacks import build_callbacks
        from engine.training.compile import compile_arguments
        from engine.training.schedules import schedule_values

        first_run = self.model is None or not self.epochs
        model = self._ensure_model()
        diagnostics = self.check() if first_run else []
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error]
        if errors:
            self.state = FAILED
            self.result = self.emit(FAILED, reason=errors[0].message, hint=errors[0].hint,
                                     code="check", diagnostics=[d.to_dict() for d in diagnostics],
                                     epochs_run=self.epochs_done)
            return
        s, ds = self.settings, self.dataset
        if s.seed is not None and first_run:
            keras.utils.set_random_seed(int(s.seed))
        steps = self.steps_per_epoch
        if self._compile and first_run:
            model.compile(**compile_arguments(s.compile, _output_names(model), steps, target_epochs))
        start_step = int(keras.ops.convert_to_numpy(model.optimizer.iterations))  # also a MirroredVariable
        remaining = target_epochs - self.epochs_done
        lr = model.optimizer._learning_rate
        steps_axis = np.arange(start_step, start_step + remaining * steps)
        scheduled = isinstance(lr, keras.optimizers.schedules.LearningRateSchedule)
        if scheduled:
            self.planned_lr = schedule_values(lr, steps_axis)
        else:
            self.planned_lr = np.full(len(steps_axis),
                                      float(keras.ops.convert_to_numpy(model.optimizer.learning_rate)),
                                      dtype="float32")
        callbacks = build_callbacks(s.callbacks, self.run_dir, ds.has_validation,
                                    constant_lr=not scheduled)
        guard = next((c for c in callbacks if hasattr(c, "divergence_report")), None)
        events = _event_callback(self, start_step, scheduled)
        from engine.training.insights import insights_callbacks

        insight_callbacks = insights_callbacks(self)
        aug = None
        if self.augmentation is not None:
            from engine.data.augmentation import build_augmentation

            aug = build_augmentation(self.augmentation)
        from engine.training.pipeline import fit_inputs

        feed = fit_inputs(ds.x_train, ds.y_train, s.batch_size, aug, s.shuffle, s.seed)
        self.emit(EventKind.STARTED, steps_per_epoch=steps, epochs=target_epochs,
                   initial_epoch=self.epochs_done, initial_step=start_step,
                   planned_lr=self.planned_lr, params=int(model.count_params()),
                   dataset=ds.summary())
        validation = (ds.x_val, ds.y_val) if ds.has_validation else None
        model.fit(**feed, epochs=target_epochs, initial_epoch=self.epochs_done,
                  validation_data=validation, callbacks=[events] + insight_callbacks + callbacks,
                  verbose=0)
        summary = {"epochs_run": self.epochs_done, "history": self.history(),
                   "steps": len(self.batches)}
        if self._failure is not None:
            self.state = FAILED
            self.result = self.emit(FAILED, **self._failure, **summary)
        elif events.nan_at is not None:
            restored = guard.best_epoch if guard is not None and guard.best_weights is not None \
                else None
            self.state = STOPPED
            self.result = self.emit(STOPPED, code="nan", **events.nan_report(restored), **summary)
        elif guard is not None and guard.stopped_epoch is not None:
            self.state = STOPPED
            self.result = self.emit(STOPPED, code="divergence", **guard.divergence_report(),
                                     **summary)
        elif self._stop_requested:
            self.state = STOPPED
            self.result = self.emit(STOPPED, code="user",
                                     reason=N_("Stopped by the user; the weights of the last "
                                               "finished batch are kept."), **summary)
        elif model.stop_training and self.epochs_done < target_epochs:
            self.state = STOPPED
            self.result = self.emit(STOPPED, code="callback",
                                     reason=msg("Stopped early by a callback after epoch "
                                                "{epochs_done}.",
                                                epochs_done=self.epochs_done), **summary)
        else:
            self.state = FINISHED
            self.result = self.emit(FINISHED, reason="done", **summary)

    def request_feature_maps(self, layer_names) -> None:
        """Capture feature maps of ``layer_names`` at the next batch boundary (now when idle);
        they arrive as a ``feature_maps`` event (see engine.training.insights)."""
        from engine.training.insights import request_feature_maps

        request_feature_maps(self, layer_names)

    def find_lr(self, min_lr: float = 1e-7, max_lr: float = 10.0, steps: int | None = None,
                **options):
        """Run the LR finder (engine.training.lr_finder.find_lr) on this
        trainer's model and training data; emits ``lr_finder`` and returns
        the ``LRFinderResult``.

        Before the first run the model is compiled from the trainer's settings
        (the run compiles it afresh anyway); after a run the model's own
        optimizer is swept and restored. Runs on the caller's thread; raises
        ``LRFinderError`` while the trainer is running or when the checks fail.
        """
        from engine.training.compile import compile_arguments
        from engine.training.lr_finder import LRFinderError, check_range, find_lr

        if self.running:
            raise LRFinderError(N_("The LR finder cannot run while training is in progress."),
                                hint=N_("Stop or wait for the run first."))
        check_range(float(min_lr), float(max_lr))
        model = self._ensure_model()
        errors = [d for d in self.check() if d.is_error]
        if errors:
            raise LRFinderError(errors[0].message, hint=errors[0].hint, code="check")
        s, ds = self.settings, self.dataset
        if self._compile and not self.epochs:
            model.compile(**compile_arguments(s.compile, _output_names(model),
                                              self.steps_per_epoch, s.epochs))
        result = find_lr(model, ds.x_train, ds.y_train, batch_size=s.batch_size, min_lr=min_lr,
                         max_lr=max_lr, steps=steps, seed=s.seed or 0, **options)
        self.emit(EventKind.LR_FINDER, **result.event_data())
        return result

    def history(self) -> dict:
        """Per-epoch values, as ``{metric: [value per epoch]}``."""
        out: dict[str, list] = {}
        for e in self.epochs:
            for k, v in e["logs"].items():
                out.setdefault(k, []).append(v)
        return out


def _is_keras_model(obj) -> bool:
    return hasattr(obj, "fit") and hasattr(obj, "layers")


def _output_names(model) -> list[str]:
    names = list(getattr(model, "output_names", None) or [])
    return names or [f"output{i}" for i in range(len(model.outputs))]


def _describe_failure(exc: BaseException, batch_size: int) -> dict:
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    name = type(exc).__name__
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if isinstance(exc, MemoryError) or "ResourceExhausted" in name or "OOM" in str(exc)[:2000] \
            or "out of memory" in str(exc).lower():
        return {"reason": N_("Training ran out of memory."),
                "hint": msg("Use a smaller batch size (now {batch_size}) or a smaller model.",
                            batch_size=batch_size),
                "code": "oom", "detail": detail}
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT) and exc.filename:
        # a callback's own file (a CSV log, a checkpoint, TensorBoard) did not fit
        from engine.training.runs import describe_write_error

        reason, hint = describe_write_error(exc, exc.filename)
        return {"reason": reason, "hint": hint, "code": "disk_full", "detail": detail}
    hint = getattr(exc, "hint", "") or N_("Check the data settings and the model; the details are "
                                          "in the log.")
    return {"reason": msg("Training failed: {error}", error=getattr(exc, 'message', first) or first),
            "hint": hint, "code": getattr(exc, "code", "") or "exception", "detail": detail}


def _event_callback(trainer: "Trainer", start_step: int, scheduled: bool):
    """The Keras callback that turns fit's hooks into trainer events."""
    import keras

    class NeuroCanvasEvents(_EventsMixin, keras.callbacks.Callback):
        pass

    return NeuroCanvasEvents(trainer, start_step, scheduled)


class _EventsMixin:
    def __init__(self, trainer: Trainer, start_step: int, scheduled: bool):
        super().__init__()
        self.trainer = trainer
        self.step = start_step
        self.start_step = start_step
        self.scheduled = scheduled
        self.epoch = 0
        self.epoch_start = 0.0
        self.batch_in_epoch = 0
        self.current_lr = None
        self.good_weights = None
        self.good_epoch = None
        self.nan_at = None

    # -- helpers
    def _lr_now(self) -> float:
        if self.scheduled:
            i = self.step - self.start_step
            planned = self.trainer.planned_lr
            return float(planned[min(i, len(planned) - 1)])
        return self.current_lr

    def nan_report(self, restored_epoch: int | None = None) -> dict:
        """Why the run stopped at a NaN; ``restored_epoch`` is the epoch whose
        weights the divergence guard restored (its best), if it did."""
        epoch, batch, step, lr = self.nan_at
        if restored_epoch is not None:
            kept = msg("the weights of epoch {epoch} (the best loss) were restored",
                       epoch=restored_epoch)
        else:
            kept = (msg("the weights from the end of epoch {epoch} were restored",
                        epoch=self.good_epoch)
                    if self.good_epoch else N_("the initial weights were restored"))
        return {"reason": msg("The loss became NaN or infinite at epoch {epoch}, batch {batch} "
                              "(step {step}); training stopped and {kept}.",
                              epoch=epoch + 1, batch=batch + 1, step=step, kept=kept),
                "hint": msg("Lower the learning rate (it was {lr:.3g}), add gradient clipping "
                            "(clipnorm), or check the data for NaN or very large values.",
                            lr=lr)}

    # -- Keras hooks
    def on_train_begin(self, logs=None):
        self.good_weights = [np.array(w) for w in self.model.get_weights()]
        self.good_epoch = self.trainer.epochs_done

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch
        self.batch_in_epoch = 0
        self.epoch_start = time.monotonic()
        if not self.scheduled:
            import keras

            self.current_lr = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))

    def on_train_batch_begin(self, batch, logs=None):
        t = self.trainer
        if not t._resume.is_set() and not t._stop_requested:
            t.state = PAUSED
            t.emit(EventKind.PAUSED, epoch=self.epoch, step=self.step)
            t._resume.wait()
            if not t._stop_requested:
                t.state = RUNNING
                t.emit(EventKind.RESUMED, epoch=self.epoch, step=self.step)

    def on_train_batch_end(self, batch, logs=None):
        logs = {k: float(v) for k, v in (logs or {}).items()}
        point = {"step": self.step, "epoch": self.epoch, "batch": batch, "lr": self._lr_now(),
                 **logs}
        self.trainer.batches.append(point)
        self.step += 1
        self.batch_in_epoch = batch + 1
        loss = logs.get("loss")
        if loss is not None and not np.isfinite(loss):
            self.nan_at = (self.epoch, batch, self.step - 1, point["lr"])
            self.model.stop_training = True
            self.model.set_weights(self.good_weights)
        elif self.trainer._stop_requested:
            self.model.stop_training = True
        self.trainer.emit(EventKind.BATCH, points=[point], last=point)

    def on_epoch_end(self, epoch, logs=None):
        if self.nan_at is not None:
            return
        logs = {k: float(v) for k, v in (logs or {}).items()}
        finite = all(np.isfinite(v) for v in logs.values())
        if finite:
            self.good_weights = [np.array(w) for w in self.model.get_weights()]
            self.good_epoch = epoch + 1
        lr = self._lr_now() if self.scheduled else self.current_lr
        record = {"epoch": epoch + 1, "lr": lr, "duration": time.monotonic() - self.epoch_start,
                  "steps": self.batch_in_epoch, "logs": logs}
        self.trainer.epochs.append(record)
        self.trainer.epochs_done = epoch + 1
        self.trainer.emit(EventKind.EPOCH, **record)

"""`RunRecorder`: the trainer subscriber that writes a run folder as the run goes."""

from __future__ import annotations

import errno
import math
import os
import threading
import time
from datetime import datetime
from pathlib import Path

from engine.events import EventKind
from engine.i18n import N_, msg
from engine.training.run_errors import RunError
from engine.training.run_lock import RunLock
from engine.training.runs.files import (
    csv_header,
    free_room,
    reserve_room,
    append_csv_rows,
    append_log,
    describe_write_error,
    overwrite_json_in_place,
    remove_stale_temp_files,
    repair_csv_tail,
    save_model_atomic,
    write_json_atomic,
)
from engine.training.runs.folders import (
    BATCHES_FILE,
    BEST_MODEL,
    EPOCHS_FILE,
    FAILED,
    FINISHED,
    LAST_MODEL,
    LOG_FILE,
    RESERVE_FILE,
    RUNNING,
    RUN_FILE,
    RUN_FORMAT,
    SNAPSHOT_FILE,
    STOPPED,
    BATCH_KEYS,
    EPOCH_KEYS,
    now_iso,
)
from engine.training.runs.records import RunRecord, better, load_run

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
            self._batch_fields = csv_header(self.path / BATCHES_FILE)
            self._epoch_fields = csv_header(self.path / EPOCHS_FILE)
        else:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RunError(msg("Cannot create the run folder {path}: {strerror}.",
                                   path=self.path, strerror=exc.strerror or exc), N_("Choose another folder.")) from None
            if (self.path / RUN_FILE).exists():
                raise RunError(msg("{path} already holds a run.", path=self.path),
                               N_("Choose an empty folder, or continue that run."))
            self.hold()
            settings = {"data": dict(data or {}), "training": dict(training or {})}
            self.info = {"format": RUN_FORMAT, "id": self.path.name, "status": "created",
                         "created": now_iso(), "created_ns": time.time_ns(), "started": None, "ended": None, "epochs_run": 0,
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
                raise RunError(msg("Cannot record the run: {reason}.", reason=reason),
                               N_("Free some space or choose another folder, then start again."),
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
        reserve_room(self.path / RESERVE_FILE)

    def release(self) -> None:
        """Give the run folder's lock up (the run ended)."""
        free_room(self.path / RESERVE_FILE)
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
        handler = self._HANDLERS.get(event.kind)
        if handler is not None:
            with self._lock:
                handler(self, event.data)

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
                                       "time": now_iso()}

    def _optimizer_step(self) -> int | None:
        try:
            import keras

            return int(keras.ops.convert_to_numpy(self.trainer.model.optimizer.iterations))
        except Exception:
            return None

    # -- events
    def _on_started(self, d: dict) -> None:
        now = now_iso()
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
        self._append(BATCHES_FILE, "_batch_fields", BATCH_KEYS, d.get("points") or [])

    def _on_epoch(self, d: dict) -> None:
        logs = d.get("logs") or {}
        row = {"epoch": d.get("epoch"), "lr": d.get("lr"), "duration": d.get("duration"),
               "steps": d.get("steps"), **logs}
        self._append(EPOCHS_FILE, "_epoch_fields", EPOCH_KEYS, [row])
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
        self.info["ended"] = now_iso()
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
            free_room(self.path / RESERVE_FILE)  # the room kept for this record
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

    _HANDLERS = {EventKind.STARTED: _on_started, EventKind.BATCH: _on_batch,
                 EventKind.EPOCH: _on_epoch, EventKind.PAUSED: _on_paused,
                 EventKind.RESUMED: _on_resumed, EventKind.FINISHED: _on_finished,
                 EventKind.STOPPED: _on_stopped, EventKind.FAILED: _on_failed}


def _cell(v):
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else ("nan" if v != v else ("inf" if v > 0 else "-inf"))
    return "" if v is None else v


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3g}"

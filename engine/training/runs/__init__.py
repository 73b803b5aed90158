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

The package's modules, each importing only those above it:

- ``folders``: the file names, statuses, runs folders, run and scratch folders;
- ``files``: writing and reading a run's files (atomic JSON and models, CSV rows);
- ``records``: `RunRecord`, listing, loading, comparing, moving and truncating runs;
- ``recorder``: `RunRecorder`.

Every name is importable from ``engine.training.runs`` itself.

Example::

    from engine.training.runs import list_runs, compare_runs
    runs = list_runs("mnist.json")                 # oldest first
    for r in runs:
        print(r.id, r.status, r.epochs_run, r.best)
    diff = compare_runs(runs[-2], runs[-1])
    diff["settings"]       # [{"key": "training.batch_size", "a": 32, "b": 64}, ...]
    diff["network"]        # {"added": [...], "removed": [...], "changed": [...], ...}
"""

from engine.plain_data import json_safe
from engine.training.run_errors import RunError, RunLockedError
from engine.training.runs.files import (
    append_csv_rows,
    append_log,
    describe_write_error,
    overwrite_json_in_place,
    read_csv_rows,
    remove_stale_temp_files,
    repair_csv_tail,
    save_model_atomic,
    write_json_atomic,
)
from engine.training.runs.folders import (
    BATCHES_FILE,
    BEST_MODEL,
    DAMAGED,
    ENDED_STATUSES,
    EPOCHS_FILE,
    FAILED,
    FINISHED,
    INTERRUPTED,
    LAST_MODEL,
    LOG_FILE,
    RESERVE_BYTES,
    RESERVE_FILE,
    RUN_FILE,
    RUN_FORMAT,
    RUNNING,
    SCRATCH_MAX_AGE_DAYS,
    SCRATCH_SUFFIX,
    SNAPSHOT_FILE,
    STOPPED,
    new_run_dir,
    new_scratch_folder,
    remove_stale_scratch,
    runs_folder,
)
from engine.training.runs.recorder import RunRecorder
from engine.training.runs.records import (
    RunRecord,
    better,
    compare_runs,
    diff_networks,
    diff_settings,
    list_runs,
    load_run,
    move_runs,
    truncate_run,
)

__all__ = [
    # folders
    "RUN_FORMAT", "RUN_FILE", "RESERVE_FILE", "RESERVE_BYTES", "SNAPSHOT_FILE", "EPOCHS_FILE",
    "BATCHES_FILE", "LOG_FILE", "LAST_MODEL", "BEST_MODEL", "RUNNING", "FINISHED", "STOPPED",
    "FAILED", "DAMAGED", "INTERRUPTED", "ENDED_STATUSES", "SCRATCH_SUFFIX", "SCRATCH_MAX_AGE_DAYS",
    "runs_folder", "new_run_dir", "new_scratch_folder", "remove_stale_scratch",
    # files
    "write_json_atomic", "overwrite_json_in_place", "save_model_atomic", "remove_stale_temp_files",
    "append_csv_rows", "repair_csv_tail", "append_log", "read_csv_rows", "describe_write_error",
    # records
    "RunRecord", "load_run", "list_runs", "better", "compare_runs", "diff_settings",
    "diff_networks", "move_runs", "truncate_run",
    # recorder
    "RunRecorder",
    # from elsewhere, importable here as before
    "RunError", "RunLockedError", "json_safe",
]

"""Continue a recorded run after the program was closed.

The run folder holds ``last.keras`` (the model with its optimizer state: the
step counter, momentum or Adam moments, and the learning-rate schedule) and
the per-epoch and per-batch history. `resume_training` loads them into a
fresh `Trainer` that starts at the saved epoch and step, so the loss curve,
the step axis and the schedule go on where they stopped, and the same run
folder keeps recording. Rows recorded after the checkpoint (a crash in the
middle of an epoch) are dropped first, so nothing is counted twice.

The network and settings come from the run's own snapshot, not from the
document, which may have been edited since.

Example::

    from engine.training.resume import resume_training
    session = resume_training("mnist.runs/20250101-120000_3fa2c1")
    session.start(epochs=5)        # five more epochs
    session.wait()
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Callable, Iterable

from engine.i18n import N_, msg
from engine.training.runs import RunError, RunRecord, RunRecorder, load_run, truncate_run


def resume_training(run, *, network=None, strategy=None,
                    subscribers: Iterable[Callable] = (), **trainer_options):
    """A `TrainingSession` that continues ``run`` (a `RunRecord` or folder).

    Call ``session.start(epochs)`` for that many more epochs (by default the
    run's own ``epochs`` setting). With ``network`` (an edited `Network`),
    the run goes on as a new segment with that network (see
    `engine.training.segments`); ``session.segment`` then holds ``diff`` and
    ``segment`` once the model is built. Raises `RunError` when the run has
    no checkpoint, `TrainingSetupError` when its data can no longer feed it.
    """
    from engine.training.distribute import make_strategy

    if isinstance(strategy, str):
        strategy = make_strategy(strategy)
    record = run if isinstance(run, RunRecord) else load_run(run)
    path = Path(record.path)
    # Hold the run before anything changes in it: a second process continuing
    # the same run is refused here, naming the one that holds it.
    recorder = RunRecorder(path, resume=True)
    try:
        return _resume(recorder, strategy, subscribers, trainer_options, network)
    except BaseException:
        recorder.release()
        raise


def _resume(recorder, strategy, subscribers, trainer_options, edited=None):
    import keras

    from engine.data.settings import DataSettings
    from engine.training.session import (
        TrainingSession,
        TrainingSetupError,
        build_model_factory,
        check_training,
        load_training_data,
    )
    from engine.training.settings import TrainingSettings
    from engine.training.trainer import Trainer

    path = recorder.path
    record = RunRecord(path, recorder.info)
    if record.checkpoint is None or not record.last_model_path.exists():
        raise RunError(msg("The run {id} has no checkpoint to continue from.", id=record.id),
                       N_("It ended before its first epoch finished; start a new run."),
                       code="no_checkpoint")
    net = record.network()
    data = DataSettings.from_dict(net.extra.get("data"))
    training = TrainingSettings.from_dict(net.extra.get("training"))
    if edited is not None:  # the run's own settings stay; the network is the edited one
        store = edited.weights
        net_settings = {"data": net.extra.get("data"), "training": net.extra.get("training")}
        net = edited.copy()
        net.weights = store
        net.extra.update(copy.deepcopy(net_settings))
    dataset, data = load_training_data(data)
    diagnostics = check_training(net, dataset, training)
    if any(d.is_error for d in diagnostics):
        raise TrainingSetupError.from_diagnostics(diagnostics)

    ckpt = record.checkpoint
    epoch, step = int(ckpt["epoch"]), ckpt.get("step")
    truncate_run(record, epoch, step)

    load = functools.partial(record.load_model, "last")

    steps = training.steps_per_epoch(dataset.num_train)
    outcome: dict = {}
    if edited is not None:
        from engine.training.segments import segment_model_source, transformed_layers

        transformed, store, note = transformed_layers(net, record)
        if note:
            recorder.log(note)
        load = segment_model_source(record, recorder, net, training, steps, transformed, store,
                                    epoch, step, outcome)
    factory = build_model_factory(net, training, steps, [training.epochs], strategy,
                                  model_source=load)
    augmentation = data.augmentation if data.augmentation.enabled else None
    trainer = Trainer(factory, dataset, training, augmentation=augmentation, run_dir=str(path),
                      compile=False, **trainer_options)
    restore_progress(trainer, record, epoch)
    if training.seed is not None:
        keras.utils.set_random_seed(int(training.seed) + epoch)
    for fn in subscribers:
        trainer.subscribe(fn)
    recorder.attach(trainer)
    recorder.log(f"Continuing from the checkpoint of epoch {epoch} (step {step}).")
    session = TrainingSession(net, data, training, dataset, trainer, recorder, strategy,
                              [d for d in diagnostics if not d.is_error], [])
    session.segment = outcome
    return session


def restore_progress(trainer, record: RunRecord, epoch: int) -> None:
    """Give ``trainer`` the history of ``record`` up to ``epoch``: its epoch
    and batch series and its epoch counter, so the next ``start`` continues."""
    epochs = []
    for row in record.epoch_rows():
        if (row.get("epoch") or 0) > epoch:
            continue
        logs = {k: v for k, v in row.items() if k not in ("epoch", "lr", "duration", "steps")}
        epochs.append({"epoch": row.get("epoch"), "lr": row.get("lr"),
                       "duration": row.get("duration"), "steps": row.get("steps"), "logs": logs})
    trainer.epochs = epochs
    trainer.batches = [{k: v for k, v in row.items() if v is not None}
                       for row in record.batch_rows()]
    trainer.epochs_done = int(epoch)


__all__ = ["resume_training", "restore_progress"]

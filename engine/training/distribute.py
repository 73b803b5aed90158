"""Training on several devices or machines with ``tf.distribute``.

TensorFlow-only code lives here (and in ``pipeline.py``); the rest of the
training engine uses the Keras 3 API only.

- ``"mirrored"``: ``tf.distribute.MirroredStrategy`` over the local GPUs, or
  over the logical CPU devices when there is no GPU (see
  `use_logical_cpus`). One copy of the model per device; the batch size is
  the global batch, split between the copies.
- ``"multiworker"``: ``tf.distribute.MultiWorkerMirroredStrategy`` across
  processes or machines described by the ``TF_CONFIG`` environment variable,
  e.g. for the first of two workers::

      TF_CONFIG='{"cluster": {"worker": ["host1:12345", "host2:12345"]},
                  "task": {"type": "worker", "index": 0}}'

  Every worker runs the same command (``neurocanvas train …``); worker 0 is
  the chief. A multi-worker strategy must be created before TensorFlow
  runs anything else in the process, so `make_strategy` is called first.

The model (and its optimizer, i.e. ``compile``) must be created inside
``strategy.scope()``; `strategy_scope` gives that scope, or a no-op one when
no strategy is used.

Example::

    strategy = make_strategy("mirrored")
    with strategy_scope(strategy):
        model = net.to_keras()
        model.compile(...)
"""

from __future__ import annotations

import contextlib
import json
import os

from engine.i18n import N_, msg
from engine.training.errors import SettingsError

STRATEGIES = ("mirrored", "multiworker")


def _tensorflow():
    import keras

    if keras.backend.backend() != "tensorflow":
        raise SettingsError(msg("Distributed training uses tf.distribute, which needs the "
                                "TensorFlow backend (KERAS_BACKEND is {backend!r}).",
                                backend=keras.backend.backend()),
                            hint=N_("Set KERAS_BACKEND=tensorflow, or train without --strategy."),
                            code="strategy")
    import tensorflow as tf

    return tf


def use_logical_cpus(n: int) -> list:
    """Split the CPU into ``n`` logical devices (for a mirrored run without
    GPUs, e.g. in tests). Must be called before TensorFlow is initialised.

    Returns the logical CPU devices.
    """
    tf = _tensorflow()
    cpus = tf.config.list_physical_devices("CPU")
    try:
        tf.config.set_logical_device_configuration(
            cpus[0], [tf.config.LogicalDeviceConfiguration() for _ in range(int(n))])
    except RuntimeError:
        raise SettingsError(N_("The CPU can only be split into logical devices before TensorFlow "
                               "starts working."), hint=N_("Configure the devices first."),
                            code="strategy") from None
    return tf.config.list_logical_devices("CPU")


def read_tf_config(env: dict | None = None) -> dict:
    """The parsed ``TF_CONFIG``, checked; raises `SettingsError` with what to fix.

    Example:
        >>> read_tf_config({"TF_CONFIG": '{"cluster": {"worker": ["localhost:1", "localhost:2"]},'
        ...                              ' "task": {"type": "worker", "index": 1}}'})["task"]
        {'type': 'worker', 'index': 1}
    """
    env = os.environ if env is None else env
    raw = env.get("TF_CONFIG")
    example = ('e.g. TF_CONFIG=\'{"cluster": {"worker": ["host1:12345", "host2:12345"]}, '
               '"task": {"type": "worker", "index": 0}}\'')
    if not raw:
        raise SettingsError(N_("--strategy multiworker needs the TF_CONFIG environment variable, "
                               "which describes the workers and which one this is."),
                            hint=msg("Set it on every worker, {example}.", example=example), code="tf_config")
    try:
        cfg = json.loads(raw)
    except ValueError as exc:
        raise SettingsError(msg("TF_CONFIG is not valid JSON ({error}).", error=exc), hint=example,
                            code="tf_config") from None
    workers = (cfg.get("cluster") or {}).get("worker") if isinstance(cfg, dict) else None
    task = cfg.get("task") if isinstance(cfg, dict) else None
    if not isinstance(workers, list) or not workers or not all(isinstance(w, str) for w in workers):
        raise SettingsError(N_("TF_CONFIG has no cluster.worker list of host:port addresses."),
                            hint=example, code="tf_config")
    if not isinstance(task, dict) or task.get("type") not in ("worker", "chief") \
            or not isinstance(task.get("index"), int):
        raise SettingsError(N_('TF_CONFIG has no task {"type": "worker", "index": N}.'),
                            hint=example, code="tf_config")
    if task["type"] == "worker" and not 0 <= task["index"] < len(workers):
        raise SettingsError(msg("TF_CONFIG's task index {index} is not one of the {count} "
                                "workers (0 to {value}).",
                                index=task['index'], count=len(workers), value=len(workers) - 1),
                            hint=N_("Give every worker its own index."), code="tf_config")
    return cfg


def make_strategy(name: str | None, devices: list[str] | None = None):
    """A ``tf.distribute`` strategy by name (``None`` gives ``None``).

    Args:
        name: ``"mirrored"`` or ``"multiworker"``.
        devices: for ``"mirrored"``, the devices to use; by default every
            GPU, or every logical CPU device when there is no GPU.
    """
    if name in (None, "", "none"):
        return None
    if name not in STRATEGIES:
        raise SettingsError(msg("Unknown strategy {name!r}.", name=name), hint=msg("Use one of: {strategies}.",
                                                                    strategies=', '.join(STRATEGIES)),
                            code="strategy")
    if name == "multiworker":
        read_tf_config()
        tf = _tensorflow()
        try:
            strategy = tf.distribute.MultiWorkerMirroredStrategy()
        except (RuntimeError, ValueError) as exc:
            raise SettingsError(msg("Could not start the multi-worker strategy: {error}", error=exc),
                                hint=N_("Create it before anything else uses TensorFlow, and "
                                        "check TF_CONFIG."), code="strategy") from None
        _patch_multiworker_reduce()
        return strategy
    tf = _tensorflow()
    if devices is None:
        gpus = tf.config.list_logical_devices("GPU")
        devices = [d.name for d in (gpus or tf.config.list_logical_devices("CPU"))]
    return tf.distribute.MirroredStrategy(devices)


def strategy_scope(strategy):
    """``strategy.scope()``, or a context that does nothing for ``None``."""
    return contextlib.nullcontext() if strategy is None else strategy.scope()


def prepare_model(model, strategy):
    """Make ``model`` (built inside ``strategy.scope()``) trainable with ``fit``
    under ``strategy``; returns it.

    Keras 3 (up to at least 3.15) cannot ``fit`` under a multi-worker strategy
    (keras-team/keras#20585): before the first step it reduces a per-replica
    *data batch* across workers just to read its shape, which fails in eager
    mode. The model is given a version of that step that reads the shape from
    this worker's own batch instead. Other strategies need nothing.
    """
    if strategy is None or not _in_multi_worker_mode(strategy):
        return model
    import types

    tf = _tensorflow()
    if not hasattr(model, "_maybe_symbolic_build") or not hasattr(model, "_symbolic_build"):
        return model  # a Keras without the step this works around

    def local(value):
        if isinstance(value, tf.distribute.DistributedValues):
            return strategy.experimental_local_results(value)[0]
        return value

    def maybe_symbolic_build(self, iterator=None, data_batch=None):
        if iterator is not None:
            for _, _, it in iterator:
                data_batch = tf.nest.map_structure(local, next(it))
                break
        with self.distribute_strategy.scope():
            self._symbolic_build(data_batch=data_batch)

    model._maybe_symbolic_build = types.MethodType(maybe_symbolic_build, model)
    return model


def _in_multi_worker_mode(strategy) -> bool:
    tf = _tensorflow()
    return (isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy)
            and strategy.extended._in_multi_worker_mode())


_REDUCE_PATCHED = False


def _patch_multiworker_reduce() -> None:
    """Keras 3 (up to at least 3.15) averages each step's scalar loss and
    metrics across workers with ``axis=0``, which a scalar does not have
    (keras-team/keras#20585); average them over the replicas instead. Only
    multi-worker reductions change; done once, when such a strategy exists."""
    global _REDUCE_PATCHED
    if _REDUCE_PATCHED:
        return
    try:
        from keras.src.backend.tensorflow import trainer as tf_trainer
    except ImportError:  # pragma: no cover - another Keras layout
        return
    original = getattr(tf_trainer, "reduce_per_replica", None)
    multi = getattr(tf_trainer, "_collective_all_reduce_multi_worker", None)
    if original is None or multi is None:  # pragma: no cover
        return
    tf = _tensorflow()

    def reduce_per_replica(values, strategy, reduction):
        if reduction in ("auto", "mean") and multi(strategy):
            return tf.nest.map_structure(lambda v: strategy.reduce("MEAN", v, axis=None), values)
        return original(values, strategy, reduction)

    tf_trainer.reduce_per_replica = reduce_per_replica
    _REDUCE_PATCHED = True


def is_chief(strategy) -> bool:
    """Whether this process is the one that should write shared results."""
    if strategy is None:
        return True
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None or not getattr(resolver, "task_type", None):
        return True
    return resolver.task_type == "chief" or (resolver.task_type == "worker"
                                             and resolver.task_id == 0)


def describe(strategy) -> dict | None:
    """JSON-able facts for the run record: strategy, replicas, worker."""
    if strategy is None:
        return None
    tf = _tensorflow()
    name = ("multiworker" if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy)
            else "mirrored" if isinstance(strategy, tf.distribute.MirroredStrategy)
            else type(strategy).__name__)
    out = {"strategy": name, "replicas": int(strategy.num_replicas_in_sync)}
    devices = getattr(getattr(strategy, "extended", None), "worker_devices", None)
    if devices:
        out["devices"] = list(devices)
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is not None and getattr(resolver, "task_type", None):
        out["task"] = {"type": resolver.task_type, "index": resolver.task_id}
    return out


__all__ = ["STRATEGIES", "make_strategy", "strategy_scope", "prepare_model", "use_logical_cpus",
           "read_tf_config", "is_chief", "describe"]

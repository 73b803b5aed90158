"""Train a NeuroCanvas document end to end.

A document (`Network`) carries its ``data`` and ``training`` sections in
``net.extra``. `prepare_training` reads them (with defaults for what is
missing and the caller's overrides on top), loads and preprocesses the
dataset, checks that the data can feed the network and that the losses fit
the outputs and labels — all before any Keras model exists, so a mistake is
refused at once with a message that says what to change — and returns a
`TrainingSession` holding a ready `Trainer` and the `RunRecorder` that
writes the run folder. The Keras model is built (and compiled) on the
training thread, inside the distribution strategy's scope when one is used.

This is what the editor's training dashboard and ``neurocanvas train`` call::

    from engine.training.session import prepare_training
    session = prepare_training(net, "mnist.json", overrides={"epochs": 3})
    unsubscribe = session.trainer.subscribe(on_event)   # before start
    session.start()
    ...
    session.trainer.pause(); session.trainer.resume(); session.trainer.stop()
    session.run            # the RunRecord of mnist.runs/<timestamp>_<id>/

or, in one call, ``trainer, run = start_training(net, "mnist.json",
subscribers=[on_event])``.

Where the data and training settings come from:

- ``data``: the document's ``data`` section; without one, the dataset the
  preset that built the document suggests (its ``preset`` section: ``lenet5`` →
  ``cifar10``, kept when the network is renamed) when it loads offline
  (a built-in set, or a Keras set already downloaded), else a built-in set
  of the input's shape (``engine.data.default_choice``), with that dataset's
  usual preprocessing. Settings made here (not written by the user) are
  also fitted to the model's input: images are resized and given the
  model's channel count, tables flattened, series given a channel axis.
- ``training``: the document's ``training`` section; without a loss, one
  that suits the data and the output layer (mse for regression, sparse or
  categorical cross-entropy, binary cross-entropy for one sigmoid unit,
  ``from_logits`` for a linear output).
- ``overrides``: ``dataset``, ``dataset_options``, ``epochs``,
  ``batch_size``, ``optimizer``, ``learning_rate``, ``seed``, ``shuffle``.

The settings actually used are written into the run's ``network.json``, so
a run can be repeated or continued (`engine.training.resume`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

from engine.errors import Diagnostic, NeuroCanvasError
from engine.i18n import N_, msg

OVERRIDE_KEYS = ("dataset", "dataset_options", "epochs", "batch_size", "optimizer",
                 "learning_rate", "seed", "shuffle")


class TrainingSetupError(NeuroCanvasError):
    """Training cannot start; ``diagnostics`` lists every problem found.

    The message is the first error's; each diagnostic names the node or
    setting concerned and, in its hint, what to change.
    """

    def __init__(self, message: str, hint: str = "", code: str = "setup",
                 diagnostics: list[Diagnostic] | None = None):
        super().__init__(message, hint, code)
        self.diagnostics = list(diagnostics or [])

    @classmethod
    def from_diagnostics(cls, diagnostics: list[Diagnostic]) -> "TrainingSetupError":
        errors = [d for d in diagnostics if d.is_error]
        first = errors[0]
        message = first.message
        if len(errors) > 1:
            message = msg("{problem} ({count} more problem(s))", problem=message, count=len(errors) - 1)
        return cls(message, first.hint, first.code or "setup", diagnostics)


# ----------------------------------------------------------------------------- settings
def resolve_settings(net, overrides: dict | None = None):
    """The data and training settings a run of ``net`` would use, without
    loading anything.

    Returns ``(data, training, derived)``: a ``DataSettings``, a
    ``TrainingSettings`` and whether the data settings were made here (not
    taken from the document), in which case `prepare_training` fits their
    shape options to the model. Raises `TrainingSetupError` (or a
    ``SettingsError``/``DataError`` for a malformed section).
    """
    from engine.data.settings import DataSettings
    from engine.training.settings import TrainingSettings

    o = dict(overrides or {})
    unknown = sorted(set(o) - set(OVERRIDE_KEYS))
    if unknown:
        raise TrainingSetupError(msg("Unknown training override(s): {unknown}.",
                                     unknown=', '.join(unknown)),
                                 msg("Known: {override_keys}.", override_keys=', '.join(OVERRIDE_KEYS)), code="override")
    doc_data = net.extra.get("data")
    if doc_data is not None and not isinstance(doc_data, dict):
        raise TrainingSetupError(N_("The document's data section must be an object."), code="data")
    raw = net.extra.get("training")
    if raw is not None and not isinstance(raw, dict):
        raise TrainingSetupError(N_("The document's training section must be an object."),
                                 code="training")
    name = o.get("dataset")
    derived = False
    if name is not None and (doc_data is None or doc_data.get("dataset") != name
                             or o.get("dataset_options") is not None):
        data = DataSettings.suggested(str(name), **dict(o.get("dataset_options") or {}))
        derived = True
    elif doc_data is not None:
        data = DataSettings.from_dict(doc_data)
    else:
        from engine.data.default_choice import offline_preset_dataset

        suggested = offline_preset_dataset(net)  # never a download that fails offline
        if suggested is None:
            raise TrainingSetupError(
                msg("The network {name!r} has no data settings, so there is nothing to train on.",
                    name=net.name),
                N_("Choose a dataset (in the data panel, or --dataset NAME on the command line)."),
                code="no_data")
        data = DataSettings.suggested(suggested, **dict(o.get("dataset_options") or {}))
        derived = True

    training = TrainingSettings.from_dict(raw)
    if not (raw or {}).get("compile", {}).get("outputs"):
        training.compile.outputs = {}  # filled in by suggest_losses once the data is known
    for key in ("epochs", "batch_size"):
        if o.get(key) is not None:
            setattr(training, key, int(o[key]))
    if o.get("seed") is not None:
        training.seed = int(o["seed"])
    if o.get("shuffle") is not None:
        training.shuffle = bool(o["shuffle"])
    if o.get("optimizer") is not None:
        training.compile.optimizer = switch_optimizer(training.compile.optimizer,
                                                       str(o["optimizer"]).lower())
    if o.get("learning_rate") is not None:
        set_learning_rate(training.compile.optimizer, float(o["learning_rate"]))
    return data, training, derived


def preset_dataset(net) -> str | None:
    """The built-in dataset the preset that built the document suggests (its
    ``"preset"`` section, kept when the network is renamed), or ``None``."""
    from engine.data.default_choice import preset_suggestion

    return preset_suggestion(net)


def switch_optimizer(current, name: str):
    """Another optimizer, keeping the learning rate, schedule and clipping."""
    from engine.training.compile import COMMON_PARAMS, OPTIMIZERS, OptimizerSettings

    if name == current.name:
        return current
    known = set(OPTIMIZERS.get(name, ("", {}))[1]) | set(COMMON_PARAMS)
    params = {k: v for k, v in current.params.items() if k in known}
    return OptimizerSettings(name, params, copy.deepcopy(current.schedule))


def set_learning_rate(opt, lr: float) -> None:
    """Set the rate: the constant rate, or the starting/peak rate of a schedule."""
    sched = opt.schedule
    if sched is None or sched.is_constant:
        opt.params["learning_rate"] = lr
        if sched is not None:
            sched.params.pop("learning_rate", None)
        return
    p = sched.full_params()
    if "initial_learning_rate" in p:
        sched.params["initial_learning_rate"] = lr
    elif "max_lr" in p:
        sched.params["max_lr"] = lr
    elif "values" in p and p["values"]:
        factor = lr / float(p["values"][0])
        sched.params["values"] = [float(v) * factor for v in p["values"]]


def suggest_losses(net, dataset, training) -> None:
    """Give every output without a loss one that suits ``dataset`` (in place)."""
    from engine.training.compile import OutputSettings

    if training.compile.outputs:
        return
    report = net.analyze()
    out = {}
    for nid, port in net.outputs:
        shape = report.shape(nid, port)
        units = shape[-1] if shape else None
        act = _output_activation(net, nid)
        if dataset.task == "regression":
            out[net.nodes[nid].name] = OutputSettings("mse", metrics=["mae"])
            continue
        logits = act in ("linear", None)
        if units == 1:
            out[net.nodes[nid].name] = OutputSettings(
                "binary_crossentropy", {"from_logits": True} if logits else {},
                metrics=["accuracy"])
            continue
        loss = ("categorical_crossentropy" if dataset.label_mode == "onehot"
                else "sparse_categorical_crossentropy")
        out[net.nodes[nid].name] = OutputSettings(loss, {"from_logits": True} if logits else {},
                                                  metrics=["accuracy"])
    if len(out) == 1:
        out = {"*": next(iter(out.values()))}
    training.compile.outputs = out


def _output_activation(net, nid: str) -> str | None:
    """The activation applied last on the way to node ``nid``; ``None`` if unknown
    (the catalog's rule, :func:`engine.catalog.trace_activation`)."""
    from engine.catalog import trace_activation

    def describe(node_id):
        node = net.nodes[node_id]
        try:
            params = node.resolved()
        except Exception:
            return "", {}, None  # params that do not resolve: unknown
        edges = net.in_edges(node_id)
        return node.type, params, edges[0].src if len(edges) == 1 else None

    return trace_activation(nid, describe)


def fit_preprocessing(pre, sample_shape: tuple, expected: tuple):
    """Shape options of ``pre`` (a ``PreprocessSettings``) changed so that
    samples of ``sample_shape`` become ``expected`` (the model's input shape
    without the batch axis, ``None`` for any size). Returns a new settings
    value; what cannot be fitted is left for the compatibility check to name.

    Example:
        >>> from engine.data import PreprocessSettings
        >>> p = fit_preprocessing(PreprocessSettings(), (8, 8), (32, 32, 3))
        >>> p.resize, p.channels
        ([32, 32], 3)
    """
    pre = copy.deepcopy(pre)
    a, e = tuple(sample_shape), tuple(expected)
    if _fits(a, e):
        return pre
    if len(e) == 3 and len(a) in (2, 3) and min(a[:2]) >= 4:
        h, w, c = e
        if (h is not None and h != a[0]) or (w is not None and w != a[1]):
            pre.resize = [int(h if h is not None else a[0]), int(w if w is not None else a[1])]
        ac = a[2] if len(a) == 3 else None
        if c is not None and c != ac and c in (1, 3):
            pre.channels = int(c)
        return pre
    n = int(np.prod(a)) if a else 1
    if len(e) == 1 and len(a) > 1 and e[0] in (None, n):
        pre.flatten = True
    elif len(e) == len(a) + 1 and e[-1] in (1, None) and _fits(a, e[:-1]):
        pre.add_channel = True
    elif all(d is not None for d in e) and int(np.prod(e)) == n:
        pre.reshape = [int(d) for d in e]
    return pre


def _fits(actual: tuple, expected: tuple) -> bool:
    return len(actual) == len(expected) and all(x is None or x == y
                                                for x, y in zip(expected, actual))


def model_input_shapes(net) -> dict:
    """``{input name: shape without the batch axis}`` from the analysis."""
    report = net.analyze()
    out = {}
    for nid in net.inputs:
        shape = report.shape(nid)
        out[net.nodes[nid].name] = tuple(shape[1:]) if shape is not None else None
    return out


def model_output_shapes(net) -> dict:
    report = net.analyze()
    out = {}
    for nid, port in net.outputs:
        shape = report.shape(nid, port)
        out[net.nodes[nid].name] = tuple(shape[1:]) if shape is not None else None
    return out


def load_training_data(data, net=None, derived: bool = False):
    """Load and preprocess the dataset of ``data`` (a ``DataSettings``).

    With ``derived`` and a network, shape options are first fitted to its
    input (`fit_preprocessing`). Returns ``(dataset, data_settings_used)``.
    """
    from engine.data.preprocessing import apply_preprocessing
    from engine.data.registry import load_dataset

    raw = load_dataset(data.dataset, **data.options)
    if derived and net is not None:
        inputs = model_input_shapes(net)
        if len(inputs) == 1 and None not in inputs.values():
            data = copy.deepcopy(data)
            data.preprocess = fit_preprocessing(data.preprocess, raw.input_shape,
                                                next(iter(inputs.values())))
    ds = apply_preprocessing(raw, data.preprocess)
    ds.meta["data_settings"] = data.to_dict()
    return ds, data


def check_training(net, dataset, training) -> list[Diagnostic]:
    """Everything that would stop ``net`` training on ``dataset`` with
    ``training``, found without building a model: analysis errors, the
    data/model shape check, the training settings, and loss mistakes (softmax
    output with ``from_logits``, class ids with categorical cross-entropy, one
    unit with a multi-class loss, …). Warnings are included."""
    from engine.data.compat import check_compatible
    from engine.training.compile import check_loss

    report = net.analyze()
    out: list[Diagnostic] = list(report.errors)
    if out:
        return out
    inputs, outputs = model_input_shapes(net), model_output_shapes(net)
    out.extend(check_compatible(dataset, inputs, outputs))
    out.extend(training.validate(list(outputs), dataset.has_validation))
    names = {net.nodes[nid].name: nid for nid, _ in net.outputs}
    for name, shape in outputs.items():
        if any(d.node == name and d.code in ("loss", "metric") for d in out):
            continue  # already reported by validate
        try:
            settings = training.compile.for_output(name)
        except NeuroCanvasError:
            continue
        act = _output_activation(net, names[name])
        y = dataset.y_train if len(outputs) == 1 else None
        # An unknown activation skips the from_logits checks rather than guess.
        out.extend(check_loss(settings, activation=act or "unknown",
                              units=shape[-1] if shape else None, y=y, output=name))
    seen, unique = set(), []
    for d in out:
        key = (d.node, d.message)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


# ----------------------------------------------------------------------------- the session
@dataclass
class TrainingSession:
    """A prepared run: the trainer, its data and settings, and its record.

    Attributes:
        network: a copy of the document's network, as trained.
        data: the ``DataSettings`` used (shape options fitted if derived).
        training: the ``TrainingSettings`` used (losses filled in).
        dataset: the preprocessed ``Dataset``.
        trainer: the `Trainer` (not started until `start`).
        recorder: the `RunRecorder` writing the run folder, or ``None``.
        strategy: the ``tf.distribute`` strategy, or ``None``.
        diagnostics: warnings found before training (errors refuse the run).
        segment: for a run continued with an edited network, ``diff`` (the
            `SegmentDiff`) and ``segment`` (its index) once the model is built.
    """

    network: Any
    data: Any
    training: Any
    dataset: Any
    trainer: Any
    recorder: Any = None
    strategy: Any = None
    diagnostics: list = field(default_factory=list)
    _compile_epochs: list = field(default_factory=list, repr=False)
    segment: dict = field(default_factory=dict)

    @property
    def run(self):
        """The `RunRecord` of this run (``None`` when not recorded)."""
        return self.recorder.record if self.recorder is not None else None

    @property
    def run_dir(self) -> Path | None:
        return self.recorder.path if self.recorder is not None else None

    def start(self, epochs: int | None = None) -> None:
        """Start (or continue for ``epochs`` more). The first start fixes the
        length schedules such as 1cycle are planned for. Raises
        ``RunLockedError`` when another process holds the run folder."""
        if self._compile_epochs and not self.trainer.epochs and self.trainer.model is None:
            n = int(epochs if epochs is not None else self.training.epochs)
            self._compile_epochs[0] = n
            self.training.epochs = n
            if self.recorder is not None:
                self.recorder.info["settings"]["training"]["epochs"] = n
        if self.recorder is not None:
            self.recorder.hold()  # again for a continued run; refused if another process has it
        self.trainer.start(epochs)

    def wait(self, timeout: float | None = None) -> str:
        return self.trainer.wait(timeout)

    @property
    def result(self):
        """The final event (finished / stopped / failed), once the run ended."""
        return self.trainer.result


def build_model_factory(net, training, steps_per_epoch: int, epochs_ref: list,
                        strategy=None, model_source: Callable | None = None) -> Callable:
    """A function that builds and compiles the model (on the training thread),
    inside ``strategy.scope()`` when a strategy is given.

    ``epochs_ref[0]`` is read when the function runs (the run length that
    schedules are planned for). ``model_source`` replaces ``net.to_keras``
    (``resume`` loads a saved model instead) and then no compile is done.
    """
    seed = training.seed

    def factory():
        import keras

        from engine.training.compile import compile_arguments
        from engine.training.distribute import prepare_model, strategy_scope

        if seed is not None:
            keras.utils.set_random_seed(int(seed))
        with strategy_scope(strategy):
            if model_source is not None:
                model = model_source()
            else:
                model = net.to_keras()
                names = list(getattr(model, "output_names", None) or [])
                model.compile(**compile_arguments(training.compile, names, steps_per_epoch,
                                                  int(epochs_ref[0])))
        return prepare_model(model, strategy)

    return factory


def _note_gpu_memory() -> None:
    """When TensorFlow sees a GPU, register its memory so the analysis checks against it."""
    from engine import memory_limits

    if memory_limits.gpu_memory() is not None:
        return
    import tensorflow as tf

    if tf.config.list_physical_devices("GPU"):
        memory_limits.probe_gpu_memory()


def prepare_training(net, document_path=None, overrides: dict | None = None, *,
                     run_dir=None, runs_root=None, record: bool = True, strategy=None,
                     subscribers: Iterable[Callable] = (), info: dict | None = None,
                     **trainer_options) -> TrainingSession:
    """Everything needed to train ``net``, checked; nothing is trained yet.

    Args:
        net: the document's `Network` (copied: editing it later does not
            change this run).
        document_path: where the document is saved; its runs are recorded
            in ``DOC.runs/<timestamp>_<id>/``.
        overrides: settings that win over the document's (see module doc).
        run_dir: record into exactly this folder instead.
        runs_root: record into a new ``<timestamp>_<id>`` folder under this
            one (for unsaved documents).
        record: ``False`` records nothing (also when no folder is known).
        strategy: ``None``, ``"mirrored"``, ``"multiworker"`` or a
            ``tf.distribute`` strategy; it is created before anything else
            touches TensorFlow.
        subscribers: functions subscribed to the trainer before the recorder.
        info: extra facts for the run record.
        trainer_options: passed on to `Trainer` (e.g. ``insights``).

    Raises:
        TrainingSetupError: the data cannot feed the network, a loss does
            not fit, the network or settings are invalid (all problems are in
            ``.diagnostics``).
        DataError: the dataset cannot be loaded (offline, bad option, …).
        SettingsError: a malformed training section.
    """
    from engine.training.distribute import describe, make_strategy
    from engine.training.runs import RunRecorder, new_run_dir, runs_folder
    from engine.training.trainer import Trainer

    strategy_name = strategy if isinstance(strategy, str) or strategy is None else None
    if strategy_name is not None:
        strategy = make_strategy(strategy_name)
    net = net.copy()  # with its stored (imported/trained) weights
    _note_gpu_memory()
    report = net.analyze()
    if report.errors:
        raise TrainingSetupError.from_diagnostics(report.errors)
    data, training, derived = resolve_settings(net, overrides)
    dataset, data = load_training_data(data, net, derived)
    suggest_losses(net, dataset, training)
    diagnostics = [d for d in report.diagnostics if d.code == "memory"] + \
        check_training(net, dataset, training)
    if any(d.is_error for d in diagnostics):
        raise TrainingSetupError.from_diagnostics(diagnostics)
    net.extra["data"] = data.to_dict()
    net.extra["training"] = training.to_dict()

    steps = training.steps_per_epoch(dataset.num_train)
    epochs_ref = [training.epochs]
    factory = build_model_factory(net, training, steps, epochs_ref, strategy)
    augmentation = data.augmentation if data.augmentation.enabled else None

    recorder = None
    if record and (run_dir is not None or runs_root is not None or document_path is not None):
        folder = Path(run_dir) if run_dir is not None else new_run_dir(
            runs_root if runs_root is not None else runs_folder(document_path))
        facts = {"document": str(document_path) if document_path is not None else None,
                 "overrides": dict(overrides or {}), "strategy": describe(strategy),
                 "warnings": [d.to_dict() for d in diagnostics], **(info or {})}
        recorder = RunRecorder(folder, net, data.to_dict(), training.to_dict(), facts)
    trainer = Trainer(factory, dataset, training, augmentation=augmentation,
                      run_dir=str(recorder.path) if recorder is not None else None,
                      compile=False, **trainer_options)
    for fn in subscribers:
        trainer.subscribe(fn)
    if recorder is not None:
        recorder.attach(trainer)
    return TrainingSession(net, data, training, dataset, trainer, recorder, strategy,
                           [d for d in diagnostics if not d.is_error], epochs_ref)


def start_training(net, document_path=None, overrides: dict | None = None,
                   **options) -> tuple:
    """`prepare_training` and start; returns ``(trainer, run_record)``.

    Pass ``subscribers=[fn]`` to receive every event from ``started`` on.
    """
    session = prepare_training(net, document_path, overrides, **options)
    session.start()
    return session.trainer, session.run


__all__ = ["TrainingSession", "TrainingSetupError", "prepare_training", "start_training",
           "resolve_settings", "suggest_losses", "check_training", "fit_preprocessing",
           "load_training_data", "build_model_factory", "model_input_shapes",
           "model_output_shapes", "preset_dataset", "switch_optimizer", "set_learning_rate",
           "OVERRIDE_KEYS"]

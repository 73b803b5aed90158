"""What is deployed: a trained Keras model and the data to verify it on.

`open_source` accepts

- a run folder (``DOC.runs/<timestamp>_<id>``): its best checkpoint
  (``best.keras``), or its last one, with the data settings the run used;
- a document (``.json``) whose trained weights are saved beside it
  (``DOC.weights.npz``), with the document's data settings;
- a ``.keras`` model file (loaded in safe mode: nothing in it may run
  code), with the dataset named by ``dataset``;
- a ``keras.Model`` already in memory (the Python API), with ``dataset``.

The data is loaded and preprocessed exactly as training loads it
(`engine.training.session.load_training_data`), so the verification and the
int8 calibration see what the network saw.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.deploy.errors import DeployError
from engine.i18n import N_, msg

BEST, LAST = "best", "last"


@dataclass
class DeploySource:
    """A model to export and the preprocessed dataset to verify it on.

    Attributes:
        model: the ``keras.Model`` (float32, built).
        dataset: the preprocessed `Dataset` (``None`` until `load_data`).
        data: the ``DataSettings`` it was loaded with.
        name: a file-name stem for the exports.
        description: where the model came from, in words.
        network: the document's `Network`, when there is one.
        binary_threshold: for a one-unit classifier, where class 1 starts
            (0.5 after a sigmoid, 0 for logits).
    """

    model: Any
    data: Any = None
    derived: bool = False
    name: str = "model"
    description: str = ""
    network: Any = None
    dataset: Any = None
    notes: list = field(default_factory=list)
    binary_threshold: float = 0.5


def open_source(source, dataset: str | None = None, checkpoint: str = BEST) -> DeploySource:
    """The model and data settings of ``source`` (see the module doc).

    Raises `DeployError` with what to do when the source cannot be used.
    """
    if hasattr(source, "layers") and hasattr(source, "inputs"):  # a keras.Model
        if dataset is None:
            raise DeployError(N_("A model without a document needs a dataset to be verified on."),
                              N_("Name one (--dataset NAME), e.g. digits or iris."),
                              code="no_data")
        out = DeploySource(source, _suggested(dataset), True, _stem(source.name),
                           f"the model {source.name!r}")
        return _finish(out)
    path = Path(str(source))
    if not path.exists():
        raise DeployError(msg("{path}: no such run folder, document or model file.", path=path),
                          N_("Give a run folder (DOC.runs/…), a .json document with trained "
                             "weights, or a .keras model."), code="missing")
    if path.is_dir() or path.name == "run.json":
        out = _from_run(path, dataset, checkpoint)
    elif path.suffix == ".keras":
        out = _from_keras_file(path, dataset)
    elif path.suffix == ".json":
        out = _from_document(path, dataset)
    else:
        raise DeployError(msg("{name}: cannot deploy a {suffix} file.", name=path.name,
                              suffix=path.suffix or "suffix-less"),
                          N_("Give a run folder, a .json document or a .keras model."),
                          code="source")
    return _finish(out)


def _suggested(name: str):
    from engine.data.registry import dataset_info
    from engine.data.settings import DataSettings

    try:
        dataset_info(name)
    except Exception as exc:
        raise DeployError(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""),
                          code="dataset") from None
    return DataSettings.suggested(name)


def _stem(name) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "_-." else "_" for ch in str(name)).strip("._")
    return cleaned or "model"


def _from_run(path: Path, dataset, checkpoint) -> DeploySource:
    from engine.data.settings import DataSettings
    from engine.training.runs import RunError, load_run

    try:
        record = load_run(path)
    except RunError as exc:
        raise DeployError(exc.message, exc.hint or N_("Give a run folder (DOC.runs/<time>_<id>)."),
                          code="run") from None
    which = checkpoint if checkpoint in (BEST, LAST) else BEST
    if which == BEST and not record.best_model_path.exists():
        which = LAST
    if which == LAST and not record.last_model_path.exists():
        raise DeployError(msg("The run {run} has no saved model.", run=record.id),
                          N_("It ended before its first epoch was saved; train longer."),
                          code="no_model")
    model = _load_keras(record.best_model_path if which == BEST else record.last_model_path)
    net = record.network()
    epoch = (record.best or {}).get("epoch") if which == BEST else \
        (record.checkpoint or {}).get("epoch")
    if epoch is not None:
        description = msg("run {run} ({which} checkpoint, epoch {epoch})", run=record.path.name,
                          which=which, epoch=epoch)
    else:
        description = msg("run {run} ({which} checkpoint)", run=record.path.name, which=which)
    if dataset is not None:
        data, derived = _suggested(dataset), True
    else:
        data, derived = DataSettings.from_dict(net.extra.get("data")), False
    return DeploySource(model, data, derived, _stem(net.name), description, net)


def _from_keras_file(path: Path, dataset) -> DeploySource:
    if dataset is None:
        raise DeployError(msg("{name} carries no data settings to verify the export on.",
                              name=path.name),
                          N_("Name a dataset (--dataset NAME), e.g. digits or iris."),
                          code="no_data")
    model = _load_keras(path)
    return DeploySource(model, _suggested(dataset), True, _stem(path.stem), path.name)


def _from_document(path: Path, dataset) -> DeploySource:
    from engine.network import Network
    from engine.training.session import resolve_settings
    try:
        net = Network.load(path)
    except Exception as exc:
        raise DeployError(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""),
                          code="document") from None
    store = net.weights
    if not store:
        raise DeployError(f"{path.name} has no trained weights saved beside it.",
                          _runs_hint(path), code="no_weights")
    report = net.analyze()
    if report.errors:
        first = report.errors[0]
        raise DeployError(f"{path.name} is not a valid network: {first.message}", first.hint,
                          code="invalid")
    from engine.keras_build import build_model
    from engine.weights import apply

    model = build_model(net, report, weights=False)
    applied = apply(net, model, store)
    missing = [net.nodes[nid].name for nid, _ in applied.reinitialised]
    loaded = set(applied.loaded)
    by_name = {layer.name: layer for layer in model.layers}
    for nid, node in net.nodes.items():
        layer = by_name.get(node.name)
        if layer is not None and layer.weights and nid not in loaded and node.name not in missing \
                and node.type != "SharedCall":
            missing.append(node.name)
    if missing:
        raise DeployError(f"{', '.join(missing)} of {path.name} "
                          f"{'has' if len(missing) == 1 else 'have'} no trained weights "
                          "(changed or added since the weights were saved).",
                          _runs_hint(path), code="no_weights")
    try:
        data, _training, derived = resolve_settings(net, {"dataset": dataset} if dataset else None)
    except Exception as exc:
        raise DeployError(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""),
                          code="no_data") from None
    return DeploySource(model, data, derived, _stem(net.name), path.name, net)


def _runs_hint(path: Path) -> str:
    from engine.training.runs import list_runs

    runs = [r for r in list_runs(path) if r.best_model_path.exists() or r.last_model_path.exists()]
    if runs:
        return msg("Deploy one of its training runs instead, e.g. {run}.",
                   run=runs[-1].path.relative_to(path.parent))
    return N_("Train it first (its runs can then be deployed), or import a trained .keras model.")


def _load_keras(path: Path):
    import keras

    import engine.training.one_cycle  # noqa: F401  (registers the schedule for loading)

    try:
        return keras.models.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        hint = N_("The file holds code (a Lambda layer); NeuroCanvas does not run code read "
                  "from a file. Replace the Lambda by a layer.") if "safe_mode" in str(exc) else \
            N_("Is it a Keras 3 model file?")
        raise DeployError(msg("{name} cannot be loaded: {reason}", name=path.name,
                              reason=text[:300]), hint,
                          code="model") from None


def _finish(src: DeploySource) -> DeploySource:
    model = src.model
    if len(model.inputs) != 1:
        raise DeployError(msg("The model has {count} inputs; deployment verifies models with "
                              "one input.", count=len(model.inputs)),
                          N_("Export it as a .keras model instead."),
                          code="inputs")
    last = model.layers[-1] if model.layers else None
    act = getattr(last, "activation", None)
    act_name = getattr(act, "__name__", str(act)) if act is not None else ""
    src.binary_threshold = 0.5 if "sigmoid" in act_name else 0.0
    return src


def load_data(src: DeploySource):
    """Load and preprocess the dataset of ``src`` (fitting its shapes to the
    model's input when the settings were not the document's own)."""
    from engine.data.dataset import DataError
    from engine.data.preprocessing import apply_preprocessing
    from engine.data.registry import load_dataset
    from engine.training.session import fit_preprocessing

    data = copy.deepcopy(src.data)
    try:
        raw = load_dataset(data.dataset, **data.options)
        if src.derived:
            expected = tuple(src.model.inputs[0].shape[1:])
            data.preprocess = fit_preprocessing(data.preprocess, raw.input_shape, expected)
        ds = apply_preprocessing(raw, data.preprocess)
    except DataError as exc:
        raise DeployError(exc.message, exc.hint, code="data") from None
    expected = tuple(src.model.inputs[0].shape[1:])
    got = tuple(ds.input_shape)
    if len(got) != len(expected) or any(e is not None and e != g for e, g in zip(expected, got)):
        raise DeployError(msg("The {dataset} samples have shape {got}, but the model takes "
                              "{expected}.", dataset=data.dataset, got=got, expected=expected),
                          N_("Choose the dataset the model was trained on."),
                          code="data")
    src.dataset, src.data = ds, data
    return ds

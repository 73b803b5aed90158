"""What is explained: a Keras model with its weights and the data it learned from.

`open_subject` opens a run folder (its ``last.keras`` — or ``best.keras`` —
and the dataset its ``network.json`` names, preprocessed as in training) or a
``.keras`` model file (the dataset then comes from ``dataset=NAME``, with the
usual preprocessing fitted to the model's input). `subject_from_model`
wraps a model already in memory, such as a paused trainer's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from engine.explain import ExplainError
from engine.i18n import N_, msg


@dataclass
class Subject:
    """A model and its evaluation data.

    Attributes:
        model: the Keras model.
        name: what to call it (run id or file name).
        dataset: the preprocessed ``Dataset`` or ``None``.
        source: the run folder or model file, if any.
    """

    model: Any
    name: str
    dataset: Any = None
    source: Path | None = None
    notes: list = field(default_factory=list)

    @property
    def task(self) -> str:
        if self.dataset is not None:
            return self.dataset.task
        units = self.model.outputs[0].shape[-1]
        return "classification" if units and units > 1 else "unknown"

    @property
    def has_data(self) -> bool:
        return self.dataset is not None

    def _require_data(self):
        if self.dataset is None:
            raise ExplainError(msg("{name} has no dataset to evaluate on.", name=self.name),
                               N_("Choose a dataset (--dataset NAME on the command line)."),
                               code="no_data")
        return self.dataset

    @property
    def x_val(self) -> np.ndarray:
        """The validation inputs (the training inputs when the dataset has no validation split)."""
        ds = self._require_data()
        return ds.x_val if ds.has_validation else ds.x_train

    @property
    def y_val(self) -> np.ndarray:
        ds = self._require_data()
        return ds.y_val if ds.has_validation else ds.y_train

    @property
    def labels(self) -> np.ndarray:
        """Validation labels as class ids (classification) or values (regression)."""
        ds = self._require_data()
        if ds.task == "regression":
            return np.asarray(self.y_val, dtype="float64").reshape(len(self.y_val), -1)
        return ds.sparse_labels("val" if ds.has_validation else "train")

    @property
    def class_names(self) -> list[str]:
        ds = self.dataset
        if ds is not None and ds.class_names:
            return list(ds.class_names)
        units = self.model.outputs[0].shape[-1] or 1
        return [str(i) for i in range(max(2, int(units)))]


def subject_from_model(model, dataset=None, name: str = "model", source=None) -> Subject:
    """A `Subject` for a model in memory (e.g. a paused trainer's ``trainer.model``)."""
    from engine.explain.model_parts import mark_regression

    if dataset is not None:
        _check_fits(model, dataset, name)
        if dataset.task == "regression":
            mark_regression(model)
    return Subject(model, name, dataset, Path(source) if source is not None else None)


def open_subject(path, dataset: str | None = None, which: str = "last") -> Subject:
    """Open a run folder or a ``.keras`` model file; see the module doc.

    ``dataset`` (a registry name) replaces the run's own dataset, or gives a
    model file its data. Raises `ExplainError` (or a ``RunError`` /
    ``DataError``) with a message that says what to do.
    """
    p = Path(path)
    if p.is_dir():
        return _open_run(p, dataset, which)
    if p.suffix.lower() in (".keras", ".h5") and p.is_file():
        return _open_model_file(p, dataset)
    if not p.exists():
        raise ExplainError(f"{p}: no such run folder or model file.",
                           "Give a run folder (DOC.runs/<run>) or a .keras model.", code="missing")
    raise ExplainError(f"{p} is neither a run folder nor a .keras model.",
                       "Give a run folder (DOC.runs/<run>) or a .keras model.", code="kind")


def _open_run(path: Path, dataset: str | None, which: str) -> Subject:
    from engine.data.settings import DataSettings
    from engine.training.runs import load_run
    from engine.training.session import load_training_data

    record = load_run(path)
    if which == "best" and not record.best_model_path.exists():
        which = "last"
    model = record.load_model(which)
    net = record.network()
    if dataset is not None:
        data = DataSettings.suggested(dataset)
        ds, _ = load_training_data(data, net, derived=True)
    else:
        ds, _ = load_training_data(DataSettings.from_dict(net.extra.get("data")))
    return subject_from_model(model, ds, record.id, path)


def _open_model_file(path: Path, dataset: str | None) -> Subject:
    import keras

    try:
        model = keras.models.load_model(path)  # safe_mode: no code from the file runs
    except Exception as exc:
        raise ExplainError(msg("Cannot open the model {name}: {reason}", name=path.name,
                               reason=(str(exc).splitlines() or [""])[0][:200]),
                           N_("Give a .keras model saved by Keras 3 (or by NeuroCanvas)."),
                           code="unreadable") from None
    ds = load_dataset_for(model, dataset) if dataset is not None else None
    return subject_from_model(model, ds, path.name, path)


def load_dataset_for(model, name: str):
    """The dataset ``name`` with its usual preprocessing, fitted to ``model``'s input."""
    from engine.data.preprocessing import apply_preprocessing
    from engine.data.registry import load_dataset
    from engine.data.settings import DataSettings
    from engine.training.session import fit_preprocessing

    settings = DataSettings.suggested(name)
    raw = load_dataset(settings.dataset, **settings.options)
    expected = tuple(model.inputs[0].shape[1:])
    pre = fit_preprocessing(settings.preprocess, raw.input_shape, expected)
    return apply_preprocessing(raw, pre)


def _check_fits(model, dataset, name: str) -> None:
    expected = tuple(model.inputs[0].shape[1:])
    actual = tuple(dataset.input_shape or ())
    if len(expected) != len(actual) or any(e is not None and e != a
                                           for e, a in zip(expected, actual)):
        shown = tuple(e if e is not None else "any" for e in expected)
        raise ExplainError(msg("The dataset {dataset} has samples of shape {actual}, but {name} "
                               "expects {expected}.", dataset=repr(dataset.name), actual=actual,
                               name=name, expected=shown),
                           N_("Choose the dataset the model was trained on."), code="data_shape")


__all__ = ["Subject", "open_subject", "subject_from_model", "load_dataset_for"]

"""The named datasets a person can pick, and how to load one by name.

Each entry says what it is (task, where it comes from, whether it works
offline) and which options its loader takes, with their defaults, so a
dataset picker can show the list and an editor for the options without
loading anything.
"""

from __future__ import annotations

import difflib
import inspect
from dataclasses import dataclass, field
from typing import Callable

from engine.data import drawn_shapes, generated, keras_datasets, sklearn_sets, user_files
from engine.data.dataset import CLASSIFICATION, REGRESSION, SEQUENCE, DataError, Dataset


@dataclass(frozen=True)
class DatasetInfo:
    """What the picker shows for one dataset."""

    name: str
    title: str
    task: str
    source: str  # "scikit-learn", "generated", "keras" or "file"
    offline: bool
    loader: Callable[..., Dataset] = field(repr=False, compare=False)
    suggested: dict = field(default_factory=dict)  # preprocessing that usually fits

    @property
    def options(self) -> dict:
        """The loader's options and their defaults."""
        sig = inspect.signature(self.loader)
        return {k: (None if p.default is inspect.Parameter.empty else p.default)
                for k, p in sig.parameters.items()}

    @property
    def required_options(self) -> list[str]:
        """The options the loader cannot do without (no default), e.g. a file's path."""
        sig = inspect.signature(self.loader)
        return [k for k, p in sig.parameters.items() if p.default is inspect.Parameter.empty]

    def path_kind(self, option: str) -> str | None:
        """``"file"`` or ``"folder"`` for an option that names a path, else ``None``."""
        if option not in ("path", "y_path"):
            return None
        return "folder" if self.name == "image_folder" and option == "path" else "file"

    @property
    def description(self) -> str:
        doc = inspect.getdoc(self.loader) or ""
        return doc.split("\n\n")[0].replace("\n", " ") if doc else self.title

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "task": self.task,
                "source": self.source, "offline": self.offline,
                "options": self.options, "suggested": dict(self.suggested)}


_REGISTRY: dict[str, DatasetInfo] = {}


def register(info: DatasetInfo) -> None:
    """Add (or replace) a dataset under ``info.name``."""
    _REGISTRY[info.name] = info


def list_datasets(source: str | None = None, offline: bool | None = None) -> list[DatasetInfo]:
    """All registered datasets, optionally only those of one source or
    only those that work offline."""
    out = list(_REGISTRY.values())
    if source is not None:
        out = [i for i in out if i.source == source]
    if offline is not None:
        out = [i for i in out if i.offline == offline]
    return out


def dataset_info(name: str) -> DatasetInfo:
    try:
        return _REGISTRY[name]
    except KeyError:
        close = difflib.get_close_matches(str(name), list(_REGISTRY), n=3)
        hint = (f"Did you mean {' or '.join(close)}?" if close
                else f"Known datasets: {', '.join(sorted(_REGISTRY))}.")
        raise DataError(f"There is no dataset called {name!r}.", hint=hint, code="unknown") from None


def load_dataset(name: str, **options) -> Dataset:
    """Load a registered dataset by name.

    Example:
        >>> ds = load_dataset("iris")
        >>> ds.x_train.shape, ds.x_val.shape, ds.class_names[0]
        ((120, 4), (30, 4), 'setosa')
    """
    info = dataset_info(name)
    known = info.options
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise DataError(f"The {name} dataset has no option {', '.join(map(repr, unknown))}.",
                        hint=f"Its options: {', '.join(known) or 'none'}.", code="option")
    missing = [k for k in info.required_options if options.get(k) in (None, "")]
    if missing:
        raise DataError(missing_option_message(info, missing[0]),
                        hint=f"Fill in {missing[0]} in the data panel.", code="missing_option")
    try:
        return info.loader(**options)
    except DataError:
        raise
    except (TypeError, ValueError):
        shown = ", ".join(f"{k}={v!r}" for k, v in options.items()) or "the defaults"
        raise DataError(f"The {name} data could not be loaded with {shown}.",
                        hint="Check the option values (types and ranges) in the data panel.",
                        code="option") from None


def missing_option_message(info: DatasetInfo, option: str) -> str:
    """What to do about a required option left empty, in words.

    Example:
        >>> missing_option_message(dataset_info("csv"), "path")
        'Choose a CSV file.'
    """
    if info.name == "csv" and option == "path":
        return "Choose a CSV file."
    if info.name == "arrays" and option == "path":
        return "Choose a NumPy file (.npz or .npy)."
    if info.name == "image_folder" and option == "path":
        return "Choose a folder of images (one sub-folder per class)."
    return f"The {info.name} dataset needs {option}."


def _builtin() -> None:
    img = {"scale": "divide255"}
    entries = [
        ("iris", "Iris flowers", CLASSIFICATION, "scikit-learn", True, sklearn_sets.load_iris, {}),
        ("digits", "Hand-written digits 8×8", CLASSIFICATION, "scikit-learn", True,
         sklearn_sets.load_digits, {}),
        ("wine", "Wine cultivars", CLASSIFICATION, "scikit-learn", True, sklearn_sets.load_wine,
         {"scale": "standardize"}),
        ("breast_cancer", "Breast cancer diagnosis", CLASSIFICATION, "scikit-learn", True,
         sklearn_sets.load_breast_cancer, {"scale": "standardize"}),
        ("diabetes", "Diabetes progression", REGRESSION, "scikit-learn", True,
         sklearn_sets.load_diabetes, {"scale_target": "standardize"}),
        ("spirals", "Spirals (2-D)", CLASSIFICATION, "generated", True, generated.load_spirals, {}),
        ("moons", "Moons (2-D)", CLASSIFICATION, "generated", True, generated.load_moons, {}),
        ("circles", "Circles (2-D)", CLASSIFICATION, "generated", True, generated.load_circles, {}),
        ("shapes", "Coloured shapes 32×32×3", CLASSIFICATION, "generated", True,
         drawn_shapes.load_shapes, img),
        ("series", "Price-like series, 60-step windows", REGRESSION, "generated", True,
         generated.load_series, {}),
        ("letters", "Next letter (abcde)", SEQUENCE, "generated", True, generated.load_letters, {}),
        ("mnist", "MNIST digits", CLASSIFICATION, "keras", False, keras_datasets.load_mnist, img),
        ("fashion_mnist", "Fashion-MNIST", CLASSIFICATION, "keras", False,
         keras_datasets.load_fashion_mnist, img),
        ("cifar10", "CIFAR-10", CLASSIFICATION, "keras", False, keras_datasets.load_cifar10, img),
        ("cifar100", "CIFAR-100", CLASSIFICATION, "keras", False, keras_datasets.load_cifar100, img),
        ("imdb", "IMDB reviews", CLASSIFICATION, "keras", False, keras_datasets.load_imdb, {}),
        ("reuters", "Reuters newswires", CLASSIFICATION, "keras", False,
         keras_datasets.load_reuters, {}),
        ("boston_housing", "Boston housing", REGRESSION, "keras", False,
         keras_datasets.load_boston_housing, {"scale": "standardize"}),
        ("california_housing", "California housing", REGRESSION, "keras", False,
         keras_datasets.load_california_housing, {"scale": "standardize"}),
        ("csv", "CSV table", CLASSIFICATION, "file", True, user_files.load_csv, {}),
        ("arrays", "NumPy arrays (.npz/.npy)", CLASSIFICATION, "file", True,
         user_files.load_arrays, {}),
        ("image_folder", "Image folder (one sub-folder per class)", CLASSIFICATION, "file", True,
         user_files.load_image_folder, img),
    ]
    for name, title, task, source, offline, loader, suggested in entries:
        register(DatasetInfo(name, title, task, source, offline, loader, suggested))


_builtin()

"""The `Dataset` value: arrays plus what a person needs to know about them.

Nothing here imports TensorFlow or Keras. A dataset holds numpy arrays for
training and (optionally) validation, the task it is meant for, the class
names, and, for regression, the scaler whose inverse turns predictions back
into the original units for plots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.errors import NeuroCanvasError

CLASSIFICATION = "classification"
REGRESSION = "regression"
SEQUENCE = "sequence"
TASKS = (CLASSIFICATION, REGRESSION, SEQUENCE)


class DataError(NeuroCanvasError):
    """Data that cannot be loaded or prepared; the message says what to do.

    Example:
        >>> try:
        ...     raise DataError("The file has no column 'price'.",
        ...                     hint="Choose one of: area, rooms.")
        ... except DataError as e:
        ...     print(e.message, "|", e.hint)
        The file has no column 'price'. | Choose one of: area, rooms.
    """


@dataclass
class Dataset:
    """Training (and optional validation) arrays with their description.

    Args:
        name: registry name or a file name, e.g. ``"digits"``.
        description: one or two sentences for the dataset picker.
        task: ``"classification"``, ``"regression"`` or ``"sequence"``
            (sequence: next-item prediction, labels are class ids).
        x_train, y_train: numpy arrays; the first axis is the sample axis.
        x_val, y_val: optional validation arrays.
        class_names: one name per class for classification and sequence
            tasks, ``None`` for regression.
        input_shape: the shape of one sample (filled from ``x_train``).
        target_scaler: for regression, the fitted scaler of the targets
            (an ``engine.data.preprocessing.Scaler``); its ``inverse``
            gives predictions back in the original units.
        meta: free-form facts worth showing (source file, options used).

    Example:
        >>> import numpy as np
        >>> ds = Dataset("toy", "Two points.", "classification",
        ...              np.zeros((2, 3)), np.array([0, 1]),
        ...              class_names=["no", "yes"])
        >>> ds.input_shape, ds.num_classes, ds.label_mode
        ((3,), 2, 'sparse')
    """

    name: str
    description: str
    task: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray | None = None
    y_val: np.ndarray | None = None
    class_names: list[str] | None = None
    input_shape: tuple | None = None
    target_scaler: Any = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise DataError(f"Unknown task {self.task!r} for dataset {self.name!r}.",
                            hint=f"Use one of: {', '.join(TASKS)}.")
        if len(self.x_train) != len(self.y_train):
            raise DataError(
                f"The {self.name} data has {len(self.x_train)} training inputs "
                f"but {len(self.y_train)} targets.",
                hint="Inputs and targets must have one row per sample.")
        if (self.x_val is None) != (self.y_val is None):
            raise DataError(f"The {self.name} validation set needs both inputs and targets.")
        if self.x_val is not None and len(self.x_val) != len(self.y_val):
            raise DataError(
                f"The {self.name} data has {len(self.x_val)} validation inputs "
                f"but {len(self.y_val)} targets.")
        self.input_shape = tuple(int(d) for d in self.x_train.shape[1:])
        if self.class_names is not None:
            self.class_names = [str(c) for c in self.class_names]

    # -- facts -----------------------------------------------------------------
    @property
    def target_shape(self) -> tuple:
        """Shape of one target, e.g. ``()`` for sparse labels, ``(10,)`` one-hot."""
        return tuple(int(d) for d in self.y_train.shape[1:])

    @property
    def num_classes(self) -> int | None:
        return len(self.class_names) if self.class_names is not None else None

    @property
    def label_mode(self) -> str:
        """``"sparse"`` (class ids), ``"onehot"``, or ``"continuous"``."""
        if self.task == REGRESSION:
            return "continuous"
        shape = self.target_shape
        if shape == () or shape == (1,):
            return "sparse"
        return "onehot"

    @property
    def has_validation(self) -> bool:
        return self.x_val is not None

    @property
    def num_train(self) -> int:
        return int(len(self.x_train))

    @property
    def num_val(self) -> int:
        return int(len(self.x_val)) if self.x_val is not None else 0

    def sparse_labels(self, split: str = "train") -> np.ndarray:
        """Class ids whatever the label mode (argmax of one-hot labels)."""
        y = self.y_train if split == "train" else self.y_val
        if y is None:
            raise DataError(f"The {self.name} data has no {split} set.")
        if self.label_mode == "onehot":
            return np.argmax(y, axis=-1)
        return np.asarray(y).reshape(len(y)).astype("int64")

    def summary(self) -> dict:
        """JSON-able description for the dataset picker and run records."""
        return {
            "name": self.name,
            "description": self.description,
            "task": self.task,
            "input_shape": list(self.input_shape),
            "target_shape": list(self.target_shape),
            "x_dtype": str(self.x_train.dtype),
            "num_train": self.num_train,
            "num_val": self.num_val,
            "class_names": self.class_names,
            "label_mode": self.label_mode,
        }

    def preview(self, n: int = 5, split: str = "train") -> list[dict]:
        """A few samples, evenly spread over the split, for a thumbnail strip.

        Each item is ``{"index", "x", "y", "label"}``; ``label`` is the class
        name for classification and sequence tasks, the target value (in
        original units when a target scaler is set) for regression.
        """
        x = self.x_train if split == "train" else self.x_val
        y = self.y_train if split == "train" else self.y_val
        if x is None or len(x) == 0:
            return []
        n = max(0, min(int(n), len(x)))
        if n == 0:
            return []
        idx = np.linspace(0, len(x) - 1, n).round().astype(int)
        items = []
        for i in idx:
            yi = np.asarray(y[i])
            if self.task == REGRESSION:
                value = yi
                if self.target_scaler is not None:
                    value = self.target_scaler.inverse(yi.reshape(1, -1)).reshape(yi.shape)
                label = float(np.ravel(value)[0]) if np.size(value) == 1 else np.asarray(value).tolist()
            else:
                cls = int(np.argmax(yi)) if yi.ndim >= 1 and yi.size > 1 else int(np.ravel(yi)[0])
                names = self.class_names or []
                label = names[cls] if 0 <= cls < len(names) else str(cls)
            items.append({"index": int(i), "x": np.asarray(x[i]), "y": yi, "label": label})
        return items

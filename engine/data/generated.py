"""Small generated datasets: 2-D point clouds, a price-like series cut into
windows, and the course's letter-sequence task. All work offline and are
seeded, so a run can be repeated exactly.
"""

from __future__ import annotations

import numpy as np

from engine.data.dataset import CLASSIFICATION, REGRESSION, SEQUENCE, DataError, Dataset
from engine.data.preprocessing import Scaler, make_windows
from engine.data.sklearn_sets import course_split


# ----------------------------------------------------------------------------- 2-D points
def _points(name, description, x, y, class_names, validation_split, seed):
    x_tr, y_tr, x_va, y_va = course_split(x.astype("float32"), y.astype("int64"),
                                          validation_split, seed)
    return Dataset(name, description, CLASSIFICATION, x_tr, y_tr, x_va, y_va,
                   class_names=class_names, meta={"source": "generated", "seed": seed})


def load_spirals(n_samples: int = 1000, n_classes: int = 2, noise: float = 0.2,
                 turns: float = 1.5, validation_split: float = 0.2, seed: int = 0) -> Dataset:
    """Interleaved 2-D spiral arms, one per class, for decision-boundary plots."""
    n_classes = int(n_classes)
    if n_classes < 2:
        raise DataError("Spirals need at least 2 classes.")
    rng = np.random.default_rng(seed)
    y = np.arange(int(n_samples)) % n_classes
    t = rng.uniform(0.0, 1.0, len(y))
    radius = 0.2 + 2.8 * t
    angle = 2 * np.pi * turns * t + 2 * np.pi * y / n_classes
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    x += rng.normal(0.0, noise, x.shape)
    return _points("spirals", f"{n_samples} 2-D points on {n_classes} interleaved spiral arms.",
                   x, y, [f"arm {i}" for i in range(n_classes)], validation_split, seed)


def load_moons(n_samples: int = 1000, noise: float = 0.15, validation_split: float = 0.2,
               seed: int = 0) -> Dataset:
    from sklearn.datasets import make_moons

    x, y = make_moons(int(n_samples), noise=noise, random_state=seed)
    return _points("moons", f"{n_samples} 2-D points on two interleaving half circles.",
                   x, y, ["upper", "lower"], validation_split, seed)


def load_circles(n_samples: int = 1000, noise: float = 0.08, factor: float = 0.5,
                 validation_split: float = 0.2, seed: int = 0) -> Dataset:
    from sklearn.datasets import make_circles

    x, y = make_circles(int(n_samples), noise=noise, factor=factor, random_state=seed)
    return _points("circles", f"{n_samples} 2-D points on two concentric circles.",
                   x, y, ["outer", "inner"], validation_split, seed)


# ----------------------------------------------------------------------------- series
def generate_series(kind: str = "random_walk", length: int = 2426, seed: int = 7) -> np.ndarray:
    """A positive price-like series of ``length`` steps.

    ``"sine"``: two seasonal waves on a slow trend with noise;
    ``"random_walk"``: a geometric random walk with a small drift.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(int(length), dtype="float64")
    if kind == "sine":
        s = (100 + 0.02 * t + 10 * np.sin(2 * np.pi * t / 50)
             + 4 * np.sin(2 * np.pi * t / 185) + rng.normal(0, 1.0, len(t)))
    elif kind == "random_walk":
        s = 100 * np.exp(np.cumsum(rng.normal(0.0004, 0.015, len(t))))
    else:
        raise DataError(f"Unknown series kind {kind!r}.", hint="Use sine or random_walk.")
    return s.astype("float32")


def load_series(kind: str = "random_walk", length: int = 2426, test_size: int = 300,
                window: int = 60, seed: int = 7) -> Dataset:
    """The course's stock example on a generated series.

    The last ``test_size`` steps are the validation set; a min-max scaler is
    fitted on the training steps only; windows of ``window`` steps predict
    the next value. With the defaults: x_train (2066, 60, 1), x_val
    (240, 60, 1), exactly the course's arithmetic. Training windows are
    shuffled (seed 7), validation windows stay in time order for plots; the
    scaler's ``inverse`` turns predictions back into prices.
    """
    series = generate_series(kind, length, seed)
    test_size = int(test_size)
    if not 0 < test_size < len(series):
        raise DataError(f"test_size must be between 1 and {len(series) - 1}, not {test_size}.")
    train, test = series[:-test_size], series[-test_size:]
    scaler = Scaler("minmax").fit(train.reshape(-1, 1))
    train_s = scaler.transform(train.reshape(-1, 1))
    test_s = scaler.transform(test.reshape(-1, 1))
    x_tr, y_tr = make_windows(train_s, window)
    x_va, y_va = make_windows(test_s, window)
    order = np.random.RandomState(seed).permutation(len(x_tr))
    x_tr, y_tr = x_tr[order], y_tr[order]
    return Dataset("series", f"A generated {kind.replace('_', ' ')} of {length} steps cut into "
                   f"{window}-step windows predicting the next value, min-max scaled; "
                   f"the last {test_size} steps are for validation.",
                   REGRESSION, x_tr, y_tr, x_va, y_va, target_scaler=scaler,
                   meta={"source": "generated", "kind": kind, "window": int(window),
                         "input_scaler": scaler.to_dict()})


# ----------------------------------------------------------------------------- letters
def load_letters(alphabet: str = "abcde", steps: int = 1, encoding: str = "onehot",
                 cyclic: bool | None = None) -> Dataset:
    """The course's next-letter task (seed002 §1.14–1.15).

    ``steps`` letters in, the next letter out. ``encoding="onehot"`` gives
    x of shape (N, steps, len(alphabet)) for SimpleRNN; ``"index"`` gives
    integer ids of shape (N, steps) for an Embedding. With ``"abcde"`` the
    sequence wraps around (e→a), giving 5 samples; with the 26-letter
    alphabet and 4 steps it does not, giving the course's 22 samples.
    Labels are class ids (sparse); there is no validation set, so monitor
    ``loss`` as the course does.
    """
    letters = list(dict.fromkeys(alphabet))
    k, steps = len(letters), int(steps)
    if k < 2 or steps < 1:
        raise DataError("The letters task needs at least 2 letters and 1 step.")
    if cyclic is None:
        cyclic = alphabet == "abcde"
    n = k if cyclic else k - steps
    if n < 1:
        raise DataError(f"{steps} steps leave no samples with {k} letters.")
    ids = np.array([[(i + j) % k for j in range(steps)] for i in range(n)], dtype="int64")
    y = np.array([(i + steps) % k for i in range(n)], dtype="int64")
    if encoding == "onehot":
        x = np.eye(k, dtype="float32")[ids]
    elif encoding == "index":
        x = ids
    else:
        raise DataError(f"Unknown encoding {encoding!r}.", hint="Use onehot or index.")
    return Dataset("letters", f"Predict the next letter of '{alphabet}' from {steps} letter(s), "
                   f"{'one-hot' if encoding == 'onehot' else 'as integer ids for an Embedding'}.",
                   SEQUENCE, x, y, class_names=letters,
                   meta={"source": "generated", "encoding": encoding, "steps": steps})

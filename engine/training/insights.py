"""Insights into a model while it trains: what the dashboard draws besides the curves.

At the end of every ``every_n_epochs``-th epoch (and of the last one) the
insights callback emits, as trainer events (formats in `InsightsCallback`):

- ``feature_maps``: the outputs of the chosen layers for a few fixed input
  samples (picked once per run, one per class where there are classes);
- ``filters``: the convolution kernels, as Keras stores them;
- ``histograms``: weights and gradients per layer (gradients of the loss on
  one fixed training batch, computed in inference mode);
- ``layer_stats``: gradient norm, weight norm and the share of zero outputs
  of ReLU-like layers, for the canvas badges;
- ``confusion`` and ``predictions`` for classification, predicted vs actual
  (back in original units) for regression and series;
- ``boundary``: the class probabilities over a grid, for 2-D inputs.

Everything runs at epoch end, never per batch, on small fixed sample sets
(at most `GRAD_SAMPLES` for gradients, `EVAL_SAMPLES` for the confusion
matrix and predictions), so its cost stays small and constant however large
the dataset is. ``Trainer.request_feature_maps`` asks for an extra capture at
the next batch boundary. `activation_maximisation` draws the input that a
channel likes most by gradient ascent.

Gradients need automatic differentiation, which Keras 3 does not expose
through ``keras.ops``; the one place that uses TensorFlow's ``GradientTape``
is `_gradients`. Under another backend the gradient-based parts (gradient
histograms, gradient norms, activation maximisation) are left out and the
rest still works. Nothing here imports Keras or TensorFlow at import time.

Example::

    from engine.data import load_dataset
    from engine.training.trainer import Trainer
    t = Trainer(model, load_dataset("moons"), {"epochs": 5},
                insights={"feature_layers": ["dense"], "every_n_epochs": 1})
    t.subscribe(lambda e: e.kind == "boundary" and print(e.data["probs"].shape))
    t.start()
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, dataclass, field, fields

import numpy as np

from engine.errors import NeuroCanvasError
from engine.i18n import N_, msg
from engine.training.errors import SettingsError

log = logging.getLogger(__name__)

BINS = 30            # histogram bins
GRID = 60            # decision-boundary grid points per axis
GRAD_SAMPLES = 32    # training samples whose gradients feed histograms and norms
EVAL_SAMPLES = 256   # samples per prediction call (confusion matrix), regression predictions
EVAL_VALUES = 4_000_000  # ...fewer for large inputs: at most this many input values
POINTS = 400         # data points drawn under the decision boundary
RELU_LIKE = {"relu", "relu6"}
KINDS = ("feature_maps", "filters", "histograms", "layer_stats", "confusion", "predictions",
         "boundary")


class InsightError(NeuroCanvasError):
    """An insight that cannot be computed for this model (unknown layer, bad channel…)."""


# ----------------------------------------------------------------------------- settings
@dataclass
class InsightSettings:
    """Which insights a run produces; JSON-able.

    Args:
        feature_layers: layer names (= node names) whose feature maps are
            captured at epoch end; empty captures none (on-demand captures
            still work). `suggest_feature_layers` proposes some.
        every_n_epochs: produce insights every n-th epoch (and after the last).
        n_samples: how many fixed input samples feed the feature maps and
            the sample predictions.
        histograms, confusion, predictions, boundary, filters, layer_stats:
            switch each kind of insight on or off.

    Example:
        >>> s = InsightSettings.from_dict({"feature_layers": ["conv1"], "n_samples": 4})
        >>> InsightSettings.from_dict(s.to_dict()) == s, s.histograms
        (True, True)
    """

    feature_layers: list = field(default_factory=list)
    every_n_epochs: int = 1
    n_samples: int = 8
    histograms: bool = True
    confusion: bool = True
    predictions: bool = True
    boundary: bool = True
    filters: bool = True
    layer_stats: bool = True

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> "InsightSettings":
        d = dict(d or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise SettingsError(msg("Unknown insight setting(s): {unknown}.",
                                    unknown=', '.join(unknown)),
                                hint=msg("Known settings: {known}.", known=', '.join(sorted(known))),
                                code="insights")
        layers = d.get("feature_layers") or []
        if isinstance(layers, str):
            layers = [layers]
        out = cls(feature_layers=[str(n) for n in layers])
        for name in ("every_n_epochs", "n_samples"):
            if name in d:
                try:
                    value = int(d[name])
                except (TypeError, ValueError):
                    value = 0
                if value < 1:
                    raise SettingsError(msg("Insight setting {name} must be a whole number of at "
                                            "least 1, not {value!r}.",
                                            name=name, value=d[name]), code="insights")
                setattr(out, name, value)
        for name in ("histograms", "confusion", "predictions", "boundary", "filters",
                     "layer_stats"):
            if name in d:
                setattr(out, name, bool(d[name]))
        return out

    @classmethod
    def off(cls) -> "InsightSettings":
        """Nothing at epoch end; only on-demand requests are served."""
        return cls(histograms=False, confusion=False, predictions=False, boundary=False,
                   filters=False, layer_stats=False)


def insight_settings(value) -> InsightSettings | None:
    """``InsightSettings``, its dict, or ``None`` (no epoch-end insights)."""
    if value is None or isinstance(value, InsightSettings):
        return value
    if isinstance(value, dict):
        return InsightSettings.from_dict(value)
    raise SettingsError(msg("Insights must be InsightSettings, a dict or None, not {name}.",
                            name=type(value).__name__), code="insights")


def suggest_feature_layers(model, limit: int = 4) -> list[str]:
    """The first ``limit`` convolution layers of a Keras model (their maps are worth a look)."""
    out = []
    for layer in model.layers:
        if _kernel_of(layer) is not None and len(layer.output.shape) >= 3:
            out.append(layer.name)
    return out[:limit]


# ----------------------------------------------------------------------------- plain functions
def layer_histograms(arrays_by_layer: dict, bins: int = BINS) -> dict:
    """``{layer: (counts int64, bin_edges float64)}`` over all values of each layer's arrays.

    Non-finite values are left out of the counts.

    Example:
        >>> h = layer_histograms({"dense": [np.arange(6.0).reshape(2, 3), np.zeros(3)]}, bins=3)
        >>> h["dense"][0].tolist(), int(h["dense"][0].sum())
        ([5, 2, 2], 9)
    """
    out = {}
    for name, arrays in arrays_by_layer.items():
        flat = np.concatenate([np.asarray(a, dtype="float64").ravel() for a in arrays]) \
            if arrays else np.zeros(0)
        flat = flat[np.isfinite(flat)]
        if flat.size == 0:
            counts, edges = np.zeros(bins, dtype="int64"), np.linspace(0.0, 1.0, bins + 1)
        else:
            lo, hi = float(flat.min()), float(flat.max())
            if lo == hi:
                lo, hi = lo - 0.5, hi + 0.5
            counts, edges = np.histogram(flat, bins=bins, range=(lo, hi))
        out[name] = (counts.astype("int64"), edges.astype("float64"))
    return out


def per_class_scores(y_true, y_pred, num_classes: int) -> dict:
    """Precision, recall, F1 and support of every class (scikit-learn's
    ``precision_recall_fscore_support``; a class never predicted scores 0).

    Example:
        >>> s = per_class_scores([0, 1, 1, 2], [0, 1, 2, 2], 3)
        >>> s["precision"], s["support"]
        ([1.0, 1.0, 0.5], [1, 2, 1])
    """
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, support = precision_recall_fscore_support(
        np.asarray(y_true), np.asarray(y_pred), labels=list(range(int(num_classes))),
        zero_division=0)
    return {"precision": [float(v) for v in p], "recall": [float(v) for v in r],
            "f1": [float(v) for v in f], "support": [int(v) for v in support]}


def confusion_matrix(y_true, y_pred, num_classes: int) -> np.ndarray:
    """Counts with rows = true class, columns = predicted class.

    Example:
        >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], 3).tolist()
        [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    """
    t = np.asarray(y_true, dtype="int64").ravel()
    p = np.asarray(y_pred, dtype="int64").ravel()
    ok = (t >= 0) & (t < num_classes) & (p >= 0) & (p < num_classes)
    flat = np.bincount(t[ok] * num_classes + p[ok], minlength=num_classes * num_classes)
    return flat.reshape(num_classes, num_classes).astype("int64")


def fixed_samples(dataset, n: int, seed: int = 0) -> np.ndarray:
    """Indices of ``n`` samples (validation set if there is one), one per class in turn."""
    x, y = (dataset.x_val, "val") if dataset.has_validation else (dataset.x_train, "train")
    total = len(x)
    n = min(int(n), total)
    if dataset.num_classes:
        labels = dataset.sparse_labels(y)
        by_class = [np.flatnonzero(labels == k) for k in range(dataset.num_classes)]
        picked, round_ = [], 0
        while len(picked) < n:
            added = False
            for idx in by_class:
                if round_ < len(idx) and len(picked) < n:
                    picked.append(int(idx[round_]))
                    added = True
            if not added:
                break
            round_ += 1
        return np.array(picked, dtype="int64")
    return np.random.default_rng(seed).choice(total, n, replace=False) if n < total \
        else np.arange(total)


def activation_maximisation(model, layer_name: str, channel: int, steps: int = 60,
                            step_size: float = 0.05, seed: int = 0,
                            display: bool = True) -> np.ndarray:
    """The input that makes ``channel`` of ``layer_name`` respond most, by gradient ascent.

    Starts from noise around grey and climbs the mean activation of the
    channel (the last axis of the layer's output) with normalised gradient
    steps, in inference mode. Returns one input sample (``model``'s input
    shape), rescaled to [0, 1] for display unless ``display=False``. Raises `InsightError` with a
    readable message for an unknown layer or a channel out of range.
    """
    import keras

    layer = _get_layer(model, layer_name)
    if len(model.inputs) != 1:
        raise InsightError(N_("Activation maximisation needs a model with one input."))
    out_shape = layer.output.shape
    channels = out_shape[-1]
    if channels is None or not 0 <= int(channel) < int(channels):
        raise InsightError(msg("Layer {layer_name} has {channels} channels; channel {channel} "
                               "does not exist.",
                               layer_name=layer_name, channels=channels, channel=channel), hint=msg("Pick a channel from 0 to {value}.",
                                                        value=channels - 1))
    in_shape = tuple(model.inputs[0].shape[1:])
    if any(d is None for d in in_shape):
        raise InsightError(N_("Activation maximisation needs a model with a fixed input shape."))
    side = keras.Model(model.inputs[0], layer.output)
    rng = np.random.default_rng(seed)
    x = (0.5 + 0.2 * rng.standard_normal((1,) + in_shape)).astype("float32")
    ch = int(channel)

    for _ in range(int(steps)):
        def objective(inp):
            return keras.ops.mean(side(inp, training=False)[..., ch])

        _, grad = _input_gradient(objective, x)
        grad = np.asarray(grad, dtype="float32")
        x = x + step_size * grad / (grad.std() + 1e-8)
    if not display:
        return x[0]
    img = x[0].astype("float64")
    img = (img - img.mean()) / (img.std() + 1e-8) * 0.15 + 0.5
    return np.clip(img, 0.0, 1.0).astype("float32")


# ----------------------------------------------------------------------------- gradients
def _gradients_supported() -> bool:
    import keras

    return keras.backend.backend() == "tensorflow"


def _gradients(fn, variables):
    """``(value, aux, grads)`` of ``fn() -> (scalar, aux)`` with respect to Keras variables.

    The only use of TensorFlow's ``GradientTape`` in the engine.
    """
    import tensorflow as tf

    with tf.GradientTape() as tape:
        value, aux = fn()
    grads = tape.gradient(value, [v.value for v in variables])
    return value, aux, grads


def _input_gradient(fn, x: np.ndarray):
    """``(value, d value / d x)`` of ``fn(x) -> scalar`` for a numpy input ``x``."""
    if not _gradients_supported():
        import keras

        raise InsightError(msg("Activation maximisation needs gradients, which NeuroCanvas "
                               "computes with the TensorFlow backend; this session uses "
                               "{backend}.",
                               backend=keras.backend.backend()), hint=N_("Set KERAS_BACKEND=tensorflow."))
    import tensorflow as tf

    t = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        tape.watch(t)
        value = fn(t)
    return float(value), tape.gradient(value, t).numpy()


# ----------------------------------------------------------------------------- helpers
def _get_layer(model, name: str):
    try:
        return model.get_layer(name)
    except ValueError:
        raise InsightError(msg("The model has no layer called {name!r}.", name=name),
                           hint=N_("Use a layer (node) name from the canvas.")) from None


def _kernel_of(layer):
    for attr in ("kernel", "depthwise_kernel"):
        try:
            k = getattr(layer, attr, None)
        except Exception:
            k = None
        if k is not None and len(k.shape) >= 3:
            return k
    return None


def _activation_name(layer) -> str | None:
    if type(layer).__name__ == "ReLU":
        return "relu"
    act = getattr(layer, "activation", None)
    if act is None:
        return None
    return getattr(act, "__name__", None)


def _as_list(outs) -> list:
    return list(outs) if isinstance(outs, (list, tuple)) else [outs]


def _to_numpy(t) -> np.ndarray:
    import keras

    return np.asarray(keras.ops.convert_to_numpy(t))


def _input_dtype(model) -> str:
    dtype = getattr(model.inputs[0], "dtype", "float32") or "float32"
    return str(getattr(dtype, "name", dtype))


def _probabilities(out: np.ndarray, activation: str | None) -> np.ndarray:
    """Model outputs as probabilities (applies sigmoid/softmax to logits)."""
    out = np.asarray(out, dtype="float64")
    if activation in ("softmax", "sigmoid"):
        return out
    if out.shape[-1] == 1:
        return 1.0 / (1.0 + np.exp(-out))
    e = np.exp(out - out.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _finite(logs) -> bool:
    for v in (logs or {}).values():
        try:
            if not np.isfinite(float(v)):
                return False
        except (TypeError, ValueError):
            continue
    return True


def _class_ids(probs: np.ndarray) -> np.ndarray:
    if probs.ndim == 1 or probs.shape[-1] == 1:
        return (probs.reshape(len(probs)) >= 0.5).astype("int64")
    return np.argmax(probs, axis=-1).astype("int64")


# ----------------------------------------------------------------------------- the probe
class _Probe:
    """What the insights compute on, chosen and built once per run."""

    def __init__(self, model, dataset, settings: InsightSettings, batch_size: int | None = None):
        import keras

        from engine.data.dataset import REGRESSION

        self.model = model
        self.dataset = dataset
        self.settings = settings
        self.dtype = _input_dtype(model)
        self.one_input = len(model.inputs) == 1
        self.single = self.one_input and len(model.outputs) == 1
        self.classify = dataset.task != REGRESSION and bool(dataset.num_classes)
        self.activation = None
        if self.single:
            from engine.training.compile import output_activation

            self.activation = output_activation(model, 0)[0]
        names = {layer.name for layer in model.layers}
        self.feature_layers = [n for n in settings.feature_layers if n in names]
        missing = [n for n in settings.feature_layers if n not in names]
        if missing:
            log.warning("No layer called %s; its feature maps are skipped.", ", ".join(missing))
        self.relu_layers = [layer.name for layer in model.layers
                            if _activation_name(layer) in RELU_LIKE] \
            if settings.layer_stats else []
        self.weight_layers = [layer for layer in model.layers if layer.trainable_weights]
        self.variables = [v for layer in self.weight_layers for v in layer.trainable_weights]
        self.gradients = ((settings.histograms or settings.layer_stats) and self.single
                          and _gradients_supported())

        # Fixed samples: feature maps and sample predictions.
        val = dataset.has_validation
        x_src = dataset.x_val if val else dataset.x_train
        self.sample_idx = fixed_samples(dataset, settings.n_samples)
        self.samples = np.asarray(x_src[self.sample_idx])
        self.sample_labels = (dataset.sparse_labels("val" if val else "train")[self.sample_idx]
                              if self.classify else None)
        # One fixed training batch for the gradients.
        rng = np.random.default_rng(0)
        n_grad = min(GRAD_SAMPLES, int(batch_size or GRAD_SAMPLES), dataset.num_train)
        gi = np.sort(rng.choice(dataset.num_train, n_grad, replace=False))
        self.grad_x = np.asarray(dataset.x_train[gi]).astype(self.dtype)
        self.grad_y = np.asarray(dataset.y_train[gi])
        # Evaluation samples: the confusion matrix counts every validation sample
        # (predicted in chunks, see `predict_all`); regression predictions plot
        # the first ones, in order, so a series plots as a line.
        size = max(1, int(np.prod(dataset.input_shape)))
        self.eval_chunk = max(16, min(EVAL_SAMPLES, EVAL_VALUES // size))
        if self.classify and val:
            ei = np.arange(len(x_src))
            self.eval_x = np.asarray(x_src)
        else:   # no validation set: a fixed sample of the training set
            n_eval = min((8 if self.classify else 1) * self.eval_chunk, len(x_src))
            ei = (np.sort(rng.choice(len(x_src), n_eval, replace=False)) if self.classify
                  else np.arange(n_eval))
            self.eval_x = np.asarray(x_src[ei])
        self.eval_idx = ei
        y_src = dataset.y_val if val else dataset.y_train
        self.eval_y = np.asarray(y_src[ei])
        # Decision boundary: 2-D inputs only.
        self.grid = None
        if (settings.boundary and self.classify and self.single
                and tuple(dataset.input_shape) == (2,)):
            x2 = np.asarray(dataset.x_train, dtype="float64")
            lo, hi = x2.min(axis=0), x2.max(axis=0)
            pad = 0.1 * np.where(hi > lo, hi - lo, 1.0)
            xx = np.linspace(lo[0] - pad[0], hi[0] + pad[0], GRID)
            yy = np.linspace(lo[1] - pad[1], hi[1] + pad[1], GRID)
            gx, gy = np.meshgrid(xx, yy)   # row i is yy[i], column j is xx[j]
            self.grid = (xx, yy, np.stack([gx.ravel(), gy.ravel()], axis=1).astype(self.dtype))
            pi = rng.choice(dataset.num_train, min(POINTS, dataset.num_train), replace=False)
            self.points = x2[pi]
            self.point_labels = dataset.sparse_labels("train")[pi]

        self.side_layers = list(dict.fromkeys(self.feature_layers + self.relu_layers))
        self.side = None
        if self.one_input:
            outs = [model.get_layer(n).output for n in self.side_layers] + [model.outputs[0]]
            self.side = keras.Model(model.inputs[0], outs)
        self._side_cache: dict = {}
        self._fn = None
        self._predict = None

    # -- pieces
    def _step(self, x_all, grad_x, grad_y):
        """Everything computed on the model in one call (traced once per run under TF)."""
        import keras

        ns = len(self.samples)
        outs = _as_list(self.side(x_all, training=False))
        out = {"outputs": outs[-1][:ns], "maps": {}, "zeros": {}}
        for name, t in zip(self.side_layers, outs[:-1]):
            if name in self.feature_layers:
                out["maps"][name] = t[:ns]
            if name in self.relu_layers:
                out["zeros"][name] = keras.ops.mean(
                    keras.ops.cast(keras.ops.equal(t[ns:], 0), "float32"))
        loss = None
        if self.gradients:
            loss = self.model.compute_loss(x=grad_x, y=grad_y, y_pred=outs[-1][ns:],
                                           training=False)
        return loss, out

    def _traced(self):
        """``fn(*args) -> dict`` of tensors; under TF one ``tf.function`` with the gradients."""
        if self._fn is not None:
            return self._fn
        if not _gradients_supported():
            def eager(x_all, grad_x, grad_y, eval_x, grid):
                out = self._step(x_all, grad_x, grad_y)[1]
                if eval_x is not None:
                    out["eval"] = self.model(eval_x, training=False)
                if grid is not None:
                    out["grid"] = self.model(grid, training=False)
                return out

            self._fn = eager
            return self._fn
        import tensorflow as tf

        def fn(x_all, grad_x, grad_y, eval_x, grid):
            args = (x_all, grad_x, grad_y)
            if self.gradients:
                _, out, grads = _gradients(lambda: self._step(*args), self.variables)
                out["grads"] = grads
            else:
                out = self._step(*args)[1]
            if eval_x is not None:
                out["eval"] = self.model(eval_x, training=False)
            if grid is not None:
                out["grid"] = self.model(grid, training=False)
            return out

        self._fn = tf.function(fn, reduce_retracing=True, autograph=False)
        return self._fn

    def predict_all(self, x: np.ndarray) -> np.ndarray:
        """The model's outputs for every sample of ``x``, in chunks of `eval_chunk`
        (the last chunk padded, so the traced call keeps one shape)."""
        if self._predict is None:
            import keras

            call = lambda batch: self.model(batch, training=False)  # noqa: E731
            if keras.backend.backend() == "tensorflow":
                import tensorflow as tf

                call = tf.function(call, reduce_retracing=True, autograph=False)
            self._predict = call
        n, chunk, outs = len(x), self.eval_chunk, []
        for start in range(0, n, chunk):
            part = np.asarray(x[start:start + chunk]).astype(self.dtype)
            short = chunk - len(part)
            if short and n > chunk:
                part = np.concatenate([part, np.repeat(part[-1:], short, axis=0)], axis=0)
            outs.append(_to_numpy(self._predict(part))[:chunk - short])
        return np.concatenate(outs, axis=0)

    def compute(self, want_eval: bool) -> dict:
        """Run `_step` on the fixed data and bring everything back as numpy."""
        x_all = np.concatenate([self.samples.astype(self.dtype), self.grad_x], axis=0)
        eval_all = want_eval and self.classify
        want_eval = want_eval and not eval_all
        eval_x = self.eval_x.astype(self.dtype) if want_eval else None
        grid = self.grid[2] if self.grid is not None else None
        out = self._traced()(x_all, self.grad_x, self.grad_y, eval_x, grid)
        result = {"outputs": _to_numpy(out["outputs"]),
                  "maps": {k: _to_numpy(v) for k, v in out["maps"].items()},
                  "zeros": {k: float(_to_numpy(v)) for k, v in out["zeros"].items()}}
        for key in ("eval", "grid"):
            if key in out:
                result[key] = _to_numpy(out[key])
        if "grads" in out:
            result["grads"] = [None if g is None else _to_numpy(g) for g in out["grads"]]
        if eval_all:
            result["eval"] = self.predict_all(self.eval_x)
        return result

    def feature_maps(self, names: list[str]) -> dict:
        import keras

        key = tuple(names)
        if key not in self._side_cache:
            outs = [_get_layer(self.model, n).output for n in names]
            self._side_cache[key] = keras.Model(self.model.inputs[0], outs)
        outs = _as_list(self._side_cache[key](self.samples.astype(self.dtype), training=False))
        return {n: _to_numpy(t) for n, t in zip(names, outs)}


# ----------------------------------------------------------------------------- the callback
class _InsightsMixin:
    """Epoch-end insights; ``emit(kind, **data)`` delivers them (e.g. ``Trainer.emit``).

    Event data (all arrays numpy; layer keys are Keras layer names):

    - feature_maps: ``epoch``, ``maps`` {layer: (n_samples, *output shape)},
      ``samples`` (the fixed inputs); on-demand captures add ``on_demand=True``.
    - filters: ``epoch``, ``filters`` {layer: kernel as Keras stores it}.
    - histograms: ``epoch``, ``weights`` and ``gradients`` {layer: (counts, edges)}
      over the layer's trainable weights (counts sum to their size).
    - layer_stats: ``epoch``, ``stats`` {layer: {grad_norm, weight_norm, dead_fraction}}
      for layers with weights or a ReLU-like output; norms are L2 over the layer's
      trainable weights (0.0 for a layer without weights; ``grad_norm`` is ``None``
      where gradients are unavailable); ``dead_fraction`` is the share of exact
      zeros in a ReLU/ReLU6 output on the gradient batch, ``None`` for other layers.
    - confusion: ``epoch``, ``matrix`` (C, C) rows true / cols predicted, ``class_names``,
      over up to `EVAL_SAMPLES` validation samples (a fixed random subset).
    - predictions: ``epoch``, ``task``, ``x``, ``y_true``, ``y_pred`` (classification:
      class ids of the fixed samples plus ``probs`` and ``class_names``;
      regression: up to `EVAL_SAMPLES` validation samples in order, original units).
    - boundary: ``epoch``, ``xx`` (G,), ``yy`` (G,), ``probs`` (G, G) for one
      sigmoid unit or (G, G, C) (``probs[i, j]`` is at ``(xx[j], yy[i])``),
      ``points`` (N, 2), ``labels`` (N,).
    """

    def __init__(self, dataset, settings: InsightSettings, emit, batch_size: int | None = None):
        super().__init__()
        self.dataset = dataset
        self.batch_size = batch_size
        self.settings = settings
        self.emit = emit
        self.probe: _Probe | None = None
        self.epoch = 0
        self._requested: list[str] | None = None
        self._disabled: set[str] = set()
        self.seconds = 0.0  # time spent on insights in this run (for benches and logs)

    # -- requests from other threads
    def request(self, layer_names) -> None:
        self._requested = [str(n) for n in layer_names]

    # -- Keras hooks
    def on_train_begin(self, logs=None):
        t0 = time.perf_counter()
        self.probe = _Probe(self.model, self.dataset, self.settings, self.batch_size)
        self.seconds += time.perf_counter() - t0

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_begin(self, batch, logs=None):
        if self._requested is not None:
            names, self._requested = self._requested, None
            self.capture(names, epoch=self.epoch + 1)

    def on_epoch_end(self, epoch, logs=None):
        if not _finite(logs):
            return
        last = epoch + 1 >= int(self.params.get("epochs") or 0) if self.params else False
        if (epoch + 1) % self.settings.every_n_epochs == 0 or last:
            t0 = time.perf_counter()
            self.collect(epoch + 1)
            self.seconds += time.perf_counter() - t0

    def on_train_end(self, logs=None):
        if self._requested is not None:
            names, self._requested = self._requested, None
            self.capture(names, epoch=self.epoch + 1)

    # -- the work
    def capture(self, layer_names, epoch: int) -> None:
        """Feature maps of ``layer_names`` for the fixed samples, now."""
        if self.probe is None:
            self.probe = _Probe(self.model, self.dataset, self.settings, self.batch_size)
        try:
            maps = self.probe.feature_maps(list(layer_names))
        except Exception as exc:  # noqa: BLE001 - a failed insight never ends a run
            log.warning("Feature maps of %s failed: %s", ", ".join(layer_names), exc)
            return
        self.emit("feature_maps", epoch=int(epoch), maps=maps, samples=self.probe.samples,
                  on_demand=True)

    def _part(self, kind: str, fn) -> None:
        if kind in self._disabled:
            return
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - a failed insight never ends a run
            self._disabled.add(kind)
            log.warning("The %s insight is switched off for this run: %s", kind, exc)

    def collect(self, epoch: int) -> None:
        """Compute and emit every enabled insight for the model as it is now."""
        p, s = self.probe, self.settings
        if p is None:
            return
        fwd: dict = {}
        want_eval = p.single and (s.confusion if p.classify else s.predictions)
        needed = (p.feature_layers or p.relu_layers or p.gradients or want_eval
                  or p.grid is not None or (p.single and p.classify and s.predictions))
        if p.side is not None and needed:
            self._part("model", lambda: fwd.update(p.compute(want_eval)))
        if p.feature_layers and "maps" in fwd:
            self.emit("feature_maps", epoch=epoch, maps=fwd["maps"], samples=p.samples)
        if s.filters:
            self._part("filters", lambda: self._filters(epoch))
        weights = None
        if s.histograms or s.layer_stats:
            weights = [_to_numpy(v) for v in p.variables]
        if s.histograms:
            self._part("histograms", lambda: self._histograms(epoch, weights, fwd.get("grads")))
        if s.layer_stats:
            self._part("layer_stats", lambda: self._layer_stats(epoch, weights, fwd))
        if p.single and p.classify and "outputs" in fwd:
            self._part("classification", lambda: self._classification(epoch, fwd))
        if p.single and not p.classify and "eval" in fwd:
            self._part("predictions", lambda: self._regression(epoch, fwd["eval"]))
        if "grid" in fwd:
            self._part("boundary", lambda: self._boundary(epoch, fwd["grid"]))

    def _filters(self, epoch: int) -> None:
        out = {}
        for layer in self.model.layers:
            k = _kernel_of(layer)
            if k is not None:
                out[layer.name] = _to_numpy(k)
        if out:
            self.emit("filters", epoch=epoch, filters=out)

    def _grouped(self, arrays) -> dict:
        out, i = {}, 0
        for layer in self.probe.weight_layers:
            n = len(layer.trainable_weights)
            out[layer.name] = arrays[i:i + n]
            i += n
        return out

    def _histograms(self, epoch: int, weights, grads) -> None:
        w = layer_histograms(self._grouped(weights))
        g = {}
        if grads is not None:
            g = layer_histograms({k: [a for a in v if a is not None]
                                  for k, v in self._grouped(grads).items()})
        self.emit("histograms", epoch=epoch, weights=w, gradients=g)

    def _layer_stats(self, epoch: int, weights, fwd: dict) -> None:
        p = self.probe
        stats = {}
        wg = self._grouped(weights)
        gg = self._grouped(fwd["grads"]) if "grads" in fwd else {}
        for layer in self.model.layers:
            name = layer.name
            if name not in wg and name not in p.relu_layers:
                continue
            wn = float(np.sqrt(sum(float(np.sum(np.square(a, dtype="float64")))
                                   for a in wg.get(name, []))))
            gn = None
            if name in gg or name not in wg:
                gn = float(np.sqrt(sum(float(np.sum(np.square(a, dtype="float64")))
                                       for a in gg.get(name, []) if a is not None)))
            stats[name] = {"grad_norm": gn, "weight_norm": wn,
                           "dead_fraction": fwd.get("zeros", {}).get(name)}
        self.emit("layer_stats", epoch=epoch, stats=stats)

    def _classification(self, epoch: int, fwd: dict) -> None:
        p, s, ds = self.probe, self.settings, self.dataset
        if s.confusion and "eval" in fwd:
            probs = _probabilities(fwd["eval"], p.activation)
            y_true = ds.sparse_labels("val" if ds.has_validation else "train")[p.eval_idx]
            y_pred = _class_ids(probs)
            self.emit("confusion", epoch=epoch,
                      matrix=confusion_matrix(y_true, y_pred, ds.num_classes),
                      class_names=list(ds.class_names),
                      split="validation" if ds.has_validation else "training sample",
                      per_class=per_class_scores(y_true, y_pred, ds.num_classes))
        if s.predictions:
            probs = _probabilities(fwd["outputs"], p.activation)
            if probs.shape[-1] == 1:
                probs = np.concatenate([1.0 - probs, probs], axis=-1)
            self.emit("predictions", epoch=epoch, task="classification", x=p.samples,
                      y_true=p.sample_labels, y_pred=_class_ids(probs), probs=probs,
                      class_names=list(ds.class_names))

    def _regression(self, epoch: int, y_pred: np.ndarray) -> None:
        p, ds = self.probe, self.dataset
        y_true = np.asarray(p.eval_y, dtype="float64")
        y_pred = np.asarray(y_pred, dtype="float64")
        if y_pred.size == y_true.size:
            y_pred = y_pred.reshape(y_true.shape)
        scaler = ds.target_scaler
        if scaler is not None:
            y_true = scaler.inverse(y_true.reshape(len(y_true), -1)).reshape(y_true.shape)
            y_pred = scaler.inverse(y_pred.reshape(len(y_pred), -1)).reshape(y_pred.shape)
        self.emit("predictions", epoch=epoch, task="regression", x=p.eval_x,
                  y_true=y_true, y_pred=y_pred)

    def _boundary(self, epoch: int, out: np.ndarray) -> None:
        p = self.probe
        xx, yy, _ = p.grid
        probs = _probabilities(out, p.activation)
        g = len(xx)
        probs = probs.reshape(g, g) if probs.shape[-1] == 1 else probs.reshape(g, g, -1)
        self.emit("boundary", epoch=epoch, xx=xx, yy=yy, probs=probs, points=p.points,
                  labels=p.point_labels)


def InsightsCallback(dataset, settings=None, emit=None, batch_size: int | None = None):
    """A Keras callback that emits insight events through ``emit(kind, **data)``.

    ``settings`` is an `InsightSettings`, its dict, or ``None`` (only
    on-demand requests); ``batch_size`` caps the gradient batch (memory).
    Usable without a `Trainer`::

        cb = InsightsCallback(ds, {"feature_layers": ["conv2d"]},
                              emit=lambda kind, **data: print(kind))
        model.fit(ds.x_train, ds.y_train, epochs=2, callbacks=[cb])
    """
    import keras

    class NeuroCanvasInsights(_InsightsMixin, keras.callbacks.Callback):
        pass

    settings = insight_settings(settings) or InsightSettings.off()
    return NeuroCanvasInsights(dataset, settings, emit or (lambda kind, **data: None), batch_size)


# ----------------------------------------------------------------------------- trainer glue
def insights_callbacks(trainer) -> list:
    """The callbacks `Trainer` adds to ``fit`` (one, serving epoch-end and on-demand insights)."""
    old = getattr(trainer, "_insights", None)
    cb = InsightsCallback(trainer.dataset, trainer.insights, trainer.emit,
                          batch_size=trainer.settings.batch_size)
    if old is not None and old._requested is not None:  # asked for between two runs
        cb._requested = old._requested
    trainer._insights = cb
    return [cb]


_idle_lock = threading.Lock()


def request_feature_maps(trainer, layer_names) -> None:
    """Feature maps of ``layer_names``: at the next batch boundary while a run is
    going, right away (on the caller's thread) when none is."""
    names = [layer_names] if isinstance(layer_names, str) else [str(n) for n in layer_names]
    model = trainer.model
    if model is not None:
        for n in names:
            _get_layer(model, n)  # unknown names fail here with a readable message
    cb = getattr(trainer, "_insights", None)
    if trainer.running and cb is not None:
        cb.request(names)
        return
    if model is None:
        raise InsightError(N_("There is no model yet to capture feature maps from."),
                           hint=N_("Start training first."))
    with _idle_lock:
        if cb is None or cb.model is not model:
            cb = InsightsCallback(trainer.dataset, trainer.insights, trainer.emit)
            cb.set_model(model)
        cb.capture(names, epoch=trainer.epochs_done)


__all__ = ["InsightSettings", "InsightError", "InsightsCallback", "insight_settings",
           "suggest_feature_layers", "layer_histograms", "confusion_matrix", "per_class_scores", "fixed_samples",
           "activation_maximisation", "insights_callbacks", "request_feature_maps", "KINDS"]

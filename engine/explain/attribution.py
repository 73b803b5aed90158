"""Attribution maps: which parts of one input made the model give its answer.

Definitions (the tests check them against an independent computation):

- **Grad-CAM** (`gradcam`): at a layer with spatial axes (by default the last
  convolution), ``A`` its output and ``g = d score / d A``; the channel
  weights are ``g`` averaged over the spatial axes and the map is
  ``ReLU(sum_k weight_k * A_k)`` at the layer's own resolution, divided by its
  maximum (a map that is zero everywhere stays zero). The score is the class
  score before a final softmax (`ScoreModel`). `upsample` resizes it for
  display.
- **Saliency** (`saliency`): the maximum over the input's channels (its last
  axis, for inputs of three or more axes: height, width, channels) of ``|d score / d input|``, divided by
  its maximum.
- **SmoothGrad** (`smoothgrad`): as saliency, but ``|d score / d input|`` is
  averaged over ``samples`` copies of the input with Gaussian noise of
  standard deviation ``noise * (max - min of the input)``.
- **Integrated Gradients** (`integrated_gradients`): ``(x - baseline)`` times
  the gradient averaged along the straight path from the baseline (zeros by
  default) to ``x`` (trapezoidal rule with ``steps`` intervals); the
  attributions sum to ``score(x) - score(baseline)`` (completeness). The map
  is their sum over the channels, so it keeps that sum.
- **Occlusion** (`occlusion`): a square patch of ``fill`` values slides over
  the input (``patch`` wide, every ``stride``); the map at a pixel is the drop
  in the class probability (the output, for regression), averaged over the
  patches that cover it.

Every function explains one sample for the predicted class unless
``class_index`` is given, and returns an `Attribution`.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

import numpy as np

from engine.atomic import write_atomic
from engine.explain import METHODS, ExplainError
from engine.explain.model_parts import (
    ScoreModel,
    batch_of,
    default_gradcam_layer,
    get_layer,
    probabilities,
    require_gradients,
    spatial_layers,
)
from engine.i18n import N_, msg

METHOD_TITLES = {"gradcam": "Grad-CAM", "saliency": N_("Saliency"), "smoothgrad": "SmoothGrad",
                 "ig": N_("Integrated Gradients"), "occlusion": N_("Occlusion")}


@dataclass
class Attribution:
    """One explanation of one sample.

    Attributes:
        method: one of `METHODS`.
        map: the raw map as defined in the module doc (Grad-CAM at the layer's
            resolution, the others at the input's spatial shape).
        input: the sample explained (without the batch axis).
        class_index: the class explained (``None`` for regression).
        predicted: the predicted class (``None`` for regression).
        probability: the predicted class's probability (the output for regression).
        layer: the layer Grad-CAM used (``None`` for the other methods).
        extra: method-specific values (``attributions`` and ``completeness``
            for Integrated Gradients).
    """

    method: str
    map: np.ndarray
    input: np.ndarray
    class_index: int | None
    predicted: int | None
    probability: float | None
    layer: str | None = None
    extra: dict = field(default_factory=dict)

    def summary(self) -> dict:
        """The JSON line the command line prints."""
        return {"method": self.method, "layer": self.layer, "class": self.class_index,
                "predicted": self.predicted, "probability": self.probability,
                "map_shape": list(self.map.shape)}

    def display_map(self) -> np.ndarray:
        """The map for display: 2-D, at the input's resolution, in [0, 1]."""
        m = np.asarray(self.map, dtype="float64")
        if self.method in ("ig", "occlusion"):
            m = np.abs(m) if self.method == "ig" else np.maximum(m, 0.0)
            top = m.max() if m.size else 0.0
            m = m / top if top > 0 else m
        if m.ndim == 1:
            m = m[None, :]
        return upsample(m, display_shape(self.input))

    def overlay(self, size: int = 224, alpha: float = 0.5) -> np.ndarray:
        return overlay(self.input, self.display_map(), size=size, alpha=alpha)


# ----------------------------------------------------------------------------- prediction
def predict_one(model, x_batch: np.ndarray) -> tuple[int | None, float | None, np.ndarray]:
    """``(predicted class, its probability, probabilities)``; regression: ``(None, output, out)``."""
    probs = probabilities(model, x_batch)[0]
    if _is_regression(model):
        out = np.asarray(model.predict(x_batch, verbose=0)).reshape(-1)
        return None, float(out[0]), out
    k = int(np.argmax(probs))
    return k, float(probs[k]), probs


def _is_regression(model) -> bool:
    from engine.explain.model_parts import is_regression

    return is_regression(model)


def _target(model, x_batch, class_index):
    predicted, prob, probs = predict_one(model, x_batch)
    if predicted is None:  # regression: the output itself is explained
        if class_index not in (None, 0):
            raise ExplainError(N_("A regression model has no classes to choose from."),
                               code="class")
        return None, None, prob
    if class_index is None:
        return predicted, predicted, prob
    n = len(probs)
    if not 0 <= int(class_index) < n:
        raise ExplainError(msg("Class {index} does not exist; the model has {count} classes.",
                               index=class_index, count=n),
                           msg("Pick a class from 0 to {last}.", last=n - 1), code="class")
    return int(class_index), predicted, prob


# ----------------------------------------------------------------------------- methods
def gradcam(model, sample, class_index: int | None = None, layer: str | None = None) -> Attribution:
    """Grad-CAM of ``sample`` at ``layer`` (default: the last convolution)."""
    import tensorflow as tf

    require_gradients()
    x = batch_of(model, sample)
    layer = layer or default_gradcam_layer(model)
    get_layer(model, layer)
    if layer not in spatial_layers(model):
        raise ExplainError(msg("Grad-CAM needs a layer with spatial axes; {layer} has none.",
                               layer=repr(layer)),
                           N_("Pick a convolution or pooling layer."), code="layer")
    target, predicted, prob = _target(model, x, class_index)
    scorer = ScoreModel(model, layer)
    with tf.GradientTape() as tape:
        acts, scores = scorer(tf.convert_to_tensor(x))
        score = tf.reduce_sum(scorer.select(scores, target))
    grads = tape.gradient(score, acts)
    a = np.asarray(acts, dtype="float64")[0]
    if grads is None:
        g = np.zeros_like(a)
    else:
        g = np.asarray(grads, dtype="float64")[0]
    weights = g.mean(axis=tuple(range(g.ndim - 1)))
    cam = np.maximum((a * weights).sum(axis=-1), 0.0)
    top = cam.max() if cam.size else 0.0
    cam = cam / top if top > 0 else cam
    return Attribution("gradcam", cam.astype("float32"), x[0], target, predicted, prob, layer)


def input_gradients(model, x: np.ndarray, class_index: int, scorer: ScoreModel | None = None,
                    batch_size: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """``(d score / d input, score)`` for every sample of the batch ``x``."""
    import tensorflow as tf

    require_gradients()
    scorer = scorer or ScoreModel(model)
    grads, values = [], []
    for start in range(0, len(x), batch_size):
        t = tf.convert_to_tensor(np.asarray(x[start:start + batch_size], dtype="float32"))
        with tf.GradientTape() as tape:
            tape.watch(t)
            _, scores = scorer(t)
            s = scorer.select(scores, class_index)
            total = tf.reduce_sum(s)
        grads.append(np.asarray(tape.gradient(total, t), dtype="float64"))
        values.append(np.asarray(s, dtype="float64"))
    return np.concatenate(grads), np.concatenate(values)


def _channel_max(g: np.ndarray) -> np.ndarray:
    """``g`` (one sample) reduced over its channel axis, when it has one."""
    return g.max(axis=-1) if g.ndim >= 3 else g


def _normalised(m: np.ndarray) -> np.ndarray:
    top = m.max() if m.size else 0.0
    return (m / top if top > 0 else m).astype("float32")


def saliency(model, sample, class_index: int | None = None) -> Attribution:
    x = batch_of(model, sample)
    target, predicted, prob = _target(model, x, class_index)
    g, _ = input_gradients(model, x, target)
    m = _normalised(_channel_max(np.abs(g[0])))
    return Attribution("saliency", m, x[0], target, predicted, prob)


def smoothgrad(model, sample, class_index: int | None = None, samples: int = 25,
               noise: float = 0.15, seed: int = 0) -> Attribution:
    x = batch_of(model, sample)
    target, predicted, prob = _target(model, x, class_index)
    spread = float(x.max() - x.min()) or 1.0
    rng = np.random.default_rng(seed)
    noisy = x + rng.normal(0.0, noise * spread, size=(int(samples),) + x.shape[1:]).astype("float32")
    g, _ = input_gradients(model, noisy, target)
    m = _normalised(_channel_max(np.abs(g).mean(axis=0)))
    return Attribution("smoothgrad", m, x[0], target, predicted, prob,
                       extra={"samples": int(samples), "noise": float(noise)})


def integrated_gradients(model, sample, class_index: int | None = None, steps: int = 64,
                         baseline=None) -> Attribution:
    x = batch_of(model, sample)
    target, predicted, prob = _target(model, x, class_index)
    base = np.zeros_like(x) if baseline is None else np.asarray(baseline, "float32").reshape(x.shape)
    alphas = np.linspace(0.0, 1.0, int(steps) + 1, dtype="float64")
    path = (base + alphas.reshape((-1,) + (1,) * (x.ndim - 1)) * (x - base)).astype("float32")
    g, scores = input_gradients(model, path, target)
    avg = ((g[:-1] + g[1:]) / 2.0).mean(axis=0)
    attributions = (x[0] - base[0]).astype("float64") * avg
    m = attributions.sum(axis=-1) if attributions.ndim >= 3 else attributions
    delta = float(scores[-1] - scores[0])
    return Attribution("ig", m.astype("float32"), x[0], target, predicted, prob, extra={
        "attributions": attributions.astype("float32"), "steps": int(steps),
        "score": float(scores[-1]), "baseline_score": float(scores[0]),
        "completeness": float(attributions.sum()) - delta})


def occlusion(model, sample, class_index: int | None = None, patch: int | None = None,
              stride: int | None = None, fill: float = 0.0, batch_size: int = 128) -> Attribution:
    x = batch_of(model, sample)
    if x.ndim < 3:
        raise ExplainError(N_("Occlusion slides a patch over an image; this model's input has "
                              "only one axis."), N_("Use saliency or Integrated Gradients."),
                           code="input")
    target, predicted, prob = _target(model, x, class_index)
    h, w = x.shape[1], x.shape[2]
    patch = int(patch or max(2, min(h, w) // 6))
    stride = int(stride or max(1, patch // 2))
    windows = [(r, c) for r in _positions(h, patch, stride) for c in _positions(w, patch, stride)]
    def score(batch):
        if target is None:  # regression: the output value
            return np.asarray(model.predict(batch, verbose=0)).reshape(len(batch), -1)[:, 0]
        return probabilities(model, batch)[:, target]

    base_p = score(x)[0]
    drops = np.zeros((h, w), dtype="float64")
    counts = np.zeros((h, w), dtype="float64")
    for start in range(0, len(windows), batch_size):
        chunk = windows[start:start + batch_size]
        batch = np.repeat(x, len(chunk), axis=0)
        for i, (r, c) in enumerate(chunk):
            batch[i, r:r + patch, c:c + patch] = fill
        p = score(batch)
        for (r, c), pi in zip(chunk, p):
            drops[r:r + patch, c:c + patch] += base_p - pi
            counts[r:r + patch, c:c + patch] += 1
    m = drops / np.maximum(counts, 1)
    return Attribution("occlusion", m.astype("float32"), x[0], target, predicted, prob,
                       extra={"patch": patch, "stride": stride, "fill": float(fill)})


def _positions(size: int, patch: int, stride: int) -> list[int]:
    patch = min(patch, size)
    out = list(range(0, size - patch + 1, stride))
    if out[-1] != size - patch:
        out.append(size - patch)
    return out


def explain(model, sample, method: str, class_index: int | None = None,
            layer: str | None = None, **options) -> Attribution:
    """One attribution by method name (see `METHODS`)."""
    if method not in METHODS:
        raise ExplainError(f"Unknown method {method!r}.", f"Use one of {', '.join(METHODS)}.",
                           code="method")
    if method == "gradcam":
        return gradcam(model, sample, class_index, layer)
    if layer is not None:
        raise ExplainError(f"--layer applies to Grad-CAM only, not to {method}.", code="layer")
    fn = {"saliency": saliency, "smoothgrad": smoothgrad, "ig": integrated_gradients,
          "occlusion": occlusion}[method]
    return fn(model, sample, class_index, **options)


# ----------------------------------------------------------------------------- display
def display_shape(sample: np.ndarray) -> tuple[int, int]:
    """The (height, width) an input is shown at: its first two axes (a series: one row)."""
    s = np.asarray(sample).shape
    if len(s) >= 2:
        return int(s[0]), int(s[1]) if len(s) >= 3 else int(s[1])
    return 1, int(s[0])


def _image_of(sample: np.ndarray) -> np.ndarray:
    """The input as an (h, w, 3) image in [0, 1]."""
    a = np.asarray(sample, dtype="float64")
    if a.ndim == 3 and a.shape[-1] in (1, 3):
        img = a if a.shape[-1] == 3 else np.repeat(a, 3, axis=-1)
    elif a.ndim == 3:
        img = np.repeat(a.mean(axis=-1, keepdims=True), 3, axis=-1)
    elif a.ndim == 2:
        img = np.repeat(a[..., None], 3, axis=-1)
    else:
        img = np.repeat(a.reshape(1, -1)[..., None], 3, axis=-1)
    lo, hi = float(img.min()), float(img.max())
    return (img - lo) / (hi - lo) if hi > lo else np.zeros_like(img)


def upsample(m: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Bilinear resize of a 2-D map to ``shape`` (pixel centres aligned)."""
    m = np.asarray(m, dtype="float64")
    if m.ndim == 1:
        m = m[None, :]
    h, w = shape
    if m.shape == (h, w):
        return m.copy()

    def axis(n_in, n_out):
        return np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0, n_in - 1)

    rows, cols = axis(m.shape[0], h), axis(m.shape[1], w)
    tmp = np.stack([np.interp(cols, np.arange(m.shape[1]), row) for row in m])
    return np.stack([np.interp(rows, np.arange(m.shape[0]), tmp[:, j]) for j in range(w)], axis=1)


_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
_COLOURS = np.array([[0.0, 0.0, 0.5], [0.0, 0.5, 1.0], [0.3, 1.0, 0.3], [1.0, 0.85, 0.0],
                     [0.85, 0.0, 0.0]])


def colormap(m: np.ndarray) -> np.ndarray:
    """A [0, 1] map as RGB in [0, 1] (blue → green → yellow → red)."""
    m = np.clip(np.asarray(m, dtype="float64"), 0.0, 1.0)
    return np.stack([np.interp(m, _STOPS, _COLOURS[:, i]) for i in range(3)], axis=-1)


def overlay(sample, display_map: np.ndarray, size: int = 224, alpha: float = 0.5) -> np.ndarray:
    """The input with the map's colours blended over it (``alpha`` of the map),
    as an RGB ``uint8`` image whose longer side is at least ``size``: the input
    is enlarged pixel by pixel, the map smoothly (bilinear) to the same size."""
    img = _image_of(sample)
    scale = max(1, int(np.ceil(size / max(img.shape[:2]))))
    big = np.kron(img, np.ones((scale, scale, 1)))
    m = np.clip(np.asarray(display_map, dtype="float64"), 0.0, 1.0)
    m = upsample(m, big.shape[:2])
    out = big * (1 - alpha) + colormap(m) * alpha
    return (np.clip(out, 0, 1) * 255 + 0.5).astype("uint8")


def write_png(path, rgb: np.ndarray) -> None:
    """Write an RGB ``uint8`` image as a PNG file, atomically."""
    rgb = np.ascontiguousarray(rgb, dtype="uint8")
    h, w = rgb.shape[:2]
    raw = b"".join(b"\x00" + rgb[i].tobytes() for i in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
    write_atomic(path, data)


def write_npy(path, array: np.ndarray) -> None:
    import io

    buf = io.BytesIO()
    np.save(buf, np.asarray(array), allow_pickle=False)
    write_atomic(path, buf.getvalue())


__all__ = ["Attribution", "METHODS", "METHOD_TITLES", "explain", "gradcam", "saliency",
           "smoothgrad", "integrated_gradients", "occlusion", "input_gradients", "upsample",
           "overlay", "colormap", "write_png", "write_npy", "predict_one", "display_shape"]

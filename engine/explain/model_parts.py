"""The parts of a Keras model that the explanations share: the output layer,
the class score (before a final softmax), probabilities and predictions.

Keras and TensorFlow are imported inside the functions.
"""

from __future__ import annotations

import numpy as np

from engine.explain import ExplainError
from engine.i18n import N_, msg

SPATIAL_LAYER_HINT = "Pick a layer whose output has spatial axes (a convolution or pooling layer)."


def output_layer(model):
    """The layer that produces the model's only output."""
    outputs = list(getattr(model, "outputs", None) or [])
    if len(outputs) != 1:
        raise ExplainError(msg("The model has {count} outputs; explanations need exactly one.",
                               count=len(outputs)),
                           N_("Explain a model with a single output."), code="outputs")
    history = getattr(outputs[0], "_keras_history", None)
    layer = history[0] if history is not None else None
    return layer if layer is not None else model.layers[-1]


def activation_name(layer) -> str | None:
    """The name of a layer's activation (``"softmax"``, ``"relu"``, …), or ``None``."""
    kind = type(layer).__name__
    if kind == "Softmax":
        return "softmax"
    if kind == "ReLU":
        return "relu"
    act = getattr(layer, "activation", None)
    if act is None:
        return None
    name = getattr(act, "__name__", None) or str(act)
    return "linear" if name in ("linear", "identity") else name


def output_activation(model) -> str | None:
    return activation_name(output_layer(model))


def get_layer(model, name: str):
    try:
        return model.get_layer(name)
    except ValueError:
        names = ", ".join(l.name for l in model.layers[:12])
        raise ExplainError(msg("The model has no layer called {name}.", name=repr(name)),
                           msg("Layers: {names}.", names=names + (", …" if len(model.layers) > 12
                                                                  else "")),
                           code="layer") from None


def spatial_layers(model) -> list[str]:
    """Names of the layers whose output has spatial axes (batch, …, channels) with
    at least one spatial axis: the layers Grad-CAM can use, first to last."""
    out = []
    for layer in model.layers:
        if type(layer).__name__ == "InputLayer":
            continue
        try:
            shape = layer.output.shape
        except (AttributeError, ValueError):
            continue
        if len(shape) >= 3:
            out.append(layer.name)
    return out


def convolution_layers(model) -> list[str]:
    """Names of the convolutional layers (their class name has ``Conv``), first to last."""
    names = set(spatial_layers(model))
    return [l.name for l in model.layers if l.name in names and "Conv" in type(l).__name__]


def default_gradcam_layer(model) -> str:
    convs = convolution_layers(model) or spatial_layers(model)
    if not convs:
        raise ExplainError(N_("The model has no convolutional layer, so Grad-CAM has nothing to "
                              "use."),
                           N_("Use saliency, SmoothGrad, Integrated Gradients or occlusion "
                              "instead."),
                           code="no_conv")
    return convs[-1]


class ScoreModel:
    """The class score of a model and, optionally, a layer's output, in one call.

    When the output layer ends in a softmax the score is the value before it
    (the logit): a layer with ``activation="softmax"`` is cloned with a linear
    activation and the same weights, a ``Softmax``/``Activation("softmax")``
    layer is skipped. Otherwise the score is the output itself; with a single
    output unit the score of class 1 is the output and that of class 0 its
    complement (one minus it, or its negation for a linear unit).
    """

    def __init__(self, model, layer_name: str | None = None):
        import keras

        if len(getattr(model, "inputs", None) or []) != 1:
            raise ExplainError(N_("Explanations need a model with exactly one input."),
                               code="inputs")
        self.model = model
        last = output_layer(model)
        act = activation_name(last)
        self.layer_name = layer_name
        self.head = None
        self.pre_softmax = False
        if act == "softmax" and (type(last).__name__ in ("Softmax", "Activation")):
            score_tensor = last.input
            self.pre_softmax = True
        elif act == "softmax":
            cfg = last.get_config()
            cfg["activation"] = "linear"
            head = type(last).from_config(cfg)
            head.build(last.input.shape)
            for mine, theirs in zip(head.weights, last.weights):
                mine.assign(theirs)
            self.head = head
            score_tensor = last.input
            self.pre_softmax = True
        else:
            score_tensor = model.outputs[0]
        self.output_activation = act
        outs = [score_tensor]
        if layer_name is not None:
            outs.insert(0, get_layer(model, layer_name).output)
        self._parts = keras.Model(model.inputs[0], outs)
        units = model.outputs[0].shape[-1]
        self.units = int(units) if units is not None else None
        self.single_unit = self.units == 1

    def __call__(self, x):
        """``(layer output or None, scores (batch, units))`` for a batch tensor ``x``."""
        outs = self._parts(x, training=False)
        if self.layer_name is not None:
            layer_out, pre = outs
        else:
            layer_out, pre = None, outs[0] if isinstance(outs, (list, tuple)) else outs
        scores = self.head(pre) if self.head is not None else pre
        return layer_out, scores

    def select(self, scores, class_index: int | None):
        """The score of ``class_index`` for every sample of a batch (a 1-D tensor)."""
        import tensorflow as tf

        flat = tf.reshape(scores, (tf.shape(scores)[0], -1))
        if self.single_unit:
            value = flat[:, 0]
            if class_index is None or is_regression(self.model):
                return value
            if class_index == 0:
                linear = self.output_activation in ("linear", None)
                return -value if linear else 1.0 - value
            return value
        return flat[:, int(class_index or 0)]


def probabilities(model, x: np.ndarray, batch_size: int = 256) -> np.ndarray:
    """Class probabilities ``(n, classes)`` (or the raw output for regression):
    a linear output is turned into probabilities with a softmax (a sigmoid for
    one unit); a single sigmoid unit becomes two columns ``(1 - p, p)``."""
    out = np.asarray(model.predict(np.asarray(x), batch_size=batch_size, verbose=0))
    out = out.reshape(len(out), -1)
    return to_probabilities(out, output_activation(model))


def to_probabilities(out: np.ndarray, activation: str | None) -> np.ndarray:
    out = np.asarray(out, dtype="float64").reshape(len(out), -1)
    if out.shape[1] == 1:
        p = out[:, 0]
        if activation in ("linear", None):
            p = 1.0 / (1.0 + np.exp(-p))
        return np.stack([1.0 - p, p], axis=1)
    if activation in ("linear", None):
        z = out - out.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
    return out


_REGRESSION_MODELS: "weakref.WeakSet | None" = None


def mark_regression(model) -> None:
    """Remember that ``model`` predicts values, not classes (the subject knows
    it from its dataset): its output is then explained as it is."""
    global _REGRESSION_MODELS
    import weakref

    if _REGRESSION_MODELS is None:
        _REGRESSION_MODELS = weakref.WeakSet()
    _REGRESSION_MODELS.add(model)


def is_regression(model) -> bool:
    return _REGRESSION_MODELS is not None and model in _REGRESSION_MODELS


def require_gradients() -> None:
    import keras

    if keras.backend.backend() != "tensorflow":
        raise ExplainError("Gradient explanations need the TensorFlow backend; this session uses "
                           f"{keras.backend.backend()}.", "Set KERAS_BACKEND=tensorflow.",
                           code="backend")


def batch_of(model, sample) -> np.ndarray:
    """``sample`` (one input without the batch axis) as a batch of one, checked
    against the model's input shape."""
    x = np.asarray(sample, dtype="float32")
    expected = tuple(model.inputs[0].shape[1:])
    if len(x.shape) != len(expected) or any(e is not None and e != a
                                            for e, a in zip(expected, x.shape)):
        shown = tuple(e if e is not None else "any" for e in expected)
        raise ExplainError(msg("The input has shape {shape}, but the model expects one sample "
                               "of shape {expected}.", shape=tuple(x.shape), expected=shown),
                           N_("Give one preprocessed sample without the batch axis."),
                           code="input")
    return x[None]


__all__ = ["ScoreModel", "output_layer", "output_activation", "activation_name", "get_layer",
           "spatial_layers", "convolution_layers", "default_gradcam_layer", "probabilities",
           "to_probabilities", "batch_of", "mark_regression", "is_regression", "require_gradients"]

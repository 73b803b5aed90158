"""How healthy each layer's activations and gradients are on one validation batch.

Per layer (the course's vanishing-gradient lesson, measured):

- ``dead_fraction`` (ReLU-like activations): the share of units (the last
  axis of the output) that are zero or below for every sample and position
  of the batch — units that pass no gradient back;
- ``saturated_fraction`` (sigmoid, tanh): the share of outputs in the flat
  ends of the curve (sigmoid below 0.01 or above 0.99, |tanh| above 0.99),
  where the derivative is almost zero;
- ``grad_norm``: the norm of the loss gradient with respect to the layer's
  trainable weights (all of them together), ``weight_norm`` that of the
  weights; ``output_grad_norm`` that of the gradient with respect to the
  layer's output.

The loss is the model's compiled loss when it has one, else the usual one
for the task (sparse categorical cross-entropy, binary cross-entropy or
mean squared error).
"""

from __future__ import annotations

import numpy as np

from engine.explain import ExplainError
from engine.i18n import N_, msg

RELU_LIKE = ("relu", "relu6")
SIGMOID_SATURATION = 0.01
TANH_SATURATION = 0.99


def dead_fraction(outputs: np.ndarray) -> float:
    """The share of units (last axis) never above zero in ``outputs``."""
    a = np.asarray(outputs).reshape(-1, np.asarray(outputs).shape[-1])
    return float(np.mean(np.all(a <= 0, axis=0)))


def saturated_fraction(outputs: np.ndarray, activation: str) -> float:
    a = np.asarray(outputs, dtype="float64")
    if activation == "sigmoid":
        return float(np.mean((a < SIGMOID_SATURATION) | (a > 1 - SIGMOID_SATURATION)))
    return float(np.mean(np.abs(a) > TANH_SATURATION))


def _loss_fn(model, task: str):
    import keras

    from engine.explain.model_parts import output_activation

    loss = getattr(model, "loss", None)
    if loss is not None and not isinstance(loss, (dict, list, tuple)):
        fn = keras.losses.get(loss) if isinstance(loss, str) else loss
        return lambda y, p: keras.ops.mean(fn(y, p))
    act = output_activation(model)
    units = model.outputs[0].shape[-1]
    logits = act in ("linear", None)
    if task == "regression":
        return lambda y, p: keras.ops.mean(keras.losses.mean_squared_error(y, p))
    if units == 1:
        return lambda y, p: keras.ops.mean(
            keras.losses.binary_crossentropy(y, p, from_logits=logits))
    return lambda y, p: keras.ops.mean(
        keras.losses.sparse_categorical_crossentropy(y, p, from_logits=logits))


def layer_health(subject, batch_size: int = 64) -> list[dict]:
    """One row per layer (input layers left out), first to last; see the module doc."""
    import keras
    import tensorflow as tf

    from engine.explain.model_parts import activation_name, output_layer, require_gradients

    require_gradients()
    model = subject.model
    x = np.asarray(subject.x_val[:batch_size], dtype="float32")
    y = np.asarray(subject.y_val[:batch_size])
    if len(x) == 0:
        raise ExplainError(N_("The validation set is empty."), code="samples")
    layers = [l for l in model.layers if type(l).__name__ != "InputLayer"]
    try:
        probe = keras.Model(model.inputs[0], [l.output for l in layers])
    except Exception as exc:
        raise ExplainError(msg("Cannot read the layers' outputs: {error}", error=exc),
                           code="layers") from None
    loss_fn = _loss_fn(model, subject.task)
    last = output_layer(model)
    out_index = next((i for i, l in enumerate(layers) if l is last), len(layers) - 1)
    weights = [v for l in layers for v in l.trainable_weights]
    with tf.GradientTape(persistent=True) as tape:
        outs = probe(tf.convert_to_tensor(x), training=False)
        outs = list(outs) if isinstance(outs, (list, tuple)) else [outs]
        loss = loss_fn(y, outs[out_index])
    weight_grads = tape.gradient(loss, [v.value for v in weights]) if weights else []
    out_grads = tape.gradient(loss, outs)
    del tape
    by_var = {id(v): g for v, g in zip(weights, weight_grads)}
    rows = []
    for layer, out, og in zip(layers, outs, out_grads):
        act = activation_name(layer)
        values = np.asarray(out)
        row = {"layer": layer.name, "type": type(layer).__name__, "activation": act,
               "units": int(values.shape[-1]) if values.ndim > 1 else 1,
               "dead_fraction": None, "saturated_fraction": None}
        if act in RELU_LIKE:
            row["dead_fraction"] = dead_fraction(values)
        elif act in ("sigmoid", "tanh"):
            row["saturated_fraction"] = saturated_fraction(values, act)
        trainable = layer.trainable_weights
        if trainable:
            grads = [by_var.get(id(v)) for v in trainable]
            known = [np.asarray(g, "float64") for g in grads if g is not None]
            row["grad_norm"] = float(np.sqrt(sum(float(np.sum(g * g)) for g in known))) \
                if known else None
            row["weight_norm"] = float(np.sqrt(sum(float(np.sum(np.square(np.asarray(v))))
                                                   for v in trainable)))
        else:
            row["grad_norm"] = row["weight_norm"] = None
        row["output_grad_norm"] = float(np.linalg.norm(np.asarray(og))) if og is not None else None
        rows.append(row)
    return rows


def badge_stats(rows: list[dict]) -> dict:
    """``{layer: {"grad_norm", "weight_norm", "dead_fraction"}}`` for the canvas badges."""
    return {r["layer"]: {"grad_norm": r["grad_norm"], "weight_norm": r["weight_norm"],
                         "dead_fraction": r["dead_fraction"]} for r in rows}


__all__ = ["layer_health", "dead_fraction", "saturated_fraction", "badge_stats"]

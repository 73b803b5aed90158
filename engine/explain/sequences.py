"""The hidden state of a recurrent layer over the time steps of one sample.

The layer (``SimpleRNN``, ``LSTM``, ``GRU``) is rebuilt from its config with
``return_sequences=True`` and the same weights, and run on what the layer
receives for the sample: row ``t`` of the result is the hidden state after
step ``t`` (its last row is what the layer returns when it returns only the
last state). A ``Bidirectional`` layer gives the forward and backward states
side by side, as Keras concatenates them.
"""

from __future__ import annotations

import numpy as np

from engine.explain import ExplainError
from engine.i18n import msg

RECURRENT = ("SimpleRNN", "LSTM", "GRU", "Bidirectional")


def recurrent_layers(model) -> list[str]:
    return [l.name for l in model.layers if type(l).__name__ in RECURRENT]


def _sequence_clone(layer):
    cfg = layer.get_config()
    kind = type(layer).__name__
    if kind == "Bidirectional":
        for key in ("layer", "backward_layer"):
            inner = cfg.get(key)
            if isinstance(inner, dict):
                inner.setdefault("config", {})["return_sequences"] = True
                inner["config"]["return_state"] = False
    else:
        cfg["return_sequences"] = True
        cfg["return_state"] = False
    return type(layer).from_config(cfg)


def hidden_states(model, layer_name: str, sample) -> np.ndarray:
    """``(time steps, units)``: the layer's hidden state after each step."""
    import keras

    from engine.explain.model_parts import batch_of, get_layer

    layer = get_layer(model, layer_name)
    if type(layer).__name__ not in RECURRENT:
        raise ExplainError(msg("{layer} is a {type}, not a recurrent layer.", layer=layer_name,
                               type=type(layer).__name__),
                           msg("Pick one of: {names}.",
                               names=", ".join(recurrent_layers(model)) or "none here"),
                           code="layer")
    x = batch_of(model, sample)
    feed = keras.Model(model.inputs[0], layer.input)
    inner = np.asarray(feed(x, training=False))
    clone = _sequence_clone(layer)
    clone.build(inner.shape)
    clone.set_weights(layer.get_weights())
    out = clone(inner, training=False)
    if isinstance(out, (list, tuple)):
        out = out[0]
    return np.asarray(out)[0]


__all__ = ["RECURRENT", "recurrent_layers", "hidden_states"]

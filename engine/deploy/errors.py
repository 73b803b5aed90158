"""Why an export was refused, in words a person can act on.

A converter says what it could not translate in terms of TensorFlow ops and
graph paths (``functional_1/odd_layer_1/Sinh``); `layer_of_path` turns such a
path back into the layer of the Keras model that made the op, so the refusal
names the layer and says what to change. Nothing here imports TensorFlow.
"""

from __future__ import annotations

import re

from engine.errors import NeuroCanvasError
from engine.i18n import N_, msg


class DeployError(NeuroCanvasError):
    """An export (or its source) that cannot be made or verified.

    Attributes:
        layer: the name of the layer concerned, when one is known.
        op: the TensorFlow op the format cannot express, when one is known.
    """

    def __init__(self, message: str, hint: str = "", code: str = "deploy",
                 layer: str | None = None, op: str | None = None):
        super().__init__(message, hint, code)
        self.layer = layer
        self.op = op


_SUFFIX = re.compile(r"_\d+$")


def layer_of_path(path: str, layer_names) -> str | None:
    """The layer of ``layer_names`` whose name scope appears in an op's graph
    path, or ``None``.

    TensorFlow makes scopes unique by appending ``_1``, ``_2``… to names, so
    a path segment matches a layer named exactly like it or like it without
    such a suffix; the innermost matching segment wins (a layer inside a
    wrapper is named rather than the wrapper).

    Example:
        >>> layer_of_path("functional_1/odd_layer_1/Sinh@__inference_f_58", ["dense", "odd_layer"])
        'odd_layer'
        >>> layer_of_path("functional_1_1/lstm_2/while/add", ["lstm", "lstm_2"])
        'lstm_2'
    """
    names = set(layer_names)
    segments = [s.split("@")[0] for s in str(path).split("/")]
    found = None
    for seg in segments[1:] if len(segments) > 1 else segments:
        if seg in names:
            found = seg
        else:
            base = _SUFFIX.sub("", seg)
            if base in names:
                found = base
    return found


def describe_layer(model, name: str | None) -> str:
    """``"layer 'odd' (Lambda)"`` for a layer of ``model``, or ``"the model"``."""
    if not name:
        return N_("the model")
    for layer in getattr(model, "layers", []):
        if layer.name == name:
            return msg("layer '{name}' ({type})", name=name, type=type(layer).__name__)
    for op in getattr(model, "operations", []):
        if op.name == name:
            return msg("operation '{name}' ({type})", name=name, type=type(op).__name__)
    return msg("layer '{name}'", name=name)

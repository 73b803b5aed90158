"""Compare one catalog declaration with the real Keras layer.

``compare(type, params, input_shapes)`` runs the engine's shape rule and weight
count, builds the same layer with Keras on symbolic inputs of those shapes, and
asserts that output shape(s) and trainable/non-trainable counts agree.
"""

from __future__ import annotations

import math

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, RuleContext


INPUT_DTYPES = {"Embedding": "int32", "IntegerLookup": "int64", "StringLookup": "string",
                "TextVectorization": "string", "CategoryEncoding": "int32", "Hashing": "int64"}


def engine_result(type_name, params, input_shapes):
    spec = get_spec(type_name)
    resolved = spec.resolve(params)
    shapes = [tuple(s) for s in input_shapes]
    out = spec.shape(resolved, shapes, RuleContext())
    trainable, non_trainable = spec.weights(resolved, shapes)
    macs = spec.macs(resolved, shapes, out if isinstance(out, list) else [out])
    return out, trainable, non_trainable, macs


def keras_result(type_name, params, input_shapes):
    import keras

    spec = get_spec(type_name)
    resolved = spec.resolve(params)
    tensors = []
    for shape in input_shapes:
        dtype = INPUT_DTYPES.get(type_name, "float32")
        tensors.append(keras.Input(batch_shape=tuple(shape), dtype=dtype))
    layer = spec.build_layer(keras, params, resolved, name="under_test")
    out = spec.call_layer(layer, tensors, resolved)
    if isinstance(out, (list, tuple)):
        shapes = [tuple(t.shape) for t in out]
    else:
        shapes = tuple(out.shape)
    count = lambda ws: sum(math.prod(w.shape) for w in ws)  # noqa: E731
    return shapes, count(layer.trainable_weights), count(layer.non_trainable_weights)


def compare(type_name, params, input_shapes):
    """Assert engine == Keras for this configuration; return the engine result."""
    out, trainable, non_trainable, macs = engine_result(type_name, params, input_shapes)
    k_out, k_trainable, k_non_trainable = keras_result(type_name, params, input_shapes)
    assert _norm(out) == _norm(k_out), f"{type_name}{params} on {input_shapes}: engine {out} != keras {k_out}"
    assert (trainable, non_trainable) == (k_trainable, k_non_trainable), (
        f"{type_name}{params} on {input_shapes}: engine params {(trainable, non_trainable)} "
        f"!= keras {(k_trainable, k_non_trainable)}")
    assert isinstance(macs, int) and macs >= 0
    return out, trainable, non_trainable, macs


def engine_refuses(type_name, params, input_shapes) -> NeuroCanvasError:
    """Assert the engine refuses this configuration with a message; return the error."""
    try:
        engine_result(type_name, params, input_shapes)
    except NeuroCanvasError as exc:
        assert exc.message, "an error must carry a message"
        return exc
    raise AssertionError(f"engine accepted {type_name}{params} on {input_shapes}")


def _norm(shape):
    if isinstance(shape, list):
        return [_norm(s) for s in shape]
    return tuple(None if d is None else int(d) for d in shape)

"""The whole catalog against Keras itself: every parameter of every type that
Keras has is named, defaulted and stored like Keras's constructor and
``get_config()`` (one walk here instead of a copy per family of layers)."""

from __future__ import annotations

import inspect

import pytest

from catalog_cases import CASES
from engine.catalog import all_specs, get_spec
from lazy_import import keras

SIMPLE_KINDS = {"int", "float", "bool", "str", "choice", "tuple", "shape", "ints", "axis"}


def _keras_class(spec):
    if spec.build is not None:  # built by its own function (wrappers, Input): no one class to read
        return None
    return getattr(keras.layers, spec.keras_class or spec.type, None)


def _keras_backed():
    import keras as real  # the parametrisation needs the classes; tests run after collection

    return [s.type for s in all_specs()
            if s.build is None and hasattr(real.layers, s.keras_class or s.type)]


def _same(a, b) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _normalized(param, value):
    """Keras's spelling of a default in the catalog's (``'Zeros'`` is the initializer ``'zeros'``)."""
    if param.kind == "initializer" and isinstance(value, str) and isinstance(param.default, str):
        same = type(keras.initializers.get(value)) is type(keras.initializers.get(param.default))
        return param.default if same else value
    try:
        return param.normalize(value)
    except Exception:  # noqa: BLE001  not a value the catalog takes: differs
        return value


def test_types_with_a_keras_class_are_nearly_all():
    names = _keras_backed()
    assert len(names) >= 80, len(names)
    assert {"Dense", "Conv2D", "LSTM", "BatchNormalization", "MultiHeadAttention"} <= set(names)


@pytest.fixture(scope="module")
def backed():
    return _keras_backed()


def test_every_parameter_is_named_and_defaulted_like_keras(backed):
    problems = []
    for type_name in backed:
        spec = get_spec(type_name)
        cls = _keras_class(spec)
        init = inspect.signature(cls.__init__).parameters
        call = inspect.signature(cls.call).parameters
        for param in spec.params:
            where = call if param.call else init
            if param.name not in where:
                problems.append(f"{type_name}.{param.name}: not an argument of "
                                f"{cls.__name__}.{'call' if param.call else '__init__'}")
                continue
            default = where[param.name].default
            if default is inspect.Parameter.empty:
                if not param.required and not param.call:
                    problems.append(f"{type_name}.{param.name}: Keras requires it, the catalog "
                                    f"defaults it to {param.default!r}")
            elif param.required:
                problems.append(f"{type_name}.{param.name}: the catalog requires it, Keras "
                                f"defaults it to {default!r}")
            elif not (_same(param.default, default) or _same(param.default, _normalized(param, default))):
                problems.append(f"{type_name}.{param.name}: default {param.default!r}, "
                                f"Keras {default!r}")
    assert not problems, "\n".join(problems)


CONFIG_CASES = [(t, p, s) for t, cases in CASES.items() for p, s in cases]


@pytest.mark.parametrize("type_name,params,shapes", CONFIG_CASES,
                         ids=[f"{t}-{i}" for i, (t, _, _) in enumerate(CONFIG_CASES)])
def test_every_case_is_stored_as_keras_stores_it(type_name, params, shapes):
    """The layer built from the catalog's values holds, in its config, each
    simple parameter with the value the catalog resolved (defaults included)."""
    spec = get_spec(type_name)
    resolved = spec.resolve(params)
    layer = spec.build_layer(keras, params, resolved, name="under_test")
    config = layer.get_config()
    for param in spec.params:
        if param.call or param.kind not in SIMPLE_KINDS or param.name not in config:
            continue
        stored = config[param.name]
        expected = resolved[param.name]
        if param.name == "data_format" and expected is None:  # Keras's global default, resolved
            expected = keras.config.image_data_format()
        elif expected is None:
            continue  # Keras derives it (pooling strides = pool_size, value_dim = key_dim)
        if isinstance(stored, (list, tuple)) and len(stored) == 1 and not isinstance(expected, (list, tuple)):
            stored = stored[0]  # an axis stored as a one-element list
        assert _same(param.normalize(stored) if stored is not None else None, expected), (
            f"{type_name}.{param.name}: catalog {expected!r}, Keras config {stored!r}")

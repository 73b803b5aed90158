"""Keras layer configs as catalog params, for the importer (`engine.keras_import`).

A layer's ``get_config()`` holds Keras objects (initializers, regularizers,
constraints) as ``{"class_name", "config", "module"}`` dicts and numbers as
numpy values; the helpers here turn them into the catalog's plain values
(``"he_normal"``, ``{"l2": 0.01}``, ``{"max_norm": {...}}``), keep only what
differs from a default, and compare an original config with the config of
the layer built back (`canonical`, `config_diff`). What the catalog cannot
hold exactly raises `Unmappable`, and the layer stays a generic node.
"""

from __future__ import annotations

from engine.catalog.base import INITIALIZERS
from engine.errors import ParamError
from engine.plain_data import json_safe, snake_case
from engine.i18n import msg


class Unmappable(Exception):
    """The catalog cannot hold this layer exactly; the message says why."""


def adapted_state(layer, config) -> dict:
    """Config entries for the state ``adapt()`` gave a lookup layer (its vocabulary and
    inverse document frequencies), which Keras otherwise saves as a file asset a document
    does not carry; {} when the config already holds it or there is none."""
    if not hasattr(layer, "get_vocabulary") or "vocabulary" not in config \
            or config.get("vocabulary") is not None:
        return {}
    try:
        vocabulary = plain_config(list(layer.get_vocabulary(include_special_tokens=False)))
    except Exception:
        return {}
    if not vocabulary:
        return {}
    state = {"vocabulary": vocabulary}
    mode = getattr(layer, "output_mode", None) or getattr(layer, "_output_mode", None)
    if "idf_weights" in config and config.get("idf_weights") is None and mode == "tf_idf":
        import numpy as np

        # TextVectorization keeps them in its inner lookup layer
        holder = layer if hasattr(layer, "idf_weights") else getattr(layer, "_lookup_layer", None)
        idf = np.asarray(getattr(holder, "idf_weights", None) if holder is not None else [])
        # the lookup keeps one weight per token, special tokens first; the config takes the
        # weights of the vocabulary it is given
        state["idf_weights"] = idf[len(idf) - len(vocabulary):].tolist()
    return state


def plain_config(value):
    """Keras config values as plain data; NaN and infinity stay (the document tags them)."""
    return json_safe(value, non_finite_to_none=False)


INITIALIZER_NAMES = {"IdentityInitializer": "identity", "Identity": "identity",
                     "OrthogonalInitializer": "orthogonal", "STFTInitializer": None}
CONSTRAINT_NAMES = {"MaxNorm": "max_norm", "NonNeg": "non_neg", "UnitNorm": "unit_norm",
                    "MinMaxNorm": "min_max_norm"}


def keras_object(value):
    if not isinstance(value, dict) or "class_name" not in value:
        raise Unmappable(msg("unexpected config value {value}", value=repr(value)))
    module = value.get("module") or "keras"
    if not str(module).startswith("keras") or value.get("registered_name") not in (None, value["class_name"]):
        raise Unmappable(msg("custom object {class_name}", class_name=value['class_name']))
    return value["class_name"], plain_config(value.get("config") or {})


def initializer_param(keras, value):
    if isinstance(value, str):
        if value in INITIALIZERS:
            return value
        raise Unmappable(msg("initializer {value}", value=repr(value)))
    cls, cfg = keras_object(value)
    short = INITIALIZER_NAMES.get(cls, snake_case(cls))
    if short not in INITIALIZERS:
        raise Unmappable(msg("initializer {value}", value=cls))
    try:
        plain = keras.initializers.get(short)
        defaults = plain_config(plain.get_config()) if type(plain).__name__ == cls else None
    except Exception:
        defaults = None
    if defaults is None:
        return {short: cfg}
    changed = {k: v for k, v in cfg.items() if k not in defaults or defaults[k] != v}
    return {short: changed} if changed else short  # only what differs, e.g. {'stddev': 0.02}


def regularizer_param(value):
    cls, cfg = keras_object(value)
    if cls == "L2" and set(cfg) == {"l2"}:
        return {"l2": float(cfg["l2"])}
    if cls == "L1" and set(cfg) == {"l1"}:
        return {"l1": float(cfg["l1"])}
    if cls == "L1L2" and set(cfg) <= {"l1", "l2"}:
        return {"l1": float(cfg.get("l1", 0.0)), "l2": float(cfg.get("l2", 0.0))}
    if cls == "OrthogonalRegularizer":
        return {"orthogonal_regularizer": cfg}
    raise Unmappable(msg("regularizer {value}", value=cls))


def constraint_param(value):
    cls, cfg = keras_object(value)
    short = CONSTRAINT_NAMES.get(cls)
    if short is None:
        raise Unmappable(msg("constraint {value}", value=cls))
    return {short: cfg or None}


def means_default(keras, p, value, default) -> bool:
    """Whether ``value`` means the param's default."""
    if p.kind == "activation" and value in ("linear", None) and default in ("linear", None):
        return True
    if p.name == "data_format" and default is None and value == keras.config.image_data_format():
        return True  # None means the global image_data_format, as in Keras
    if p.kind == "initializer" and isinstance(default, str) and value is not None:
        try:
            a = keras.initializers.get(value if isinstance(value, str) else
                                       {"class_name": next(iter(value)), "config": next(iter(value.values()))})
            b = keras.initializers.get(default)
            return type(a) is type(b) and plain_config(a.get_config()) == plain_config(b.get_config())
        except Exception:
            return False
    try:
        return p.normalize(value) == p.normalize(default)
    except (ParamError, TypeError, ValueError):
        return False


def canonical(value, top=True):
    if isinstance(value, dict):
        return {k: canonical(v, False) for k, v in value.items()  # a built inner layer
                if k not in ("name", "build_config") and not (top and k == "trainable")}
    if isinstance(value, (list, tuple)):
        return [canonical(v, False) for v in value]
    if isinstance(value, float) and value.is_integer():
        return value  # 1 == 1.0 compares equal already
    return value


def config_diff(original: dict, rebuilt_canonical: dict) -> list:
    a, b = canonical(plain_config(original)), rebuilt_canonical
    return sorted(k for k in set(a) | set(b) if a.get(k, "<missing>") != b.get(k, "<missing>"))

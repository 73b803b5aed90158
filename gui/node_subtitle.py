"""A layer's subtitle on the canvas, in words: "Conv2D · 32 filters 3×3 · same",
"LSTM · 64 units · returns sequences", "Dense · 10 units · softmax".

It reads the catalog: the layer type's key params (and its padding, when it
has one), each phrased by what the param means. The first key param is always
shown (unless it only qualifies the layer, like an axis); the others only
when they differ from the Keras default, so a node says what is special
about it. Display only: no shape or count is computed
here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.format_text import param_value
from gui.i18n import translate

SEPARATOR = " · "


def _dims(value) -> str:
    return param_value(value)


def _same_all(value, n) -> bool:
    return value == n or (isinstance(value, (list, tuple)) and all(v == n for v in value))


def _units(v, p):
    if v == 1:
        return translate("NodeSubtitle", "1 unit")
    return translate("NodeSubtitle", "{count} units").format(count=v)


def _strides(v, p):
    return None if _same_all(v, 1) else translate("NodeSubtitle", "stride {value}").format(value=_dims(v))


def _flat(value) -> list:
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in _flat(item)]
    return [value]


def _amount(value) -> str:
    """3 for ((3, 3), (3, 3)); the full form when the sides differ."""
    flat = _flat(value)
    if len(set(flat)) == 1:
        return param_value(flat[0])
    return param_value(value) if not any(isinstance(v, (list, tuple)) for v in value) else \
        " × ".join(param_value(list(v)) if isinstance(v, (list, tuple)) else param_value(v) for v in value)


def _padding(v, p):
    if isinstance(v, str):
        return v  # "same", "causal" (the default "valid" is left out)
    return translate("NodeSubtitle", "pad {value}").format(value=_amount(v))


def _activation(v, p):
    return None if v in (None, "linear") else param_value(v)


def _flag(words):
    return lambda v, p: translate("NodeSubtitle", words) if v else None


def _inner_layer(v, p):
    if isinstance(v, dict) and "type" in v:
        inner = v.get("params") or {}
        units = inner.get("units") or inner.get("filters")
        return f"{v['type']} {units}" if units else v["type"]
    return param_value(v)


def _filters(v, p):
    if "kernel_size" in p:
        return translate("NodeSubtitle", "{count} filters {kernel}").format(count=v, kernel=_dims(p["kernel_size"]))
    return translate("NodeSubtitle", "{count} filters").format(count=v)


def _rate(v, p):
    return translate("NodeSubtitle", "rate {value}").format(value=param_value(v))


# how each param reads, by name (the same name means the same in every layer)
PHRASES = {
    "units": _units,
    "filters": _filters,
    "kernel_size": lambda v, p: None if "filters" in p else translate("NodeSubtitle", "kernel {value}").format(
        value=_dims(v)),
    "strides": _strides,
    "padding": _padding,
    "activation": _activation,
    "return_sequences": _flag(QT_TRANSLATE_NOOP("NodeSubtitle", "returns sequences")),
    "return_state": _flag(QT_TRANSLATE_NOOP("NodeSubtitle", "returns state")),
    "keepdims": _flag(QT_TRANSLATE_NOOP("NodeSubtitle", "keeps dims")),
    "rate": _rate,
    "pool_size": lambda v, p: translate("NodeSubtitle", "pool {value}").format(value=_dims(v)),
    "shape": lambda v, p: translate("NodeSubtitle", "shape {value}").format(value=_dims(v)),
    "target_shape": lambda v, p: translate("NodeSubtitle", "to {value}").format(value=_dims(v)),
    "dims": lambda v, p: translate("NodeSubtitle", "axes {value}").format(value=_dims(v)),
    "n": lambda v, p: translate("NodeSubtitle", "repeat {count}×").format(count=v),
    "input_dim": lambda v, p: translate("NodeSubtitle", "{count} tokens").format(count=v),
    "output_dim": lambda v, p: translate("NodeSubtitle", "{count}-d vectors").format(count=v),
    "num_heads": lambda v, p: translate("NodeSubtitle", "{count} heads").format(count=v),
    "key_dim": lambda v, p: translate("NodeSubtitle", "key size {value}").format(value=v),
    "layer": _inner_layer,
    "merge_mode": lambda v, p: None if v is None else translate("NodeSubtitle", "merge by {mode}").format(mode=v),
    "groups": lambda v, p: translate("NodeSubtitle", "{count} groups").format(count=v),
    "cropping": lambda v, p: translate("NodeSubtitle", "crop {value}").format(value=_amount(v)),
    "size": lambda v, p: f"×{_dims(v)}",
    "axis": lambda v, p: translate("NodeSubtitle", "axis {value}").format(value=_dims(v)),
    "axes": lambda v, p: translate("NodeSubtitle", "axes {value}").format(value=_dims(v)),
    "max_value": lambda v, p: None if v is None else translate("NodeSubtitle", "max {value}").format(
        value=param_value(v)),
    "negative_slope": lambda v, p: translate("NodeSubtitle", "slope {value}").format(value=param_value(v)),
    "alpha": lambda v, p: f"α {param_value(v)}",
    "stddev": lambda v, p: f"σ {param_value(v)}",
    "height": lambda v, p: translate("NodeSubtitle", "{count} high").format(count=v),
    "width": lambda v, p: translate("NodeSubtitle", "{count} wide").format(count=v),
    "scale": lambda v, p: f"× {param_value(v)}",
    "offset": lambda v, p: f"+ {param_value(v)}",
    "mode": lambda v, p: param_value(v),
    "score_mode": lambda v, p: translate("NodeSubtitle", "{mode} scores").format(mode=v),
}


# params that qualify a layer rather than define it: left out at their default
MODIFIERS = {"axis", "axes", "keepdims", "merge_mode", "strides", "padding", "activation",
             "return_sequences", "return_state", "mode", "score_mode"}


def _generic(name: str, value):
    if isinstance(value, bool):
        return name.replace("_", " ") if value else None
    if value is None:
        return None
    return f"{name.replace('_', ' ')} {param_value(value)}"


def param_words(node) -> str:
    """The key params of ``node`` in words, joined with " · " (no type name)."""
    spec = node.spec
    try:
        resolved = node.resolved()
    except Exception:  # a param the engine refuses: show what the file says
        resolved = dict(node.params)
    names = list(spec.key_params)
    if "padding" in resolved and "padding" not in names and "kernel_size" in resolved:
        names.insert(min(len(names), 3), "padding")
    defaults = spec.defaults()
    parts = []
    for i, name in enumerate(names):
        if name not in resolved:
            continue
        value = resolved[name]
        if (i > 0 or name in MODIFIERS) and name in defaults and value == defaults[name]:
            continue
        phrase = PHRASES.get(name)
        try:
            text = phrase(value, resolved) if phrase is not None else _generic(name, value)
        except Exception:
            text = _generic(name, value)
        if text:
            parts.append(text)
    return SEPARATOR.join(parts)


def subtitle(node) -> str:
    """The type followed by its key params in words: "Dense · 10 units · softmax"."""
    words = param_words(node)
    return node.type + (SEPARATOR + words if words else "")

"""Plain data and plain names: the one place values become JSON-ready and
class names become snake_case names.

`json_safe` turns what Keras, numpy and the engine hand over (numpy scalars
and arrays, tuples, paths, non-text dict keys) into the lists, dicts, strings
and numbers ``json.dumps`` writes. `snake_case` turns a class name such as
``GlorotUniform`` into ``glorot_uniform``.
"""

from __future__ import annotations

import math
import re
from pathlib import PurePath


def json_safe(value, *, non_finite_to_none: bool = True):
    """``value`` as plain JSON data: dicts (keys as text), lists, numbers, text.

    numpy scalars and arrays become Python numbers and lists, tuples become
    lists and paths become text. NaN and infinity become ``None`` unless
    ``non_finite_to_none`` is false (a document keeps them, tagged on save).
    Anything else is returned as it is.

    Example:
        >>> import numpy as np
        >>> json_safe({"a": (np.float32(0.5), float("nan")), 1: np.arange(2)})
        {'a': [0.5, None], '1': [0, 1]}
        >>> json_safe([float("inf")], non_finite_to_none=False)
        [inf]
    """
    if isinstance(value, dict):
        return {str(k): json_safe(v, non_finite_to_none=non_finite_to_none)
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v, non_finite_to_none=non_finite_to_none) for v in value]
    if isinstance(value, (str, bytes)):
        return value
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        try:
            plain = value.tolist()
        except (TypeError, ValueError):
            return value
        if isinstance(plain, (list, tuple)):
            return json_safe(plain, non_finite_to_none=non_finite_to_none)
        value = plain
    if isinstance(value, float) and non_finite_to_none and not math.isfinite(value):
        return None
    if isinstance(value, PurePath):
        return str(value)
    return value


def snake_case(name: str) -> str:
    """A class name as a snake_case name (a capital after a lower-case letter or
    a digit, or ending a run of capitals, starts a new word).

    Example:
        >>> snake_case("GlorotUniform"), snake_case("LSTMCell"), snake_case("MaxNorm")
        ('glorot_uniform', 'lstm_cell', 'max_norm')
    """
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    s = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", s)
    return s.lower().replace("__", "_")

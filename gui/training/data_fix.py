"""Turn the hint of a data/model mismatch (from ``engine.data.check_compatible``)
into the edit that fixes it: a preprocessing change, or a parameter of the
network (the output layer's units, the Input's shape)."""

from __future__ import annotations

import ast
import re


def preprocess_changes(hint: str) -> dict:
    """The preprocessing settings a hint asks for.

    Example:
        >>> preprocess_changes("set resize to 32×32; set channels to 3.")
        {'resize': [32, 32], 'channels': 3}
        >>> preprocess_changes("set flatten on (samples become (64,)), or add a Flatten layer.")
        {'flatten': True}
        >>> preprocess_changes("set add_channel on (adds a trailing axis of size 1).")
        {'add_channel': True}
        >>> preprocess_changes("set reshape to [8, 8, 1].")
        {'reshape': [8, 8, 1]}
    """
    out: dict = {}
    m = re.search(r"set resize to (\d+)\s*[×x]\s*(\d+)", hint)
    if m:
        out["resize"] = [int(m.group(1)), int(m.group(2))]
    m = re.search(r"set channels to (\d+)", hint)
    if m:
        out["channels"] = int(m.group(1))
    if re.search(r"set flatten on", hint):
        out["flatten"] = True
    if re.search(r"set add_channel on", hint):
        out["add_channel"] = True
    m = re.search(r"set reshape to (\[[^\]]*\])", hint)
    if m:
        try:
            out["reshape"] = [int(v) for v in ast.literal_eval(m.group(1))]
        except (ValueError, SyntaxError):
            pass
    return out


def network_change(hint: str) -> tuple[str, object] | None:
    """``(param, value)`` for a hint that asks to change the network.

    Example:
        >>> network_change("set the output layer's units to 10.")
        ('units', 10)
        >>> network_change("change the Input shape to (13,): the data has 13 features per sample.")
        ('shape', [13])
    """
    m = re.search(r"set the output layer's units to (\d+)", hint)
    if m:
        return "units", int(m.group(1))
    m = re.search(r"change the Input shape to (\([^)]*\))", hint)
    if m:
        try:
            shape = ast.literal_eval(m.group(1).replace("None", "None"))
        except (ValueError, SyntaxError):
            return None
        shape = shape if isinstance(shape, tuple) else (shape,)
        return "shape", [None if d is None else int(d) for d in shape]
    return None

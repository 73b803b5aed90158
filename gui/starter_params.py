"""Values for a new layer's required params, so that a layer dropped from the
palette is valid at once (the user edits them in the inspector). These are
editor choices, like a form's initial values; the engine still validates them."""

from __future__ import annotations

from engine.errors import ParamError

BY_NAME = {
    "shape": [28, 28, 1], "units": 64, "filters": 32, "kernel_size": 3, "pool_size": 2,
    "rate": 0.25, "stddev": 0.1, "activation": "relu", "target_shape": [-1], "dims": [2, 1],
    "n": 4, "input_dim": 1000, "output_dim": 64, "num_heads": 4, "key_dim": 32, "axes": -1,
    "scale": 1 / 255, "height": 224, "width": 224, "factor": 0.1, "height_factor": 0.1,
    "width_factor": 0.1, "layer": {"type": "LSTM", "params": {"units": 32}},
}
BY_KIND = {"int": 1, "float": 0.5, "bool": False, "str": "", "tuple": 3, "shape": [1], "ints": [1],
           "axis": -1, "activation": "relu", "initializer": "glorot_uniform",
           "layer": {"type": "Dense", "params": {"units": 32}}}


def starter_params(spec) -> dict:
    """Required params of ``spec`` filled with usable values; {} when none are required."""
    params = {}
    for p in spec.params:
        if not p.required:
            continue
        candidates = [BY_NAME.get(p.name), BY_KIND.get(p.kind)]
        if p.choices:
            candidates.append(next((c for c in p.choices if c is not None), None))
        if p.min is not None:
            candidates.append(p.min if not p.min_exclusive else p.min + 1)
        for value in candidates:
            if value is None:
                continue
            try:
                p.normalize(value)
            except ParamError:
                continue
            params[p.name] = value
            break
    if spec.type == "TimeDistributed":
        params["layer"] = {"type": "Dense", "params": {"units": 32}}
    try:
        spec.resolve(params)
    except ParamError:
        pass  # the engine's message will say what is missing
    return params

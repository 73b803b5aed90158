"""``OpaqueLayer``: a custom layer of an imported model kept without its code.

It holds what the ``.keras`` file recorded (see :mod:`engine.opaque`): class,
module, full config, the shapes Keras recorded around it and the paths of its
weights. Its shapes are fixed as recorded and the shapes around it are checked
against them, like a generic Keras layer's. Building it needs the class, which
only a module the person trusted provides (:mod:`engine.trust`).

Nothing here imports TensorFlow.
"""

from __future__ import annotations

from engine.catalog.base import LayerSpec, Param, register
from engine.catalog.generic import (
    _generic_call, _generic_call_source, _generic_check, _generic_explain, _generic_outputs,
    _generic_params, _generic_shape, _generic_weights,
)
from engine.errors import ParamError


def _build(keras, kwargs, name):
    from engine.opaque import build_layer

    return build_layer(keras, kwargs, name)


def _check(p):
    _generic_check(p)
    paths = p["weight_paths"]
    if paths is not None and (not isinstance(paths, list) or not all(isinstance(s, str) for s in paths)):
        raise ParamError("weight_paths", "weight_paths must be a list of paths in the weights file.")


def _explain(p, ins, outs):
    pieces = dict(_generic_explain(p, ins, outs) or {})
    how = "as entered when it was imported" if p["shapes_entered"] else "as Keras recorded it in the file"
    pieces["shape"] = f"fixed {how} for the custom {p['class_name']} (its code is not loaded)"
    return pieces


OPAQUE_LAYER = register(LayerSpec(
    type="OpaqueLayer",
    category="imported", palette=False,
    doc="A custom layer of an imported model (the project's own class), kept with its config, "
        "weights and the shapes Keras recorded, without its code. Training, running or exporting "
        "it needs the Python module that defines the class, trusted for this document.",
    params=_generic_params("custom layer") + (
        Param("build_config", "any", None, "The build config Keras saved.", nullable=True,
              advanced=True),
        Param("weight_paths", "any", None, "Where its weights sit in the layer's group of the "
                                           "weights file (vars/0, sublayer/vars/0, ...).",
              nullable=True, advanced=True),
        Param("shapes_entered", "bool", False, "Whether its output shapes were entered by hand "
                                               "(the file did not record them).", advanced=True),
    ),
    shape=_generic_shape,
    weights=_generic_weights,
    explain=_explain,
    variadic=True,
    min_inputs=1,
    outputs=_generic_outputs,
    check=_check,
    build=_build,
    call=_generic_call,
    call_source=_generic_call_source,
    key_params=("class_name",),
))

"""``OpaqueLayer``: a custom layer of an imported model kept without its code.

It holds what the ``.keras`` file recorded (see :mod:`engine.opaque`): class,
module, full config, the shapes Keras recorded around it and the paths of its
weights. Its shapes are fixed as recorded and the shapes around it are checked
against them, like a generic Keras layer's. Building it needs the class, which
only a module the person trusted provides (:mod:`engine.trust`).

Nothing here imports TensorFlow.
"""

from __future__ import annotations

import copy

from engine.catalog.base import LayerSpec, Param, register
from engine.catalog.generic import KERAS_LAYER  # an opaque node is held like a generic one
from engine.errors import ParamError
from engine.i18n import msg


def _build(keras, kwargs, name):
    return build_layer(keras, kwargs, name)


def build_layer(keras, p: dict, name: str):
    """The real layer of an opaque node, from its class (loaded from a trusted module)."""
    from engine.trust import UntrustedCodeError, lambda_trusted, loaded_class

    if p["class_name"] == "Lambda" and str(p.get("module") or "").startswith("keras"):
        if not lambda_trusted(p):
            raise UntrustedCodeError(
                msg("Layer {name} is a Lambda layer: building it runs the Python code stored in "
                    "the document, which you have not trusted for this document.", name=repr(name)),
                msg("Trust it explicitly: --trust-lambda on the command line, or 'Trust and load' "
                    "when the editor asks."))
        config = copy.deepcopy(p["config"])
        config["name"] = name
        item = {"module": p.get("module"), "class_name": "Lambda",
                "registered_name": p.get("registered_name"), "config": config}
        return keras.saving.deserialize_keras_object(item, safe_mode=False)  # trusted above
    cls = loaded_class(p["class_name"])
    if cls is None:
        raise UntrustedCodeError(
            msg("Layer {name} is a custom {class_name} (module {value}) kept "
                "without its code: training, running or exporting the model needs the class.",
                name=repr(name), class_name=p['class_name'], value=p.get('module') or '?'),
            msg("Point NeuroCanvas at the Python file that defines it and trust it: --trust-module "
                "PATH on the command line, or 'Trust and load' when the editor asks."))
    config = copy.deepcopy(p["config"])
    config["name"] = name
    if "trainable" in config:
        config["trainable"] = True
    item = {"module": p.get("module"), "class_name": p["class_name"],
            "registered_name": p.get("registered_name"), "config": config}
    names = {p["class_name"]: cls}
    if p.get("registered_name"):
        names[p["registered_name"]] = cls
    with keras.saving.custom_object_scope(names):
        return keras.saving.deserialize_keras_object(item)


def _check(p):
    KERAS_LAYER.check(p)
    paths = p["weight_paths"]
    if paths is not None and (not isinstance(paths, list) or not all(isinstance(s, str) for s in paths)):
        raise ParamError("weight_paths", msg("weight_paths must be a list of paths in the weights file."))


def _explain(p, ins, outs):
    pieces = dict(KERAS_LAYER.explain(p, ins, outs) or {})
    if p["shapes_entered"]:
        pieces["shape"] = msg("fixed as entered when it was imported for the custom {class_name} "
                              "(its code is not loaded)", class_name=p['class_name'])
    else:
        pieces["shape"] = msg("fixed as Keras recorded it in the file for the custom {class_name} "
                              "(its code is not loaded)", class_name=p['class_name'])
    return pieces


OPAQUE_LAYER = register(LayerSpec(
    type="OpaqueLayer",
    category="imported", palette=False,
    doc="A custom layer of an imported model (the project's own class), kept with its config, "
        "weights and the shapes Keras recorded, without its code. Training, running or exporting "
        "it needs the Python module that defines the class, trusted for this document.",
    params=KERAS_LAYER.params + (
        Param("build_config", "any", None, "The build config Keras saved.", nullable=True,
              advanced=True),
        Param("weight_paths", "any", None, "Where its weights sit in the layer's group of the "
                                           "weights file (vars/0, sublayer/vars/0, ...).",
              nullable=True, advanced=True),
        Param("shapes_entered", "bool", False, "Whether its output shapes were entered by hand "
                                               "(the file did not record them).", advanced=True),
    ),
    shape=KERAS_LAYER.shape,
    weights=KERAS_LAYER.weights,
    explain=_explain,
    variadic=True,
    min_inputs=1,
    outputs=KERAS_LAYER.outputs,
    check=_check,
    build=_build,
    call=KERAS_LAYER.call,
    call_source=KERAS_LAYER.call_source,
    key_params=("class_name",),
))

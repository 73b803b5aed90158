"""The layer catalog: one declaration per Keras layer type.

Importing this package registers every declaration; use
:func:`get_spec`, :func:`all_specs` and :func:`categories` to read them.
"""

from engine.catalog.base import (  # noqa: F401
    ACTIVATIONS, CONSTRAINTS, INITIALIZERS, PASS_ACTIVATION, REGULARIZERS, REQUIRED,
    LayerSpec, Param, all_specs, categories, get_spec, has_spec, trace_activation, valid_name,
)
from engine.catalog import (  # noqa: F401,E402  (registration order = palette order)
    core, convolution, pooling, normalization, activations, recurrent, attention,
    merge, reshaping, preprocessing, preprocessing_state, generic, opaque,
)

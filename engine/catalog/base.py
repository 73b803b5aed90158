"""The declaration format of the layer catalog.

Every layer type is declared once as a :class:`LayerSpec`: its Keras class
name, category, parameters (named and defaulted exactly as the Keras
constructor names and defaults them), ports, shape rule, weight count, MAC
estimate and, where the generic path does not fit, how to build and call it.
The palette, the inspector, validation, the summary, code export and import
all read these declarations.

Shapes are tuples that include the batch axis first (``None`` for unknown),
exactly like Keras's ``compute_output_shape``.

Nothing here imports TensorFlow: building happens through the ``keras``
module handed in by :mod:`engine.keras_build`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from engine.errors import ParamError, RuleContext
from engine.i18n import msg

Shape = tuple  # tuple[int | None, ...], batch axis first

REQUIRED = object()  # marker default for params the Keras constructor requires

ACTIVATIONS = (
    "linear", "relu", "relu6", "sigmoid", "tanh", "softmax", "log_softmax",
    "elu", "selu", "gelu", "swish", "silu", "mish", "leaky_relu",
    "softplus", "softsign", "hard_sigmoid", "hard_silu", "hard_swish",
    "exponential", "celu", "glu", "sparse_plus", "squareplus", "tanh_shrink",
    "hard_tanh", "log_sigmoid", "soft_shrink", "hard_shrink",
)
INITIALIZERS = (
    "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
    "lecun_uniform", "lecun_normal", "orthogonal", "zeros", "ones",
    "random_normal", "random_uniform", "truncated_normal", "identity",
    "variance_scaling", "constant", "uniform",  # "uniform": Embedding's default
)
REGULARIZERS = ("l1", "l2", "l1_l2", "orthogonal_regularizer")
REGULARIZER_CLASSES = {"l1": "L1", "l2": "L2", "l1_l2": "L1L2",
                       "orthogonal_regularizer": "OrthogonalRegularizer"}
CONSTRAINTS = ("max_norm", "non_neg", "unit_norm", "min_max_norm")
DTYPES = ("float32", "float16", "bfloat16", "float64", "int32", "int64",
          "uint8", "bool", "string")

_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def valid_name(name: str) -> bool:
    """Whether ``name`` is usable as a Keras layer name (no '/' and friends)."""
    return isinstance(name, str) and bool(_NAME_RE.match(name))


# ---------------------------------------------------------------- params ---

MAX_INT = 2**63 - 1  # a 64-bit integer: the largest size or count Keras can hold


def _is_int(v) -> bool:
    """An int of at most 64 bits, or a float with such an integral value (NaN and
    infinities are not)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    return (isinstance(v, int) or v.is_integer()) and abs(v) <= MAX_INT


@dataclass(frozen=True)
class Param:
    """One constructor (or call) argument of a layer.

    kind is one of: int, float, bool, str, choice, tuple (an int or a list of
    ``rank`` ints), shape (list of positive ints or None), ints (list of ints),
    axis (int or list of ints), activation, initializer, regularizer,
    constraint, layer (a nested layer config), any (free JSON value).
    """

    name: str
    kind: str
    default: Any = REQUIRED
    help: str = ""
    choices: tuple = ()
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    max_exclusive: bool = False
    nullable: bool = False
    rank: int | None = None  # for kind="tuple"
    allow_minus_one: bool = False  # for kind="shape" (Reshape)
    call: bool = False  # a call argument rather than a constructor argument
    advanced: bool = False  # tucked away in the inspector

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    # -- validation -------------------------------------------------------

    def normalize(self, value: Any) -> Any:
        """Check ``value`` and return it in canonical form (tuples for lists).

        Raises :class:`ParamError` with a message naming the parameter.
        """
        if value is None:
            if self.nullable or self.default is None:
                return None
            raise ParamError(self.name, msg("{name} cannot be empty (None).", name=self.name))
        check = getattr(self, "_check_" + self.kind)
        return check(value)

    def _fail(self, what: str, got: Any) -> ParamError:
        return ParamError(self.name, msg("{name} must be {what} (got {got}).",
                                         name=self.name, what=what, got=repr(got)))

    def _range(self, value):
        lo, hi = self.min, self.max
        if lo is not None and (value < lo or (self.min_exclusive and value == lo)):
            op = ">" if self.min_exclusive else "≥"
            raise self._fail(msg("{op} {lo}", op=op, lo=format(lo, 'g')), value)
        if hi is not None and (value > hi or (self.max_exclusive and value == hi)):
            op = "<" if self.max_exclusive else "≤"
            raise self._fail(msg("{op} {hi}", op=op, hi=format(hi, 'g')), value)
        return value

    def _check_int(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._fail(msg("an integer"), value)
        if abs(value) > MAX_INT:
            raise self._fail(msg("an integer of at most {max} (64 bits)", max=format(MAX_INT, ",")), value)
        if isinstance(value, float):
            if not value.is_integer():
                raise self._fail(msg("an integer"), value)
            value = int(value)
        return self._range(value)

    def _check_float(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._fail(msg("a number"), value)
        if not math.isfinite(value):
            raise self._fail(msg("a finite number"), value)
        return self._range(float(value))

    def _check_bool(self, value):
        if not isinstance(value, bool):
            raise self._fail(msg("true or false"), value)
        return value

    def _check_str(self, value):
        if not isinstance(value, str):
            raise self._fail(msg("a string"), value)
        return value

    def _check_choice(self, value):
        if isinstance(value, str):
            lowered = value.lower()
            for choice in self.choices:
                if isinstance(choice, str) and choice.lower() == lowered:
                    return choice
        elif value in self.choices and not isinstance(value, bool):
            return value
        options = ", ".join(repr(c) for c in self.choices)
        raise self._fail(msg("one of {options}", options=options), value)

    def _check_tuple(self, value):
        rank = self.rank or 1
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (self._positive_int(value),) * rank
        if isinstance(value, (list, tuple)) and len(value) == rank:
            return tuple(self._positive_int(v) for v in value)
        raise self._fail(msg("a positive integer or a list of {rank} positive integers", rank=rank), value)

    def _positive_int(self, v):
        if not _is_int(v):
            raise self._fail(msg("made of integers"), v)
        lo = 0 if self.min == 0 else 1
        if int(v) < lo:
            raise self._fail(msg("made of positive integers") if lo else msg("made of integers ≥ 0"), v)
        return int(v)

    def _check_shape(self, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = [value]  # Keras rejects a bare int; we read it as (n,)
        if not isinstance(value, (list, tuple)):
            raise self._fail(msg("a list of positive integers (or null for unknown)"), value)
        out = []
        for v in value:
            if v is None:
                out.append(None)
                continue
            if not _is_int(v):
                raise self._fail(msg("a list of positive integers (or null for unknown)"), value)
            v = int(v)
            if v <= 0 and not (self.allow_minus_one and v == -1):
                raise self._fail(msg("a list of positive integers (or null for unknown)"), value)
            out.append(v)
        return tuple(out)

    def _check_ints(self, value):
        if not isinstance(value, (list, tuple)) or not value:
            raise self._fail(msg("a non-empty list of integers"), value)
        out = []
        for v in value:
            if not _is_int(v):
                raise self._fail(msg("a list of integers"), value)
            out.append(int(v))
        return tuple(out)

    def _check_axis(self, value):
        if isinstance(value, (list, tuple)):
            return self._check_ints(value)
        if not _is_int(value):
            raise self._fail(msg("an integer axis or a list of axes"), value)
        return int(value)

    def _check_activation(self, value):
        if isinstance(value, str):
            if value.lower() in ACTIVATIONS:
                return value.lower()
            if value.lower() == "none":
                return None
        raise self._fail(msg("a Keras activation name such as 'relu', 'sigmoid' or 'softmax'"), value)

    def _config_keys(self, kind: str, cfg):
        """Keras passes a config's keys as keyword arguments: each must be an identifier."""
        from engine.source_literal import is_identifier

        for key, value in (cfg or {}).items():
            if not is_identifier(key):
                raise ParamError(self.name, msg("the {kind} config key {key} is not a "
                                     "Python identifier, so Keras cannot take it as an argument.",
                                                kind=kind, key=repr(key)),
                                 msg("Config keys are argument names such as 'stddev' or 'max_value'."))
            self._finite(f"{kind} {key}", value)
        return cfg

    def _finite(self, what: str, value):
        if isinstance(value, float) and not math.isfinite(value):
            raise ParamError(self.name, msg("{name}: {what} must be a finite number (got {value}).",
                                            name=self.name, what=what, value=repr(value)))
        return value

    def _check_initializer(self, value):
        if isinstance(value, str) and value in INITIALIZERS:
            return value
        if isinstance(value, dict) and len(value) == 1:
            (kind, cfg), = value.items()
            if kind in INITIALIZERS and isinstance(cfg, (int, float)) and not isinstance(cfg, bool):
                return {kind: self._finite(kind, cfg)}
            if kind in INITIALIZERS and isinstance(cfg, dict):
                return {kind: self._config_keys(kind, cfg)}
        raise self._fail(msg("a Keras initializer such as 'glorot_uniform' or {{'random_normal': {{'stddev': 0.05}}}}"), value)

    def _check_regularizer(self, value):
        if isinstance(value, str) and value in REGULARIZERS:
            return {value: None}
        if isinstance(value, dict) and value:
            keys = set(value)
            if keys <= {"l1", "l2"}:
                for k, v in value.items():
                    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or not math.isfinite(v):
                        raise self._fail(msg("a regularizer such as {{'l2': 0.01}} with a factor ≥ 0"), value)
                return {k: float(v) for k, v in value.items()}
            if len(keys) == 1 and keys <= set(REGULARIZERS) and isinstance(next(iter(value.values())), (dict, type(None))):
                (kind, cfg), = value.items()
                return {kind: self._config_keys(kind, cfg)}
        raise self._fail(msg("a regularizer such as 'l2', {{'l2': 0.01}} or {{'l1': 0.001, 'l2': 0.01}}"),
                         value)

    def _check_constraint(self, value):
        if isinstance(value, str) and value in CONSTRAINTS:
            return {value: None}
        if isinstance(value, dict) and len(value) == 1:
            (kind, cfg), = value.items()
            if kind in CONSTRAINTS and (cfg is None or isinstance(cfg, dict)):
                return {kind: self._config_keys(kind, cfg)}
            if kind in CONSTRAINTS and isinstance(cfg, (int, float)) and not isinstance(cfg, bool):
                self._finite(kind, cfg)
                return {kind: {"max_value": cfg}} if kind == "max_norm" else {kind: cfg}
        raise self._fail(msg("a constraint such as 'max_norm', 'non_neg' or {{'max_norm': {{'max_value': 2}}}}"), value)

    def _check_layer(self, value):
        if not isinstance(value, dict) or "type" not in value:
            raise self._fail(msg("a layer config like {{'type': 'LSTM', 'params': {{'units': 32}}}}"), value)
        spec = get_spec(value["type"]) if value["type"] in _REGISTRY else None
        if spec is None:
            raise ParamError(self.name, msg("{name}: unknown layer type {type}.",
                                            name=self.name, type=repr(value['type'])))
        params = value.get("params", {}) or {}
        if not isinstance(params, dict):
            raise self._fail(msg("a layer config whose params are an object"), value)
        try:
            resolved = spec.resolve(params)
        except ParamError as exc:
            raise ParamError(self.name, msg("{name} ({type}): {message}",
                                            name=self.name, type=spec.type, message=exc.message),
                                            exc.hint) from None
        return {"type": spec.type, "params": dict(params), "resolved": resolved}

    def _check_any(self, value):
        return value


# ----------------------------------------------------------------- specs ---

ShapeRule = Callable[[dict, list, RuleContext], Any]
WeightRule = Callable[[dict, list], tuple]
MacRule = Callable[[dict, list, list], int]
ExplainRule = Callable[[dict, list, list], dict]


def _no_weights(p, shapes):
    return (0, 0)


def _no_macs(p, ins, outs):
    return 0


@dataclass
class LayerSpec:
    """Declaration of one layer type.

    shape(p, input_shapes, ctx) returns the output shape, or a list of output
    shapes for layers with several output ports; it raises ShapeError with an
    actionable message when the inputs cannot be taken. ``p`` is the resolved
    parameter dict (defaults filled, values normalised).
    """

    type: str
    category: str
    doc: str
    params: tuple
    shape: ShapeRule
    weights: WeightRule = _no_weights
    macs: MacRule = _no_macs
    inputs: tuple = ("input",)
    optional_inputs: int = 0  # how many trailing ports may stay unconnected
    variadic: bool = False  # any number of inputs (merge layers), at least min_inputs
    min_inputs: int = 1
    outputs: Callable[[dict], tuple] = lambda p: ("output",)
    check: Callable[[dict], None] | None = None  # cross-parameter checks
    build: Callable[[Any, dict, str], Any] | None = None  # (keras, kwargs, name) -> layer
    call: Callable[[Any, list, dict], Any] | None = None  # (layer, tensors, p) -> tensor(s)
    # Python source of the call for code export: (layer_expr, arg_exprs, p) -> str.
    # Needed whenever `call` is overridden; the default mirrors call_layer.
    call_source: Callable[[str, list, dict], str] | None = None
    keras_class: str | None = None  # defaults to type
    key_params: tuple = ()  # shown on the canvas node
    palette: bool = True  # offered in the palette and quick-add (False for import-only nodes)
    # How the numbers come about: (p, input_shapes, output_shapes) -> dict with any of
    # "shape" (words), "params" and "macs" ((rule, arithmetic) pairs); see engine.formulas.
    explain: Callable[[dict, list, list], dict] | None = None
    # The activation the layer's output carries (to pick a loss and from_logits):
    # PASS_ACTIVATION for a layer that hands its one input's on unchanged in kind
    # (Dropout, Flatten, Reshape, ...), a name for an activation layer ("softmax" for
    # Softmax), None when it is unknown. A layer with an ``activation`` param reads it.
    output_activation: str | None = None

    def __post_init__(self):
        self._by_name = {p.name: p for p in self.params}

    def applied_activation(self, p: dict) -> str | None:
        """The activation this layer applies last, given its (resolved) params: a name
        ("linear" for none), :data:`PASS_ACTIVATION` when it is its input's, or ``None``
        when unknown. See :func:`trace_activation` for the walk back through the graph."""
        if self.output_activation is not None:
            return self.output_activation
        if "activation" in self._by_name:
            act = p.get("activation")
            if act is None:
                return "linear"
            return act if isinstance(act, str) else None
        return None

    # -- params -----------------------------------------------------------

    def param(self, name: str) -> Param:
        return self._by_name[name]

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params if not p.required}

    def resolve(self, params: dict) -> dict:
        """Validate user params and return the full dict with Keras defaults.

        Raises ParamError naming the first bad parameter.
        """
        unknown = [k for k in params if k not in self._by_name]
        if unknown:
            known = ", ".join(p.name for p in self.params)
            raise ParamError(unknown[0], msg("{type} has no parameter {unknown_0}.",
                                             type=self.type, unknown_0=repr(unknown[0])),
                             msg("Known parameters: {known}.", known=known))
        out = {}
        for p in self.params:
            if p.name in params:
                out[p.name] = p.normalize(params[p.name])
            elif p.required:
                raise ParamError(p.name, msg("{type} needs a value for {name}.",
                                             type=self.type, name=p.name), p.help)
            else:
                out[p.name] = p.default if not isinstance(p.default, list) else tuple(p.default)
                if p.kind == "tuple" and p.default is not None:
                    out[p.name] = p.normalize(p.default)
        if self.check is not None:
            self.check(out)
        return out

    def output_names(self, p: dict) -> tuple:
        return tuple(self.outputs(p))

    def port_count(self, p: dict) -> int:
        return len(self.output_names(p))

    # -- keras ------------------------------------------------------------

    def keras_kwargs(self, keras, user_params: dict, resolved: dict) -> dict:
        """Constructor kwargs for the params the user set, as Keras objects."""
        kwargs = {}
        for name in user_params:
            p = self._by_name[name]
            if p.call:
                continue
            kwargs[name] = to_keras_value(keras, p, resolved[name])
        return kwargs

    def build_layer(self, keras, user_params: dict, resolved: dict, name: str):
        kwargs = self.keras_kwargs(keras, user_params, resolved)
        if self.build is not None:
            return self.build(keras, kwargs, name)
        cls = getattr(keras.layers, self.keras_class or self.type)
        return cls(name=name, **kwargs)

    def call_layer(self, layer, tensors: list, p: dict):
        if self.call is not None:
            return self.call(layer, tensors, p)
        if self.variadic:
            return layer(list(tensors))
        if len(tensors) == 1:
            return layer(tensors[0])
        return layer(*tensors)


    def call_expression(self, layer_expr: str, args: list, p: dict) -> str:
        if self.call_source is not None:
            return self.call_source(layer_expr, args, p)
        if self.variadic:
            return f"{layer_expr}([{', '.join(args)}])"
        return f"{layer_expr}({', '.join(args)})"


PASS_ACTIVATION = "<input>"  # LayerSpec.output_activation: the input's activation, passed on


def trace_activation(start, describe) -> str | None:
    """The activation applied last on the way to ``start``: the one rule for a document's
    nodes and for a built Keras model's layers alike.

    ``describe(item)`` returns ``(type name, params, the item feeding it or None)``; the walk
    goes back through layers whose spec passes the activation on, and answers ``None`` where
    the type is unknown, a pass-through layer has no single input, or the graph loops.

    >>> chain = {"d": ("Dense", {"activation": "softmax"}, None), "x": ("Dropout", {}, "d")}
    >>> trace_activation("x", chain.__getitem__)
    'softmax'
    """
    item, steps = start, 0
    while item is not None and steps < 10_000:  # a cycle of pass-through layers ends here
        steps += 1
        type_name, params, previous = describe(item)
        if not has_spec(type_name):
            return None
        act = get_spec(type_name).applied_activation(params)
        if act != PASS_ACTIVATION:
            return act
        item = previous
    return None


def to_keras_value(keras, p: Param, value):
    """Turn a normalised catalog value into what the Keras constructor takes."""
    if value is None:
        return None
    if p.kind == "regularizer":
        if "l1" in value or "l2" in value:
            if "l1" in value and "l2" in value:
                return keras.regularizers.L1L2(l1=value["l1"], l2=value["l2"])
            if "l1" in value:
                return keras.regularizers.L1(value["l1"]) if value["l1"] is not None else "l1"
            return keras.regularizers.L2(value["l2"]) if value["l2"] is not None else "l2"
        (kind, cfg), = value.items()
        return keras.regularizers.get(kind) if cfg is None else getattr(
            keras.regularizers, REGULARIZER_CLASSES[kind])(**cfg)
    if p.kind == "constraint":
        (kind, cfg), = value.items()
        classes = {"max_norm": "MaxNorm", "non_neg": "NonNeg", "unit_norm": "UnitNorm",
                   "min_max_norm": "MinMaxNorm"}
        return getattr(keras.constraints, classes[kind])(**(cfg or {}))
    if p.kind == "initializer" and isinstance(value, dict):
        (kind, cfg), = value.items()
        if not isinstance(cfg, dict):
            cfg = {"value": cfg}
        return keras.initializers.get({"class_name": kind, "config": cfg})
    if p.kind == "layer":
        inner = get_spec(value["type"])
        return inner.build_layer(keras, value["params"], value["resolved"],
                                 name=value["params"].get("name") or None)
    return value


# -------------------------------------------------------------- registry ---
# Filled by the declaration modules, which ``engine/catalog/__init__.py`` imports:
# Python runs that package first whenever any of its modules is imported, so the
# registry is complete before anything outside the catalog can look a type up.

_REGISTRY: dict[str, LayerSpec] = {}
_ALIASES = {"InputLayer": "Input"}


def register(spec: LayerSpec) -> LayerSpec:
    if spec.type in _REGISTRY:
        raise ValueError(f"layer type {spec.type} declared twice")
    _REGISTRY[spec.type] = spec
    return spec


def get_spec(type_name: str) -> LayerSpec:
    """The declaration of ``type_name``; KeyError if the catalog lacks it."""
    return _REGISTRY[_ALIASES.get(type_name, type_name)]


def has_spec(type_name: str) -> bool:
    return _ALIASES.get(type_name, type_name) in _REGISTRY


def all_specs() -> list[LayerSpec]:
    return list(_REGISTRY.values())


def categories(palette_only: bool = False) -> dict[str, list[LayerSpec]]:
    """Specs by category, in declaration order; ``palette_only`` leaves out
    node types that only an import creates."""
    out: dict[str, list[LayerSpec]] = {}
    for spec in all_specs():
        if palette_only and not spec.palette:
            continue
        out.setdefault(spec.category, []).append(spec)
    return out


# Params a Keras user passes positionally, in order (code export and preset builders).
POSITIONAL = {
    "Dense": ("units",), "Conv1D": ("filters", "kernel_size"), "Conv2D": ("filters", "kernel_size"),
    "Conv3D": ("filters", "kernel_size"), "Conv1DTranspose": ("filters", "kernel_size"),
    "Conv2DTranspose": ("filters", "kernel_size"), "Conv3DTranspose": ("filters", "kernel_size"),
    "SeparableConv1D": ("filters", "kernel_size"), "SeparableConv2D": ("filters", "kernel_size"),
    "DepthwiseConv1D": ("kernel_size",), "DepthwiseConv2D": ("kernel_size",),
    "Dropout": ("rate",), "Activation": ("activation",), "Embedding": ("input_dim", "output_dim"),
    "SimpleRNN": ("units",), "LSTM": ("units",), "GRU": ("units",), "RepeatVector": ("n",),
    "Reshape": ("target_shape",), "Permute": ("dims",), "MultiHeadAttention": ("num_heads", "key_dim"),
}


# ---------------------------------------------------------- shared params --

def activation_param(default=None, help="Activation applied to the output; None means linear."):
    return Param("activation", "activation", default, help, nullable=True)


def use_bias_param():
    return Param("use_bias", "bool", True, "Whether the layer adds a learned bias vector.")


def initializer_param(name, default, help=""):
    return Param(name, "initializer", default, help or f"Initializer for {name.replace('_initializer', '')}.",
                 advanced=True)


def regularizer_param(name):
    return Param(name, "regularizer", None, f"Penalty on {name.replace('_regularizer', '')} (l1, l2 or l1_l2).",
                 nullable=True, advanced=True)


def constraint_param(name):
    return Param(name, "constraint", None, f"Constraint on {name.replace('_constraint', '')} after each update.",
                 nullable=True, advanced=True)


def dense_like_params(kernel_default="glorot_uniform"):
    """The weight-related params shared by Dense and convolutions."""
    return (
        use_bias_param(),
        initializer_param("kernel_initializer", kernel_default),
        initializer_param("bias_initializer", "zeros"),
        regularizer_param("kernel_regularizer"),
        regularizer_param("bias_regularizer"),
        regularizer_param("activity_regularizer"),
        constraint_param("kernel_constraint"),
        constraint_param("bias_constraint"),
    )


def prod(values: Sequence) -> int:
    out = 1
    for v in values:
        out *= v
    return out

"""Optimizer, loss and metric settings, and the checks a person needs
before ``model.compile``.

Settings are plain JSON. Parameter names and defaults are Keras's own (a
test compares them with the Keras constructors); Keras is imported only when
the objects are built.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np

from engine.errors import ERROR, WARNING, Diagnostic
from engine.i18n import N_, msg
from engine.training.errors import raise_on_errors
from engine.training.schedules import ScheduleSettings, build_schedule, validate_schedule

# ----------------------------------------------------------------------------- optimizers
COMMON_PARAMS = {"weight_decay": None, "clipnorm": None, "clipvalue": None,
                 "global_clipnorm": None}
OPTIMIZERS: dict[str, tuple[str, dict]] = {
    "sgd": ("SGD", {"learning_rate": 0.01, "momentum": 0.0, "nesterov": False}),
    "adagrad": ("Adagrad", {"learning_rate": 0.001, "initial_accumulator_value": 0.1,
                            "epsilon": 1e-07}),
    "adadelta": ("Adadelta", {"learning_rate": 0.001, "rho": 0.95, "epsilon": 1e-07}),
    "rmsprop": ("RMSprop", {"learning_rate": 0.001, "rho": 0.9, "momentum": 0.0,
                            "epsilon": 1e-07, "centered": False}),
    "adam": ("Adam", {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
                      "amsgrad": False}),
    "adamax": ("Adamax", {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999,
                          "epsilon": 1e-07}),
    "nadam": ("Nadam", {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999,
                        "epsilon": 1e-07}),
    "adamw": ("AdamW", {"learning_rate": 0.001, "weight_decay": 0.004, "beta_1": 0.9,
                        "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}),
    "lion": ("Lion", {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.99}),
    "ftrl": ("Ftrl", {"learning_rate": 0.001, "learning_rate_power": -0.5,
                      "initial_accumulator_value": 0.1, "l1_regularization_strength": 0.0,
                      "l2_regularization_strength": 0.0,
                      "l2_shrinkage_regularization_strength": 0.0, "beta": 0.0}),
}

# name -> (low, high, low_open, high_open) for numbers; "bool" for flags.
_RANGES = {
    "learning_rate": (0, None, True, False),
    "momentum": (0, 1, False, True),
    "rho": (0, 1, False, True),
    "epsilon": (0, None, True, False),
    "beta_1": (0, 1, False, True),
    "beta_2": (0, 1, False, True),
    "initial_accumulator_value": (0, None, False, False),
    "learning_rate_power": (None, 0, False, False),
    "l1_regularization_strength": (0, None, False, False),
    "l2_regularization_strength": (0, None, False, False),
    "l2_shrinkage_regularization_strength": (0, None, False, False),
    "beta": (0, None, False, False),
    "weight_decay": (0, None, False, False),
    "clipnorm": (0, None, True, False),
    "clipvalue": (0, None, True, False),
    "global_clipnorm": (0, None, True, False),
}
_FLAGS = ("nesterov", "centered", "amsgrad")


@dataclass
class OptimizerSettings:
    """An optimizer by its Keras name with its hyperparameters.

    ``learning_rate`` (in ``params``) is used unless ``schedule`` is set to a
    non-constant schedule, which then decides the rate of every step.

    Example:
        >>> s = OptimizerSettings.from_dict({"name": "sgd", "momentum": 0.9,
        ...                                  "nesterov": True, "clipnorm": 1.0})
        >>> s.to_dict()["learning_rate"], s.to_dict()["momentum"]
        (0.01, 0.9)
    """

    name: str = "adam"
    params: dict = field(default_factory=dict)
    schedule: ScheduleSettings | None = None

    def full_params(self) -> dict:
        base = copy.deepcopy(OPTIMIZERS.get(self.name, ("", {}))[1])
        for k, v in COMMON_PARAMS.items():
            base.setdefault(k, v)
        base.update(self.params)
        return base

    def lr_settings(self) -> ScheduleSettings:
        """The schedule that decides the rate (a constant one if none is set)."""
        if self.schedule is not None and not self.schedule.is_constant:
            return self.schedule
        if self.schedule is not None and "learning_rate" in self.schedule.params \
                and "learning_rate" not in self.params:
            return self.schedule
        return ScheduleSettings("constant", {"learning_rate": self.full_params()["learning_rate"]})

    def to_dict(self) -> dict:
        out = {"name": self.name, **self.full_params()}
        if self.schedule is not None:
            out["schedule"] = self.schedule.to_dict()
        return out

    @classmethod
    def from_dict(cls, d: dict | str | None) -> "OptimizerSettings":
        if d is None:
            return cls()
        if isinstance(d, str):
            return cls(d.lower())
        d = dict(d)
        name = str(d.pop("name", "adam")).lower()
        sched = d.pop("schedule", None)
        return cls(name, d, ScheduleSettings.from_dict(sched) if sched is not None else None)


def _odiag(message, hint="", severity=ERROR) -> Diagnostic:
    return Diagnostic("optimizer", severity, message, hint, code="optimizer")


def validate_optimizer(settings: OptimizerSettings | dict | str) -> list[Diagnostic]:
    """Every problem with the optimizer settings, as diagnostics."""
    s = settings if isinstance(settings, OptimizerSettings) else OptimizerSettings.from_dict(settings)
    if s.name not in OPTIMIZERS:
        import difflib

        close = difflib.get_close_matches(s.name, list(OPTIMIZERS), n=1)
        return [_odiag(msg("Unknown optimizer {name!r}.", name=s.name),
                       msg("Did you mean {close}?", close=close[0]) if close else msg("Use one of: {optimizers}.",
                                                                     optimizers=', '.join(OPTIMIZERS)))]
    cls_name, defaults = OPTIMIZERS[s.name]
    out = []
    unknown = sorted(set(s.params) - set(defaults) - set(COMMON_PARAMS))
    if unknown:
        out.append(_odiag(msg("{optimizer} has no hyperparameter {names}.",
                              optimizer=cls_name, names=', '.join(map(repr, unknown))),
                          msg("Its hyperparameters: {value}.",
                              value=', '.join(list(defaults) + list(COMMON_PARAMS)))))
    p = s.full_params()
    for name, v in p.items():
        if name in _FLAGS:
            if not isinstance(v, bool):
                out.append(_odiag(msg("{optimizer}'s {name} must be true or false, not {value!r}.",
                                      optimizer=cls_name, name=name, value=v)))
            continue
        if name not in _RANGES or (v is None and name in COMMON_PARAMS):
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v):
            out.append(_odiag(msg("{optimizer}'s {name} must be a number, not {value!r}.",
                                  optimizer=cls_name, name=name, value=v)))
            continue
        lo, hi, lo_open, hi_open = _RANGES[name]
        bad = ((lo is not None and (v < lo or (lo_open and v == lo)))
               or (hi is not None and (v > hi or (hi_open and v == hi))))
        if bad:
            left = "(" if lo_open else "["
            right = ")" if hi_open else "]"
            span = f"{left}{'-∞' if lo is None else lo}, {'∞' if hi is None else hi}{right}"
            out.append(_odiag(msg("{optimizer}'s {name} must be in {span}, not {value}.",
                                  optimizer=cls_name, name=name, span=span, value=v),
                              _HINTS.get(name, "")))
    clips = [n for n in ("clipnorm", "clipvalue", "global_clipnorm") if p.get(n) is not None]
    if len(clips) > 1:
        out.append(_odiag(msg("Only one kind of gradient clipping can be set; {clips} are.",
                              clips=' and '.join(clips)),
                          N_("Keep clipnorm (per variable), global_clipnorm (all together) or "
                             "clipvalue (per element).")))
    if p.get("nesterov") and not p.get("momentum"):
        out.append(_odiag(N_("Nesterov momentum is on but momentum is 0, so it does nothing."),
                          N_("Set momentum, e.g. 0.9."), severity=WARNING))
    if s.schedule is not None:
        out.extend(validate_schedule(s.schedule))
    return out


_HINTS = {
    "momentum": N_("0.9 is the usual value (the course's β)."),
    "beta_1": N_("0.9 is the usual value."),
    "beta_2": N_("0.999 is the usual value (0.99 for Lion)."),
    "learning_rate": N_("Try 0.001 for Adam, 0.01 for SGD."),
    "epsilon": N_("1e-07 is Keras's default."),
}


def build_optimizer(settings: OptimizerSettings | dict | str, steps_per_epoch: int | None = None,
                    epochs: int | None = None):
    """A Keras optimizer; raises `SettingsError` naming the bad hyperparameter.

    Example:
        >>> opt = build_optimizer({"name": "adamw", "learning_rate": 0.003})
        >>> type(opt).__name__, round(float(opt.learning_rate), 4)
        ('AdamW', 0.003)
    """
    s = settings if isinstance(settings, OptimizerSettings) else OptimizerSettings.from_dict(settings)
    raise_on_errors(validate_optimizer(s))
    import keras

    p = s.full_params()
    p["learning_rate"] = build_schedule(s.lr_settings(), steps_per_epoch, epochs)
    if s.name == "adamw" and p.get("weight_decay") is None:
        p["weight_decay"] = OPTIMIZERS["adamw"][1]["weight_decay"]
    return getattr(keras.optimizers, OPTIMIZERS[s.name][0])(**p)


# ----------------------------------------------------------------------------- losses
LOSSES: dict[str, tuple[str, dict]] = {
    "mse": ("MeanSquaredError", {}),
    "mae": ("MeanAbsoluteError", {}),
    "mape": ("MeanAbsolutePercentageError", {}),
    "msle": ("MeanSquaredLogarithmicError", {}),
    "huber": ("Huber", {"delta": 1.0}),
    "log_cosh": ("LogCosh", {}),
    "binary_crossentropy": ("BinaryCrossentropy", {"from_logits": False, "label_smoothing": 0.0}),
    "categorical_crossentropy": ("CategoricalCrossentropy", {"from_logits": False,
                                                             "label_smoothing": 0.0}),
    "sparse_categorical_crossentropy": ("SparseCategoricalCrossentropy", {"from_logits": False}),
    "binary_focal_crossentropy": ("BinaryFocalCrossentropy", {"from_logits": False, "gamma": 2.0}),
    "kl_divergence": ("KLDivergence", {}),
    "hinge": ("Hinge", {}),
    "categorical_hinge": ("CategoricalHinge", {}),
}
LOSS_ALIASES = {"mean_squared_error": "mse", "mean_absolute_error": "mae",
                "mean_absolute_percentage_error": "mape",
                "mean_squared_logarithmic_error": "msle", "kld": "kl_divergence",
                "logcosh": "log_cosh"}
CLASS_LOSSES = ("categorical_crossentropy", "sparse_categorical_crossentropy",
                "categorical_hinge")
BINARY_LOSSES = ("binary_crossentropy", "binary_focal_crossentropy", "hinge")
REGRESSION_LOSSES = ("mse", "mae", "mape", "msle", "huber", "log_cosh")
METRIC_NAMES = ("accuracy", "sparse_categorical_accuracy", "categorical_accuracy",
                "binary_accuracy", "top_k_categorical_accuracy",
                "sparse_top_k_categorical_accuracy", "auc", "precision", "recall", "mse", "mae",
                "mape", "rmse", "r2_score")


@dataclass
class OutputSettings:
    """Loss, its weight and metrics for one model output.

    Example:
        >>> OutputSettings("sparse_categorical_crossentropy", metrics=["accuracy"]).to_dict()["loss"]
        'sparse_categorical_crossentropy'
    """

    loss: str = "sparse_categorical_crossentropy"
    params: dict = field(default_factory=dict)  # from_logits, delta, label_smoothing, ...
    weight: float = 1.0
    metrics: list = field(default_factory=list)

    @property
    def loss_name(self) -> str:
        return LOSS_ALIASES.get(self.loss, self.loss)

    @property
    def from_logits(self) -> bool:
        return bool(self.params.get("from_logits", False))

    def to_dict(self) -> dict:
        return {"loss": self.loss, **self.params, "weight": self.weight,
                "metrics": list(self.metrics)}

    @classmethod
    def from_dict(cls, d: dict | str | None) -> "OutputSettings":
        if d is None:
            return cls()
        if isinstance(d, str):
            return cls(d)
        d = dict(d)
        loss = d.pop("loss", "sparse_categorical_crossentropy")
        weight = float(d.pop("weight", 1.0))
        metrics = list(d.pop("metrics", []) or [])
        return cls(loss, d, weight, metrics)


def validate_output(settings: OutputSettings, output: str = "output") -> list[Diagnostic]:
    out = []
    name = settings.loss_name
    if name not in LOSSES:
        out.append(Diagnostic(output, ERROR, msg("Unknown loss {loss!r} for output '{output}'.",
                                                 loss=settings.loss, output=output),
                              msg("Use one of: {losses}.", losses=', '.join(LOSSES)), code="loss"))
        return out
    allowed = LOSSES[name][1]
    unknown = sorted(set(settings.params) - set(allowed))
    if unknown:
        out.append(Diagnostic(output, ERROR, msg("The {name} loss has no parameter {names}.",
                                                 name=name, names=', '.join(map(repr, unknown))),
                              msg("Its parameters: {allowed}.", allowed=', '.join(allowed) or 'none'), code="loss"))
    if not isinstance(settings.weight, (int, float)) or settings.weight < 0:
        out.append(Diagnostic(output, ERROR, msg("The loss weight of output '{output}' must be ≥ "
                                                 "0, not {weight}.",
                                                 output=output, weight=settings.weight), code="loss"))
    for m in settings.metrics:
        if m not in METRIC_NAMES:
            out.append(Diagnostic(output, ERROR, msg("Unknown metric {metric!r} for output '{output}'.",
                                                     metric=m, output=output),
                                  msg("Use some of: {metric_names}.",
                                      metric_names=', '.join(METRIC_NAMES)), code="metric"))
    return out


def build_loss(settings: OutputSettings | dict | str):
    s = settings if isinstance(settings, OutputSettings) else OutputSettings.from_dict(settings)
    raise_on_errors(validate_output(s))
    import keras

    cls_name, defaults = LOSSES[s.loss_name]
    return getattr(keras.losses, cls_name)(**{**defaults, **s.params})


def build_metric(name: str):
    import keras

    if name == "rmse":
        return keras.metrics.RootMeanSquaredError(name="rmse")
    if name == "r2_score":
        return keras.metrics.R2Score(name="r2_score")
    if name == "auc":
        return keras.metrics.AUC(name="auc")
    if name == "precision":
        return keras.metrics.Precision(name="precision")
    if name == "recall":
        return keras.metrics.Recall(name="recall")
    return name  # Keras resolves the rest from the loss and output shape


# ----------------------------------------------------------------------------- compile settings
@dataclass
class CompileSettings:
    """The optimizer and, per output, the loss, loss weight and metrics.

    ``outputs`` maps output names to settings; the key ``"*"`` applies to
    every output without its own entry (the usual single-output case).
    """

    optimizer: OptimizerSettings = field(default_factory=OptimizerSettings)
    outputs: dict = field(default_factory=lambda: {"*": OutputSettings(metrics=["accuracy"])})

    def for_output(self, name: str) -> OutputSettings:
        if name in self.outputs:
            return self.outputs[name]
        if "*" in self.outputs:
            return self.outputs["*"]
        from engine.training.errors import SettingsError

        raise SettingsError(msg("No loss is set for output '{name}'.", name=name),
                            hint=N_("Choose a loss for every output."), code="loss")

    def to_dict(self) -> dict:
        return {"optimizer": self.optimizer.to_dict(),
                "outputs": {k: v.to_dict() for k, v in self.outputs.items()}}

    @classmethod
    def from_dict(cls, d: dict | None) -> "CompileSettings":
        d = dict(d or {})
        outs = d.get("outputs")
        outputs = ({k: OutputSettings.from_dict(v) for k, v in outs.items()} if outs
                   else {"*": OutputSettings(metrics=["accuracy"])})
        return cls(OptimizerSettings.from_dict(d.get("optimizer")), outputs)

    def validate(self, output_names: list[str] | None = None) -> list[Diagnostic]:
        out = validate_optimizer(self.optimizer)
        names = output_names or list(self.outputs)
        for name in names:
            try:
                out.extend(validate_output(self.for_output(name), name))
            except Exception as exc:  # missing loss
                out.append(Diagnostic(name, ERROR, getattr(exc, "message", str(exc)),
                                      getattr(exc, "hint", ""), code="loss"))
        return out


def compile_arguments(settings: CompileSettings | dict, output_names: list[str],
                      steps_per_epoch: int | None = None, epochs: int | None = None) -> dict:
    """Keyword arguments for ``model.compile``.

    Example:
        >>> args = compile_arguments(CompileSettings(), ["dense"])
        >>> sorted(args), type(args["loss"]).__name__
        (['loss', 'loss_weights', 'metrics', 'optimizer'], 'SparseCategoricalCrossentropy')
    """
    s = settings if isinstance(settings, CompileSettings) else CompileSettings.from_dict(settings)
    raise_on_errors(s.validate(output_names))
    optimizer = build_optimizer(s.optimizer, steps_per_epoch, epochs)
    per = {name: s.for_output(name) for name in output_names}
    losses = {n: build_loss(o) for n, o in per.items()}
    metrics = {n: [build_metric(m) for m in o.metrics] for n, o in per.items()}
    weights = {n: float(o.weight) for n, o in per.items()}
    if len(output_names) == 1:
        n = output_names[0]
        return {"optimizer": optimizer, "loss": losses[n], "loss_weights": None,
                "metrics": metrics[n]}
    return {"optimizer": optimizer, "loss": losses, "loss_weights": weights, "metrics": metrics}


# ----------------------------------------------------------------------------- loss checks
def _label_kind(y) -> str | None:
    if y is None:
        return None
    y = np.asarray(y)
    if y.ndim >= 2 and y.shape[-1] > 1:
        onehot = np.all((y == 0) | (y == 1)) and np.allclose(y.sum(axis=-1), 1)
        return "onehot" if onehot else "vector"
    flat = y.reshape(len(y)) if y.ndim else y
    if flat.dtype.kind in "iub" or (flat.size and np.all(np.mod(flat, 1) == 0)):
        return "integer"
    return "continuous"


def check_loss(settings: OutputSettings | dict | str, *, activation: str | None,
               units: int | None, y=None, output: str = "output") -> list[Diagnostic]:
    """Mistakes between an output layer, its loss and the labels.

    Args:
        settings: the output's loss settings.
        activation: the output layer's activation (``"softmax"``,
            ``"sigmoid"``, ``"linear"`` or ``None`` for linear).
        units: size of the output's last axis.
        y: the training targets (optional), to compare with the loss.
        output: the output's name, used in messages.

    Example:
        >>> msgs = check_loss({"loss": "categorical_crossentropy", "from_logits": True},
        ...                   activation="softmax", units=3, y=np.array([0, 2, 1]))
        >>> [m.code for m in msgs]
        ['from_logits', 'sparse_labels']
    """
    s = settings if isinstance(settings, OutputSettings) else OutputSettings.from_dict(settings)
    out = validate_output(s, output)
    if out:
        return out
    loss = s.loss_name
    act = (activation or "linear").lower()
    kind = _label_kind(y)
    crossentropy = loss in CLASS_LOSSES[:2] or loss in BINARY_LOSSES[:2]

    def add(code, message, hint, severity=ERROR):
        out.append(Diagnostic(output, severity, message, hint, code=code))

    if crossentropy and s.from_logits and act in ("softmax", "sigmoid"):
        add("from_logits",
            msg("Output '{output}' already applies {act}, but its {loss} loss has "
                "from_logits=True, so {act} would be applied twice and the loss would be wrong.",
                output=output, act=act, loss=loss),
            msg("set from_logits to false, or make the output layer linear."))
    elif crossentropy and not s.from_logits and act in ("linear", "relu", "tanh"):
        add("from_logits",
            msg("Output '{output}' is {act} (raw scores) but its {loss} loss expects "
                "probabilities (from_logits=False).", output=output, act=act, loss=loss),
            msg("set from_logits to true, or give the output layer a {value} activation.",
                value='sigmoid' if loss in BINARY_LOSSES else 'softmax'))
    if loss in CLASS_LOSSES[:2] and units == 1:
        add("units",
            msg("Output '{output}' has 1 unit but {loss} is a multi-class loss: a softmax over "
                "one unit is always 1, so nothing is learned.", output=output, loss=loss),
            N_("use binary_crossentropy with a sigmoid output for two classes, or set the units "
               "to the number of classes."))
    if loss == "categorical_crossentropy" and kind == "integer" and (units or 2) > 1:
        add("sparse_labels",
            msg("The labels for output '{output}' are class ids but categorical_crossentropy "
                "expects one-hot rows.", output=output),
            N_("use sparse_categorical_crossentropy, or set labels to onehot in the data settings."))
    if loss == "sparse_categorical_crossentropy" and kind == "onehot":
        add("onehot_labels",
            msg("The labels for output '{output}' are one-hot rows but "
                "sparse_categorical_crossentropy expects class ids.", output=output),
            N_("use categorical_crossentropy, or set labels to sparse in the data settings."))
    if loss == "sparse_categorical_crossentropy" and kind == "integer" and units and units > 1:
        highest, lowest = int(np.max(y)), int(np.min(y))
        if lowest < 0:
            add("label_range",
                msg("The labels for output '{output}' include negative class ids (the lowest is "
                    "{lowest}); class ids run from 0 to {value}.",
                    output=output, lowest=lowest, value=units - 1),
                N_("renumber the labels from 0 in the data (for example y - y.min())."))
        elif highest >= units:
            add("label_range",
                msg("The labels for output '{output}' go up to {highest} but it has only {units} "
                    "units.", output=output, highest=highest, units=units),
                msg("set the units to {value} (one per class).", value=highest + 1))
    if loss in BINARY_LOSSES[:2] and units and units > 1 and kind == "integer":
        add("binary_multiclass",
            msg("Output '{output}' has {units} units with class-id labels, but {loss} treats "
                "each unit as a separate yes/no.", output=output, units=units, loss=loss),
            N_("use sparse_categorical_crossentropy with a softmax output."))
    if loss in REGRESSION_LOSSES and act == "softmax":
        add("regression_softmax",
            msg("Output '{output}' uses softmax with the {loss} loss; softmax outputs sum to 1, "
                "which suits class probabilities, not values.", output=output, loss=loss),
            N_("use a linear output for regression, or a cross-entropy loss for classes."), WARNING)
    return out


def output_activation(model, index: int = 0) -> tuple[str | None, int | None]:
    """The activation name and unit count of a Keras model's ``index``-th output, by the
    catalog's rule (:func:`engine.catalog.trace_activation`): Dense(softmax) → Dropout
    answers "softmax", as the document's analysis does."""
    from engine.catalog import trace_activation

    tensor = model.outputs[index]
    units = tensor.shape[-1]

    def describe(t):
        history = getattr(t, "_keras_history", None)
        if history is None:
            return "", {}, None
        layer = history.operation
        fn = getattr(layer, "activation", None)
        params = {"activation": getattr(fn, "__name__", None) if fn is not None else None}
        try:
            inputs = layer._inbound_nodes[history.node_index].input_tensors
        except (AttributeError, IndexError):
            inputs = []
        return type(layer).__name__, params, inputs[0] if len(inputs) == 1 else None

    return trace_activation(tensor, describe), units


__all__ = ["OPTIMIZERS", "OptimizerSettings", "validate_optimizer", "build_optimizer", "LOSSES",
           "OutputSettings", "validate_output", "build_loss", "CompileSettings",
           "compile_arguments", "check_loss", "output_activation", "METRIC_NAMES"]

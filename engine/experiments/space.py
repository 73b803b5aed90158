"""The search space of a study: which settings vary and how.

A space is a JSON object ``{NAME: DISTRIBUTION}``. Names:

- ``NODE.PARAM``: a layer parameter, the node given by name or id
  (``c1.filters``, ``hidden.units``, ``drop.rate``, ``c1.kernel_size``);
- ``training.PATH``: a setting as spelled in the document's ``training``
  section (``training.batch_size``, ``training.compile.optimizer.beta_1``);
- the shorthands ``lr`` (the learning rate, or a schedule's start) and
  ``optimizer`` (its name; the rate and clipping are kept).

Distributions: ``{"choice": [..]}``, ``{"int": [low, high], "step": s}``,
``{"float": [low, high]}`` (optionally ``"step"``), ``{"loguniform": [low, high]}``.

The space lives in the document's ``experiments`` section
(``{"space": {...}, "objective": "val_accuracy:max", ...}``, kept on save)
or in a JSON file. Nothing here imports Optuna or TensorFlow.

Example:
    >>> space = parse_space({"lr": {"loguniform": [1e-4, 1e-1]},
    ...                      "hidden.units": {"int": [4, 32], "step": 4}})
    >>> [p.name for p in space], space[1].grid()
    (['lr', 'hidden.units'], [4, 8, 12, 16, 20, 24, 28, 32])
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.errors import NeuroCanvasError
from engine.i18n import N_, msg

SHORTHANDS = ("lr", "optimizer")
KINDS = ("choice", "int", "float", "loguniform")
SECTION = "experiments"  # the document's top-level section holding the space


class SpaceError(NeuroCanvasError):
    """A search space that cannot be used; the message names the entry."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message, hint, code="space")


@dataclass(frozen=True)
class Dimension:
    """One swept setting: its name and distribution."""

    name: str
    kind: str  # choice | int | float | loguniform
    low: Any = None
    high: Any = None
    step: Any = None
    choices: tuple = ()

    @property
    def target(self) -> str:
        """``"shorthand"``, ``"training"`` or ``"node"``."""
        if self.name in SHORTHANDS:
            return "shorthand"
        return "training" if self.name.startswith("training.") else "node"

    def grid(self) -> list:
        """Every value, for a grid search (choices, or ints/floats with a step)."""
        if self.kind == "choice":
            return list(self.choices)
        if self.kind in ("int", "float") and self.step is not None:
            n = int(math.floor((self.high - self.low) / self.step + 1e-9))
            values = [self.low + i * self.step for i in range(n + 1)]
            return [int(v) for v in values] if self.kind == "int" else \
                [round(v, 12) for v in values]
        raise SpaceError(msg("'{name}' is a continuous range, which a grid cannot list.",
                             name=self.name),
                         N_('Give it {"choice": [...]} or a "step", or use another sampler.'))

    def to_dict(self) -> dict:
        if self.kind == "choice":
            return {"choice": list(self.choices)}
        out = {self.kind: [self.low, self.high]}
        if self.step is not None:
            out["step"] = self.step
        return out

    def suggest(self, trial):
        """The value an Optuna trial draws for this dimension."""
        if self.kind == "choice":
            return trial.suggest_categorical(self.name, list(self.choices))
        if self.kind == "int":
            return trial.suggest_int(self.name, self.low, self.high, step=self.step or 1)
        if self.kind == "float":
            return trial.suggest_float(self.name, self.low, self.high, step=self.step)
        return trial.suggest_float(self.name, self.low, self.high, log=True)


def _number(value, name: str, what: str, integer: bool = False):
    ok = isinstance(value, int) if integer else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok or (not integer and not math.isfinite(value)):
        if integer:
            raise SpaceError(msg("'{name}': the {what} must be a whole number, not {value}.",
                                 name=name, what=what, value=repr(value)))
        raise SpaceError(msg("'{name}': the {what} must be a number, not {value}.",
                             name=name, what=what, value=repr(value)))
    return value


def parse_dimension(name: str, spec) -> Dimension:
    """One entry of a space; raises `SpaceError` with what to write instead."""
    if not isinstance(name, str) or not name:
        raise SpaceError(msg("A space entry needs a name, not {name}.", name=repr(name)))
    if name not in SHORTHANDS and "." not in name:
        raise SpaceError(msg("'{name}' is not a setting that can be swept.", name=name),
                         N_("Write NODE.PARAM (e.g. hidden.units), training.PATH "
                            "(e.g. training.batch_size), lr or optimizer."))
    if not isinstance(spec, dict):
        raise SpaceError(msg("'{name}': a distribution must be an object, not {spec}.",
                             name=name, spec=repr(spec)),
                         N_('E.g. {"choice": [16, 32]} or {"loguniform": [1e-4, 0.1]}.'))
    kinds = [k for k in KINDS if k in spec]
    unknown = sorted(set(spec) - set(KINDS) - {"step"})
    if len(kinds) != 1 or unknown:
        if unknown:
            problem = msg("'{name}': give exactly one of {kinds} (unknown: {unknown}).",
                          name=name, kinds=", ".join(KINDS), unknown=", ".join(unknown))
        else:
            problem = msg("'{name}': give exactly one of {kinds}.", name=name,
                          kinds=", ".join(KINDS))
        raise SpaceError(problem, N_('E.g. {"int": [8, 64], "step": 8}.'))
    kind = kinds[0]
    value = spec[kind]
    if kind == "choice":
        if not isinstance(value, list) or not value:
            raise SpaceError(msg("'{name}': choice needs a non-empty list of values.", name=name))
        for v in value:
            if not (v is None or isinstance(v, (bool, int, float, str))):
                raise SpaceError(msg("'{name}': a choice must be a number, text, true/false or "
                                     "null, not {value}.", name=name, value=repr(v)),
                                 N_("Lists (e.g. a kernel size [3, 3]) are written as a number: "
                                    "3."))
        return Dimension(name, "choice", choices=tuple(value))
    if not isinstance(value, list) or len(value) != 2:
        raise SpaceError(msg("'{name}': {kind} needs [low, high], not {value}.", name=name,
                             kind=kind, value=repr(value)))
    integer = kind == "int"
    low = _number(value[0], name, N_("low end"), integer)
    high = _number(value[1], name, N_("high end"), integer)
    if low > high:
        raise SpaceError(msg("'{name}': the low end {low} is above the high end {high}.",
                             name=name, low=low, high=high))
    if kind == "loguniform" and low <= 0:
        raise SpaceError(msg("'{name}': a loguniform range must be above zero, not {low}.",
                             name=name, low=low),
                         N_("Use float for ranges that include zero."))
    step = spec.get("step")
    if step is not None:
        if kind == "loguniform":
            raise SpaceError(msg("'{name}': a loguniform range takes no step.", name=name))
        step = _number(step, name, N_("step"), integer)
        if step <= 0:
            raise SpaceError(msg("'{name}': the step must be above zero, not {step}.", name=name,
                                 step=step))
    return Dimension(name, kind, low, high, step)


def parse_space(data) -> list[Dimension]:
    """A space from its JSON object (``{"space": {...}}`` is accepted too)."""
    if isinstance(data, dict) and isinstance(data.get("space"), dict):
        data = data["space"]
    if not isinstance(data, dict) or not data:
        raise SpaceError(N_("The search space is empty."),
                         N_('Give at least one setting, e.g. {"lr": {"loguniform": [1e-4, 0.1]}}.'))
    return [parse_dimension(k, v) for k, v in data.items()]


def space_to_dict(space: list[Dimension]) -> dict:
    return {d.name: d.to_dict() for d in space}


def load_space(path) -> list[Dimension]:
    """A space from a JSON file (read as data only)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpaceError(f"{p}: cannot read the space ({exc.strerror or exc}).") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SpaceError(f"{p}: not valid JSON ({exc}).") from None
    return parse_space(data)


def document_space(net) -> list[Dimension] | None:
    """The space kept in the document's ``experiments`` section, or ``None``."""
    section = net.extra.get(SECTION)
    if section is None:
        return None
    if not isinstance(section, dict):
        raise SpaceError("The document's experiments section must be an object.")
    if not section.get("space"):
        return None
    return parse_space(section["space"])


def check_space(net, space: list[Dimension]) -> None:
    """Refuse a space that names a node or parameter the network does not have."""
    from engine.training.compile import OPTIMIZERS

    for d in space:
        if d.target == "node":
            node_name, param = d.name.split(".", 1)
            node = find_node(net, node_name)
            if node is None:
                names = ", ".join(sorted(n.name for n in net.nodes.values()))
                raise SpaceError(msg("'{name}': the network has no layer called {layer}.",
                                     name=d.name, layer=repr(node_name)),
                                 msg("Its layers: {names}.", names=names))
            known = [p.name for p in node.spec.params]
            if param not in known:
                raise SpaceError(msg("'{name}': a {type} layer has no parameter {param}.",
                                     name=d.name, type=node.type, param=repr(param)),
                                 msg("Its parameters: {names}.", names=", ".join(known)))
        elif d.name == "optimizer":
            bad = [c for c in d.choices if str(c).lower() not in OPTIMIZERS] \
                if d.kind == "choice" else ["(not a choice)"]
            if bad:
                raise SpaceError(msg("'optimizer': unknown optimizer(s) {names}.",
                                     names=", ".join(map(str, bad))),
                                 msg('Use {choice} of: {names}.', choice='{"choice": [...]}',
                                     names=", ".join(OPTIMIZERS)))
        elif d.name == "training.PATH" or d.name == "training.":
            raise SpaceError(msg("'{name}': name a training setting after 'training.'.",
                                 name=d.name))


def find_node(net, name: str):
    """A node by name, else by id; ``None`` if neither."""
    node = net.node_by_name(name)
    if node is None and name in net.nodes:
        node = net.nodes[name]
    return node


__all__ = ["Dimension", "SpaceError", "parse_space", "parse_dimension", "load_space",
           "document_space", "check_space", "space_to_dict", "find_node", "SECTION"]

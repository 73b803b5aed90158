"""What a study optimises and what it refuses before training.

Objectives are ``NAME:max`` or ``NAME:min`` (comma-separated): any metric
the run logs per epoch (``val_accuracy``, ``val_loss``, ``loss``…; the best
epoch's value counts) or a cost: ``params`` and ``macs`` (known from the
analysis before training) and ``train_time`` (seconds). Constraints such as
``params<=100000`` or ``macs<5e6`` prune a candidate before it trains.

Example:
    >>> [(o.name, o.direction) for o in parse_objectives("val_accuracy:max,params:min")]
    [('val_accuracy', 'maximize'), ('params', 'minimize')]
    >>> c = parse_constraints("params<=1000")[0]
    >>> c.violation({"params": 1200, "macs": 0})
    'params 1,200 is above the limit params<=1000.'
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from engine.experiments.space import SpaceError
from engine.i18n import N_, msg

COSTS = ("params", "macs", "train_time")
ANALYSED = ("params", "macs")  # known before training
_DIRECTIONS = {"max": "maximize", "maximize": "maximize", "min": "minimize",
               "minimize": "minimize"}
_OPS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}


@dataclass(frozen=True)
class Objective:
    name: str
    direction: str  # "maximize" | "minimize"

    def __str__(self) -> str:
        return f"{self.name}:{'max' if self.direction == 'maximize' else 'min'}"

    def better(self, a: float, b: float) -> bool:
        return a > b if self.direction == "maximize" else a < b


def parse_objectives(text: str | list | None) -> list[Objective]:
    """``"val_accuracy:max,params:min"`` (or a list of such) as objectives."""
    if text is None or text == "" or text == []:
        return [Objective("val_accuracy", "maximize")]
    parts = text if isinstance(text, list) else str(text).split(",")
    out = []
    for raw in parts:
        part = str(raw).strip()
        name, _, direction = part.partition(":")
        name = name.strip()
        if not name or direction.strip().lower() not in _DIRECTIONS:
            raise SpaceError(msg("Objective {objective} needs a metric and a direction.",
                                 objective=repr(part)),
                             N_("Write METRIC:max or METRIC:min, e.g. val_accuracy:max,params:min."))
        if any(o.name == name for o in out):
            raise SpaceError(msg("Objective {objective} is given twice.", objective=repr(name)))
        out.append(Objective(name, _DIRECTIONS[direction.strip().lower()]))
    return out


@dataclass(frozen=True)
class Constraint:
    name: str
    op: str
    limit: float

    def __str__(self) -> str:
        return f"{self.name}{self.op}{self.limit:g}"

    def violation(self, costs: dict) -> str | None:
        """Why ``costs`` break this constraint, or ``None`` when they keep it."""
        value = costs.get(self.name)
        if value is None or _OPS[self.op](value, self.limit):
            return None
        if self.op.startswith("<"):
            return msg("{cost} {value} is above the limit {limit}.", cost=self.name,
                       value=f"{value:,}", limit=str(self))
        return msg("{cost} {value} is below the limit {limit}.", cost=self.name,
                   value=f"{value:,}", limit=str(self))


def parse_constraints(text: str | list | None) -> list[Constraint]:
    if not text:
        return []
    parts = text if isinstance(text, list) else str(text).split(",")
    out = []
    for raw in parts:
        m = re.fullmatch(r"\s*([a-z_]+)\s*(<=|>=|<|>)\s*([0-9.eE+_,]+)\s*", str(raw))
        if not m or m.group(1) not in ANALYSED:
            raise SpaceError(msg("Constraint {constraint} is not understood.",
                                 constraint=repr(str(raw).strip())),
                             msg("Write e.g. params<=100000 or macs<5e6 (known before training: "
                                 "{costs}).", costs=", ".join(ANALYSED)))
        try:
            limit = float(m.group(3).replace("_", "").replace(",", ""))
        except ValueError:
            raise SpaceError(msg("Constraint {constraint}: {value} is not a number.",
                                 constraint=repr(str(raw).strip()),
                                 value=repr(m.group(3)))) from None
        out.append(Constraint(m.group(1), m.group(2), limit))
    return out


__all__ = ["Objective", "Constraint", "parse_objectives", "parse_constraints", "COSTS"]

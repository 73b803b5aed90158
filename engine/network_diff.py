"""What an edit between two training segments keeps: per-layer carry decisions.

When a run goes on with an edited network, each layer of the new network is
one of:

- **carried**: a layer of the old network has the same name, the same type
  and weights of the same shapes; its weights are copied bitwise, and so is
  the optimizer's state for them (Adam's moments, momentum, …).
- **transformed**: the edit rewrote its weights so the network computes the
  same function (a Net2Net widen or deepen, see `engine.net2net`); its weights
  come from the edited document and its optimizer state starts at zero.
- **reinitialised**: new or changed; fresh initial weights, fresh optimizer
  state.

`plan_segment` decides from two Keras models (the decision needs the real
weight shapes); `carry_into` applies the decision. Nothing here imports
TensorFlow at module level; Keras objects are only handed in.

Example::

    diff = carry_into(old_model, new_model, transformed={"hidden", "out"})
    diff.carried, diff.reinitialised, diff.transformed
"""

from __future__ import annotations

from engine.i18n import msg
from dataclasses import dataclass, field

TRANSFORMED_SECTION = "net2net"  # document section: {"transformed": [layer names]}


@dataclass
class SegmentDiff:
    """Layer names (of the new network) by what happened to their weights."""

    carried: list = field(default_factory=list)
    reinitialised: list = field(default_factory=list)
    transformed: list = field(default_factory=list)
    removed: list = field(default_factory=list)  # old layers with weights that are gone
    optimizer_slots_carried: int = 0
    optimizer_slots_reset: int = 0
    reasons: dict = field(default_factory=dict)  # layer name -> why it was reinitialised

    def to_dict(self) -> dict:
        return {"carried": list(self.carried), "reinitialised": list(self.reinitialised),
                "transformed": list(self.transformed), "removed": list(self.removed),
                "optimizer_slots_carried": self.optimizer_slots_carried,
                "optimizer_slots_reset": self.optimizer_slots_reset,
                "reasons": dict(self.reasons)}

    def describe(self) -> str:
        def names(items):
            return ", ".join(items) if items else "none"

        values = dict(carried=names(self.carried), transformed=names(self.transformed),
                      reinitialised=names(self.reinitialised))
        if self.removed:
            return msg("carried: {carried}; transformed: {transformed}; reinitialised: {reinitialised}; "
                       "removed: {removed}", removed=names(self.removed), **values)
        return msg("carried: {carried}; transformed: {transformed}; reinitialised: {reinitialised}", **values)


def _weight_shapes(layer) -> list:
    return [tuple(int(d) for d in w.shape) for w in layer.weights]


def plan_segment(old_model, new_model, transformed=()) -> SegmentDiff:
    """Decide for every layer with weights of ``new_model`` whether it is
    carried from ``old_model``, transformed (named in ``transformed``) or
    reinitialised."""
    transformed = set(transformed)
    old = {layer.name: layer for layer in old_model.layers}
    diff = SegmentDiff()
    new_names = set()
    for layer in new_model.layers:
        new_names.add(layer.name)
        if not layer.weights:
            continue
        if layer.name in transformed:
            diff.transformed.append(layer.name)
            continue
        before = old.get(layer.name)
        if before is None:
            diff.reinitialised.append(layer.name)
            diff.reasons[layer.name] = msg("new layer")
        elif type(before) is not type(layer):
            diff.reinitialised.append(layer.name)
            diff.reasons[layer.name] = msg("type changed from {before} to {after}",
                                           before=type(before).__name__, after=type(layer).__name__)
        elif _weight_shapes(before) != _weight_shapes(layer):
            diff.reinitialised.append(layer.name)
            diff.reasons[layer.name] = msg("weight shapes changed")
        else:
            diff.carried.append(layer.name)
    diff.removed = [layer.name for layer in old_model.layers
                    if layer.weights and layer.name not in new_names]
    return diff


def carry_into(old_model, new_model, transformed=()) -> SegmentDiff:
    """Copy the weights of carried layers from ``old_model`` into ``new_model``
    (bitwise) and, when both are compiled, the optimizer state of their
    variables and the optimizer's step counter. Returns the decision."""
    diff = plan_segment(old_model, new_model, transformed)
    old = {layer.name: layer for layer in old_model.layers}
    new = {layer.name: layer for layer in new_model.layers}
    pairs = []
    for name in diff.carried:
        for ov, nv in zip(old[name].weights, new[name].weights):
            nv.assign(ov.value)
            pairs.append((ov, nv))
    carry_optimizer_state(getattr(old_model, "optimizer", None),
                          getattr(new_model, "optimizer", None), pairs, new_model, diff)
    return diff


def _slot_prefix(variable) -> str:
    # Keras 3 names an optimizer slot "<variable path with / as _>_<slot>"
    return variable.path.replace("/", "_") + "_"


def carry_optimizer_state(old_opt, new_opt, pairs, new_model, diff: SegmentDiff) -> None:
    """Copy the optimizer slots of each (old variable, new variable) pair.

    Keras 3 optimizers keep one slot variable per trainable variable and
    slot kind, named after the variable's path; they are matched by that
    name and shape. Slots of other variables stay at their initial value.
    The step counter (``iterations``) is carried so schedules go on.
    """
    if old_opt is None or new_opt is None or not hasattr(new_opt, "build"):
        return
    if not getattr(new_opt, "built", False):
        new_opt.build(new_model.trainable_variables)
    if not getattr(old_opt, "built", False):
        return
    old_slots = {v.name: v for v in old_opt.variables}
    new_slots = list(new_opt.variables)
    carried = set()
    for ov, nv in pairs:
        if not nv.trainable:
            continue
        old_prefix, new_prefix = _slot_prefix(ov), _slot_prefix(nv)
        for slot in new_slots:
            if not slot.name.startswith(new_prefix):
                continue
            source = old_slots.get(old_prefix + slot.name[len(new_prefix):])
            if source is not None and tuple(source.shape) == tuple(slot.shape):
                slot.assign(source.value)
                carried.add(id(slot))
    per_variable = [s for s in new_slots if s.name not in ("iteration", "iterations",
                                                          "learning_rate")]
    diff.optimizer_slots_carried = len(carried)
    diff.optimizer_slots_reset = len([s for s in per_variable if id(s) not in carried])
    new_opt.iterations.assign(old_opt.iterations.value)

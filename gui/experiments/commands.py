"""Undo commands of the Experiments panel."""

from __future__ import annotations

import copy

from gui.commands import EditCommand
from gui.i18n import translate

TRAINING = "training"


def _is_node_value(key: str) -> bool:
    return key not in ("lr", "optimizer") and not key.startswith("training.")


class ApplyTrialCommand(EditCommand):
    """Write a trial's values into the document as one undo step: layer
    parameters through the engine's edits (journaled), training settings by
    replacing the ``training`` section (kept for undo)."""

    def __init__(self, doc, number: int, values: dict):
        super().__init__(doc, translate("ApplyTrialCommand", "Apply trial {number}").format(
            number=number))
        self.values = dict(values)
        self.old_training = copy.deepcopy(doc.network.extra.get(TRAINING))
        self.new_training = self.old_training

    def edit(self, net):
        from engine.experiments.apply import apply_values, training_section_with

        apply_values(net, {k: v for k, v in self.values.items() if _is_node_value(k)})
        self.new_training = copy.deepcopy(training_section_with(self.old_training, self.values))
        self._set_training(self.new_training)

    def perform(self):
        try:
            return super().perform()
        except Exception:
            self._set_training(self.old_training)
            raise

    def _set_training(self, value) -> None:
        extra = self.doc.network.extra
        if value is None:
            extra.pop(TRAINING, None)
        else:
            extra[TRAINING] = copy.deepcopy(value)

    def redo(self):
        replay = not self._skip_redo
        super().redo()
        if replay:
            self._set_training(self.new_training)

    def undo(self):
        super().undo()
        self._set_training(self.old_training)


class SetSpaceCommand(EditCommand):
    """Replace the document's ``experiments`` section (the search space and
    the study's settings) as one undo step."""

    def __init__(self, doc, section: dict | None, text: str | None = None):
        super().__init__(doc, text or translate("SetSpaceCommand", "Change the search space"))
        self.old = copy.deepcopy(doc.network.extra.get("experiments"))
        self.new = copy.deepcopy(section)

    def _set(self, value) -> None:
        extra = self.doc.network.extra
        if value is None:
            extra.pop("experiments", None)
        else:
            extra["experiments"] = copy.deepcopy(value)

    def edit(self, net):
        self._set(self.new)

    def redo(self):
        replay = not self._skip_redo
        super().redo()
        if replay:
            self._set(self.new)

    def undo(self):
        super().undo()
        self._set(self.old)

"""The document's ``data`` and ``training`` sections as the dashboard sees
them, and the undo command that changes one.

The sections live in ``Network.extra`` (kept on save). Reading never fails:
a section a person broke by hand falls back to defaults and the problem is
returned as a message.
"""

from __future__ import annotations

import copy
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from gui.i18n import translate

DATA, TRAINING, INSIGHTS = "data", "training", "insights"
CHANGE_TEXTS = {DATA: QT_TRANSLATE_NOOP("SetSectionCommand", "Change data settings"),
                TRAINING: QT_TRANSLATE_NOOP("SetSectionCommand", "Change training settings"),
                INSIGHTS: QT_TRANSLATE_NOOP("SetSectionCommand", "Change insights settings")}


def _problem_of(exc) -> str:
    from gui.i18n import tx

    said = getattr(exc, "message", None)
    return tx(said) if said else str(exc)


def default_dataset(net) -> str:
    """A built-in offline dataset that suits the network: the preset's own
    when it works offline, else one chosen by the input's shape."""
    from engine.data.default_choice import default_dataset as choose

    return choose(net)


def data_overrides(net) -> dict:
    """Overrides for ``engine.training.session``: none when the document has a
    data section or its preset suggests a dataset, else a dataset chosen by
    the input's shape (so an unsaved custom network can still be trained)."""
    if net.extra.get(DATA) is not None:
        return {}
    from engine.data.default_choice import preset_suggestion

    if preset_suggestion(net):
        return {}
    return {"dataset": default_dataset(net)}


def data_settings(net):
    """``(DataSettings, derived, problem or "")`` for the document: its own data
    section, or the one a run would derive (``derived`` is then True and the
    shape options are fitted to the model once the data is loaded)."""
    from engine.data import DataSettings

    try:
        from engine.training.session import resolve_settings

        data, _training, derived = resolve_settings(net, data_overrides(net))
        return data, derived, ""
    except Exception as exc:
        return DataSettings.suggested(default_dataset(net)), True, translate(
            "Sections", "The document's data settings cannot be used ({problem}); defaults are shown."
        ).format(problem=_problem_of(exc))


def load_data(net, data, derived: bool):
    """``(dataset, fitted data settings)`` as a run would load them (worker thread)."""
    from engine.training.session import load_training_data

    return load_training_data(data, net, derived)


def training_settings(net):
    """``(TrainingSettings, problem or "")`` for the document."""
    from engine.training.settings import TrainingSettings

    raw = net.extra.get(TRAINING)
    if raw is None:
        return TrainingSettings(epochs=10, batch_size=32), ""
    try:
        return TrainingSettings.from_dict(raw), ""
    except Exception as exc:
        return TrainingSettings(), translate(
            "Sections", "The document's training settings are damaged ({problem}); defaults are shown."
        ).format(problem=_problem_of(exc))


class SetSectionCommand(QUndoCommand):
    """Replace one top-level section of the document (undoable).

    Works with ``Document.push`` (``perform`` then the stack's ``redo``).
    Consecutive edits of the same field within two seconds merge into one
    undo step, so dragging a spin box is one step.
    """

    ID = 7071

    def __init__(self, doc, key: str, value: dict, field: str = "", text: str | None = None,
                 on_change=None):
        if not text:
            text = (translate("SetSectionCommand", CHANGE_TEXTS[key]) if key in CHANGE_TEXTS else
                    translate("SetSectionCommand", "Change {section} settings").format(section=key))
        super().__init__(text)
        self.doc, self.key, self.field = doc, key, field
        self.new = copy.deepcopy(value)
        self.old = copy.deepcopy(doc.network.extra.get(key))
        self.on_change = on_change
        self.when = time.monotonic()
        self._skip_redo = False

    def _set(self, value) -> None:
        extra = self.doc.network.extra
        if value is None:
            extra.pop(self.key, None)
        else:
            extra[self.key] = copy.deepcopy(value)
        if self.on_change is not None:
            self.on_change(self.key)

    def perform(self):
        self._set(self.new)
        self._skip_redo = True

    def redo(self):
        if self._skip_redo:
            self._skip_redo = False
            return
        self._set(self.new)

    def undo(self):
        self._set(self.old)

    def id(self):
        return self.ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, SetSectionCommand) or other.key != self.key \
                or not self.field or other.field != self.field or other.when - self.when > 2.0:
            return False
        self.new = other.new
        self.when = other.when
        return True


def set_section(doc, key: str, value: dict, field: str = "", text: str | None = None,
                on_change=None) -> bool:
    """Push a `SetSectionCommand` unless the section already has this value."""
    if doc.network.extra.get(key) == value:
        return False
    doc.push(SetSectionCommand(doc, key, value, field, text, on_change))
    return True

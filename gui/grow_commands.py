"""Widen and Deepen (Net2Net) as one undo step each.

The engine (`engine.net2net`) does the growing, in place on the document's
network; the command records the network edits in its journal like any
other command and swaps the document's weights and its list of grown layers
on undo and redo. The weights grown from are the document's own, or, when
the canvas still shows the network of a run that has a model, that model's
(so Continue then goes on from them as a new segment of the run).
"""

from __future__ import annotations

import copy

from gui.commands import EditCommand
from gui.i18n import translate


class GrowCommand(EditCommand):
    """``kind`` is ``"widen"`` (``factor``) or ``"deepen"``; ``store`` the
    weights to grow from (the document's when None); ``base`` the run
    checkpoint they come from."""

    def __init__(self, doc, kind: str, layer: str, factor: float = 2.0, store=None,
                 base: dict | None = None):
        name = doc.network.nodes[layer].name if layer in doc.network.nodes else layer
        super().__init__(doc, (translate("UndoCommand", "Widen {layer}") if kind == "widen"
                               else translate("UndoCommand", "Deepen after {layer}")).format(layer=name))

        from engine.network_diff import TRANSFORMED_SECTION

        self.kind, self.layer, self.factor = kind, layer, factor
        self.store, self.base = store, base
        net = doc.network
        self._section = TRANSFORMED_SECTION
        self._before = (net.weights, copy.deepcopy(net.extra.get(TRANSFORMED_SECTION)))
        self._after = None

    def edit(self, net):
        from engine.net2net import deepen, widen

        store = self.store if self.store is not None else net.weights
        try:
            if self.kind == "widen":
                result = widen(net, store, self.layer, self.factor, inplace=True)
            else:
                result = deepen(net, store, self.layer, inplace=True)
        except Exception:
            self._restore(self._before)
            raise
        if self.base is not None:
            net.extra[self._section]["base"] = dict(self.base)
        self._after = (net.weights, copy.deepcopy(net.extra.get(self._section)))
        return result

    def _restore(self, state) -> None:
        store, section = state
        net = self.doc.network
        net.weights = store
        if section is None:
            net.extra.pop(self._section, None)
        else:
            net.extra[self._section] = copy.deepcopy(section)

    def undo(self):
        super().undo()
        self._restore(self._before)

    def redo(self):
        super().redo()
        if self._after is not None:
            self._restore(self._after)


def weights_to_grow_from(dashboard) -> tuple[object, dict | None]:
    """``(store, base)``: the model of the dashboard's run, when the canvas
    still shows its network, else ``(None, None)`` (the document's own)."""
    c = getattr(dashboard, "controller", None)
    trainer = getattr(c, "trainer", None)
    model = getattr(trainer, "model", None)
    if model is None or dashboard.network_edited_since_run() or trainer.running:
        return None, None
    from engine import weights

    net = dashboard.doc.network
    try:
        store = weights.capture(net, model)
        step = int(model.optimizer.iterations.numpy())
    except Exception:  # a model that does not match the canvas: grow from the document
        return None, None
    record = getattr(c, "session", None)
    run = getattr(record, "run", None)
    return store, ({"run": run.id, "step": step} if run is not None else None)

"""Write a trial's values into a network, through the engine's own edits.

`apply_values` edits a network in place (the editor wraps it in one undo
step; a trial works on a copy): layer parameters with ``Network.set_param``
(refused values raise, the layer untouched), training settings in the
``training`` section by their path, ``lr`` and ``optimizer`` as
``neurocanvas train --lr/--optimizer`` would set them.

Example:
    >>> from engine.network import Network
    >>> net = Network("m"); i = net.add_node("Input", {"shape": [4]}, id="x")
    >>> h = net.add_node("Dense", {"units": 8}, id="h"); _ = net.connect(i, h)
    >>> trial_net = trial_network(net, {"h.units": 16, "lr": 0.01})
    >>> trial_net.nodes["h"].params["units"], net.nodes["h"].params["units"]
    (16, 8)
    >>> trial_net.extra["training"]["compile"]["optimizer"]["learning_rate"]
    0.01
"""

from __future__ import annotations

import copy

from engine.errors import NeuroCanvasError
from engine.experiments.space import SpaceError, find_node


def training_section_with(raw: dict | None, values: dict) -> dict | None:
    """The ``training`` section with the ``training.*``, ``lr`` and
    ``optimizer`` values of ``values`` written in; ``raw`` is not changed.
    Returns ``raw`` itself when no value concerns training."""
    touched = [k for k in values if k in ("lr", "optimizer") or k.startswith("training.")]
    if not touched:
        return raw
    section = copy.deepcopy(raw) if isinstance(raw, dict) else {}
    for key in touched:
        if key.startswith("training."):
            _set_path(section, key[len("training."):].split("."), values[key], key)
    if "optimizer" in values or "lr" in values:
        from engine.training.compile import OptimizerSettings
        from engine.training.session import set_learning_rate, switch_optimizer

        comp = section.setdefault("compile", {})
        if not isinstance(comp, dict):
            raise SpaceError("The training section's compile settings must be an object.")
        written = comp.get("optimizer")
        opt = OptimizerSettings.from_dict(written)
        before = opt.to_dict()
        if "optimizer" in values:
            opt = switch_optimizer(opt, str(values["optimizer"]).lower())
        if "lr" in values:
            set_learning_rate(opt, float(values["lr"]))
        comp["optimizer"] = _as_written(written, before, opt.to_dict())
    return section


def _as_written(written, before: dict, after: dict) -> dict:
    """``after`` as the user would write it: what they wrote, what changed and
    the name — not every default filled in."""
    from engine.training.compile import OptimizerSettings

    keep = dict(written) if isinstance(written, dict) else {}
    defaults = OptimizerSettings(after["name"]).to_dict()
    return {k: v for k, v in after.items()
            if k == "name" or k in keep or (before.get(k) != v and defaults.get(k) != v)}


def _set_path(section: dict, path: list[str], value, name: str) -> None:
    here = section
    for part in path[:-1]:
        nxt = here.get(part)
        if nxt is None:
            nxt = here[part] = {}
        if not isinstance(nxt, dict):
            raise SpaceError(f"'{name}': {part!r} in the training section is not an object.")
        here = nxt
    if not path or not path[-1]:
        raise SpaceError(f"'{name}': name a training setting after 'training.'.")
    here[path[-1]] = value


def apply_values(net, values: dict) -> None:
    """Set every value on ``net`` (in place). Raises `NeuroCanvasError`
    (a ``ParamError`` names the refused parameter) on the first refusal."""
    for key, value in values.items():
        if key in ("lr", "optimizer") or key.startswith("training."):
            continue
        node_name, param = key.split(".", 1)
        node = find_node(net, node_name)
        if node is None:
            raise SpaceError(f"'{key}': the network has no layer called {node_name!r}.")
        if node.params.get(param, object()) != value:
            try:
                net.set_param(node.id, param, value)
            except NeuroCanvasError as exc:
                raise NeuroCanvasError(describe_refusal(key, exc), code="param") from None
    section = training_section_with(net.extra.get("training"), values)
    if section is not None:
        net.extra["training"] = section


def trial_network(net, values: dict):
    """A copy of ``net`` with ``values`` applied (``net`` is not changed)."""
    out = net.copy()  # its stored weights come along
    apply_values(out, values)
    return out


def describe_refusal(key: str, exc: NeuroCanvasError) -> str:
    """``'c1.kernel_size = 9: <why>'`` for a value the engine refused."""
    hint = f" {exc.hint}" if getattr(exc, "hint", "") else ""
    return f"{key}: {exc.message}{hint}"


__all__ = ["apply_values", "trial_network", "training_section_with"]

"""Every event NeuroCanvas sends, declared once (no Qt, no TensorFlow).

Two buses carry them:

* **Document changes** — a :class:`~engine.network.Network` emits one
  :class:`Change` per applied edit (``NodeAdded``, ``EdgeRemoved``,
  ``ParamsChanged``…), its kind a :class:`ChangeKind`. The canvas, the
  inspector and the undo journal subscribe and dispatch on the kind through
  a handler table.
* **Training events** — a :class:`~engine.training.trainer.Trainer` emits one
  :class:`TrainingEvent` per thing that happened in a run (``Started``,
  ``Batch``, ``Epoch``, the insights, the end of the run…), its kind an
  :class:`EventKind`. The run recorder, the command line, the experiments'
  pruner and the editor's dashboard subscribe.

Each kind is a ``str`` enum (``EventKind.EPOCH == "epoch"``), so the plain
names used in files, tests and older code keep working. Each event is a
frozen dataclass with its fields; ``event.data`` (training) and
``change.detail`` (document) give the dict form, and ``from_dict`` /
``to_dict`` turn an event into that form and back. A kind that is not
declared here (in a file written by another version) reads as ``None``
from :func:`training_event_from_dict` / :meth:`Change.from_dict`: readers
skip it.

How a training event reaches the screen (one path)
--------------------------------------------------
1. The trainer emits **every** event as it happens, one ``batch`` event per
   batch (``points`` holds that batch), on the training thread. Engine
   subscribers (the run recorder, the command line, a sweep's pruner) see
   every event; nothing is dropped or merged before them.
2. The editor's ``EventBridge`` (gui/training/event_bridge.py) queues the
   events and hands them to the GUI thread in deliveries spaced by what
   drawing costs (at least 250 ms apart, more when drawing is expensive).
   This is the **only place events are coalesced**, by :func:`coalesce`,
   following what each kind declares (:attr:`EventKind.delivery`):

   - ``urgent`` kinds (a change of the run's state: started, paused,
     resumed, finished, stopped, failed) are delivered at once, with
     everything queued before them;
   - ``merged`` kinds (``batch``): neighbouring events become one, their
     ``points`` concatenated, so no batch is lost;
   - ``latest`` kinds (feature maps, filters, layer statistics, confusion,
     predictions, boundary): only the newest of a delivery is kept
     (feature maps are first merged layer by layer, so an on-demand
     capture survives an epoch's one);
   - everything else (``epoch``, ``histograms``, ``lr_finder``…) is
     delivered as it is, in order.
3. The dashboard draws a delivery without merging anything more: each
   panel handles its events of the delivery and repaints once, one panel
   per turn of the event loop, so input and repaints come in between.

Example::

    >>> e = training_event("epoch", epoch=3, lr=0.01, logs={"loss": 0.5})
    >>> e.kind is EventKind.EPOCH, e.kind == "epoch", e.epoch
    (True, True, 3)
    >>> e.data
    {'epoch': 3, 'lr': 0.01, 'logs': {'loss': 0.5}}
    >>> EventKind.BATCH.delivery, EventKind.FAILED.urgent, EventKind.CONFUSION.latest_only
    (<Delivery.MERGED: 'merged'>, True, True)
    >>> training_event_from_dict({"kind": "telemetry", "data": {}}) is None
    True
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, ClassVar, Mapping


class Delivery(str, Enum):
    """How the editor's bridge delivers a kind of training event."""

    IN_ORDER = "in_order"   # every event, in order, at the next delivery
    URGENT = "urgent"       # delivered at once, with everything queued before it
    MERGED = "merged"       # neighbouring events merged into one (lists concatenated)
    LATEST = "latest"       # only the newest of a delivery is kept


class _Unset:
    """A field the event was not given (left out of its dict form)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self):
        return (_Unset, ())


UNSET: Any = _Unset()


# =========================================================== training events ==

class EventKind(str, Enum):
    """The kinds of training event, each with its delivery (see the module text)."""

    def __new__(cls, value: str, delivery: Delivery = Delivery.IN_ORDER, accumulate: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.delivery = delivery
        # MERGED: the list field concatenated; LATEST: the dict field merged over the events
        obj.accumulate = accumulate
        return obj

    STARTED = "started", Delivery.URGENT
    BATCH = "batch", Delivery.MERGED, "points"
    EPOCH = "epoch"
    PAUSED = "paused", Delivery.URGENT
    RESUMED = "resumed", Delivery.URGENT
    FINISHED = "finished", Delivery.URGENT
    STOPPED = "stopped", Delivery.URGENT
    FAILED = "failed", Delivery.URGENT
    FEATURE_MAPS = "feature_maps", Delivery.LATEST, "maps"
    FILTERS = "filters", Delivery.LATEST
    HISTOGRAMS = "histograms"      # all kept: the panel shows them over the epochs
    LAYER_STATS = "layer_stats", Delivery.LATEST
    CONFUSION = "confusion", Delivery.LATEST
    PREDICTIONS = "predictions", Delivery.LATEST
    BOUNDARY = "boundary", Delivery.LATEST
    LR_FINDER = "lr_finder"
    SEGMENTS = "segments"          # the editor's: where a continued run's segments start

    def __str__(self) -> str:
        return self.value

    @property
    def urgent(self) -> bool:
        return self.delivery is Delivery.URGENT

    @property
    def latest_only(self) -> bool:
        return self.delivery is Delivery.LATEST

    @property
    def merged(self) -> bool:
        return self.delivery is Delivery.MERGED

    @property
    def ends_run(self) -> bool:
        return self in _ENDS

    @classmethod
    def parse(cls, kind) -> "EventKind | None":
        """The kind named ``kind``, or ``None`` for a name not declared here."""
        if isinstance(kind, cls):
            return kind
        try:
            return cls(kind)
        except ValueError:
            return None


_ENDS = frozenset({EventKind.FINISHED, EventKind.STOPPED, EventKind.FAILED})
ENDED = (EventKind.FINISHED, EventKind.STOPPED, EventKind.FAILED)


class _Event:
    """What every event class shares: the dict form of its given fields."""

    KIND: ClassVar[Enum]

    def _given(self) -> dict:
        out = {}
        for f in fields(self):
            if f.name in ("extra", "time"):
                continue
            value = getattr(self, f.name)
            if value is not UNSET:
                out[f.name] = value
        out.update(self.extra)
        return out

    @classmethod
    def _split(cls, data: Mapping) -> dict:
        names = cls.__dict__.get("_NAMES")
        if names is None:
            names = frozenset(f.name for f in fields(cls)) - {"extra", "time"}
            cls._NAMES = names
        known = {k: v for k, v in data.items() if k in names}
        extra = {k: v for k, v in data.items() if k not in names}
        return {**known, "extra": extra}


@dataclass(frozen=True)
class TrainingEvent(_Event):
    """One thing that happened in a run; subclasses declare their fields.

    ``kind`` is its :class:`EventKind`; ``data`` its fields as a dict (the
    form the GUI, the recorder and the files use); keys a subclass does not
    declare are kept in ``extra``; ``time`` is when it was made.
    """

    KIND: ClassVar[EventKind]

    @property
    def kind(self) -> EventKind:
        return self.KIND

    @property
    def data(self) -> dict:
        cached = self.__dict__.get("_data")
        if cached is None:
            cached = self._given()
            object.__setattr__(self, "_data", cached)
        return cached

    def to_dict(self) -> dict:
        """``{"kind", "data", "time"}``: the event as plain values."""
        return {"kind": self.kind.value, "data": dict(self.data), "time": self.time}

    @classmethod
    def from_data(cls, data: Mapping | None = None, time: float | None = None) -> "TrainingEvent":
        return cls(**cls._split(data or {}),
                   **({"time": float(time)} if time is not None else {}))


def _event(kind: EventKind, *names: str):
    """A frozen event dataclass of ``kind`` with the fields ``names``."""
    def wrap(cls):
        cls.KIND = kind
        annotations = {n: Any for n in names}
        annotations.update(extra=Mapping, time=float)
        cls.__annotations__ = annotations
        for n in names:
            setattr(cls, n, UNSET)
        cls.extra = field(default_factory=dict, repr=False, compare=True)
        cls.time = field(default_factory=_time.time, repr=False, compare=False)
        return dataclass(frozen=True)(cls)
    return wrap


@_event(EventKind.STARTED, "steps_per_epoch", "epochs", "initial_epoch", "initial_step",
        "planned_lr", "params", "dataset", "replay", "segments")
class Started(TrainingEvent):
    """The run starts (or a replay of a resumed run's recorded curves)."""


@_event(EventKind.BATCH, "points", "last", "replay")
class Batch(TrainingEvent):
    """``points``: one dict per batch (step, epoch, batch, lr, loss, metrics); ``last`` the newest."""


@_event(EventKind.EPOCH, "epoch", "lr", "duration", "steps", "logs", "replay")
class Epoch(TrainingEvent):
    """An epoch ended: ``epoch`` (1-based), ``lr``, ``duration`` (s), ``steps``, ``logs``."""


@_event(EventKind.PAUSED, "epoch", "step")
class Paused(TrainingEvent):
    pass


@_event(EventKind.RESUMED, "epoch", "step")
class Resumed(TrainingEvent):
    pass


_END_FIELDS = ("reason", "hint", "code", "detail", "diagnostics", "epochs_run", "history", "steps")


@_event(EventKind.FINISHED, *_END_FIELDS)
class Finished(TrainingEvent):
    pass


@_event(EventKind.STOPPED, *_END_FIELDS)
class Stopped(TrainingEvent):
    """``code``: user, callback, nan or divergence (its report's keys in ``extra``)."""


@_event(EventKind.FAILED, *_END_FIELDS)
class Failed(TrainingEvent):
    """``code``: check, oom, disk_full, write, abort, exception…"""


@_event(EventKind.FEATURE_MAPS, "epoch", "maps", "samples", "on_demand")
class FeatureMaps(TrainingEvent):
    pass


@_event(EventKind.FILTERS, "epoch", "filters")
class Filters(TrainingEvent):
    pass


@_event(EventKind.HISTOGRAMS, "epoch", "weights", "gradients")
class Histograms(TrainingEvent):
    pass


@_event(EventKind.LAYER_STATS, "epoch", "stats")
class LayerStats(TrainingEvent):
    pass


@_event(EventKind.CONFUSION, "epoch", "matrix", "class_names", "split", "per_class")
class Confusion(TrainingEvent):
    pass


@_event(EventKind.PREDICTIONS, "epoch", "task", "x", "y_true", "y_pred", "probs", "class_names")
class Predictions(TrainingEvent):
    pass


@_event(EventKind.BOUNDARY, "epoch", "xx", "yy", "probs", "points", "labels")
class Boundary(TrainingEvent):
    pass


@_event(EventKind.LR_FINDER, "lrs", "losses", "suggested_lr", "raw_losses", "steepest_lr",
        "min_lr", "max_lr", "stopped")
class LRFinder(TrainingEvent):
    pass


@_event(EventKind.SEGMENTS, "segments")
class Segments(TrainingEvent):
    pass


TRAINING_EVENTS: dict[EventKind, type[TrainingEvent]] = {
    cls.KIND: cls for cls in (Started, Batch, Epoch, Paused, Resumed, Finished, Stopped, Failed,
                              FeatureMaps, Filters, Histograms, LayerStats, Confusion,
                              Predictions, Boundary, LRFinder, Segments)}


def training_event(kind, **data) -> TrainingEvent:
    """The event of ``kind`` (an :class:`EventKind` or its name) with ``data``.

    Raises ``ValueError`` for a kind not declared here (a typo in an emitter).
    """
    k = EventKind.parse(kind)
    if k is None:
        raise ValueError(f"Unknown training event kind {kind!r}; the kinds are "
                         f"{', '.join(k.value for k in EventKind)}.")
    return TRAINING_EVENTS[k].from_data(data)


def training_event_from_dict(d: Mapping) -> TrainingEvent | None:
    """The event written by :meth:`TrainingEvent.to_dict`; ``None`` for a
    kind this version does not know (or something that is not an event)."""
    if not isinstance(d, Mapping):
        return None
    k = EventKind.parse(d.get("kind"))
    data = d.get("data")
    if k is None or not isinstance(data, Mapping):
        return None
    t = d.get("time")
    return TRAINING_EVENTS[k].from_data(data, t if isinstance(t, (int, float)) else None)


def coalesce(queue: list) -> list:
    """Coalesce ``(kind, data)`` pairs queued between two deliveries, as each
    kind declares: neighbouring ``merged`` events become one (their lists
    concatenated), only the newest ``latest`` event of a kind is kept (its
    ``accumulate`` dict merged over all of them), everything else stays, in
    order. Kinds not declared here pass through untouched.

    Example:
        >>> q = [("batch", {"points": [1], "last": 1}), ("batch", {"points": [2], "last": 2}),
        ...      ("confusion", {"epoch": 1}), ("epoch", {"epoch": 1}),
        ...      ("confusion", {"epoch": 2})]
        >>> [(str(k), d) for k, d in coalesce(q)]  # doctest: +NORMALIZE_WHITESPACE
        [('batch', {'points': [1, 2], 'last': 2}), ('epoch', {'epoch': 1}),
         ('confusion', {'epoch': 2})]
    """
    parsed = [(EventKind.parse(kind) or kind, data) for kind, data in queue]
    newest: dict = {}
    accumulated: dict = {}
    for i, (kind, data) in enumerate(parsed):
        if isinstance(kind, EventKind) and kind.latest_only:
            newest[kind] = i
            if kind.accumulate:
                accumulated.setdefault(kind, {}).update(data.get(kind.accumulate) or {})
    out: list = []
    for i, (kind, data) in enumerate(parsed):
        if not isinstance(kind, EventKind):
            out.append((kind, data))
            continue
        if kind.latest_only:
            if newest[kind] != i:
                continue
            if kind.accumulate:
                data = {**data, kind.accumulate: accumulated[kind]}
        elif kind.merged:
            name = kind.accumulate
            if out and out[-1][0] is kind:      # extend the merged event (a list of ours)
                items = out[-1][1][name]
                items.extend(data.get(name, []))
                out[-1] = (kind, {**data, name: items})
                continue
            data = {**data, name: list(data.get(name, []))}
        out.append((kind, data))
    return out


# ========================================================== document changes ==

class ChangeKind(str, Enum):
    """The kinds of document change (one per kind of edit)."""

    NODE_ADDED = "node_added"
    NODE_REMOVED = "node_removed"
    EDGE_ADDED = "edge_added"
    EDGE_REMOVED = "edge_removed"
    PARAMS_CHANGED = "params_changed"
    RENAMED = "renamed"
    MOVED = "moved"
    GROUPED = "grouped"
    TRAINABLE_CHANGED = "trainable_changed"
    OUTPUTS_CHANGED = "outputs_changed"
    META_CHANGED = "meta_changed"

    def __str__(self) -> str:
        return self.value

    @property
    def structural(self) -> bool:
        """Whether the change adds or removes nodes or edges."""
        return self in _STRUCTURAL

    @classmethod
    def parse(cls, kind) -> "ChangeKind | None":
        if isinstance(kind, cls):
            return kind
        try:
            return cls(kind)
        except ValueError:
            return None


_STRUCTURAL = frozenset({ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED,
                         ChangeKind.EDGE_ADDED, ChangeKind.EDGE_REMOVED})


@dataclass(frozen=True)
class Change:
    """What one applied edit changed; subclasses declare their fields.

    ``nodes`` are the ids it concerns, ``detail`` the rest as a dict (the
    form of older code); ``to_dict``/``from_dict`` give ``{"kind", "nodes",
    "detail"}``.
    """

    KIND: ClassVar[ChangeKind]

    @property
    def kind(self) -> ChangeKind:
        return self.KIND

    @property
    def nodes(self) -> tuple:
        return (self.node,) if hasattr(self, "node") else ()

    @property
    def detail(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "node"}

    def to_dict(self) -> dict:
        return {"kind": self.kind.value, "nodes": list(self.nodes), "detail": dict(self.detail)}

    @classmethod
    def _from_parts(cls, nodes: tuple, detail: Mapping) -> "Change":
        names = [f.name for f in fields(cls)]
        args = {k: detail[k] for k in names if k in detail}
        if "node" in names:
            args["node"] = nodes[0]
        return cls(**args)

    @staticmethod
    def from_dict(d: Mapping) -> "Change | None":
        """The change written by :meth:`to_dict`; ``None`` for an unknown kind."""
        if not isinstance(d, Mapping):
            return None
        k = ChangeKind.parse(d.get("kind"))
        if k is None:
            return None
        return CHANGES[k]._from_parts(tuple(d.get("nodes") or ()), d.get("detail") or {})


@dataclass(frozen=True)
class NodeAdded(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.NODE_ADDED
    node: str


@dataclass(frozen=True)
class NodeRemoved(Change):
    """``edges``: the edges removed with the node."""

    KIND: ClassVar[ChangeKind] = ChangeKind.NODE_REMOVED
    node: str
    edges: tuple = ()


@dataclass(frozen=True)
class EdgeAdded(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.EDGE_ADDED
    edge: Any

    @property
    def nodes(self) -> tuple:
        return (self.edge.src, self.edge.dst)


@dataclass(frozen=True)
class EdgeRemoved(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.EDGE_REMOVED
    edge: Any

    @property
    def nodes(self) -> tuple:
        return (self.edge.src, self.edge.dst)


@dataclass(frozen=True)
class ParamsChanged(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.PARAMS_CHANGED
    node: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Renamed(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.RENAMED
    node: str
    old: str
    new: str


@dataclass(frozen=True)
class Moved(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.MOVED
    node: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Grouped(Change):
    """``old``: each node's group before; ``new``: the group they are in now."""

    KIND: ClassVar[ChangeKind] = ChangeKind.GROUPED
    ids: tuple
    old: Any
    new: Any

    @property
    def nodes(self) -> tuple:
        return tuple(self.ids)

    @property
    def detail(self) -> dict:
        return {"old": self.old, "new": self.new}

    @classmethod
    def _from_parts(cls, nodes: tuple, detail: Mapping) -> "Grouped":
        return cls(tuple(nodes), detail.get("old"), detail.get("new"))


@dataclass(frozen=True)
class TrainableChanged(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.TRAINABLE_CHANGED
    node: str
    new: bool


@dataclass(frozen=True)
class OutputsChanged(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.OUTPUTS_CHANGED


@dataclass(frozen=True)
class MetaChanged(Change):
    KIND: ClassVar[ChangeKind] = ChangeKind.META_CHANGED
    name: str


CHANGES: dict[ChangeKind, type[Change]] = {
    cls.KIND: cls for cls in (NodeAdded, NodeRemoved, EdgeAdded, EdgeRemoved, ParamsChanged,
                              Renamed, Moved, Grouped, TrainableChanged, OutputsChanged,
                              MetaChanged)}


__all__ = ["Delivery", "UNSET", "EventKind", "ENDED", "TrainingEvent", "TRAINING_EVENTS",
           "Started", "Batch", "Epoch", "Paused", "Resumed", "Finished", "Stopped", "Failed",
           "FeatureMaps", "Filters", "Histograms", "LayerStats", "Confusion", "Predictions",
           "Boundary", "LRFinder", "Segments", "training_event", "training_event_from_dict",
           "coalesce", "ChangeKind", "Change", "CHANGES", "NodeAdded", "NodeRemoved",
           "EdgeAdded", "EdgeRemoved", "ParamsChanged", "Renamed", "Moved", "Grouped",
           "TrainableChanged", "OutputsChanged", "MetaChanged"]

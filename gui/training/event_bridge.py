"""Carries trainer events from the training thread to the GUI thread.

The trainer calls its subscribers on the training thread with every event.
`EventBridge` queues each event under a lock and wakes the GUI thread once
(`gui.background.post`, the way every background answer reaches it); the
GUI thread then drains the queue in one go. This is the one place where
training events are coalesced on their way to the screen (engine.events
describes the whole path): between two drains `engine.events.coalesce`
merges them as each kind declares — neighbouring batch events become one
(their points concatenated), a latest-only kind (feature maps, confusion,
predictions, ...) keeps only its newest — so however fast the trainer runs
the GUI handles at most one delivery per ``interval_ms``; an urgent kind (a
change of the run's state — started, paused, resumed, stopped, finished,
failed) is delivered at once, with everything queued before it.

The interval adapts to what drawing costs: at each delivery the bridge
reads ``cost()`` — the CPU seconds spent drawing so far (by default all of
the GUI thread's CPU time; the dashboard passes its panels' own meter) —
and compares what was spent since the previous delivery with the time
that passed. Above ``budget`` (a share of one core) the interval grows, up
to ``max_interval_ms``; when drawing is cheap it comes back down to
``min_interval_ms``. Panels that are cheap to draw update four times a
second; a heavy layout of many open panels gets fewer updates instead of
slowing the training down.

Example::

    bridge = EventBridge()
    bridge.event.connect(lambda kind, data: print(kind))   # kind: an EventKind
    unsubscribe = bridge.attach(trainer)   # trainer.subscribe(bridge.push)
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal

from engine.events import EventKind, coalesce
from gui import background


class EventBridge(QObject):
    """Forward ``TrainingEvent`` values to the GUI thread, coalesced.

    Signals:
        event(kind, data): every delivered event, in order, on the GUI thread;
            ``kind`` is an `EventKind` (a ``str``), ``data`` the event's dict.
            ``batch`` events carry ``{"points": [...], "last": {...}}`` with
            every point since the previous delivery.
    """

    event = Signal(object, object)

    def __init__(self, parent=None, min_interval_ms: int = 250, max_interval_ms: int = 2000,
                 budget: float = 0.04, cost=time.thread_time, clock=time.monotonic):
        super().__init__(parent)
        self.cost = cost      # CPU seconds spent drawing so far
        self.clock = clock    # seconds, for the intervals
        self.min_interval_ms = int(min_interval_ms)
        self.max_interval_ms = max(int(max_interval_ms), self.min_interval_ms)
        self.budget = float(budget)
        self.interval_ms = float(self.min_interval_ms)
        self.busy = 0.0         # share of a core spent drawing, measured at the last delivery
        self._last_cpu: float | None = None
        self._lock = threading.Lock()
        self._queue: list = []
        self._scheduled = False
        self._urgent = False
        self._last_drain = 0.0
        self.delivered = 0      # events handed to the GUI (after coalescing)
        self.received = 0       # events pushed by the trainer
        self.drains = 0         # deliveries (each hands over everything queued)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.drain)

    # ------------------------------------------------------------ producer side --
    def attach(self, trainer):
        """Subscribe to ``trainer``; returns the function that unsubscribes."""
        return trainer.subscribe(self.push)

    def push(self, event) -> None:
        """Called on any thread with a ``TrainingEvent`` (or anything with kind/data)."""
        kind = EventKind.parse(event.kind)
        urgent = kind is not None and kind.urgent
        with self._lock:
            self._queue.append((kind or event.kind, event.data))
            self.received += 1
            self._urgent = self._urgent or urgent
            if self._scheduled and not urgent:
                return
            self._scheduled = True
        background.post(self, self._on_wake)   # not called if the bridge is gone by then

    # ------------------------------------------------------------ GUI side --
    def _on_wake(self) -> None:
        with self._lock:
            urgent = self._urgent
        if urgent:      # a change of state is shown at once, whatever the interval
            self._timer.stop()
            self.drain()
            return
        wait = self.interval_ms - (self.clock() - self._last_drain) * 1000.0
        if wait > 0:
            self._timer.start(int(wait) + 1)
        else:
            self.drain()

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def drain(self) -> None:
        """Deliver everything queued so far (GUI thread)."""
        with self._lock:
            queue, self._queue = self._queue, []
            self._scheduled = self._urgent = False
        if not queue:
            return
        self._adapt()
        self._last_drain = self.clock()
        self.drains += 1
        for kind, data in coalesce(queue):
            self.delivered += 1
            self.event.emit(kind, data)

    def _adapt(self) -> None:
        """Set the next interval from the drawing's CPU share since the last delivery."""
        now, cpu = self.clock(), self.cost()
        last_cpu, self._last_cpu = self._last_cpu, cpu
        elapsed = now - self._last_drain
        if last_cpu is None or elapsed <= 0 or elapsed > 10 * self.max_interval_ms / 1000.0:
            return      # the first delivery, or one after a long quiet spell
        self.busy = max(0.0, cpu - last_cpu) / elapsed
        # proportional step, smoothed so one slow frame does not halve the rate
        wanted = self.interval_ms * self.busy / self.budget
        interval = 0.6 * self.interval_ms + 0.4 * wanted
        self.interval_ms = min(float(self.max_interval_ms), max(float(self.min_interval_ms), interval))

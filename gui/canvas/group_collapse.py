"""Collapsing groups on the canvas: a view setting, not an edit.

A collapsed group shows as one box and the diagram re-flows around it
(engine.layout.collapse_offsets), so each node is drawn at its document
position plus an offset that only the scene knows. Expanding drops the
offsets and gives the old layout back; the document, the file and the undo
history never see the compact positions.

:class:`GroupCollapse` keeps that state for one scene: which groups are
collapsed, their boxes, the frames around the expanded groups and the
re-flow offsets. Its cost is linear in the nodes, edges and group paths
(each path is looked at through its own prefixes, never against every other
path), so that a document with thousands of groups opens as fast as one
with a few.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QTimer

from engine.layout import collapse_offsets, group_centre
from gui import format_text as ft
from gui.i18n import translate
from gui.canvas.group_item import HEADER, CollapsedGroupItem, GroupFrameItem


def prefixes(path: str) -> list[str]:
    """The group paths that hold ``path``, outermost first, ``path`` last.

    >>> prefixes("stage1/block2/conv")
    ['stage1', 'stage1/block2', 'stage1/block2/conv']
    """
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]


def depth_below(paths) -> dict[str, int]:
    """Group path -> how many levels of groups lie inside it (0 for none), in one
    pass over the paths and their prefixes.

    >>> depth_below(["a", "a/b", "a/b/c", "d"])
    {'a': 2, 'a/b': 1, 'a/b/c': 0, 'd': 0}
    """
    depth: dict[str, int] = {}
    for path in paths:
        chain = prefixes(path)
        depth.setdefault(path, 0)
        for level, outer in enumerate(chain[:-1]):
            below = len(chain) - 1 - level
            if depth.get(outer, 0) < below:
                depth[outer] = below
    return depth


class GroupCollapse:
    """The collapsed groups of one scene, their boxes and the frames around the
    expanded groups."""

    def __init__(self, scene):
        self.scene = scene
        self.collapsed: set[str] = set()
        self.boxes: dict[str, CollapsedGroupItem] = {}
        self.frames: dict[str, GroupFrameItem] = {}
        # node id -> (the Node it was computed for, dx, dy) while groups are collapsed
        self.offsets: dict[str, tuple] = {}
        self.reflowed: set[str] = set()  # the collapsed groups the offsets were made for
        self.restructured = False
        self.timer = QTimer(scene)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.update)

    @property
    def net(self):
        return self.scene.net

    def reset(self) -> None:
        """A new document: nothing collapsed."""
        self.collapsed.clear()
        self.offsets.clear()
        self.reflowed = set()

    def forget_items(self) -> None:
        """The scene was cleared: its boxes and frames went with it."""
        self.frames.clear()
        self.boxes.clear()

    # ------------------------------------------------------------ queries --

    def owner(self, nid: str) -> str | None:
        """The outermost collapsed group holding ``nid``, if any."""
        node = self.net.nodes.get(nid)
        if node is None or not node.group or not self.collapsed:
            return None
        for path in prefixes(node.group):
            if path in self.collapsed:
                return path
        return None

    def offset(self, nid: str) -> tuple[float, float]:
        """How far the re-flow moves node ``nid`` from its document position."""
        entry = self.offsets.get(nid)
        if entry is None:
            return 0.0, 0.0
        if entry[0] is not self.net.nodes.get(nid):  # a new node that reuses the id
            del self.offsets[nid]
            return 0.0, 0.0
        return entry[1], entry[2]

    def edge_anchors(self, item):
        """Where a connection starts and ends: on a box when its node is collapsed."""
        e = item.edge
        a, b = self.owner(e.src), self.owner(e.dst)
        start = self.boxes[a].anchor(False) if a in self.boxes else \
            item.src_item.port_pos(e.src_port, False)
        end = self.boxes[b].anchor(True) if b in self.boxes else \
            item.dst_item.port_pos(e.dst_port, True)
        return start, end

    # ------------------------------------------------------------ actions --

    def collapse(self, path: str) -> None:
        if path in self.net.groups() and path not in self.collapsed:
            self.collapsed.add(path)
            self.reflow()

    def expand(self, path: str) -> None:
        if path in self.collapsed:
            self.collapsed.discard(path)
            self.reflow()

    def collapse_all(self) -> None:
        self.collapsed = {p for p in self.net.groups() if "/" not in p}
        self.reflow()

    def expand_all(self) -> None:
        self.collapsed.clear()
        self.reflow()

    def reflow(self) -> None:
        """Lay the diagram out again around the collapsed groups (engine.layout):
        nodes after a box move up, the main path stays straight. Only the drawing
        moves; with nothing collapsed every node is back at its own position."""
        scene = self.scene
        self.collapsed &= set(self.net.groups())
        nodes = self.net.nodes
        self.offsets = {nid: (nodes[nid], dx, dy)
                        for nid, (dx, dy) in collapse_offsets(self.net, self.collapsed).items()}
        self.reflowed = set(self.collapsed)
        for nid, item in scene.nodes.items():
            pos = scene.display_pos(nid)
            if item.pos() != pos:
                item.setPos(pos)
        self.update()

    def schedule(self, restructured: bool = False) -> None:
        """Bring the boxes and frames up to date on the next turn of the event loop
        (``restructured``: nodes or connections came or went, so re-flow again)."""
        if restructured and self.collapsed:
            self.restructured = True
        if not self.timer.isActive():
            self.timer.start()

    def update_now_if_restructured(self) -> None:
        """After an analysis: re-flow around the collapsed groups now, not a turn later."""
        if self.restructured:
            self.timer.stop()
            self.update()

    def update(self) -> None:
        scene = self.scene
        if scene.doc is None:
            return
        groups = self.net.groups()
        self.collapsed &= set(groups)
        restructured, self.restructured = self.restructured, False
        if (self.collapsed != self.reflowed or restructured) and (self.collapsed or self.offsets):
            self.reflow()  # a collapsed group went away (ungrouped, deleted, undone), or a layer
            return
        collapsed = self.collapsed
        # which collapsed groups are visible as boxes (not inside another collapsed one)
        tops = {p for p in collapsed if not any(q in collapsed for q in prefixes(p)[:-1])}
        for path in list(self.boxes):
            if path not in tops:
                scene.removeItem(self.boxes.pop(path))
        owners = {}
        for nid, item in scene.nodes.items():
            owner = self.owner(nid)
            owners[nid] = owner
            item.setVisible(owner is None)
        for path in tops:
            members = groups[path]
            box = self.boxes.get(path)
            if box is None:
                box = CollapsedGroupItem(path)
                scene.addItem(box)
                self.boxes[path] = box
            points = [(scene.nodes[m].pos().x(), scene.nodes[m].pos().y()) for m in members
                      if m in scene.nodes]
            center = QPointF(*(round(v, 3) for v in group_centre(points))) if points else QPointF()
            box.setPos(center)
            box.origin = center
        # frames around expanded groups
        wanted = {p for p in groups if not any(q in collapsed for q in prefixes(p))}
        for path in list(self.frames):
            if path not in wanted:
                scene.removeItem(self.frames.pop(path))
        depth = depth_below(groups)
        for path in wanted:
            frame = self.frames.get(path)
            if frame is None:
                frame = GroupFrameItem(path)
                scene.addItem(frame)
                self.frames[path] = frame
            rect = QRectF()
            for nid in groups[path]:
                owner = owners.get(nid)
                item = self.boxes.get(owner) if owner else scene.nodes.get(nid)
                if item is not None:
                    rect = rect.united(item.sceneBoundingRect())
            m = 10 + 14 * depth[path]
            frame.set_rect(rect.adjusted(-m, -m - HEADER, m, m))
        for edge, item in scene.edges.items():
            a, b = owners.get(edge.src), owners.get(edge.dst)
            item.setVisible(not (a is not None and a == b))
            if item.isVisible():
                item.adjust()
        if self.boxes:
            self.refresh_boxes(scene.doc.report())
        scene.contents_changed.emit()

    def refresh_boxes(self, report) -> None:
        """Each box's summary: layers, params, the shapes going in and out, the worst
        problem inside; one pass over the connections for all boxes."""
        groups = self.net.groups()
        box_of: dict[str, str] = {}
        for path in self.boxes:  # boxes never nest: each node is in one at most
            for nid in groups.get(path, []):
                box_of[nid] = path
        ins = {path: [] for path in self.boxes}
        outs = {path: [] for path in self.boxes}
        sources = {path: set() for path in self.boxes}
        for e in self.net.edges:
            a, b = box_of.get(e.src), box_of.get(e.dst)
            if a == b:
                continue
            if b is not None and (e.src, e.src_port) not in sources[b]:
                sources[b].add((e.src, e.src_port))  # one tensor feeding several layers: once
                ins[b].append(report.shape(e.src, e.src_port))
            if a is not None:
                shape = report.shape(e.src, e.src_port)
                if shape not in outs[a]:
                    outs[a].append(shape)
        for nid, port in self.net.outputs:
            a = box_of.get(nid)
            if a is not None and report.shape(nid, port) not in outs[a]:
                outs[a].append(report.shape(nid, port))
        diags: dict[str, list] = {path: [] for path in self.boxes}
        for d in report.diagnostics:
            a = box_of.get(d.node) if d.node is not None else None
            if a is not None:
                diags[a].append(d)
        for path, box in self.boxes.items():
            members = groups.get(path, [])
            params = sum(report.by_node[m].params for m in members if m in report.by_node)
            found = diags[path]
            severity = "error" if any(d.is_error for d in found) else ("warning" if found else None)
            in_text = ", ".join(ft.compact_shape(s) for s in ins[path]) or "—"
            out_text = ", ".join(ft.compact_shape(s) for s in outs[path]) or "—"
            tip = translate("GroupCollapse", "<b>{group}</b>: {count} layers, {params} params<br>"
                                             "in {inputs} → out {outputs}<br>Double-click to expand.").format(
                group=path, count=len(members), params=ft.count(params), inputs=in_text, outputs=out_text)
            box.set_summary(len(members), ft.si(params), in_text, out_text, severity, tip)

"""Copy and paste of layers through the system clipboard, so that they travel
between documents and windows. The payload is a neurocanvas/1 document of the
copied nodes and the connections among them."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from engine.errors import NeuroCanvasError
from engine.network import Network
from gui import mime


def fragment_of(net, node_ids) -> Network:
    """A new network holding only ``node_ids`` of ``net`` and the edges between them."""
    keep = set(node_ids)
    part = net.copy()
    for nid in [n for n in part.nodes if n not in keep]:
        part.remove_node(nid)
    part.set_outputs(None)
    return part


def copy_nodes(net, node_ids) -> bool:
    if not node_ids:
        return False
    part = fragment_of(net, node_ids)
    text = json.dumps(part.to_dict())
    data = QMimeData()
    data.setData(mime.FRAGMENT, text.encode())
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)
    return True


def clipboard_fragment() -> Network | None:
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return None
    if data.hasFormat(mime.FRAGMENT):
        text = bytes(data.data(mime.FRAGMENT)).decode()
    elif data.hasText():
        text = data.text()
    else:
        return None
    try:
        return Network.from_dict(json.loads(text))
    except (ValueError, TypeError, NeuroCanvasError):
        return None

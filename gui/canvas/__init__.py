"""The network diagram: a QGraphicsScene of node, port, edge and group items
kept in step with the engine document, and the view that pans and zooms it."""

from gui.canvas.scene import NetworkScene  # noqa: F401
from gui.canvas.view import CanvasView  # noqa: F401

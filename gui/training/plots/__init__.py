"""Live pyqtgraph panels of the training dashboard. Each panel is a QWidget
with ``reset()`` and ``handle(kind, data)`` taking bridge events."""

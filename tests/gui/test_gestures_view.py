"""Big networks readable: Zoom to Fit on ResNet-50 stays at a legible zoom (the
width fits, the rest scrolls), zoomed-out nodes draw larger words, the
overview follows every document change, each document keeps its own view, and
a collapsed block lists each of its inputs once."""

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from gui.canvas.node_item import SIMPLE_LOD
from gui.canvas.view import LEGIBLE_ZOOM
from tests.gui.gestures import big_window, scroll_to_middle


def _visible(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_fit_on_resnet50_fits_the_width_at_a_legible_zoom_and_scrolls_for_the_rest(make_window):
    window = big_window(make_window)
    view, scene = window.view, window.scene
    scroll_to_middle(window, zoom=2.0)
    middle_y = _visible(view).center().y()
    window.act_zoom_fit.trigger()
    QApplication.processEvents()
    items, visible = scene.items_rect(), _visible(view)
    assert view.zoom() >= LEGIBLE_ZOOM
    assert visible.left() <= items.left() and visible.right() >= items.right()  # the whole width
    assert visible.height() < items.height() and view.verticalScrollBar().maximum() > 0
    assert visible.top() <= middle_y <= visible.bottom()  # still where the user was
    # a small network fits whole
    window.open_preset("iris-dense")
    QApplication.processEvents()
    window.act_zoom_fit.trigger()
    assert _visible(view).contains(scene.items_rect())


def _text_rows(image, rect: QRect) -> int:
    """The tallest run of consecutive pixel rows in ``rect`` holding dark (text) pixels."""
    best = run = 0
    for y in range(rect.top(), rect.bottom()):
        dark = any(QColor(image.pixel(x, y)).lightness() < 100 for x in range(rect.left(), rect.right()))
        run = run + 1 if dark else 0
        best = max(best, run)
    return best


def test_zoomed_out_nodes_draw_their_names_large_enough_to_read(make_window):
    window = big_window(make_window)
    view, scene = window.view, window.scene
    middle = scroll_to_middle(window, zoom=LEGIBLE_ZOOM)
    assert view.zoom() < SIMPLE_LOD
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    node = scene.nodes[middle]
    box = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
    title = QRect(box.left() + 10, box.top() + 3, box.width() - 16, box.height() // 2)
    # the name's letters are at least 8 px tall on screen (a 12 px font)
    assert _text_rows(image, title) >= 8
    assert len(node.title) > 3


def test_the_overview_follows_every_document_change(make_window):
    window = big_window(make_window)
    view = window.view
    scroll_to_middle(window)
    assert view.overview.isVisible()
    rect, _scale = view.overview._mapping()
    window.scene.select_nodes(list(window.doc.network.nodes)[-40:])
    window.act_delete.trigger()
    QApplication.processEvents()
    smaller, _scale = view.overview._mapping()
    assert smaller.height() < rect.height() - 1000
    window.new_document()
    QApplication.processEvents()
    assert not view.overview.isVisible() and not window.scene.nodes  # no stale ResNet
    assert view.zoom() == 1.0  # a new document starts at actual size, not the old zoom


def test_each_document_keeps_its_own_view(make_window, tmp_path):
    window = big_window(make_window, "lenet5")
    view = window.view
    first, second = tmp_path / "lenet.json", tmp_path / "iris.json"
    window.doc.network.save(first)
    window.open_preset("iris-dense")
    window.doc.network.save(second)
    assert window.open_path(first)
    QApplication.processEvents()
    view.set_zoom(1.7)
    view.show_at(QPointF(40, 600))
    kept = _visible(view).center()
    assert window.open_path(second)
    QApplication.processEvents()
    assert abs(view.zoom() - 1.7) > 0.1  # the other document has its own
    assert window.open_path(first)
    QApplication.processEvents()
    assert abs(view.zoom() - 1.7) < 1e-6
    back = _visible(view).center()
    assert abs(back.x() - kept.x()) < 1 and abs(back.y() - kept.y()) < 1


def test_a_collapsed_block_lists_each_input_once(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    block = "conv2/block2"  # its input feeds both the first convolution and the add
    sources = {e.src for e in net.edges if e.dst in net.groups()[block] and e.src not in net.groups()[block]}
    assert len(sources) == 1
    scene.collapse(block)
    inputs = scene.collapsed_items[block].lines[2].split(" → ")[0]
    assert inputs == "56×56×256"

"""Colours and sizes of the diagram, derived from the application palette so
the canvas follows the system's light or dark theme."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette

NODE_WIDTH = 196.0
NODE_HEIGHT = 68.0
PORT_RADIUS = 5.5
GRID = 20.0

# one hue per catalog category (the stripe on the left of a node)
CATEGORY_HUES = {
    "core": 210, "convolution": 140, "pooling": 180, "normalization": 45,
    "regularization": 30, "activations": 300, "activation": 300, "recurrent": 260,
    "attention": 330, "merge": 0, "reshaping": 90, "preprocessing": 20,
}


# the catalog's categories as the palette and the inspector name them
CATEGORY_NAMES = {
    "core": QT_TRANSLATE_NOOP("Category", "Core"),
    "convolution": QT_TRANSLATE_NOOP("Category", "Convolution"),
    "pooling": QT_TRANSLATE_NOOP("Category", "Pooling"),
    "normalization": QT_TRANSLATE_NOOP("Category", "Normalization"),
    "regularization": QT_TRANSLATE_NOOP("Category", "Regularization"),
    "activation": QT_TRANSLATE_NOOP("Category", "Activation"),
    "activations": QT_TRANSLATE_NOOP("Category", "Activations"),
    "recurrent": QT_TRANSLATE_NOOP("Category", "Recurrent"),
    "attention": QT_TRANSLATE_NOOP("Category", "Attention"),
    "merge": QT_TRANSLATE_NOOP("Category", "Merge"),
    "reshaping": QT_TRANSLATE_NOOP("Category", "Reshaping"),
    "preprocessing": QT_TRANSLATE_NOOP("Category", "Preprocessing"),
    "imported": QT_TRANSLATE_NOOP("Category", "Imported"),
}


def category_name(category: str) -> str:
    """A catalog category's name on screen ("Convolution"), in the interface's language."""
    name = CATEGORY_NAMES.get(category)
    return QCoreApplication.translate("Category", name) if name else category.capitalize()


_cache: dict = {}



def cached(fn):
    """Colours are read from the palette once; :func:`palette_changed` forgets them."""
    def wrapper(*args):
        key = (fn.__name__, *args)
        if key not in _cache:
            _cache[key] = fn(*args)
        return QColor(_cache[key])
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def palette_changed() -> None:
    _cache.clear()


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark() -> bool:
    key = ("is_dark",)
    if key not in _cache:
        _cache[key] = palette().color(QPalette.Window).lightness() < 128
    return _cache[key]


@cached
def category_color(category: str) -> QColor:
    hue = CATEGORY_HUES.get(category, (sum(map(ord, category)) * 37) % 360)
    return QColor.fromHsl(hue, 150, 110 if is_dark() else 130)


@cached
def node_fill() -> QColor:
    return palette().color(QPalette.Base)


@cached
def text_color() -> QColor:
    return palette().color(QPalette.Text)


@cached
def muted_text() -> QColor:
    c = palette().color(QPalette.PlaceholderText)
    return c if c.isValid() else palette().color(QPalette.Mid)


@cached
def border_color() -> QColor:
    return palette().color(QPalette.Mid)


@cached
def highlight() -> QColor:
    return palette().color(QPalette.Highlight)


@cached
def background() -> QColor:
    return palette().color(QPalette.Window)


@cached
def grid_color() -> QColor:
    c = QColor(palette().color(QPalette.Text))
    c.setAlpha(22)
    return c


@cached
def error_color() -> QColor:
    return QColor("#e5484d") if is_dark() else QColor("#d32f2f")


@cached
def warning_color() -> QColor:
    return QColor("#f5a623") if is_dark() else QColor("#e08a00")


@cached
def ok_color() -> QColor:
    return QColor("#46a758") if is_dark() else QColor("#2e7d32")

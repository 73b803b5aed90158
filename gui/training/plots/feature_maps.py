"""Feature maps: the activations of the node selected on the canvas for a
few fixed inputs, one tile per channel; click a tile to enlarge it.

Maps arrive in ``feature_maps`` events (each epoch for the layers asked
for, and on demand when a node is clicked). The grid is one image (tiles
normalised one by one), so a layer with hundreds of channels is still a
single ``setImage``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal

from gui.i18n import translate
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from gui.training.plots import common

MAX_CHANNELS = 256


class ClickableImage(pg.ImageItem):
    """An ImageItem that reports the (row, col) pixel clicked."""

    def __init__(self, on_click=None):
        super().__init__()
        self.on_click = on_click

    def mouseClickEvent(self, ev):
        if self.on_click is not None and self.image is not None:
            p = ev.pos()
            self.on_click(int(p.y()), int(p.x()))
            ev.accept()


def channel_tiles(maps: np.ndarray, sample: int) -> tuple[np.ndarray, str]:
    """The tiles to show for one sample: ``(N, h, w)`` and how they were made.

    ``maps`` is ``(n_samples, *layer_output_shape)``: images ``(H, W, C)``
    give one tile per channel, sequences ``(T, C)`` one strip per channel,
    vectors ``(U,)`` one row of all samples (the chosen sample is the row).
    """
    a = np.asarray(maps)
    if a.ndim == 0:
        return np.zeros((1, 1, 1), dtype="float32"), translate("FeatureMapsPanel", "scalar")
    if a.ndim == 1:
        a = a[:, None]
    sample = min(max(0, sample), len(a) - 1)
    x = a[sample]
    if x.ndim >= 4:  # 3-D convolutions: the middle slice of the first spatial axis
        while x.ndim > 3:
            x = x[x.shape[0] // 2]
    if x.ndim == 3:
        tiles = np.moveaxis(x, -1, 0)[:MAX_CHANNELS]
        return common.normalize_tiles(tiles), translate(
            "FeatureMapsPanel", "{channels} channels of {height}×{width}").format(
                channels=x.shape[-1], height=x.shape[0], width=x.shape[1])
    if x.ndim == 2:
        tiles = np.moveaxis(x, -1, 0)[:MAX_CHANNELS][:, None, :]
        return common.normalize_tiles(tiles), translate(
            "FeatureMapsPanel", "{channels} channels over {steps} steps").format(
                channels=x.shape[-1], steps=x.shape[0])
    flat = a.reshape(len(a), -1)
    return common.normalize(flat)[None], translate(
        "FeatureMapsPanel", "{units} units × {samples} samples").format(units=flat.shape[1], samples=len(a))


class FeatureMapsPanel(common.LivePanel):
    KINDS = {"feature_maps"}  # the events this panel draws

    channel_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layer: str | None = None
        self.maps: dict[str, np.ndarray] = {}
        self.samples = None
        self.epoch = None
        self.selected_channel = 0
        self.tiles = np.zeros((0, 1, 1), dtype="float32")
        self._cols = 1
        self._tile_hw = (1, 1)
        self.title = QLabel(self.tr("Click a node on the canvas to see its activations."))
        self.title.setWordWrap(True)
        self.sample_box = QSpinBox()
        self.sample_box.setPrefix(self.tr("sample "))
        self.sample_box.setRange(0, 0)
        self.sample_box.valueChanged.connect(lambda _v: self.refresh())
        self.input_view = QLabel()
        self.input_view.setFixedSize(56, 56)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.input_view)
        bar.addWidget(self.sample_box)
        self.graphics = common.layout_widget()
        self.grid_box = self.graphics.addViewBox(row=0, col=0, lockAspect=True, invertY=True,
                                                 enableMouse=True)
        self.zoom_box = self.graphics.addViewBox(row=0, col=1, lockAspect=True, invertY=True)
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        self.grid = ClickableImage(self._clicked)
        self.zoom = pg.ImageItem()
        cmap = common.colormap("viridis")
        for item in (self.grid, self.zoom):
            item.setLookupTable(cmap.getLookupTable(nPts=256))
            item.setLevels((0.0, 1.0))
        self.grid_box.addItem(self.grid)
        self.zoom_box.addItem(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.graphics, 1)

    def reset(self) -> None:
        self.maps.clear()
        self.samples = None
        self.epoch = None
        self.refresh()

    def set_layer(self, layer: str | None) -> None:
        """Show this layer (a Keras layer name = node name) when its maps arrive."""
        if layer != self.layer:
            self.layer = layer
            self.selected_channel = 0
            self.refresh()

    def handle(self, kind: str, data: dict) -> None:
        if kind != "feature_maps":
            return
        self.maps.update({k: np.asarray(v) for k, v in (data.get("maps") or {}).items()})
        if data.get("samples") is not None:
            self.samples = np.asarray(data["samples"])
        self.epoch = data.get("epoch")
        self.changed()

    @property
    def channels(self) -> int:
        return int(len(self.tiles))

    def _clicked(self, row: int, col: int) -> None:
        h, w = self._tile_hw
        r, c = row // (h + 1), col // (w + 1)
        i = r * self._cols + c
        if 0 <= c < self._cols and 0 <= i < len(self.tiles):
            self.select_channel(i)

    def select_channel(self, i: int) -> None:
        self.selected_channel = int(i)
        if len(self.tiles):
            self.zoom.setImage(self.tiles[min(i, len(self.tiles) - 1)], levels=(0.0, 1.0))
            self.zoom_box.autoRange(padding=0.02)
        self.channel_clicked.emit(int(i))
        self._update_title()

    def _update_title(self) -> None:
        if self.layer is None:
            self.title.setText(self.tr("Click a node on the canvas to see its activations."))
        elif self.layer not in self.maps:
            self.title.setText(self.tr("{layer}: waiting for its activations (they come at the next "
                                       "batch while training, or after an epoch).").format(
                                           layer=self.layer))
        else:
            if self.epoch is not None:
                text = self.tr("<b>{layer}</b>: {how} · epoch {epoch} · channel {channel} enlarged")
            else:
                text = self.tr("<b>{layer}</b>: {how} · channel {channel} enlarged")
            self.title.setText(text.format(layer=self.layer, how=self._how, epoch=self.epoch,
                                           channel=self.selected_channel))

    def refresh(self) -> None:
        self._how = ""
        maps = self.maps.get(self.layer) if self.layer else None
        if maps is None:
            self.tiles = np.zeros((0, 1, 1), dtype="float32")
            self.grid.clear()
            self.zoom.clear()
            self.input_view.clear()
            self._update_title()
            return
        n = len(maps) if np.ndim(maps) else 1
        self.sample_box.blockSignals(True)
        self.sample_box.setRange(0, max(0, n - 1))
        self.sample_box.blockSignals(False)
        sample = self.sample_box.value()
        self.tiles, self._how = channel_tiles(maps, sample)
        self._tile_hw = self.tiles.shape[1:3]
        image, self._cols, _rows = common.mosaic(self.tiles)
        self.grid.setImage(image, levels=(0.0, 1.0))
        self.grid_box.autoRange(padding=0.02)
        if self.samples is not None and sample < len(self.samples) and \
                common.looks_like_image(np.shape(self.samples[sample])):
            self.input_view.setPixmap(common.to_pixmap(self.samples[sample], 56))
        else:
            self.input_view.clear()
        self.select_channel(min(self.selected_channel, max(0, len(self.tiles) - 1)))

"""Attribution tab: one validation sample, the method, layer and class, the
input beside its attribution overlay."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
)

from gui.explain.images import image_view, sample_rgb
from gui.explain.view_base import ExplainView
from gui.i18n import tx

PREDICTED = -1


class AttributionView(ExplainView):
    title = QT_TRANSLATE_NOOP("ExplainWindow", "Attribution")

    def __init__(self, parent=None):
        super().__init__(parent)
        from engine.explain.attribution import METHOD_TITLES, METHODS

        self.sample_box = QSpinBox()
        self.sample_box.setPrefix(self.tr("sample "))
        self.method_box = QComboBox()
        for m in METHODS:
            self.method_box.addItem(tx(METHOD_TITLES[m]), m)
        self.layer_box = QComboBox()
        self.layer_box.setToolTip(self.tr("Grad-CAM's layer (the other methods explain the input)"))
        self.class_box = QComboBox()
        self.class_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.method_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.explain_button = QPushButton(self.tr("Explain"))
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Sample")), self.sample_box, QLabel(self.tr("Method")),
                  self.method_box, QLabel(self.tr("Layer")), self.layer_box,
                  QLabel(self.tr("Class")), self.class_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.explain_button)
        self.input_widget, self.input_item = image_view()
        self.overlay_widget, self.overlay_item = image_view()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Input")), 0, 0)
        grid.addWidget(QLabel(self.tr("Attribution")), 0, 1)
        grid.addWidget(self.input_widget, 1, 0)
        grid.addWidget(self.overlay_widget, 1, 1)
        self.info = QLabel("")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.status)
        self.explain_button.clicked.connect(self.compute)
        self.sample_box.valueChanged.connect(lambda _v: self.settings_changed())
        self.method_box.currentIndexChanged.connect(self._method_changed)
        self.layer_box.currentIndexChanged.connect(lambda _i: self.settings_changed())
        self.class_box.currentIndexChanged.connect(lambda _i: self.settings_changed())
        self._filling = False

    def settings_changed(self) -> None:
        if not self._filling:
            super().settings_changed()

    def _method_changed(self, _index) -> None:
        self.layer_box.setEnabled(self.method_box.currentData() == "gradcam")
        self.settings_changed()

    def fill_controls(self) -> None:
        from engine.explain.model_parts import convolution_layers, spatial_layers

        s = self.subject
        self._filling = True
        try:
            n = len(s.x_val) if s.has_data else 1
            self.sample_box.setRange(0, max(0, n - 1))
            self.layer_box.clear()
            layers = convolution_layers(s.model) or spatial_layers(s.model)
            for name in layers:
                self.layer_box.addItem(name)
            if layers:
                self.layer_box.setCurrentIndex(len(layers) - 1)
            if not layers and self.method_box.currentData() == "gradcam":
                self.method_box.setCurrentIndex(self.method_box.findData("saliency"))
            self.layer_box.setEnabled(self.method_box.currentData() == "gradcam")
            self.class_box.clear()
            regression = s.task == "regression"
            self.class_box.addItem(self.tr("the output") if regression else self.tr("predicted"),
                                   PREDICTED)
            for k, name in enumerate([] if regression else s.class_names):
                self.class_box.addItem(f"{k}: {name}", k)
            self.class_box.setEnabled(not regression)
        finally:
            self._filling = False

    def work(self):
        from engine.explain.attribution import explain

        model = self.subject.model
        sample = self.subject.x_val[self.sample_box.value()]
        method = self.method_box.currentData()
        layer = self.layer_box.currentText() if method == "gradcam" and \
            self.layer_box.count() else None
        cls = self.class_box.currentData()
        cls = None if cls in (None, PREDICTED) else int(cls)

        def fn():
            return explain(model, sample, method, cls, layer)
        return fn

    def show_result(self, a) -> None:
        shape = a.input.shape
        # a series (time steps × a few features) is drawn with time across, stretched
        series = len(shape) <= 2 and (len(shape) == 1 or shape[0] >= 4 * shape[1])
        images = [sample_rgb(a.input, size=160), a.overlay(size=160)]
        if series and len(shape) == 2:
            images = [img.transpose(1, 0, 2) for img in images]
        for widget, item, img in ((self.input_widget, self.input_item, images[0]),
                                  (self.overlay_widget, self.overlay_item, images[1])):
            widget.box.setAspectLocked(not series)
            item.setImage(img)
            widget.box.autoRange(padding=0)
        names = self.subject.class_names
        parts = []
        if self.subject.has_data and self.subject.task != "regression":
            truth = int(self.subject.labels[self.sample_box.value()])
            parts.append(self.tr("label {name}").format(
                name=names[truth] if truth < len(names) else truth))
        pred = a.predicted
        if pred is not None:
            parts.append(self.tr("predicted {name} ({probability})").format(
                name=names[pred] if pred < len(names) else pred,
                probability=f"{a.probability:.0%}"))
        else:
            parts.append(self.tr("output {value}").format(value=f"{a.probability:.4g}"))
        what = self.tr("the output") if a.class_index is None else \
            self.tr("class {index}").format(index=a.class_index)
        if a.layer:
            parts.append(self.tr("explaining {what} at {layer}").format(what=what, layer=a.layer))
        else:
            parts.append(self.tr("explaining {what}").format(what=what))
        parts.append(self.tr("map {shape}").format(shape=tuple(a.map.shape)))
        self.info.setText(" · ".join(parts))
        self.status.setText("")

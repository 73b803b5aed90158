"""Attribution tab: one validation sample, the method, layer and class, the
input beside its attribution overlay."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
)

from gui.explain.images import image_view, sample_rgb
from gui.explain.view_base import ExplainView

PREDICTED = -1


class AttributionView(ExplainView):
    title = "Attribution"

    def __init__(self, parent=None):
        super().__init__(parent)
        from engine.explain.attribution import METHOD_TITLES, METHODS

        self.sample_box = QSpinBox()
        self.sample_box.setPrefix("sample ")
        self.method_box = QComboBox()
        for m in METHODS:
            self.method_box.addItem(METHOD_TITLES[m], m)
        self.layer_box = QComboBox()
        self.layer_box.setToolTip("Grad-CAM's layer (the other methods explain the input)")
        self.class_box = QComboBox()
        self.class_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.method_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.explain_button = QPushButton("Explain")
        bar = QHBoxLayout()
        for w in (QLabel("Sample"), self.sample_box, QLabel("Method"), self.method_box,
                  QLabel("Layer"), self.layer_box, QLabel("Class"), self.class_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.explain_button)
        self.input_widget, self.input_item = image_view()
        self.overlay_widget, self.overlay_item = image_view()
        grid = QGridLayout()
        grid.addWidget(QLabel("Input"), 0, 0)
        grid.addWidget(QLabel("Attribution"), 0, 1)
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
            self.class_box.addItem("the output" if regression else "predicted", PREDICTED)
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
        label = ""
        if self.subject.has_data and self.subject.task != "regression":
            truth = int(self.subject.labels[self.sample_box.value()])
            label = f"label {names[truth] if truth < len(names) else truth} · "
        pred = a.predicted
        pred_text = (f"predicted {names[pred] if pred < len(names) else pred} "
                     f"({a.probability:.0%})") if pred is not None else f"output {a.probability:.4g}"
        where = f" at {a.layer}" if a.layer else ""
        what = "the output" if a.class_index is None else f"class {a.class_index}"
        self.info.setText(f"{label}{pred_text} · explaining {what}{where} · "
                          f"map {tuple(a.map.shape)}")
        self.status.setText("")

"""Mistakes tab: per-class precision, recall, F1 and support, a gallery of the
most confidently wrong validation samples with their attribution maps, and
ROC / precision-recall curves (two classes) or residuals (regression)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QLabel, QScrollArea, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from gui.explain.images import to_pixmap
from gui.explain.view_base import ExplainView
from gui.i18n import translate

GALLERY = 12
COLUMNS = (QT_TRANSLATE_NOOP("MistakesView", "class"), QT_TRANSLATE_NOOP("MistakesView", "precision"),
           QT_TRANSLATE_NOOP("MistakesView", "recall"), QT_TRANSLATE_NOOP("MistakesView", "F1"),
           QT_TRANSLATE_NOOP("MistakesView", "support"))
METHODS = {"gradcam": QT_TRANSLATE_NOOP("MistakesView", "Grad-CAM of the predicted class"),
           "saliency": QT_TRANSLATE_NOOP("MistakesView", "saliency of the predicted class")}


class MistakesView(ExplainView):
    title = QT_TRANSLATE_NOOP("ExplainWindow", "Mistakes")

    def __init__(self, parent=None):
        super().__init__(parent)
        import pyqtgraph as pg

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("MistakesView", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.summary = QLabel("")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.summary)
        lv.addWidget(self.table, 1)
        self.gallery = QWidget()
        self.gallery_grid = QGridLayout(self.gallery)
        self.gallery_grid.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.gallery)
        self.tiles: list[QLabel] = []
        self.curves = pg.GraphicsLayoutWidget()
        self.curves.setBackground("w")
        self.roc_plot = self.curves.addPlot(title=self.tr("ROC"))
        self.roc_plot.setLabels(bottom=self.tr("false positive rate"),
                                left=self.tr("true positive rate"))
        self.pr_plot = self.curves.addPlot(title=self.tr("Precision–recall"))
        self.pr_plot.setLabels(bottom=self.tr("recall"), left=self.tr("precision"))
        self.roc_curve = self.roc_plot.plot(pen=pg.mkPen((40, 90, 200), width=2))
        self.roc_plot.plot([0, 1], [0, 1], pen=pg.mkPen((150, 150, 150), style=Qt.DashLine))
        self.pr_curve = self.pr_plot.plot(pen=pg.mkPen((200, 90, 40), width=2))
        self.residual_plot = pg.PlotWidget(title=self.tr("Residuals vs prediction"))
        self.residual_plot.setBackground("w")
        self.residual_plot.setLabels(bottom=self.tr("predicted"), left=self.tr("actual − predicted"))
        self.residual_points = pg.ScatterPlotItem(size=5, brush=pg.mkBrush(40, 90, 200, 150),
                                                  pen=None)
        self.residual_plot.addItem(self.residual_points)
        self.residual_plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen((150, 150, 150))))
        right = QSplitter(Qt.Vertical)
        right.addWidget(scroll)
        right.addWidget(self.curves)
        right.addWidget(self.residual_plot)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([330, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.curves.setVisible(False)
        self.residual_plot.setVisible(False)

    def work(self):
        subject = self.subject

        def fn():
            from engine.explain import mistakes
            from engine.explain.attribution import explain
            from engine.explain.model_parts import convolution_layers

            pred = mistakes.predict(subject)
            out = {"pred": pred}
            if pred.task == "regression":
                out["metrics"] = mistakes.regression_metrics(pred.truth, pred.predicted)
                out["residuals"] = mistakes.residuals(pred)
                return out
            out["metrics"] = mistakes.class_metrics(pred.truth, pred.predicted, pred.class_names)
            method = "gradcam" if convolution_layers(subject.model) else "saliency"
            worst = mistakes.confident_mistakes(pred, GALLERY)
            for w in worst:
                a = explain(subject.model, subject.x_val[w["index"]], method, w["predicted"])
                w["overlay"] = a.overlay(size=96)
                w["method"] = method
            out["worst"] = worst
            if pred.probs.shape[1] == 2 and len(set(pred.truth.tolist())) == 2:
                out["curves"] = mistakes.binary_curves(pred.truth, pred.probs[:, 1])
            return out
        return fn

    def show_result(self, r) -> None:
        m = r["metrics"]
        regression = m["task"] == "regression"
        self.table.setVisible(not regression)
        self.curves.setVisible("curves" in r)
        self.residual_plot.setVisible(regression)
        for t in self.tiles:
            t.deleteLater()
        self.tiles = []
        if regression:
            self.summary.setText(self.tr("MAE {mae} · RMSE {rmse} · R² {r2} on {samples} "
                                         "validation samples").format(
                mae=f"{m['mae']:.4g}", rmse=f"{m['rmse']:.4g}", r2=f"{m['r2']:.3f}",
                samples=m["samples"]))
            predicted, residual = r["residuals"]
            self.residual_points.setData(predicted, residual)
            self.status.setText("")
            return
        self.summary.setText(self.tr("accuracy {accuracy} on {samples} validation samples · "
                                     "macro F1 {f1}").format(
            accuracy=f"{m['accuracy']:.1%}", samples=m["samples"], f1=f"{m['macro']['f1']:.3f}"))
        rows = m["classes"]
        self.table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            cells = (c["name"], f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}",
                     str(c["support"]))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        names = r["pred"].class_names
        for k, w in enumerate(r["worst"]):
            tile = QLabel()
            tile.setPixmap(to_pixmap(w["overlay"]))
            tile.setToolTip(self.tr("sample {index}: label {label}, predicted {predicted} with "
                                    "{confidence} ({method})").format(
                index=w["index"], label=names[w["label"]], predicted=names[w["predicted"]],
                confidence=f"{w['confidence']:.0%}",
                method=translate("MistakesView", METHODS[w["method"]])))
            caption = QLabel(f"#{w['index']}: {names[w['label']]} → {names[w['predicted']]} "
                             f"({w['confidence']:.0%})")
            box = QWidget()
            bv = QVBoxLayout(box)
            bv.setContentsMargins(2, 2, 2, 2)
            bv.addWidget(tile, 0, Qt.AlignCenter)
            bv.addWidget(caption, 0, Qt.AlignCenter)
            self.gallery_grid.addWidget(box, k // 4, k % 4)
            self.tiles.append(box)
        if "curves" in r:
            c = r["curves"]
            self.roc_curve.setData(c["fpr"], c["tpr"])
            self.pr_curve.setData(c["recall"], c["precision"])
            self.roc_plot.setTitle(self.tr("ROC (AUC {auc})").format(auc=f"{c['roc_auc']:.3f}"))
            self.pr_plot.setTitle(self.tr("Precision–recall (AP {ap})").format(
                ap=f"{c['average_precision']:.3f}"))
        wrong = len(r["pred"].wrong)
        self.status.setText(self.tr("{wrong} wrong; the {shown} most confident are shown with "
                                    "the map of the class they were taken for.").format(
            wrong=wrong, shown=len(r["worst"])))

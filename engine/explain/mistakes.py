"""Where a model goes wrong: per-class metrics, the most confidently wrong
validation samples, ROC and precision-recall curves for two classes, and
residuals for regression. Metrics and curves are scikit-learn's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.explain import ExplainError
from engine.i18n import N_


@dataclass
class Predictions:
    """A model's answers on the validation set.

    ``probs`` is ``(n, classes)`` for classification, ``None`` for regression;
    ``predicted`` holds class ids (or values); ``truth`` the labels.
    """

    task: str
    truth: np.ndarray
    predicted: np.ndarray
    probs: np.ndarray | None
    class_names: list[str]

    @property
    def confidence(self) -> np.ndarray:
        """The probability given to the predicted class."""
        return self.probs[np.arange(len(self.predicted)), self.predicted]

    @property
    def wrong(self) -> np.ndarray:
        return np.flatnonzero(self.predicted != self.truth)


def predict(subject, limit: int | None = None) -> Predictions:
    """Run the subject's model over its validation set (the first ``limit`` samples)."""
    from engine.explain.model_parts import output_activation, to_probabilities

    x, truth = subject.x_val, subject.labels
    if limit is not None:
        x, truth = x[:limit], truth[:limit]
    out = np.asarray(subject.model.predict(x, batch_size=256, verbose=0))
    if subject.task == "regression":
        pred = out.reshape(len(out), -1).astype("float64")
        return Predictions("regression", np.asarray(truth, "float64").reshape(pred.shape), pred,
                           None, [])
    probs = to_probabilities(out, output_activation(subject.model))
    return Predictions(subject.task, np.asarray(truth).astype("int64"),
                       np.argmax(probs, axis=1).astype("int64"), probs, subject.class_names)


def class_metrics(truth, predicted, class_names=None) -> dict:
    """Per-class precision, recall, F1 and support
    (``sklearn.metrics.precision_recall_fscore_support``, zero where undefined),
    their macro and weighted averages, and the accuracy.

    Example:
        >>> m = class_metrics([0, 0, 1, 1], [0, 1, 1, 1], ["cat", "dog"])
        >>> m["classes"][1]["precision"], m["classes"][1]["recall"], m["accuracy"]
        (0.6666666666666666, 1.0, 0.75)
    """
    from sklearn.metrics import accuracy_score, precision_recall_fscore_support

    truth = np.asarray(truth).astype("int64")
    predicted = np.asarray(predicted).astype("int64")
    n = max(len(class_names or []), int(max(truth.max(initial=0), predicted.max(initial=0))) + 1)
    names = list(class_names or []) + [str(i) for i in range(len(class_names or []), n)]
    labels = list(range(n))
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    classes = [{"class": k, "name": names[k], "precision": float(p[k]), "recall": float(r[k]),
                "f1": float(f[k]), "support": int(s[k])} for k in labels]
    out = {"task": "classification", "samples": int(len(truth)),
           "accuracy": float(accuracy_score(truth, predicted)), "classes": classes}
    for avg in ("macro", "weighted"):
        ap, ar, af, _ = precision_recall_fscore_support(truth, predicted, labels=labels,
                                                        average=avg, zero_division=0)
        out[avg] = {"precision": float(ap), "recall": float(ar), "f1": float(af)}
    return out


def regression_metrics(truth, predicted) -> dict:
    from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

    t = np.asarray(truth, "float64").reshape(len(truth), -1)
    y = np.asarray(predicted, "float64").reshape(t.shape)
    return {"task": "regression", "samples": int(len(t)),
            "mae": float(mean_absolute_error(t, y)),
            "rmse": float(np.sqrt(mean_squared_error(t, y))), "r2": float(r2_score(t, y))}


def report(subject) -> dict:
    """The metrics of the subject's model on its validation set, JSON-able."""
    pred = predict(subject)
    if pred.task == "regression":
        return regression_metrics(pred.truth, pred.predicted)
    out = class_metrics(pred.truth, pred.predicted, pred.class_names)
    if pred.probs.shape[1] == 2:
        curves = binary_curves(pred.truth, pred.probs[:, 1])
        out["roc_auc"], out["average_precision"] = curves["roc_auc"], curves["average_precision"]
    return out


def confident_mistakes(pred: Predictions, k: int = 12) -> list[dict]:
    """The ``k`` wrong predictions with the highest confidence, most confident first:
    ``{"index", "label", "predicted", "confidence"}``."""
    if pred.task == "regression":
        raise ExplainError(N_("A regression model has no wrong classes; see its residuals."),
                           code="task")
    wrong = pred.wrong
    conf = pred.confidence[wrong]
    order = wrong[np.argsort(-conf, kind="stable")][:k]
    return [{"index": int(i), "label": int(pred.truth[i]), "predicted": int(pred.predicted[i]),
             "confidence": float(pred.confidence[i])} for i in order]


def binary_curves(truth, scores) -> dict:
    """ROC and precision-recall curves of a two-class task (``scores``: the
    probability of class 1), with the areas, from ``sklearn.metrics``."""
    from sklearn.metrics import (
        average_precision_score,
        precision_recall_curve,
        roc_auc_score,
        roc_curve,
    )

    truth = np.asarray(truth).astype("int64")
    if len(np.unique(truth)) < 2:
        raise ExplainError(N_("ROC and precision-recall curves need samples of both classes."),
                           code="one_class")
    fpr, tpr, _ = roc_curve(truth, scores)
    precision, recall, _ = precision_recall_curve(truth, scores)
    return {"fpr": fpr, "tpr": tpr, "precision": precision, "recall": recall,
            "roc_auc": float(roc_auc_score(truth, scores)),
            "average_precision": float(average_precision_score(truth, scores))}


def residuals(pred: Predictions) -> tuple[np.ndarray, np.ndarray]:
    """``(predicted, truth - predicted)`` for a regression model (first output value)."""
    if pred.task != "regression":
        raise ExplainError(N_("Residuals are for regression models."), code="task")
    p = pred.predicted[:, 0]
    return p, pred.truth[:, 0] - p


__all__ = ["Predictions", "predict", "class_metrics", "regression_metrics", "report",
           "confident_mistakes", "binary_curves", "residuals"]

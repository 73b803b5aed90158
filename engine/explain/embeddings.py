"""What a layer has learned to tell apart: its activations over the
validation set, projected to two dimensions with PCA, t-SNE (scikit-learn) or
UMAP (umap-learn), with each point's label and prediction."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.explain import ExplainError
from engine.i18n import N_

PROJECTIONS = ("pca", "tsne", "umap")
PROJECTION_TITLES = {"pca": "PCA", "tsne": "t-SNE", "umap": "UMAP"}


@dataclass
class Embedding:
    """The 2-D points of a projection and what each sample was.

    ``indices`` are positions in the validation set; ``labels`` and
    ``predicted`` are class ids (``None`` for regression);
    ``silhouette`` is scikit-learn's silhouette score of the points by label.
    """

    layer: str
    method: str
    points: np.ndarray
    indices: np.ndarray
    labels: np.ndarray | None
    predicted: np.ndarray | None
    silhouette: float | None


def embeddable_layers(model) -> list[str]:
    """Every layer after the input, first to last."""
    return [l.name for l in model.layers if type(l).__name__ != "InputLayer"]


def layer_activations(model, layer: str, x: np.ndarray, batch_size: int = 256) -> np.ndarray:
    """The outputs of ``layer`` for the inputs ``x``, flattened to ``(n, features)``."""
    import keras

    from engine.explain.model_parts import get_layer

    side = keras.Model(model.inputs[0], get_layer(model, layer).output)
    out = np.asarray(side.predict(np.asarray(x), batch_size=batch_size, verbose=0))
    return out.reshape(len(out), -1).astype("float64")


def project(features: np.ndarray, method: str = "pca", seed: int = 0) -> np.ndarray:
    """``features`` ``(n, d)`` projected to ``(n, 2)``."""
    features = np.asarray(features, dtype="float64")
    n = len(features)
    if n < 3:
        raise ExplainError(N_("A projection needs at least three samples."), code="samples")
    if features.shape[1] < 2:
        return np.column_stack([features[:, 0], np.zeros(n)])
    if method == "pca":
        from sklearn.decomposition import PCA

        return PCA(n_components=2, random_state=seed).fit_transform(features)
    if method == "tsne":
        from sklearn.manifold import TSNE
        from threadpoolctl import threadpool_limits

        perplexity = float(min(30.0, max(2.0, (n - 1) / 3.0)))
        # one thread: OpenMP threads competing with the training thread (or each
        # other on a busy machine) make t-SNE many times slower, not faster
        with threadpool_limits(limits=1):
            return TSNE(n_components=2, perplexity=perplexity, init="pca",
                        random_state=seed).fit_transform(features)
    if method == "umap":
        try:
            import umap
        except ImportError:
            raise ExplainError(N_("UMAP needs the umap-learn package, which is not installed."),
                               N_("Install it (pip install umap-learn) or use PCA or t-SNE."),
                               code="umap") from None
        neighbours = int(min(15, n - 1))
        return umap.UMAP(n_components=2, n_neighbors=neighbours, random_state=seed,
                         n_jobs=1).fit_transform(features)
    raise ExplainError(f"Unknown projection {method!r}.", f"Use one of {', '.join(PROJECTIONS)}.",
                       code="method")


def silhouette(points: np.ndarray, labels) -> float | None:
    """scikit-learn's silhouette score of ``points`` grouped by ``labels``
    (``None`` with fewer than two classes)."""
    from sklearn.metrics import silhouette_score

    labels = np.asarray(labels)
    if len(np.unique(labels)) < 2 or len(np.unique(labels)) >= len(labels):
        return None
    return float(silhouette_score(points, labels))


def embed(subject, layer: str, method: str = "pca", max_samples: int = 1000,
          seed: int = 0) -> Embedding:
    """Project the activations of ``layer`` over (up to ``max_samples`` of) the
    subject's validation set."""
    from engine.explain.mistakes import predict

    x = subject.x_val
    n = min(len(x), int(max_samples))
    indices = np.arange(n)
    if n < len(x):
        indices = np.sort(np.random.default_rng(seed).choice(len(x), n, replace=False))
    feats = layer_activations(subject.model, layer, x[indices])
    points = project(feats, method, seed)
    if subject.task == "regression":
        return Embedding(layer, method, points, indices, None, None, None)
    pred = predict(subject)
    labels, predicted = pred.truth[indices], pred.predicted[indices]
    return Embedding(layer, method, points, indices, labels, predicted,
                     silhouette(points, labels))


__all__ = ["Embedding", "PROJECTIONS", "PROJECTION_TITLES", "embeddable_layers",
           "layer_activations", "project", "silhouette", "embed"]

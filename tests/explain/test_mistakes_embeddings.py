"""Per-class metrics, confident mistakes, curves, embeddings, health and
recurrent states on small models trained for real."""

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)

from engine.explain import ExplainError  # noqa: E402
from engine.explain import embeddings, health, mistakes, sequences  # noqa: E402
from engine.explain.subject import open_subject, subject_from_model  # noqa: E402

# Silhouette scores of the 2-D projections of the 16-unit Dense layer's activations
# over the 359 validation digits, by true digit, after 6 epochs (training seeds 1, 2, 3):
# PCA 0.131, 0.226, 0.101 (an untrained copy: -0.071, -0.094, -0.120);
# t-SNE 0.663, 0.675, 0.577. The thresholds leave about half of the smallest as margin.
SILHOUETTE_PCA = 0.05
SILHOUETTE_TSNE = 0.3


@pytest.fixture(scope="module")
def digits(digits_run):
    return open_subject(digits_run.path)


def test_subject_of_a_run_uses_its_preprocessed_validation_set(digits, digits_run):
    assert digits.name == digits_run.id
    assert digits.x_val.shape[1:] == (8, 8, 1)
    assert len(digits.x_val) == len(digits.labels) > 300
    assert digits.class_names == [str(i) for i in range(10)]


def test_per_class_metrics_equal_sklearn(digits):
    from sklearn.metrics import precision_recall_fscore_support

    pred = mistakes.predict(digits)
    expected_pred = np.argmax(digits.model.predict(digits.x_val, verbose=0), axis=1)
    np.testing.assert_array_equal(pred.predicted, expected_pred)
    report = mistakes.report(digits)
    p, r, f, s = precision_recall_fscore_support(digits.labels, expected_pred,
                                                 labels=list(range(10)), zero_division=0)
    got = report["classes"]
    np.testing.assert_allclose([c["precision"] for c in got], p, rtol=0, atol=1e-12)
    np.testing.assert_allclose([c["recall"] for c in got], r, rtol=0, atol=1e-12)
    np.testing.assert_allclose([c["f1"] for c in got], f, rtol=0, atol=1e-12)
    assert [c["support"] for c in got] == list(s)
    assert report["accuracy"] == pytest.approx(np.mean(expected_pred == digits.labels))
    assert report["accuracy"] > 0.6  # it did learn


def test_metrics_with_a_class_never_predicted_match_sklearn():
    from sklearn.metrics import precision_recall_fscore_support

    truth, pred = [0, 1, 2, 2, 1, 0, 2], [0, 0, 2, 2, 0, 0, 2]
    got = mistakes.class_metrics(truth, pred, ["a", "b", "c"])
    p, r, f, s = precision_recall_fscore_support(truth, pred, zero_division=0)
    assert [c["precision"] for c in got["classes"]] == list(p)
    assert [c["f1"] for c in got["classes"]] == list(f)
    assert got["classes"][1]["name"] == "b" and got["classes"][1]["recall"] == 0.0


def test_confident_mistakes_are_wrong_and_sorted(digits):
    pred = mistakes.predict(digits)
    worst = mistakes.confident_mistakes(pred, k=8)
    assert 0 < len(worst) <= 8
    conf = [w["confidence"] for w in worst]
    assert conf == sorted(conf, reverse=True)
    for w in worst:
        assert w["label"] != w["predicted"] == pred.predicted[w["index"]]
    # none of the wrong answers left out is more confident than the last shown
    others = set(pred.wrong) - {w["index"] for w in worst}
    assert all(pred.confidence[i] <= conf[-1] for i in others)


def test_embedding_separates_trained_digits(digits):
    layers = embeddings.embeddable_layers(digits.model)
    assert "embedding" in layers and "conv1" in layers
    e = embeddings.embed(digits, "embedding", "pca")
    assert e.points.shape == (len(digits.x_val), 2)
    assert e.silhouette > SILHOUETTE_PCA
    # an untrained copy of the same network does not separate them
    fresh = keras.models.clone_model(digits.model)
    untrained = embeddings.embed(subject_from_model(fresh, digits.dataset), "embedding", "pca")
    assert untrained.silhouette < e.silhouette - 0.05


def test_tsne_projection(digits):
    e = embeddings.embed(digits, "embedding", "tsne")
    assert e.points.shape == (len(digits.x_val), 2)
    assert np.all(np.isfinite(e.points))
    assert e.silhouette > SILHOUETTE_TSNE
    few = embeddings.embed(digits, "embedding", "pca", max_samples=50)
    assert few.points.shape == (50, 2) and len(set(few.indices)) == 50


def test_unknown_projection_is_refused():
    with pytest.raises(ExplainError, match="Unknown projection"):
        embeddings.project(np.zeros((5, 3)), "mds")


def test_binary_curves_and_residuals():
    from sklearn.metrics import roc_auc_score

    from engine.data.settings import DataSettings, build_dataset

    ds = build_dataset(DataSettings.suggested("moons"))
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="tanh"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile("adam", "binary_crossentropy")
    model.fit(ds.x_train, ds.y_train, epochs=2, verbose=0)
    subject = subject_from_model(model, ds, "moons")
    pred = mistakes.predict(subject)
    assert pred.probs.shape == (len(ds.x_val), 2)
    curves = mistakes.binary_curves(pred.truth, pred.probs[:, 1])
    assert curves["roc_auc"] == pytest.approx(roc_auc_score(pred.truth, pred.probs[:, 1]))
    assert curves["fpr"][0] == 0 and curves["tpr"][-1] == 1
    assert "roc_auc" in mistakes.report(subject)

    x = np.linspace(-1, 1, 64, dtype="float32").reshape(-1, 1)
    reg = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    from engine.data.dataset import Dataset

    rds = Dataset("line", "", "regression", x, 3 * x, x, 3 * x + 0.5)
    rsub = subject_from_model(reg, rds, "line")
    rp = mistakes.predict(rsub)
    predicted, res = mistakes.residuals(rp)
    np.testing.assert_allclose(res, (3 * x + 0.5)[:, 0] - predicted, atol=1e-6)
    assert mistakes.report(rsub)["task"] == "regression"
    with pytest.raises(ExplainError):
        mistakes.confident_mistakes(rp)


def test_activation_health_counts_dead_and_saturated_units():
    from engine.data.dataset import Dataset

    inp = keras.Input((4,))
    dead = keras.layers.Dense(6, activation="relu", name="dead", bias_initializer="zeros",
                              kernel_initializer="zeros")(inp)
    live = keras.layers.Dense(5, activation="relu", name="live",
                              kernel_initializer="ones")(inp)
    sat = keras.layers.Dense(3, activation="sigmoid", name="sat",
                             kernel_initializer=keras.initializers.Constant(50.0))(live)
    out = keras.layers.Dense(2, activation="softmax", name="out")(
        keras.layers.Concatenate()([dead, sat]))
    model = keras.Model(inp, out)
    x = np.abs(np.random.default_rng(0).normal(size=(40, 4))).astype("float32") + 0.1
    y = np.arange(40) % 2
    subject = subject_from_model(model, Dataset("t", "", "classification", x, y, x, y))
    rows = {r["layer"]: r for r in health.layer_health(subject, batch_size=32)}
    assert rows["dead"]["dead_fraction"] == 1.0
    assert rows["live"]["dead_fraction"] == 0.0
    assert rows["sat"]["saturated_fraction"] == 1.0
    assert rows["dead"]["grad_norm"] == pytest.approx(0.0, abs=1e-12)  # dead: no gradient flows
    assert rows["out"]["grad_norm"] > 0
    assert rows["dead"]["weight_norm"] == 0.0
    stats = health.badge_stats(list(rows.values()))
    assert stats["dead"]["dead_fraction"] == 1.0


def test_hidden_states_end_in_the_layer_output():
    keras.utils.set_random_seed(4)
    inp = keras.Input((7, 3))
    seq = keras.layers.LSTM(5, return_sequences=True, name="lstm1")(inp)
    last = keras.layers.GRU(4, name="gru")(seq)
    model = keras.Model(inp, keras.layers.Dense(2, activation="softmax")(last))
    sample = np.random.default_rng(2).normal(size=(7, 3)).astype("float32")
    assert sequences.recurrent_layers(model) == ["lstm1", "gru"]
    h1 = sequences.hidden_states(model, "lstm1", sample)
    expect1 = keras.Model(inp, seq)(sample[None]).numpy()[0]
    np.testing.assert_allclose(h1, expect1, atol=1e-5)
    h2 = sequences.hidden_states(model, "gru", sample)
    assert h2.shape == (7, 4)
    np.testing.assert_allclose(h2[-1], keras.Model(inp, last)(sample[None]).numpy()[0], atol=1e-5)
    with pytest.raises(ExplainError, match="not a recurrent"):
        sequences.hidden_states(model, model.layers[-1].name, sample)


def test_umap_missing_is_a_clear_message(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "umap", None)  # as if umap-learn were not installed
    with pytest.raises(ExplainError, match="umap-learn"):
        embeddings.project(np.random.default_rng(0).normal(size=(20, 4)), "umap")


@pytest.mark.slow
def test_umap_projection_separates_trained_digits(digits):
    pytest.importorskip("umap")
    e = embeddings.embed(digits, "embedding", "umap")
    assert e.points.shape == (len(digits.x_val), 2) and np.all(np.isfinite(e.points))
    assert e.silhouette > SILHOUETTE_TSNE


def test_a_keras_file_takes_a_dataset_fitted_to_its_input(digits, tmp_path):
    path = tmp_path / "digits.keras"
    digits.model.save(path)
    subject = open_subject(path, dataset="digits")
    assert subject.name == "digits.keras" and subject.x_val.shape[1:] == (8, 8, 1)
    np.testing.assert_allclose(subject.x_val, digits.x_val)  # the run's own preprocessing
    assert open_subject(path).dataset is None
    with pytest.raises(ExplainError, match="expects"):
        open_subject(path, dataset="iris")
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    with pytest.raises(ExplainError, match="neither a run folder nor a .keras model"):
        open_subject(bad)


def test_bidirectional_hidden_states_meet_the_layer_output():
    keras.utils.set_random_seed(6)
    inp = keras.Input((5, 2))
    bi = keras.layers.Bidirectional(keras.layers.LSTM(3), name="bi")(inp)
    model = keras.Model(inp, keras.layers.Dense(2, activation="softmax")(bi))
    sample = np.random.default_rng(4).normal(size=(5, 2)).astype("float32")
    states = sequences.hidden_states(model, "bi", sample)
    out = keras.Model(inp, bi)(sample[None]).numpy()[0]
    assert states.shape == (5, 6)
    # forward: its last step; backward (realigned in time): its state at step 0
    np.testing.assert_allclose(states[-1, :3], out[:3], atol=1e-5)
    np.testing.assert_allclose(states[0, 3:], out[3:], atol=1e-5)

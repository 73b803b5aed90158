import subprocess
import sys

import numpy as np
import pytest

from engine.data import DataError, list_datasets, load_dataset, dataset_info


def test_engine_data_and_training_import_without_tensorflow():
    code = ("import sys, engine.data, engine.training; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras', 'sklearn', 'PySide6')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_registry_lists_everything_the_issue_names():
    names = {i.name for i in list_datasets()}
    assert {"iris", "digits", "wine", "breast_cancer", "diabetes", "spirals", "moons", "circles",
            "shapes", "series", "letters", "mnist", "fashion_mnist", "cifar10", "cifar100", "imdb",
            "reuters", "boston_housing", "california_housing", "csv", "arrays",
            "image_folder"} <= names
    offline = {i.name for i in list_datasets(offline=True)}
    assert "mnist" not in offline and "digits" in offline
    info = dataset_info("digits").to_dict()
    assert info["options"]["size"] == 8 and info["task"] == "classification"


def test_unknown_dataset_and_option_are_clear_errors():
    with pytest.raises(DataError) as e:
        load_dataset("digit")
    assert "digits" in e.value.hint
    with pytest.raises(DataError) as e:
        load_dataset("iris", colour="red")
    assert "colour" in e.value.message and "validation_split" in e.value.hint


def test_iris_follows_the_course_split():
    ds = load_dataset("iris")
    assert ds.x_train.shape == (120, 4) and ds.x_val.shape == (30, 4)
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    # The course shuffles x and y with np.random.seed(116) and keeps the first 120.
    from sklearn.datasets import load_iris

    x = load_iris().data.copy()
    np.random.seed(116)
    np.random.shuffle(x)
    np.testing.assert_allclose(ds.x_train, x[:120].astype("float32"))
    assert ds.task == "classification" and ds.label_mode == "sparse"


@pytest.mark.parametrize("name,shape,k", [("wine", (13,), 3), ("breast_cancer", (30,), 2),
                                          ("diabetes", (10,), None), ("moons", (2,), 2),
                                          ("circles", (2,), 2)])
def test_tables(name, shape, k):
    ds = load_dataset(name)
    assert ds.input_shape == shape and ds.num_classes == k
    assert ds.num_val > 0 and ds.num_train > 3 * ds.num_val


def test_digits_resized_with_channels():
    ds = load_dataset("digits", size=32, channels=3, validation_split=0)
    assert ds.x_train.shape == (1797, 32, 32, 3) and ds.x_val is None
    assert 0.0 <= ds.x_train.min() and ds.x_train.max() <= 1.0 + 1e-6
    assert np.array_equal(ds.x_train[..., 0], ds.x_train[..., 2])
    small = load_dataset("digits", validation_split=0)
    # Resizing keeps the picture: the mean brightness stays close.
    assert abs(small.x_train[0].mean() - ds.x_train[0, ..., 0].mean()) < 0.05


def test_spirals_are_balanced_and_seeded():
    a = load_dataset("spirals", n_classes=3, seed=4)
    b = load_dataset("spirals", n_classes=3, seed=4)
    c = load_dataset("spirals", n_classes=3, seed=5)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.x_train, c.x_train)
    counts = np.bincount(np.concatenate([a.y_train, a.y_val]))
    assert counts.tolist() == [334, 333, 333]


def test_shapes_images_are_seeded_and_distinct_per_class():
    ds = load_dataset("shapes", n_samples=500, validation_split=0.2, seed=3)
    assert ds.x_train.shape == (400, 32, 32, 3) and ds.x_train.dtype == np.uint8
    assert ds.class_names == ["circle", "square", "triangle", "diamond", "cross"]
    again = load_dataset("shapes", n_samples=500, validation_split=0.2, seed=3)
    np.testing.assert_array_equal(ds.x_train, again.x_train)
    # The shape covers a visible part of the image: foreground differs from the corner colour.
    img = ds.x_train[0].astype(int)
    differs = np.abs(img - img[0, 0]).sum(axis=-1) > 100
    assert 0.03 < differs.mean() < 0.6
    assert set(np.unique(ds.y_train)) == set(range(5))


def test_series_matches_the_course_arithmetic_and_inverts():
    ds = load_dataset("series")
    assert ds.x_train.shape == (2066, 60, 1) and ds.y_train.shape == (2066, 1)
    assert ds.x_val.shape == (240, 60, 1) and ds.task == "regression"
    assert ds.x_train.min() >= -1e-6 and ds.x_train.max() <= 1 + 1e-6
    from engine.data.generated import generate_series

    raw = generate_series("random_walk", 2426, 7)
    # Validation windows stay in time order; the inverse gives the raw prices back.
    back = ds.target_scaler.inverse(ds.y_val)
    np.testing.assert_allclose(back[:, 0], raw[-240:], rtol=1e-5)
    np.testing.assert_allclose(ds.target_scaler.inverse(ds.x_val[0, :, 0:1])[:, 0],
                               raw[-300:-240], rtol=1e-5)


def test_letters_onehot_and_index_variants():
    one = load_dataset("letters")
    assert one.x_train.shape == (5, 1, 5) and one.y_train.tolist() == [1, 2, 3, 4, 0]
    four = load_dataset("letters", steps=4)
    assert four.x_train.shape == (5, 4, 5)
    assert np.argmax(four.x_train[1], axis=-1).tolist() == [1, 2, 3, 4] and four.y_train[1] == 0
    emb = load_dataset("letters", alphabet="abcdefghijklmnopqrstuvwxyz", steps=4, encoding="index")
    assert emb.x_train.shape == (22, 4) and emb.x_train.dtype == np.int64
    assert emb.x_train[0].tolist() == [0, 1, 2, 3] and emb.y_train[-1] == 25
    assert emb.task == "sequence" and emb.class_names[4] == "e"


def test_preview_names_classes_and_regression_values():
    prev = load_dataset("iris").preview(3)
    assert len(prev) == 3 and prev[0]["x"].shape == (4,)
    assert all(p["label"] in ("setosa", "versicolor", "virginica") for p in prev)
    series = load_dataset("series")
    p = series.preview(2, split="val")
    raw_last = float(series.target_scaler.inverse(series.y_val[-1:])[0, 0])
    assert p[-1]["label"] == pytest.approx(raw_last, rel=1e-5)

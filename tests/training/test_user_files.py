import numpy as np
import pytest

from engine.data import DataError, load_dataset


def test_csv_with_chosen_columns_and_text_labels(tmp_path):
    p = tmp_path / "flowers.csv"
    p.write_text("id,length,width,kind\n" + "\n".join(
        f"{i},{1 + i * 0.1:.1f},{2 + (i % 3)},{['rose', 'tulip'][i % 2]}" for i in range(20)))
    ds = load_dataset("csv", path=str(p), target="kind", features=["length", "width"],
                      validation_split=0.25)
    assert ds.input_shape == (2,) and ds.class_names == ["rose", "tulip"]
    assert ds.num_train == 15 and ds.num_val == 5 and ds.task == "classification"
    reg = load_dataset("csv", path=str(p), target="length", features=["width"],
                       validation_split=0)
    assert reg.task == "regression" and reg.y_train[3] == pytest.approx(1.3)


def test_csv_errors_name_the_column_and_row(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("a,b,y\n1,2,0\n3,x,1\n5,6,0\n")
    with pytest.raises(DataError) as e:
        load_dataset("csv", path=str(p), target="y", validation_split=0)
    assert "'b'" in e.value.message and "row 3" in e.value.message
    with pytest.raises(DataError) as e:
        load_dataset("csv", path=str(p), target="price")
    assert "price" in e.value.message and "a, b, y" in e.value.hint
    with pytest.raises(DataError):
        load_dataset("csv", path=str(tmp_path / "missing.csv"))


def test_npz_and_npy(tmp_path):
    x = np.random.default_rng(0).random((30, 5)).astype("float32")
    y = np.arange(30) % 3
    np.savez(tmp_path / "d.npz", x_train=x[:20], y_train=y[:20], x_test=x[20:], y_test=y[20:])
    ds = load_dataset("arrays", path=str(tmp_path / "d.npz"))
    assert ds.num_train == 20 and ds.num_val == 10 and ds.num_classes == 3
    np.save(tmp_path / "x.npy", x)
    np.save(tmp_path / "y.npy", x[:, 0])
    reg = load_dataset("arrays", path=str(tmp_path / "x.npy"), y_path=str(tmp_path / "y.npy"))
    assert reg.task == "regression" and reg.input_shape == (5,)
    np.savez(tmp_path / "odd.npz", features=x)
    with pytest.raises(DataError) as e:
        load_dataset("arrays", path=str(tmp_path / "odd.npz"))
    assert "features" in e.value.message and "x_key" in e.value.hint


def test_image_folder_through_keras(tmp_path, png_writer):
    rng = np.random.default_rng(0)
    for cls, colour in (("red", (220, 20, 20)), ("blue", (20, 20, 220))):
        (tmp_path / "pics" / cls).mkdir(parents=True)
        for i in range(5):
            img = np.clip(np.array(colour) + rng.integers(-10, 10, (12, 10, 3)), 0, 255)
            png_writer(tmp_path / "pics" / cls / f"{i}.png", img.astype("uint8"))
    ds = load_dataset("image_folder", path=str(tmp_path / "pics"), image_size=[16, 16],
                      validation_split=0.2)
    assert ds.class_names == ["blue", "red"]
    assert ds.x_train.shape == (8, 16, 16, 3) and ds.x_val.shape == (2, 16, 16, 3)
    assert ds.x_train.dtype == np.uint8
    # Labels follow the folders: red images have a strong red channel.
    x = np.concatenate([ds.x_train, ds.x_val]).astype(float)
    y = np.concatenate([ds.y_train, ds.y_val])
    assert np.all((x[..., 0].mean(axis=(1, 2)) > 150) == (y == 1))
    (tmp_path / "one" / "only").mkdir(parents=True)
    with pytest.raises(DataError) as e:
        load_dataset("image_folder", path=str(tmp_path / "one"))
    assert "sub-folder" in e.value.hint

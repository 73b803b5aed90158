import pytest

from keras_reference import compare, engine_refuses


@pytest.mark.parametrize("params,shape", [
    ({"units": 10}, (None, 5)),
    ({"units": 3, "use_bias": False}, (None, 7)),
    ({"units": 4, "activation": "relu"}, (None, 6, 8)),
    ({"units": 2, "kernel_regularizer": {"l2": 0.01}}, (8, 3)),
])
def test_dense_matches_keras(params, shape):
    compare("Dense", params, [shape])


def test_dense_refuses_unknown_last_axis():
    err = engine_refuses("Dense", {"units": 3}, [(None, None)])
    assert "unknown size" in err.message


@pytest.mark.parametrize("shape", [(None, 5, 5, 16), (None, 3), (None, 4, 7)])
def test_flatten_matches_keras(shape):
    compare("Flatten", {}, [shape])

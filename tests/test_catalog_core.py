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


# ----------------------------------------------------------- Activation ---

@pytest.mark.parametrize("params,shape", [
    ({"activation": "relu"}, (None, 5)),
    ({"activation": "softmax"}, (None, 4, 10)),
    ({"activation": "gelu"}, (2, 3, 3, 8)),
])
def test_activation_matches_keras(params, shape):
    compare("Activation", params, [shape])


def test_activation_refuses_unknown_name():
    err = engine_refuses("Activation", {"activation": "relu7"}, [(None, 4)])
    assert "activation" in err.message


# -------------------------------------------------------------- Dropout ---

@pytest.mark.parametrize("params,shape", [
    ({"rate": 0.5}, (None, 10)),
    ({"rate": 0.0}, (None, 4, 7)),
    ({"rate": 0.2, "noise_shape": [None, 1, 7]}, (None, 4, 7)),
    ({"rate": 0.3, "seed": 1}, (None, None, 3)),
])
def test_dropout_matches_keras(params, shape):
    compare("Dropout", params, [shape])


@pytest.mark.parametrize("rate", [1.0, 1.5, -0.1])
def test_dropout_refuses_rate_outside_unit_interval(rate):
    err = engine_refuses("Dropout", {"rate": rate}, [(None, 4)])
    assert "rate" in err.message


def test_dropout_refuses_noise_shape_that_does_not_fit():
    err = engine_refuses("Dropout", {"rate": 0.5, "noise_shape": [None, 2, 7]}, [(None, 4, 7)])
    assert "noise_shape" in err.message and "axis 1" in err.message
    err = engine_refuses("Dropout", {"rate": 0.5, "noise_shape": [None, 7]}, [(None, 4, 7)])
    assert "batch axis" in err.message


# -------------------------------------------------------------- Reshape ---

@pytest.mark.parametrize("params,shape", [
    ({"target_shape": [28, 28, 1]}, (None, 784)),
    ({"target_shape": [-1, 64]}, (None, 8, 8, 64)),
    ({"target_shape": [3, -1]}, (None, 12)),
    ({"target_shape": [-1]}, (None, 5, 5, 16)),
    ({"target_shape": [-1, 4]}, (None, None, 4)),
    ({"target_shape": [2, -1]}, (None, None, 4)),
    ({"target_shape": [4, None]}, (None, 8, 4)),
    ({"target_shape": []}, (None, 1)),
])
def test_reshape_matches_keras(params, shape):
    compare("Reshape", params, [shape])


def test_reshape_refuses_size_mismatch_naming_both_sizes():
    err = engine_refuses("Reshape", {"target_shape": [20, 20]}, [(None, 28, 28)])
    assert "784" in err.message and "400" in err.message
    err = engine_refuses("Reshape", {"target_shape": [5, -1]}, [(None, 12)])
    assert "12" in err.message and "5" in err.message


def test_reshape_refuses_two_unknown_axes():
    err = engine_refuses("Reshape", {"target_shape": [-1, -1]}, [(None, 12)])
    assert "at most one" in err.message


def test_reshape_warns_on_fixed_target_for_variable_input():
    from engine.catalog import get_spec
    from engine.errors import RuleContext
    spec = get_spec("Reshape")
    ctx = RuleContext()
    assert spec.shape(spec.resolve({"target_shape": [8]}), [(None, None, 4)], ctx) == (None, 8)
    assert ctx.warnings and "exactly 2" in ctx.warnings[0].message
    err = engine_refuses("Reshape", {"target_shape": [6]}, [(None, None, 4)])
    assert "multiple of 4" in err.message


# -------------------------------------------------------------- Permute ---

@pytest.mark.parametrize("params,shape", [
    ({"dims": [2, 1]}, (None, 10, 64)),
    ({"dims": [3, 1, 2]}, (None, 5, 6, 7)),
    ({"dims": [1]}, (None, 5)),
    ({"dims": [2, 1, 3]}, (None, None, 6, 7)),
])
def test_permute_matches_keras(params, shape):
    compare("Permute", params, [shape])


@pytest.mark.parametrize("dims", [[2, 1, 3, 0], [1, 1], [2, 3]])
def test_permute_refuses_invalid_dims(dims):
    err = engine_refuses("Permute", {"dims": dims}, [(None, 4, 5)])
    assert "batch axis" in err.message


def test_permute_refuses_wrong_number_of_dims():
    err = engine_refuses("Permute", {"dims": [2, 1]}, [(None, 3, 4, 5)])
    assert "2 entries" in err.message and "3 non-batch axes" in err.message


# --------------------------------------------------------- RepeatVector ---

@pytest.mark.parametrize("params,shape", [
    ({"n": 3}, (None, 32)),
    ({"n": 1}, (4, 7)),
    ({"n": 5}, (None, None)),
])
def test_repeat_vector_matches_keras(params, shape):
    compare("RepeatVector", params, [shape])


def test_repeat_vector_refuses_sequences():
    err = engine_refuses("RepeatVector", {"n": 3}, [(None, 4, 5)])
    assert "2-D" in err.message and "return_sequences" in err.hint
    err = engine_refuses("RepeatVector", {"n": 0}, [(None, 4)])
    assert "n" in err.message


# ------------------------------------------------------------ Embedding ---

@pytest.mark.parametrize("params,shape", [
    ({"input_dim": 10000, "output_dim": 64}, (None, 100)),
    ({"input_dim": 50, "output_dim": 8, "mask_zero": True}, (None, None)),
    ({"input_dim": 20, "output_dim": 4, "embeddings_regularizer": {"l2": 0.01}}, (None, 3, 5)),
    ({"input_dim": 20, "output_dim": 4, "embeddings_initializer": "uniform"}, (None,)),
    ({"input_dim": 7, "output_dim": 3, "embeddings_constraint": "non_neg"}, (2, 6)),
])
def test_embedding_matches_keras(params, shape):
    compare("Embedding", params, [shape])


def test_embedding_refuses_zero_dims():
    err = engine_refuses("Embedding", {"input_dim": 0, "output_dim": 4}, [(None, 3)])
    assert "input_dim" in err.message


# ------------------------------------------------- Masking and Identity ---

@pytest.mark.parametrize("params,shape", [
    ({}, (None, 10, 8)),
    ({"mask_value": -1.0}, (None, None, 3)),
])
def test_masking_matches_keras(params, shape):
    compare("Masking", params, [shape])


@pytest.mark.parametrize("shape", [(None, 32), (None, 4, 4, 3), (3, None)])
def test_identity_matches_keras(shape):
    compare("Identity", {}, [shape])


# ------------------------------------------------------ all core layers ---

def test_rules_raise_only_shape_errors_on_odd_shapes():
    import itertools

    from engine.catalog import get_spec
    from engine.errors import NeuroCanvasError, RuleContext
    configs = {
        "Dense": {"units": 3}, "Activation": {"activation": "relu"},
        "Dropout": {"rate": 0.5, "noise_shape": [None, 1, 7]}, "Flatten": {},
        "Reshape": {"target_shape": [-1, 7]}, "Permute": {"dims": [2, 1]}, "RepeatVector": {"n": 2},
        "Embedding": {"input_dim": 5, "output_dim": 2}, "Masking": {}, "Identity": {},
    }
    shapes = [()] + [s for r in range(1, 5) for s in itertools.product((None, 0, 1, 7), repeat=r)]
    for type_name, params in configs.items():
        spec = get_spec(type_name)
        p = spec.resolve(params)
        for shape in shapes:
            try:
                out = spec.shape(p, [shape], RuleContext())
                spec.weights(p, [shape])
                spec.macs(p, [shape], [out])
            except NeuroCanvasError:
                pass


def test_palette_offers_every_keras_layer_but_no_import_only_nodes():
    from engine.catalog import categories

    palette = categories(palette_only=True)
    assert "imported" not in palette
    offered = {spec.type for specs in palette.values() for spec in specs}
    assert {"Conv2D", "LSTM", "MultiHeadAttention", "RandomFlip"} <= offered
    assert not offered & {"KerasLayer", "KerasOp", "SharedCall"}

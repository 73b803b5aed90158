"""Preprocessing layers with state (lookups, TextVectorization, Discretization,
CategoryEncoding, Hashing) compared with real Keras layers, and their adapted
state kept through import, the document and the .keras file."""

import numpy as np
import pytest

from engine.errors import ParamError
from keras_reference import compare, engine_refuses

V = [12, 36, 1138, 42]
W = ["a", "b", "c"]


@pytest.mark.parametrize("params,shape", [
    ({"vocabulary": V}, (None, 4)),
    ({"vocabulary": V, "output_mode": "multi_hot"}, (None, 4)),
    ({"vocabulary": V, "output_mode": "count", "num_oov_indices": 3}, (None, 7)),
    ({"vocabulary": V, "output_mode": "one_hot"}, (None, 1)),
    ({"vocabulary": V, "output_mode": "one_hot"}, (None, 5)),
    ({"vocabulary": V, "output_mode": "one_hot", "mask_token": 0}, (None, 1)),
    ({"vocabulary": [-1] + V, "output_mode": "multi_hot"}, (None, 3)),
    ({"vocabulary": [0, -1] + V, "mask_token": 0}, (None, 3)),
    ({"vocabulary": V, "output_mode": "tf_idf", "idf_weights": [0.1, 0.2, 0.3, 0.4]}, (None, 3)),
    ({"max_tokens": 10, "pad_to_max_tokens": True, "output_mode": "multi_hot"}, (None, 6)),
    ({"vocabulary": V, "invert": True}, (None, 3)),
    ({"vocabulary": V, "mask_token": 0}, (None, 2, 3)),
])
def test_integer_lookup_matches_keras(params, shape):
    compare("IntegerLookup", params, [shape])


@pytest.mark.parametrize("params,shape", [
    ({"vocabulary": W}, (None, 2)),
    ({"vocabulary": W, "output_mode": "one_hot"}, (None, 3)),
    ({"vocabulary": ["[UNK]"] + W, "output_mode": "multi_hot"}, (None, 3)),
    ({"vocabulary": W, "output_mode": "count", "num_oov_indices": 2}, (None, 4)),
    ({"vocabulary": W, "mask_token": "", "output_mode": "one_hot"}, (None, 1)),
])
def test_string_lookup_matches_keras(params, shape):
    compare("StringLookup", params, [shape])


@pytest.mark.parametrize("params,shape", [
    ({"vocabulary": W, "output_sequence_length": 5}, (None, 1)),
    ({"vocabulary": W}, (None,)),
    ({"vocabulary": W, "output_mode": "multi_hot"}, (None,)),
    ({"vocabulary": W, "output_mode": "count"}, (None, 1)),
    ({"vocabulary": W, "output_mode": "tf_idf", "idf_weights": [1.0, 2.0, 3.0]}, (None,)),
    ({"max_tokens": 50, "pad_to_max_tokens": True, "output_mode": "multi_hot",
      "ngrams": 2}, (None,)),
    ({"vocabulary": W, "split": None, "output_mode": "multi_hot"}, (None,)),
    ({"vocabulary": W, "standardize": "lower", "split": "character",
      "output_sequence_length": 8}, (None, 1)),
])
def test_text_vectorization_matches_keras(params, shape):
    compare("TextVectorization", params, [shape])


@pytest.mark.parametrize("params,shape", [
    ({"bin_boundaries": [0.0, 1.0, 2.0]}, (None, 4)),
    ({"bin_boundaries": [0.0, 1.0], "output_mode": "one_hot"}, (None, 1)),
    ({"bin_boundaries": [0.0, 1.0], "output_mode": "one_hot"}, (None, 3)),
    ({"num_bins": 4, "output_mode": "multi_hot"}, (None, 4)),
    ({"num_bins": 4, "output_mode": "count"}, (None, 4, 5)),
    ({"num_bins": 3, "bin_boundaries": [1.5, 2.5]}, (None, 2)),  # as adapt() leaves it
])
def test_discretization_matches_keras(params, shape):
    compare("Discretization", params, [shape])


@pytest.mark.parametrize("type_name,params,shape", [
    ("CategoryEncoding", {"num_tokens": 5}, (None, 3)),
    ("CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, (None, 1)),
    ("CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, (None, 3)),
    ("CategoryEncoding", {"num_tokens": 2, "output_mode": "count"}, (None, 2, 6)),
    ("Hashing", {"num_bins": 5}, (None, 3)),
    ("Hashing", {"num_bins": 5, "output_mode": "one_hot"}, (None, 1)),
    ("Hashing", {"num_bins": 7, "output_mode": "multi_hot", "salt": 133}, (None, 3)),
    ("Hashing", {"num_bins": 4, "mask_value": 0, "output_mode": "count"}, (None, 2, 3)),
])
def test_encoding_and_hashing_match_keras(type_name, params, shape):
    compare(type_name, params, [shape])


@pytest.mark.parametrize("type_name,params,shape,fragment", [
    ("IntegerLookup", {"vocabulary": [1, 1]}, (None, 2), "repeat"),
    ("IntegerLookup", {"vocabulary": "vocab.txt"}, (None, 2), "list of tokens"),
    ("IntegerLookup", {"vocabulary": V, "invert": True, "output_mode": "one_hot"}, (None, 2),
     "invert"),
    ("StringLookup", {"vocabulary": W, "output_mode": "tf_idf"}, (None, 2), "idf_weights"),
    ("TextVectorization", {"output_mode": "multi_hot", "output_sequence_length": 4}, (None,),
     "output_sequence_length"),
    ("TextVectorization", {}, (None, 3), "(batch, 1)"),
    ("Discretization", {}, (None, 2), "num_bins"),
    ("Discretization", {"bin_boundaries": [2.0, 1.0]}, (None, 2), "increasing"),
    ("Hashing", {"num_bins": 3, "sparse": True}, (None, 2), "sparse"),
    ("CategoryEncoding", {}, (None, 2), "num_tokens"),
])
def test_refusals_name_the_param(type_name, params, shape, fragment):
    exc = engine_refuses(type_name, params, [shape])
    assert fragment in exc.message


def test_adapted_layers_import_as_catalog_nodes_and_survive_the_keras_file(tmp_path):
    keras = pytest.importorskip("keras")
    tf = pytest.importorskip("tensorflow")
    from engine.keras_import import import_file

    layers = keras.layers
    ints = layers.IntegerLookup(output_mode="multi_hot", name="ints")
    ints.adapt(np.array([3, 7, 7, 9, 12, 3]))
    words = layers.StringLookup(name="words")
    words.adapt(np.array(["a", "b", "b", "c"]))
    vectorize = layers.TextVectorization(max_tokens=20, output_mode="tf_idf", name="vectorize")
    vectorize.adapt(["the cat sat", "the dog ran"])
    bins = layers.Discretization(num_bins=3, name="bins")
    bins.adapt(np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]))
    i = keras.Input((3,), dtype="int64", name="i")
    s = keras.Input((2,), dtype="string", name="s")
    t = keras.Input((1,), dtype="string", name="t")
    v = keras.Input((1,), name="v")
    outs = [ints(i), words(s), vectorize(t), bins(v),
            layers.CategoryEncoding(4, output_mode="count", name="cats")(i),
            layers.Hashing(5, salt=7, name="hash")(s)]
    model = keras.Model([i, s, t, v], outs)
    path = tmp_path / "adapted.keras"
    model.save(path)
    result = import_file(path)
    net = result.network
    assert result.generic == []
    assert {n.name: n.type for n in net.nodes.values() if n.type not in ("Input",)} == {
        "ints": "IntegerLookup", "words": "StringLookup", "vectorize": "TextVectorization",
        "bins": "Discretization", "cats": "CategoryEncoding", "hash": "Hashing"}
    assert net.nodes["ints"].params["vocabulary"] == [7, 3, 12, 9]
    assert net.nodes["words"].params["vocabulary"] == ["b", "c", "a"]
    assert len(net.nodes["vectorize"].params["idf_weights"]) == \
        len(net.nodes["vectorize"].params["vocabulary"])
    assert net.nodes["bins"].params["bin_boundaries"] == bins.get_config()["bin_boundaries"]
    assert len(net.nodes["bins"].params["bin_boundaries"]) == 2
    report = net.analyze()
    shapes = {net.nodes[info.node].name: info.output_shapes[0] for info in report.layers}
    for name, tensor in zip(["ints", "words", "vectorize", "bins", "cats", "hash"], model.outputs):
        assert shapes[name] == tuple(tensor.shape)
    out = tmp_path / "again.keras"
    net.to_keras().save(out)  # through the document, the state is the params
    reloaded = keras.saving.load_model(out, safe_mode=True, compile=False)
    x = [tf.constant([[3, 9, 100], [12, 12, 7]], "int64"), tf.constant([["a", "c"], ["b", "zzz"]]),
         tf.constant([["the cat ran"], ["dog zzz"]]), tf.constant([[1.5], [5.5]])]
    for a, b in zip(model(x), reloaded(x)):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b))


def test_vocabulary_edits_are_checked():
    from engine.catalog import get_spec

    with pytest.raises(ParamError, match="repeat"):
        get_spec("StringLookup").resolve({"vocabulary": ["a", "a"]})

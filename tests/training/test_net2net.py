"""Net2Net widen and deepen keep the network's outputs (1e-5) and refuse what they cannot keep."""

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)

from engine import weights  # noqa: E402
from engine.net2net import GrowError, deepen, widen  # noqa: E402
from engine.network import Network  # noqa: E402


def chain(net, *specs):
    prev = None
    for spec in specs:
        name, kind, params = spec
        nid = net.add_node(kind, params, id=name)
        if prev is not None:
            net.connect(prev, nid)
        prev = nid
    return net


def with_fresh_weights(net):
    """Attach the (random) weights of a freshly built model, with non-trivial BN statistics."""
    model = net.to_keras()
    rng = np.random.default_rng(1)
    for layer in model.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.set_weights([rng.uniform(0.5, 1.5, w.shape).astype("float32")
                               for w in layer.get_weights()])
        elif layer.weights:  # non-zero biases too, so a wrong bias would show
            layer.set_weights([rng.normal(0, 0.5, w.shape).astype("float32")
                               for w in layer.get_weights()])
    net.weights = weights.capture(net, model)
    return net


def outputs(net, x):
    return np.asarray(net.to_keras()(x, training=False))


def mlp(activation):
    net = Network("mlp")
    return with_fresh_weights(chain(
        net, ("x", "Input", {"shape": [5]}),
        ("h1", "Dense", {"units": 7, "activation": activation}),
        ("h2", "Dense", {"units": 6, "activation": activation}),
        ("out", "Dense", {"units": 3, "activation": "softmax"})))


def convnet(bn=True):
    net = Network("cnn")
    specs = [("x", "Input", {"shape": [10, 10, 3]}),
             ("c1", "Conv2D", {"filters": 4, "kernel_size": [3, 3], "activation": "relu",
                               "padding": "same"})]
    if bn:
        specs.append(("bn1", "BatchNormalization", {}))
    specs += [("c2", "Conv2D", {"filters": 5, "kernel_size": [3, 3], "activation": "relu"}),
              ("pool", "MaxPooling2D", {}),
              ("flat", "Flatten", {}),
              ("out", "Dense", {"units": 2})]
    return with_fresh_weights(chain(net, *specs))


X5 = np.random.default_rng(2).normal(size=(16, 5)).astype("float32")
XIMG = np.random.default_rng(3).normal(size=(4, 10, 10, 3)).astype("float32")


@pytest.mark.parametrize("activation,layer,factor", [
    ("relu", "h1", 2.0), ("tanh", "h2", 1.5), ("linear", "h1", 3.0), ("sigmoid", "h2", 1.2)])
def test_widening_a_dense_layer_keeps_the_outputs(activation, layer, factor):
    net = mlp(activation)
    grown = widen(net, None, layer, factor)
    width = grown.network.node(layer).params["units"]
    assert width == round(net.node(layer).resolved()["units"] * factor)
    np.testing.assert_allclose(outputs(grown.network, X5), outputs(net, X5), atol=1e-5)
    assert grown.transformed == [layer, "h2" if layer == "h1" else "out"]


@pytest.mark.parametrize("layer,bn", [("c1", True), ("c1", False), ("c2", True)])
def test_widening_a_convolution_keeps_the_outputs_through_batchnorm_pooling_and_flatten(layer, bn):
    net = convnet(bn)
    grown = widen(net, None, layer, 2.0, seed=7)
    assert grown.network.node(layer).params["filters"] == 2 * net.node(layer).resolved()["filters"]
    np.testing.assert_allclose(outputs(grown.network, XIMG), outputs(net, XIMG), atol=1e-5)
    if layer == "c1" and bn:
        assert grown.transformed == ["c1", "bn1", "c2"]


@pytest.mark.parametrize("after,activation", [("h1", "relu"), ("h2", "linear"), ("out", None)])
def test_deepening_after_a_dense_layer_keeps_the_outputs(after, activation):
    net = mlp(activation or "relu")
    grown = deepen(net, None, after, activation="linear" if after == "out" else None)
    new = grown.inserted[0]
    assert grown.network.node(new).params["activation"] == (activation or "linear")
    assert [e.src for e in grown.network.in_edges(new)] == [after]
    np.testing.assert_allclose(outputs(grown.network, X5), outputs(net, X5), atol=1e-5)


def test_deepening_after_a_convolution_inserts_an_identity_3x3_same_convolution():
    net = convnet()
    grown = deepen(net, None, "c1")
    new = grown.network.node(grown.inserted[0])
    assert new.type == "Conv2D" and new.params["padding"] == "same"
    assert new.params["activation"] == "relu"
    np.testing.assert_allclose(outputs(grown.network, XIMG), outputs(net, XIMG), atol=1e-5)
    # and after the BatchNormalization (no activation): a linear one
    grown = deepen(net, None, "bn1")
    assert grown.network.node(grown.inserted[0]).params["activation"] == "linear"
    np.testing.assert_allclose(outputs(grown.network, XIMG), outputs(net, XIMG), atol=1e-5)


def test_what_cannot_keep_the_function_is_refused_with_the_reason_and_an_exact_alternative():
    net = mlp("tanh")
    with pytest.raises(GrowError, match="tanh") as info:
        deepen(net, None, "h1")
    assert "'linear'" in info.value.hint
    with pytest.raises(GrowError, match="output of the network"):
        widen(net, None, "out", 2)
    with pytest.raises(GrowError, match="does not widen"):
        widen(net, None, "h1", 1.0)
    with pytest.raises(GrowError, match="only Dense and Conv2D"):
        widen(convnet(), None, "bn1", 2)
    with pytest.raises(GrowError, match="no layer 'nope'"):
        widen(net, None, "nope", 2)
    relu = mlp("relu")
    with pytest.raises(GrowError, match="sigmoid"):
        deepen(relu, None, "h1", activation="sigmoid")
    # the refused edits left the document as it was
    assert net.node("h1").params["units"] == 7 and len(net.nodes) == 4


def test_the_first_batch_after_a_widen_has_the_loss_of_the_last_batch_before():
    from sklearn.datasets import load_iris

    iris = load_iris()
    x = ((iris.data - iris.data.mean(0)) / iris.data.std(0)).astype("float32")
    y = iris.target
    net = chain(Network("iris"), ("x", "Input", {"shape": [4]}),
                ("hidden", "Dense", {"units": 8, "activation": "relu"}),
                ("species", "Dense", {"units": 3, "activation": "softmax"}))
    model = net.to_keras()
    model.compile(keras.optimizers.Adam(1e-2), "sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=16, epochs=2, verbose=0, shuffle=False)
    net.weights = weights.capture(net, model)
    before = float(model.test_on_batch(x[:16], y[:16]))
    grown = widen(net, None, "hidden", 2.0)
    wider = grown.network.to_keras()
    wider.compile(keras.optimizers.Adam(1e-2), "sparse_categorical_crossentropy")
    after = float(wider.train_on_batch(x[:16], y[:16]))  # the loss before its update
    assert abs(after - before) <= 0.01 * before

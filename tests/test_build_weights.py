"""``Network.to_keras(weights=...)``: stored weights come back only when asked."""

import numpy as np

from engine import weights
from engine.network import Network


def _net():
    net = Network("tiny")
    net.add_node("Input", {"shape": [3]}, id="x")
    net.add_node("Dense", {"units": 2, "kernel_initializer": "zeros"}, id="d")
    net.connect("x", "d")
    return net


def test_to_keras_applies_stored_weights_only_with_weights_true():
    net = _net()
    model = net.to_keras()
    kernel = np.arange(6, dtype="float32").reshape(3, 2)
    model.get_layer("d").set_weights([kernel, np.ones(2, "float32")])
    weights.attach(net, weights.capture(net, model))

    with_weights = net.to_keras()
    np.testing.assert_array_equal(with_weights.get_layer("d").get_weights()[0], kernel)
    np.testing.assert_array_equal(net.to_keras(weights=True).get_layer("d").get_weights()[1],
                                  np.ones(2))

    fresh = net.to_keras(weights=False)
    np.testing.assert_array_equal(fresh.get_layer("d").get_weights()[0], np.zeros((3, 2)))
    np.testing.assert_array_equal(fresh.get_layer("d").get_weights()[1], np.zeros(2))

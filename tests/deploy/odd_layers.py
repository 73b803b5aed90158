"""Layers with ops that some deployment formats cannot express (imported
by the tests that need them, so collecting the suite does not load Keras)."""

import keras


class Sinh(keras.layers.Layer):
    """An op TFLite has no builtin for (TensorFlow's Select ops have one)."""

    def call(self, x):
        return keras.ops.sinh(x)


class InverseErf(keras.layers.Layer):
    """An op neither TFLite nor ONNX can express."""

    def call(self, x):
        return keras.ops.erfinv(keras.ops.tanh(x) * 0.5)


def iris_model(odd_layer):
    inp = keras.Input((4,), name="features")
    x = keras.layers.Dense(6, name="hidden")(inp)
    x = odd_layer(x)
    out = keras.layers.Dense(3, activation="softmax", name="species")(x)
    return keras.Model(inp, out, name="odd_iris")

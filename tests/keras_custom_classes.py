"""Custom Keras classes the import tests use (a module of their own, imported
by those tests when they run, so collecting the suite does not load Keras)."""

import keras
from keras import layers


@keras.saving.register_keras_serializable(package="nc_tests")
class Doubler(layers.Layer):
    def call(self, x):
        return x * 2


class Unregistered(layers.Layer):
    def call(self, x):
        return x * 3


class Unnamed(layers.Layer):
    def call(self, x):
        return x * 2.0

    def get_config(self):
        return {}  # no name, no base config: the worst a custom layer can do


class Straight(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(8, activation="relu", name="hidden")
        self.norm = layers.LayerNormalization(name="norm")
        self.head = layers.Dense(2, name="head")

    def call(self, x):
        return self.head(self.norm(self.hidden(x)) * 0.5)


class Loose(keras.Model):
    """Its call uses a weight outside any layer: no graph of layers can hold it."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(2, name="dense")

    def build(self, shape):
        self.scale = self.add_weight(shape=(2,), initializer="ones", name="scale")

    def call(self, x):
        return self.dense(x) * self.scale

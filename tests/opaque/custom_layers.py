"""A project's own layer classes, as the Keras examples define them (not registered).

Importing this module writes a marker file when NEUROCANVAS_TEST_IMPORT_MARKER names
one, so a test can tell whether something ran it."""

import os

import keras
from keras import ops

if os.environ.get("NEUROCANVAS_TEST_IMPORT_MARKER"):
    with open(os.environ["NEUROCANVAS_TEST_IMPORT_MARKER"], "a") as fh:
        fh.write("imported\n")


class Patches(keras.layers.Layer):
    """Vision transformer: cut images into flattened patches."""

    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, images):
        patches = ops.image.extract_patches(images, size=self.patch_size)
        shape = ops.shape(patches)
        return ops.reshape(patches, (shape[0], shape[1] * shape[2], shape[3]))

    def get_config(self):
        return {**super().get_config(), "patch_size": self.patch_size}


class TokenAndPositionEmbedding(keras.layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.maxlen, self.vocab_size, self.embed_dim = maxlen, vocab_size, embed_dim
        self.token_emb = keras.layers.Embedding(vocab_size, embed_dim)
        self.pos_emb = keras.layers.Embedding(maxlen, embed_dim)

    def build(self, input_shape):
        self.token_emb.build(input_shape)
        self.pos_emb.build((input_shape[-1],))

    def call(self, x):
        positions = ops.arange(0, ops.shape(x)[-1])
        return self.token_emb(x) + self.pos_emb(positions)

    def get_config(self):
        return {**super().get_config(), "maxlen": self.maxlen, "vocab_size": self.vocab_size,
                "embed_dim": self.embed_dim}


class Sampling(keras.layers.Layer):
    """VAE: draw z from (z_mean, z_log_var)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(ops.shape(z_mean), seed=self.seed_generator)
        return z_mean + ops.exp(0.5 * z_log_var) * eps


class ReflectionPadding2D(keras.layers.Layer):
    def __init__(self, padding=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.padding = tuple(padding)

    def call(self, x):
        w, h = self.padding
        return ops.pad(x, [[0, 0], [h, h], [w, w], [0, 0]], mode="reflect")

    def get_config(self):
        return {**super().get_config(), "padding": list(self.padding)}


class Scale(keras.layers.Layer):
    """Own weights, one of them not trainable."""

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="random_normal")
        self.c = self.add_weight(shape=(), initializer="ones", trainable=False)

    def call(self, x):
        return x * self.w + self.c

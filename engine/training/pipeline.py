"""What ``model.fit`` is fed: the only module with TensorFlow-specific code.

Without augmentation the trainer passes numpy arrays straight to ``fit``,
which works under every Keras backend. With augmentation it needs a stream
that transforms every batch: ``tf.data`` under the TensorFlow backend, a
``keras.utils.PyDataset`` (plain Python, slower) under JAX or PyTorch.
"""

from __future__ import annotations

import math

import numpy as np


def fit_inputs(x: np.ndarray, y, batch_size: int, augmentation=None, shuffle: bool = True,
               seed: int | None = None) -> dict:
    """Keyword arguments for ``model.fit`` that feed ``x``, ``y``.

    ``augmentation`` is a Keras model of random layers (or ``None``).
    """
    if augmentation is None:
        return {"x": x, "y": y, "batch_size": int(batch_size), "shuffle": bool(shuffle)}
    import keras

    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        ds = tf.data.Dataset.from_tensor_slices((x, y))
        if shuffle:
            ds = ds.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
        ds = ds.batch(int(batch_size))
        ds = ds.map(lambda a, b: (augmentation(tf.cast(a, "float32"), training=True), b),
                    num_parallel_calls=tf.data.AUTOTUNE)
        return {"x": ds.prefetch(tf.data.AUTOTUNE), "shuffle": False}  # shuffled above
    return {"x": _AugmentedBatches(x, y, int(batch_size), augmentation, shuffle, seed),
            "shuffle": False}


def _augmented_batches_class():
    import keras

    class AugmentedBatches(keras.utils.PyDataset):
        def __init__(self, x, y, batch_size, augmentation, shuffle, seed):
            super().__init__()
            self.x, self.y, self.batch_size = x, y, batch_size
            self.augmentation, self.shuffle = augmentation, shuffle
            self.rng = np.random.default_rng(seed)
            self.order = np.arange(len(x))

        def __len__(self):
            return math.ceil(len(self.x) / self.batch_size)

        def __getitem__(self, i):
            idx = self.order[i * self.batch_size:(i + 1) * self.batch_size]
            xb = self.augmentation(self.x[idx].astype("float32"), training=True)
            return keras.ops.convert_to_numpy(xb), self.y[idx]

        def on_epoch_end(self):
            if self.shuffle:
                self.rng.shuffle(self.order)

    return AugmentedBatches


def _AugmentedBatches(*args):
    return _augmented_batches_class()(*args)

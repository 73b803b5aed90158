"""Preset declarations, one module per source: the TensorFlow course, the
book chapters, the ImageNet classics (equal to keras.applications) and a few
architectures people meet while learning."""

from presets.gallery import course, book, imagenet, learning  # noqa: F401

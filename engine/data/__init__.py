"""Datasets and preprocessing for training, without Qt and without importing
TensorFlow or Keras until a loader needs them.

    >>> from engine.data import load_dataset, list_datasets, check_compatible
    >>> ds = load_dataset("digits", size=28, channels=1)
    >>> ds.input_shape, ds.class_names[:3]
    ((28, 28, 1), ['0', '1', '2'])
"""

from engine.data.augmentation import AugmentationSettings, build_augmentation
from engine.data.compat import check_compatible, check_model_compatible
from engine.data.dataset import CLASSIFICATION, REGRESSION, SEQUENCE, DataError, Dataset
from engine.data.preprocessing import (
    PreprocessSettings,
    Scaler,
    add_channel_axis,
    apply_preprocessing,
    make_windows,
    reshape_samples,
    resize_images,
    set_channels,
    to_one_hot,
    to_sparse,
    train_val_split,
)
from engine.data.registry import DatasetInfo, dataset_info, list_datasets, load_dataset, register
from engine.data.settings import DataSettings, build_dataset

__all__ = [
    "AugmentationSettings", "build_augmentation", "check_compatible", "check_model_compatible",
    "CLASSIFICATION", "REGRESSION", "SEQUENCE", "DataError", "Dataset", "PreprocessSettings",
    "Scaler", "add_channel_axis", "apply_preprocessing", "make_windows", "reshape_samples",
    "resize_images", "set_channels", "to_one_hot", "to_sparse", "train_val_split",
    "DatasetInfo", "dataset_info", "list_datasets", "load_dataset", "register",
    "DataSettings", "build_dataset",
]

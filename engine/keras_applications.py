"""The architectures of ``keras.applications``, by name, without importing Keras.

The editor's File ▸ Import ▸ Keras application… lists them at once, before
TensorFlow has loaded; ``tests/test_keras_applications.py`` checks the list
against ``keras.applications`` itself, so a Keras release that adds or drops
one fails that test rather than the menu.
"""

from __future__ import annotations

# family -> architectures, in the order Keras documents them
FAMILIES: dict[str, tuple[str, ...]] = {
    "ConvNeXt": ("ConvNeXtTiny", "ConvNeXtSmall", "ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtXLarge"),
    "DenseNet": ("DenseNet121", "DenseNet169", "DenseNet201"),
    "EfficientNet": tuple(f"EfficientNetB{i}" for i in range(8)),
    "EfficientNetV2": ("EfficientNetV2B0", "EfficientNetV2B1", "EfficientNetV2B2", "EfficientNetV2B3",
                       "EfficientNetV2S", "EfficientNetV2M", "EfficientNetV2L"),
    "Inception": ("InceptionV3", "InceptionResNetV2", "Xception"),
    "MobileNet": ("MobileNet", "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large"),
    "NASNet": ("NASNetMobile", "NASNetLarge"),
    "ResNet": ("ResNet50", "ResNet101", "ResNet152", "ResNet50V2", "ResNet101V2", "ResNet152V2"),
    "VGG": ("VGG16", "VGG19"),
}

NAMES: tuple[str, ...] = tuple(name for names in FAMILIES.values() for name in names)


def family_of(name: str) -> str:
    for family, names in FAMILIES.items():
        if name in names:
            return family
    raise KeyError(name)

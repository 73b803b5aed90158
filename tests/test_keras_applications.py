"""The static list of keras.applications the Import menu offers is Keras's own."""

import pytest

from engine.keras_applications import FAMILIES, NAMES, family_of


def test_the_static_list_is_every_architecture_of_keras_applications():
    pytest.importorskip("keras")
    from engine.keras_import import application_names

    assert sorted(NAMES) == application_names()
    assert len(NAMES) == len(set(NAMES))
    assert family_of("ResNet50V2") == "ResNet" and set(FAMILIES) >= {"VGG", "MobileNet"}

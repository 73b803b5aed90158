"""Carrying weights and optimizer state from one training segment to the next."""

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)

from engine.network_diff import carry_into, plan_segment  # noqa: E402


def mlp(hidden_units=8, extra=False, out_activation="softmax"):
    x = inp = keras.Input((4,), name="features")
    x = keras.layers.Dense(hidden_units, activation="relu", name="hidden")(x)
    if extra:
        x = keras.layers.Dense(6, activation="relu", name="added")(x)
    x = keras.layers.Dense(3, activation=out_activation, name="species")(x)
    model = keras.Model(inp, x)
    model.compile(keras.optimizers.Adam(1e-2), "sparse_categorical_crossentropy")
    return model


def trained(model):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 4)).astype("float32")
    y = rng.integers(0, 3, size=32)
    model.fit(x, y, batch_size=8, epochs=2, verbose=0)
    return model


def slots(model):
    return {v.name: np.array(v.value) for v in model.optimizer.variables}


def test_unchanged_layers_are_carried_bitwise_with_their_adam_moments():
    old = trained(mlp())
    new = mlp(extra=True)  # a Dense inserted: species now sees 6 inputs, not 8
    diff = carry_into(old, new)
    assert diff.carried == ["hidden"]
    assert sorted(diff.reinitialised) == ["added", "species"]
    assert diff.reasons["species"] == "weight shapes changed"
    for a, b in zip(old.get_layer("hidden").get_weights(), new.get_layer("hidden").get_weights()):
        assert a.dtype == b.dtype and np.array_equal(a, b)  # bitwise
    before, after = slots(old), slots(new)
    for name in ("hidden_kernel_momentum", "hidden_kernel_velocity",
                 "hidden_bias_momentum", "hidden_bias_velocity"):
        assert np.any(before[name] != 0)
        assert np.array_equal(before[name], after[name])
    # the changed layer's moments start over; the step counter goes on
    assert not np.any(after["species_kernel_momentum"])
    assert int(after["iteration"]) == int(before["iteration"]) == 8
    assert diff.optimizer_slots_carried == 4
    assert diff.optimizer_slots_reset == 8


def test_a_changed_type_or_shape_is_reinitialised_and_named_transformed_layers_are_left_alone():
    old = trained(mlp())
    new = mlp(hidden_units=16)
    diff = plan_segment(old, new)
    assert diff.carried == [] and diff.reinitialised == ["hidden", "species"]
    diff = plan_segment(old, new, transformed={"hidden", "species"})
    assert diff.transformed == ["hidden", "species"] and diff.reinitialised == []
    fresh = new.get_layer("hidden").get_weights()[0].copy()
    carry_into(old, new, transformed={"hidden", "species"})
    assert np.array_equal(new.get_layer("hidden").get_weights()[0], fresh)


def test_an_activation_change_keeps_the_weights_and_a_removed_layer_is_listed():
    old = trained(mlp(extra=True))
    new = mlp(out_activation="linear")
    diff = carry_into(old, new)
    assert diff.carried == ["hidden"] and diff.removed == ["added"]
    assert diff.reinitialised == ["species"]

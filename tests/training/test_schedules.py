import json

import numpy as np
import pytest

from engine.training import SettingsError, ScheduleSettings, build_schedule, planned_lr
from engine.training.schedules import validate_schedule


def test_course_golden_values_inverse_time_and_exponential():
    # seed004 §7.4 and §7.5, computed with Keras.
    lr = planned_lr({"kind": "inverse_time", "initial_learning_rate": 0.01, "decay_steps": 10000,
                     "decay_rate": 1.0}, steps_per_epoch=100000, epochs=1)
    for step, want in [(0, 0.01), (1719, 0.0085332), (10000, 0.005), (20000, 0.0033333),
                       (99999, 0.00090910)]:
        assert lr[step] == pytest.approx(want, rel=1e-4)
    lr = planned_lr({"kind": "exponential", "initial_learning_rate": 0.01, "decay_steps": 20000,
                     "decay_rate": 0.1, "staircase": True}, steps_per_epoch=100001, epochs=1)
    assert lr[19999] == pytest.approx(0.01) and lr[20000] == pytest.approx(0.001)
    assert lr[99999] == pytest.approx(1e-6, rel=1e-4) and lr[100000] == pytest.approx(1e-7, rel=1e-4)


def test_piecewise_uses_keras_boundaries():
    lr = planned_lr({"kind": "piecewise_constant", "boundaries": [50000, 80000],
                     "values": [0.01, 0.005, 0.001]}, steps_per_epoch=90000, epochs=1)
    assert lr[50000] == pytest.approx(0.01) and lr[50001] == pytest.approx(0.005)
    assert lr[80001] == pytest.approx(0.001)


def test_one_cycle_matches_the_course_table():
    # seed004 §7.8: OneCycleScheduler(10750, max_lr=0.1).
    lr = planned_lr({"kind": "one_cycle", "max_lr": 0.1}, steps_per_epoch=430, epochs=25)
    table = {0: 0.01, 1: 0.0100186066, 1000: 0.0286065743, 2418: 0.0549906967,
             4836: 0.0999813934, 4837: 0.1, 4838: 0.0999813934, 7000: 0.0597539797,
             9674: 0.01, 9675: 0.0099907156, 10000: 0.0069732900, 10749: 1.92844e-5}
    for step, want in table.items():
        assert lr[step] == pytest.approx(want, rel=1e-4), step
    small = planned_lr({"kind": "one_cycle", "max_lr": 1e-3, "total_steps": 100}, 100, 1)
    for step, want in {0: 1e-4, 22: 5.5e-4, 44: 1e-3, 45: 9.7955e-4, 88: 1e-4, 99: 8.43e-6}.items():
        assert small[step] == pytest.approx(want, rel=1e-3), step


def test_one_cycle_is_a_serializable_keras_schedule():
    import keras

    sched = build_schedule({"kind": "one_cycle", "max_lr": 0.05}, steps_per_epoch=10, epochs=4)
    assert isinstance(sched, keras.optimizers.schedules.LearningRateSchedule)
    opt = keras.optimizers.SGD(learning_rate=sched)
    again = keras.optimizers.deserialize(json.loads(json.dumps(keras.optimizers.serialize(opt))))
    restored = again._learning_rate
    assert type(restored).__name__ == "OneCycle" and restored.total_steps == 40
    assert float(restored(20)) == pytest.approx(float(sched(20)))


def test_cosine_warmup_and_per_epoch_counting():
    lr = planned_lr({"kind": "cosine", "initial_learning_rate": 0.0, "warmup_target": 0.1,
                     "warmup_steps": 2, "per": "epoch"}, steps_per_epoch=5, epochs=6)
    assert lr[0] == 0 and lr[5] == pytest.approx(0.05) and lr[10] == pytest.approx(0.1)
    assert lr[-1] < 0.002 and np.all(np.diff(lr[10:]) <= 1e-9)
    # The course's per-epoch exponential decay: 0.2 × 0.99^epoch.
    lr = planned_lr({"kind": "exponential", "initial_learning_rate": 0.2, "decay_rate": 0.99,
                     "decay_steps": 1, "staircase": True, "per": "epoch"}, 3, 40)
    assert lr[3 * 39] == pytest.approx(0.135146, rel=1e-5) and lr[3 * 10] == pytest.approx(0.180876, rel=1e-5)


def test_invalid_schedules_are_clear():
    msgs = validate_schedule({"kind": "piecewise_constant", "boundaries": [10, 5], "values": [1, 2, 3]})
    assert msgs and "increase" in msgs[0].message
    msgs = validate_schedule({"kind": "piecewise_constant", "boundaries": [10], "values": [1, 2, 3]})
    assert "one more value" in msgs[0].message
    with pytest.raises(SettingsError) as e:
        build_schedule({"kind": "exponential", "decay_rate": -1})
    assert "decay_rate" in e.value.message
    with pytest.raises(SettingsError) as e:
        build_schedule({"kind": "one_cycle", "max_lr": 0.1})
    assert "total_steps" in e.value.message
    assert validate_schedule({"kind": "warmup"})[0].message.startswith("Unknown")
    assert ScheduleSettings.from_dict(0.01).initial_lr == 0.01


SCHEDULES = [
    {"kind": "constant", "learning_rate": 0.02},
    {"kind": "inverse_time", "initial_learning_rate": 0.05, "decay_steps": 3, "decay_rate": 1.0},
    {"kind": "exponential", "initial_learning_rate": 0.05, "decay_steps": 4, "decay_rate": 0.5,
     "staircase": True},
    {"kind": "piecewise_constant", "boundaries": [3, 7], "values": [0.05, 0.02, 0.01]},
    {"kind": "polynomial", "initial_learning_rate": 0.05, "end_learning_rate": 0.001, "power": 2.0},
    {"kind": "cosine", "initial_learning_rate": 0.001, "warmup_target": 0.05, "warmup_steps": 4},
    {"kind": "cosine_restarts", "initial_learning_rate": 0.05, "first_decay_steps": 4},
    {"kind": "one_cycle", "max_lr": 0.05},
]


@pytest.mark.parametrize("settings", SCHEDULES, ids=[s["kind"] for s in SCHEDULES])
def test_planned_equals_applied_step_by_step_in_a_real_fit(settings):
    import keras

    from engine.training import build_optimizer

    steps, epochs = 4, 3
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    opt = build_optimizer({"name": "sgd", "schedule": settings}, steps_per_epoch=steps,
                          epochs=epochs)
    model.compile(opt, "mse")
    applied = []

    class Record(keras.callbacks.Callback):
        def on_train_batch_begin(self, batch, logs=None):
            applied.append(float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate)))

    x = np.random.default_rng(0).random((16, 3)).astype("float32")
    model.fit(x, x.sum(axis=1), batch_size=4, epochs=epochs, verbose=0, callbacks=[Record()],
              shuffle=False)
    planned = planned_lr(settings, steps, epochs)
    assert len(applied) == len(planned) == steps * epochs
    np.testing.assert_allclose(applied, planned, rtol=1e-6)
    assert int(model.optimizer.iterations) == steps * epochs

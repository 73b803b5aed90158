"""The lessons: every one opens as a valid network with offline data and valid
settings, and trains headless (a shortened run) to its expected result."""

import math

import pytest

from engine.data.registry import dataset_info, load_dataset
from presets.lessons import LESSON_SECTION, Expected, all_lessons, get_lesson, lesson_of, prepare
from presets.registry import has_preset

LESSONS = all_lessons()
IDS = [lesson.id for lesson in LESSONS]


def test_about_ten_lessons_with_unique_ids():
    assert len(LESSONS) >= 10
    assert len(set(IDS)) == len(IDS)
    assert {"iris", "lenet5-digits", "letters-onehot", "letters-embedding", "stock-lstm", "stock-gru",
            "stock-rnn", "optimizers", "schedules"} <= set(IDS)


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_opens_as_valid_document(lesson):
    from engine.training.session import model_output_shapes
    from engine.training.settings import TrainingSettings

    assert has_preset(lesson.preset)
    assert lesson.title and lesson.chapter and lesson.source
    sentences = [s for s in lesson.watch.replace("e.g.", "eg").split(". ") if s.strip()]
    assert 2 <= len(sentences) <= 5, lesson.watch
    net = lesson.network()
    report = net.analyze()
    assert not report.errors, [d.message for d in report.errors]
    assert lesson_of(net) is lesson and net.extra[LESSON_SECTION] == {"id": lesson.id}
    assert dataset_info(lesson.data["dataset"]).offline
    outputs = list(model_output_shapes(net))
    for variant in lesson.variants or (None,):
        settings = TrainingSettings.from_dict(lesson.training_for(variant))
        problems = settings.validate(outputs, has_validation=True)
        assert not [d for d in problems if d.is_error], [d.message for d in problems]


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_data_loads_offline_and_fits_the_network(lesson):
    from engine.training.session import load_training_data, resolve_settings

    net = lesson.network()
    data, training, derived = resolve_settings(net)
    assert not derived and data.dataset == lesson.data["dataset"]
    dataset, _ = load_training_data(data, net, derived)
    assert dataset.num_train > 0
    if lesson.expected.metric.startswith("val_"):
        assert dataset.x_val is not None


def test_course_results_only_where_the_data_is_the_notes():
    with_course = {lesson.id for lesson in LESSONS if lesson.course is not None}
    assert with_course == {"iris", "letters-onehot", "letters-embedding"}
    assert get_lesson("iris").course.value == 1.0
    assert load_dataset("iris").x_val.shape == (30, 4)  # the notes' last 30 flowers
    assert load_dataset("letters", steps=4, alphabet="abcdefghijklmnopqrstuvwxyz",
                        encoding="index").num_train == 22


def test_comparison_lessons_declare_their_variants():
    optimizers = get_lesson("optimizers")
    assert [v.optimizer["name"] for v in optimizers.variants] == ["sgd", "sgd", "adagrad", "rmsprop",
                                                                  "adam"]
    assert optimizers.variants[1].optimizer["momentum"] == 0.9
    kinds = [v.optimizer.get("schedule", {}).get("kind", "constant")
             for v in get_lesson("schedules").variants]
    assert kinds == ["constant", "exponential", "piecewise_constant", "cosine"]
    for lesson in (optimizers, get_lesson("schedules")):
        for v in lesson.variants:
            assert lesson.training_for(v)["compile"]["optimizer"] == v.optimizer


def test_expected_result_is_a_real_threshold():
    acc = Expected("val_accuracy", 0.9)
    assert acc.met_by(0.93) and not acc.met_by(0.85) and not acc.met_by(None)
    assert not acc.met_by(float("nan"))
    loss = Expected("val_loss", 0.01)
    assert loss.lower_is_better and loss.met_by(0.005) and not loss.met_by(0.02)


def _train(lesson, variant):
    session = prepare(lesson, variant, lesson.quick_epochs())
    session.start()
    assert session.wait(300) == "finished", session.trainer.result
    return session.trainer.history()


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_trains_headless_to_its_expected_result(lesson):
    metric = lesson.expected.metric
    values = {}
    for variant in lesson.variants or (None,):
        history = _train(lesson, variant)
        assert len(history["loss"]) == lesson.quick_epochs()
        assert all(math.isfinite(v) for v in history["loss"])
        if len(history["loss"]) > 1:
            assert history["loss"][-1] < history["loss"][0]
        values[variant.id if variant else lesson.id] = history[metric][-1]
    best = (min if lesson.expected.lower_is_better else max)(values.values())
    assert lesson.expected.met_by(best), (metric, values, lesson.expected.threshold)

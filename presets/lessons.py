"""Lessons: the worked examples of the course notes that run offline, each with
its network, data and training settings ready, what to watch while it trains,
the chapter it comes from, the result it should reach and, where the data is
the same as the notes', the result the notes print.

A comparison lesson (optimizers, learning-rate schedules) trains one network
several times, once per variant, so the curves can be laid over each other.

The texts are English here, marked with ``N_`` (context ``engine``), and shown
translated through ``gui.i18n.tx``. Nothing here imports Qt or Keras; `train`
imports the training engine when called.

Example:
    >>> lesson = get_lesson("iris")
    >>> lesson.preset, lesson.data["dataset"], lesson.training["epochs"]
    ('iris-dense', 'iris', 500)
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field

from engine.errors import NeuroCanvasError
from engine.i18n import N_

LESSON_SECTION = "lesson"  # the document's section naming the lesson it was opened from

COURSE = N_("TensorFlow 2 course notes")
BOOK = N_("Hands-On Machine Learning notes")


@dataclass(frozen=True)
class Expected:
    """A result to reach: ``metric`` (a Keras history key such as
    ``val_accuracy`` or ``val_loss``) at least ``threshold`` (at most, for a
    loss) after the last epoch."""

    metric: str
    threshold: float

    @property
    def lower_is_better(self) -> bool:
        return "loss" in self.metric or self.metric.endswith(("mae", "mse"))

    def met_by(self, value) -> bool:
        if value is None or not math.isfinite(float(value)):
            return False
        return float(value) <= self.threshold if self.lower_is_better else float(value) >= self.threshold


@dataclass(frozen=True)
class CourseResult:
    """What the notes print for the same data: ``metric`` and its ``value``."""

    metric: str
    value: float
    note: str = ""  # where in the notes, in words (N_)


@dataclass(frozen=True)
class Variant:
    """One run of a comparison lesson: a label and the optimizer settings
    (a ``training.compile.optimizer`` dict, schedule included)."""

    id: str
    label: str
    optimizer: dict


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    chapter: str  # the section of the notes it comes from
    source: str  # COURSE or BOOK
    preset: str
    data: dict  # the document's data section
    training: dict  # the document's training section
    watch: str  # what to watch, two to four sentences
    expected: Expected
    preset_options: dict = field(default_factory=dict)
    course: CourseResult | None = None
    variants: tuple = ()
    quick: float = 1.0  # share of the epochs a headless check trains

    @property
    def is_comparison(self) -> bool:
        return bool(self.variants)

    def variant(self, variant_id: str) -> Variant:
        for v in self.variants:
            if v.id == variant_id:
                return v
        raise NeuroCanvasError(f"The lesson {self.id!r} has no variant {variant_id!r}.")

    def training_for(self, variant: Variant | str | None = None) -> dict:
        """The training section, with ``variant``'s optimizer when given."""
        out = copy.deepcopy(self.training)
        if isinstance(variant, str):
            variant = self.variant(variant)
        if variant is not None:
            out.setdefault("compile", {})["optimizer"] = copy.deepcopy(variant.optimizer)
        return out

    def quick_epochs(self) -> int:
        return max(1, int(round(self.training["epochs"] * self.quick)))

    def network(self, variant: Variant | str | None = None):
        """The lesson's network as a document: the preset's layers, with the
        lesson's data and training sections and a ``"lesson"`` section."""
        from presets.registry import get_preset

        net = get_preset(self.preset).build(**self.preset_options)
        net.set_name(self.id)
        net.extra["data"] = copy.deepcopy(self.data)
        if variant is None and self.variants:
            variant = self.variants[-1]
        net.extra["training"] = self.training_for(variant)
        net.extra[LESSON_SECTION] = {"id": self.id}
        return net


def _opt(name: str, lr: float, **params) -> dict:
    return {"name": name, "learning_rate": lr, **params}


def _training(optimizer: dict, epochs: int, batch_size: int, loss: str = "sparse_categorical_crossentropy",
              metrics=("accuracy",), seed: int = 7) -> dict:
    return {"epochs": epochs, "batch_size": batch_size, "shuffle": True, "seed": seed,
            "compile": {"optimizer": optimizer,
                        "outputs": {"*": {"loss": loss, "metrics": list(metrics)}}}}


def _data(dataset: str, options: dict | None = None, preprocess: dict | None = None) -> dict:
    return {"dataset": dataset, "options": dict(options or {}), "preprocess": dict(preprocess or {}),
            "augmentation": {}}


_STOCK_DATA = _data("series", {"kind": "random_walk", "length": 2426, "test_size": 300, "window": 60})
_STOCK_TRAINING = _training(_opt("adam", 0.001), 50, 64, loss="mean_squared_error", metrics=())


def _stock(cell: str, preset: str, watch: str) -> Lesson:
    return Lesson(
        id=preset, title={"LSTM": N_("Stock price with an LSTM"), "GRU": N_("Stock price with a GRU"),
                          "SimpleRNN": N_("Stock price with a SimpleRNN")}[cell],
        chapter={"LSTM": N_("Lecture 6: LSTM stock prediction"),
                 "GRU": N_("Lecture 6: GRU stock prediction"),
                 "SimpleRNN": N_("Lecture 6: RNN stock prediction")}[cell],
        source=COURSE, preset=preset, data=_STOCK_DATA, training=_STOCK_TRAINING, watch=watch,
        expected=Expected("val_loss", 0.01), quick=0.02)


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        id="iris", title=N_("Iris flowers with one Dense layer"),
        chapter=N_("Lecture 3: the six-step workflow (Sequential)"), source=COURSE,
        preset="iris-dense", data=_data("iris"),
        training=_training(_opt("sgd", 0.1), 500, 32),
        watch=N_("Four measurements go straight into a softmax over three species: 15 weights in all. "
                 "Watch the loss fall quickly and then flatten; the L2 penalty keeps it from reaching "
                 "zero. The 30 validation flowers are the same 30 as in the notes, so the accuracy "
                 "can be compared with theirs."),
        expected=Expected("val_accuracy", 0.9),
        course=CourseResult("val_accuracy", 1.0, N_("epoch 500: accuracy 0.9667, validation accuracy 1.0000")),
        quick=0.2),
    Lesson(
        id="lenet5-digits", title=N_("LeNet-5 on hand-written digits"),
        chapter=N_("Lecture 5: classic CNNs, LeNet5"), source=COURSE,
        preset="lenet5", preset_options={"input_shape": (32, 32, 1)},
        data=_data("digits", {"size": 32, "channels": 1}),
        training=_training(_opt("adam", 0.003), 20, 32),
        watch=N_("Two convolution and pooling stages shrink the 32×32 image to 5×5×16 feature maps "
                 "before three Dense layers decide. With sigmoid activations the first epochs barely "
                 "move: watch the accuracy stall near chance, then climb steeply. The notes train it "
                 "on CIFAR-10; here the offline digits stand in."),
        expected=Expected("val_accuracy", 0.85), quick=0.5),
    Lesson(
        id="letters-onehot", title=N_("Next letter with a SimpleRNN (one-hot)"),
        chapter=N_("Lecture 6: recurrent computation, four letters in"), source=COURSE,
        preset="letters-rnn", data=_data("letters", {"alphabet": "abcde", "steps": 4, "encoding": "onehot"}),
        training=_training(_opt("adam", 0.01), 100, 32),
        watch=N_("Each letter of 'abcde' is a one-hot vector; a 3-unit recurrent core reads four of them "
                 "and predicts the fifth. There are only five samples, so there is no validation set: "
                 "watch the training accuracy reach 1.0 while the loss keeps falling."),
        expected=Expected("accuracy", 1.0),
        course=CourseResult("accuracy", 1.0, N_("epoch 100: loss 0.2572, accuracy 1.0000"))),
    Lesson(
        id="letters-embedding", title=N_("Next letter with an Embedding"),
        chapter=N_("Lecture 6: Embedding encoding, four letters in"), source=COURSE,
        preset="letters-embedding",
        data=_data("letters", {"alphabet": "abcdefghijklmnopqrstuvwxyz", "steps": 4, "encoding": "index"}),
        training=_training(_opt("adam", 0.01), 100, 32),
        watch=N_("Instead of 26-wide one-hot vectors, every letter id looks up a learned 2-number vector "
                 "in the Embedding layer, so the input is far smaller. Watch how many epochs it takes "
                 "to get all 22 samples right, and compare the loss with the one-hot version."),
        expected=Expected("accuracy", 0.9),
        course=CourseResult("accuracy", 1.0, N_("epoch 100: loss 0.1948, accuracy 1.0000"))),
    _stock("LSTM", "stock-lstm", N_(
        "Sixty days of a price series predict the next day. The notes use a real share price; here a "
        "generated series of the same length is cut the same way (2066 training windows, 240 for "
        "validation). Watch the validation loss: it falls within a few epochs and then flattens.")),
    _stock("GRU", "stock-gru", N_(
        "The same predictor with GRU cells: two gates instead of the LSTM's three, about a quarter "
        "fewer weights. Watch whether the validation loss ends as low as the LSTM's, and how long "
        "each epoch takes.")),
    _stock("SimpleRNN", "stock-rnn", N_(
        "The same predictor with plain recurrent cells, the baseline LSTM and GRU improve on for long "
        "sequences. It has the fewest weights and the quickest epochs; compare its final validation loss "
        "with theirs on this smooth generated series.")),
    Lesson(
        id="fashion-mlp-digits", title=N_("The book's classification MLP"),
        chapter=N_("Chapter 10: an image classifier with the Sequential API"), source=BOOK,
        preset="fashion-mlp", data=_data("digits", {"size": 28}),
        training=_training(_opt("sgd", 0.01), 30, 32),
        watch=N_("Flatten, two ReLU layers of 300 and 100, softmax over ten classes, trained with plain "
                 "SGD. The book trains it on Fashion-MNIST, which needs a download; the offline digits, "
                 "resized to 28×28, stand in. Watch the training accuracy pull ahead of the validation "
                 "accuracy in the later epochs: the first sign of overfitting."),
        expected=Expected("val_accuracy", 0.9), quick=0.2),
    Lesson(
        id="optimizers", title=N_("Optimizers compared"),
        chapter=N_("Lecture 2: neural network optimizers"), source=COURSE,
        preset="iris-dense", data=_data("iris"),
        training=_training(_opt("sgd", 0.1), 100, 32),
        variants=(
            Variant("sgd", N_("SGD"), _opt("sgd", 0.1)),
            Variant("sgdm", N_("SGD with momentum"), _opt("sgd", 0.01, momentum=0.9)),
            Variant("adagrad", N_("Adagrad"), _opt("adagrad", 0.1)),
            Variant("rmsprop", N_("RMSprop"), _opt("rmsprop", 0.1)),
            Variant("adam", N_("Adam"), _opt("adam", 0.1)),
        ),
        watch=N_("The iris network is trained five times from the same start, once per optimizer, with "
                 "learning rate 0.1 as in the notes. Watch the loss curves: momentum, Adagrad and Adam end "
                 "lower than plain SGD, while RMSprop falls fastest at first and then lags; Adam's "
                 "accuracy jumps around before it settles. The notes' "
                 "momentum averages the past gradients while Keras adds them up, so SGD with momentum "
                 "uses 0.01 here, which takes the same steps."),
        expected=Expected("val_accuracy", 0.9), quick=0.2),
    Lesson(
        id="schedules", title=N_("Learning-rate schedules compared"),
        chapter=N_("Chapter 11: learning-rate scheduling"), source=BOOK,
        preset="fashion-mlp", data=_data("digits", {"size": 28}),
        training=_training(_opt("sgd", 0.01), 25, 32),
        variants=(
            Variant("constant", N_("Constant"), _opt("sgd", 0.01)),
            Variant("exponential", N_("Exponential decay"), _opt("sgd", 0.01, schedule={
                "kind": "exponential", "initial_learning_rate": 0.01, "decay_steps": 20,
                "decay_rate": 0.1, "per": "epoch"})),
            Variant("piecewise", N_("Piecewise constant"), _opt("sgd", 0.01, schedule={
                "kind": "piecewise_constant", "boundaries": [5, 15], "values": [0.01, 0.005, 0.001],
                "per": "epoch"})),
            Variant("cosine", N_("Cosine decay"), _opt("sgd", 0.01, schedule={
                "kind": "cosine", "initial_learning_rate": 0.01})),
        ),
        watch=N_("The same MLP trained with a constant learning rate and three schedules that lower it "
                 "as training goes on: dividing by ten every 20 epochs, stepping down after epochs 5 "
                 "and 15, and following half a cosine. From a modest rate of 0.01 and in 25 epochs, "
                 "lowering the rate mostly slows learning: watch the constant rate end with the lowest "
                 "loss and the exponential schedule, which lowers it soonest, end highest. Raise the "
                 "starting rate to see where a schedule pays off."),
        expected=Expected("val_accuracy", 0.85), quick=0.12),
)


def all_lessons() -> list[Lesson]:
    return list(LESSONS)


def get_lesson(lesson_id: str) -> Lesson:
    for lesson in LESSONS:
        if lesson.id == lesson_id:
            return lesson
    raise NeuroCanvasError(f"There is no lesson {lesson_id!r}.",
                           f"Lessons: {', '.join(x.id for x in LESSONS)}.")


def lesson_of(net) -> Lesson | None:
    """The lesson a document was opened from, or ``None``."""
    section = net.extra.get(LESSON_SECTION)
    if not isinstance(section, dict):
        return None
    try:
        return get_lesson(str(section.get("id")))
    except NeuroCanvasError:
        return None


def final_value(history: dict, metric: str):
    """The last finite value of ``metric`` in a ``{metric: [per epoch]}`` history."""
    for v in reversed(history.get(metric) or []):
        if v is not None and math.isfinite(float(v)):
            return float(v)
    return None


def prepare(lesson: Lesson, variant: Variant | str | None = None, epochs: int | None = None,
            net=None, **options):
    """A `TrainingSession` for the lesson (or one variant of it), not started.

    ``net`` is the document to train (the lesson's own network when ``None``),
    as it is, with ``variant``'s optimizer in its training section.
    """
    from engine.training.session import prepare_training

    if net is None:
        net = lesson.network(variant)
    else:
        net = net.copy()
        if variant is not None:
            if isinstance(variant, str):
                variant = lesson.variant(variant)
            training = copy.deepcopy(net.extra.get("training") or lesson.training)
            training.setdefault("compile", {})["optimizer"] = copy.deepcopy(variant.optimizer)
            net.extra["training"] = training
    overrides = {"epochs": int(epochs)} if epochs is not None else None
    options.setdefault("record", False)
    return prepare_training(net, None, overrides, **options)


def train(lesson: Lesson, variant: Variant | str | None = None, epochs: int | None = None,
          timeout: float | None = None) -> dict:
    """Train the lesson headless; returns ``{"history", "value", "met"}`` with
    the final value of the expected metric and whether it meets the threshold."""
    session = prepare(lesson, variant, epochs)
    session.start()
    session.wait(timeout)
    history = session.trainer.history()
    value = final_value(history, lesson.expected.metric)
    return {"history": history, "value": value, "met": lesson.expected.met_by(value),
            "state": session.trainer.state}


__all__ = ["Lesson", "Variant", "Expected", "CourseResult", "LESSONS", "LESSON_SECTION",
           "all_lessons", "get_lesson", "lesson_of", "final_value", "prepare", "train"]

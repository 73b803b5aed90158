"""Networks of the deep-learning book chapters: MLPs with the Sequential and
Functional APIs (Fashion-MNIST, California housing, Wide & Deep, SELU), the
CNN chapter (Fashion CNN, LeNet-5, the happy-face and SIGNS models,
ResNet-34, an inception module) and the time-series RNNs."""

from presets.blocks import inception_module, residual_block
from presets.builder import Builder
from presets.declare import preset

BOOK = "Géron, Hands-On Machine Learning (3rd ed.)"
COURSERA = "deeplearning.ai Convolutional Neural Networks course"


# ------------------------------------------------------------------ MLPs ---

@preset(id="fashion-mlp", title="Fashion-MNIST MLP", family="MLP", year=2017,
        source=f"{BOOK}, ch. 10: Sequential API",
        description="Flatten, two ReLU hidden layers of 300 and 100, softmax over ten clothing classes.",
        input_shape=(28, 28), classes=10, dataset="fashion_mnist")
def fashion_mlp(input_shape=(28, 28), classes=10):
    b = Builder("fashion-mlp")
    x = b.Input(shape=input_shape, name="image")
    x = b.Flatten(name="flatten")(x)
    x = b.Dense(300, activation="relu", name="hidden1")(x)
    x = b.Dense(100, activation="relu", name="hidden2")(x)
    b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="housing-mlp", title="California housing regression MLP", family="MLP", year=1990,
        source=f"{BOOK}, ch. 10: regression MLP",
        description="A Normalization layer (adapted to the training data) and three ReLU layers of 50 "
                    "predict the median house value; one linear output unit.",
        input_shape=(8,), classes=None, dataset="california_housing")
def housing_mlp(input_shape=(8,)):
    b = Builder("housing-mlp")
    x = b.Input(shape=input_shape, name="features")
    x = b.Normalization(name="normalization")(x)
    for i in range(1, 4):
        x = b.Dense(50, activation="relu", name=f"hidden{i}")(x)
    b.Dense(1, name="price")(x)
    return b.build()


_WIDE_DEEP = dict(family="MLP", year=2016, classes=None, dataset="california_housing")
_WIDE_DEEP_PAPER = "Cheng et al., Wide & deep learning for recommender systems; "


@preset(id="wide-deep", title="Wide & Deep (one input)", input_shape=(8,),
        source=_WIDE_DEEP_PAPER + f"{BOOK}, ch. 10: Functional API",
        description="The normalized input goes both through two hidden layers (deep path) and straight "
                    "to the output (wide path), so the network can learn deep patterns and simple rules.",
        **_WIDE_DEEP)
def wide_deep(input_shape=(8,)):
    b = Builder("wide-deep")
    input_ = b.Input(shape=input_shape, name="features")
    normalized = b.Normalization(name="normalization")(input_)
    with b.group("deep"):
        hidden1 = b.Dense(30, activation="relu", name="hidden1")(normalized)
        hidden2 = b.Dense(30, activation="relu", name="hidden2")(hidden1)
    concat = b.Concatenate(name="concat")([normalized, hidden2])
    b.Dense(1, name="output")(concat)
    return b.build()


def _wide_and_deep_two_inputs(b, wide_shape, deep_shape):
    input_wide = b.Input(shape=wide_shape, name="input_wide")
    input_deep = b.Input(shape=deep_shape, name="input_deep")
    norm_wide = b.Normalization(name="norm_wide")(input_wide)
    norm_deep = b.Normalization(name="norm_deep")(input_deep)
    with b.group("deep"):
        hidden1 = b.Dense(30, activation="relu", name="hidden1")(norm_deep)
        hidden2 = b.Dense(30, activation="relu", name="hidden2")(hidden1)
    concat = b.Concatenate(name="concat")([norm_wide, hidden2])
    output = b.Dense(1, name="output")(concat)
    return output, hidden2


@preset(id="wide-deep-2in", title="Wide & Deep (two inputs)", input_shape=((5,), (6,)),
        source=_WIDE_DEEP_PAPER + f"{BOOK}, ch. 10: multiple inputs",
        description="Wide & Deep with separate inputs: features 0–4 take the wide path and features "
                    "2–7 the deep path, each with its own Normalization.",
        **_WIDE_DEEP)
def wide_deep_2in(wide_shape=(5,), deep_shape=(6,)):
    b = Builder("wide-deep-2in")
    _wide_and_deep_two_inputs(b, wide_shape, deep_shape)
    return b.build()


@preset(id="wide-deep-aux", title="Wide & Deep (two inputs, auxiliary output)", input_shape=((5,), (6,)),
        source=_WIDE_DEEP_PAPER + f"{BOOK}, ch. 10: multiple outputs",
        description="Two-input Wide & Deep with an auxiliary output on the deep path, a regulariser "
                    "that checks the deep part is useful on its own (losses weighted 0.9 / 0.1).",
        **_WIDE_DEEP)
def wide_deep_aux(wide_shape=(5,), deep_shape=(6,)):
    b = Builder("wide-deep-aux")
    output, hidden2 = _wide_and_deep_two_inputs(b, wide_shape, deep_shape)
    aux_output = b.Dense(1, name="aux_output")(hidden2)
    return b.build(outputs=[output, aux_output])


@preset(id="selu-deep", title="Self-normalizing deep MLP (SELU)", family="MLP", year=2017,
        source="Klambauer et al., Self-normalizing neural networks; " + f"{BOOK}, ch. 11",
        description="One hundred Dense layers of 100 with SELU and LeCun-normal initialization: the "
                    "activations stay normalized, so this deep plain stack still trains.",
        input_shape=(28, 28), classes=10, dataset="fashion_mnist")
def selu_deep(input_shape=(28, 28), classes=10, depth=100, units=100):
    b = Builder("selu-deep")
    x = b.Input(shape=input_shape, name="image")
    x = b.Flatten(name="flatten")(x)
    with b.group("hidden"):
        for i in range(1, depth + 1):
            x = b.Dense(units, activation="selu", kernel_initializer="lecun_normal", name=f"hidden{i}")(x)
    b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


# ------------------------------------------------------------------ CNNs ---

@preset(id="fashion-cnn", title="Fashion-MNIST CNN", family="CNN", year=2017,
        source=f"{BOOK}, ch. 14: a typical CNN",
        description="A large 7×7 first layer, then pairs of 3×3 convs that double the filters after "
                    "each pooling (64, 128, 256), and a dense head with dropout.",
        input_shape=(28, 28, 1), classes=10, dataset="fashion_mnist")
def fashion_cnn(input_shape=(28, 28, 1), classes=10):
    b = Builder("fashion-cnn")

    def default_conv2d(filters, kernel_size=3, name=None):  # functools.partial in the book
        return b.Conv2D(filters, kernel_size, padding="same", activation="relu",
                        kernel_initializer="he_normal", name=name)

    x = b.Input(shape=input_shape, name="image")
    with b.group("features"):
        x = default_conv2d(64, kernel_size=7, name="conv1")(x)
        x = b.MaxPooling2D(name="pool1")(x)
        x = default_conv2d(128, name="conv2")(x)
        x = default_conv2d(128, name="conv3")(x)
        x = b.MaxPooling2D(name="pool2")(x)
        x = default_conv2d(256, name="conv4")(x)
        x = default_conv2d(256, name="conv5")(x)
        x = b.MaxPooling2D(name="pool3")(x)
    with b.group("head"):
        x = b.Flatten(name="flatten")(x)
        x = b.Dense(128, activation="relu", kernel_initializer="he_normal", name="dense1")(x)
        x = b.Dropout(0.5, name="dropout1")(x)
        x = b.Dense(64, activation="relu", kernel_initializer="he_normal", name="dense2")(x)
        x = b.Dropout(0.5, name="dropout2")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="lenet5-classic", title="LeNet-5 (classic, tanh + average pooling)", family="CNN", year=1998,
        source="LeCun et al., Gradient-based learning applied to document recognition; " + f"{BOOK}, ch. 14",
        description="The original LeNet-5 layout on MNIST padded to 32×32: tanh units, average pooling, "
                    "C5 as a 5×5 convolution to 1×1×120 (softmax stands in for the RBF output).",
        input_shape=(28, 28, 1), classes=10, dataset="mnist")
def lenet5_classic(input_shape=(28, 28, 1), classes=10):
    b = Builder("lenet5-classic")
    x = b.Input(shape=input_shape, name="image")
    x = b.ZeroPadding2D(padding=2, name="pad")(x)
    x = b.Conv2D(6, 5, activation="tanh", name="c1")(x)
    x = b.AveragePooling2D(pool_size=2, name="s2")(x)
    x = b.Conv2D(16, 5, activation="tanh", name="c3")(x)
    x = b.AveragePooling2D(pool_size=2, name="s4")(x)
    x = b.Conv2D(120, 5, activation="tanh", name="c5")(x)
    x = b.Flatten(name="flatten")(x)
    x = b.Dense(84, activation="tanh", name="f6")(x)
    b.Dense(classes, activation="softmax", name="output")(x)
    return b.build()


@preset(id="happy-cnn", title="Happy-face classifier", family="CNN", year=2017,
        source=f"{COURSERA}: the Happy House (Sequential API)",
        description="Zero padding, one 7×7 conv with BN and ReLU, max pooling and a sigmoid unit: "
                    "a small binary image classifier.",
        input_shape=(64, 64, 3), classes=1)
def happy_cnn(input_shape=(64, 64, 3)):
    b = Builder("happy-cnn")
    x = b.Input(shape=input_shape, name="image")
    x = b.ZeroPadding2D(padding=3, name="zero_pad")(x)
    x = b.Conv2D(32, 7, strides=1, name="conv0")(x)
    x = b.BatchNormalization(axis=3, name="bn0")(x)
    x = b.ReLU(name="relu0")(x)
    x = b.MaxPooling2D(name="max_pool")(x)
    x = b.Flatten(name="flatten")(x)
    b.Dense(1, activation="sigmoid", name="happy")(x)
    return b.build()


@preset(id="signs-cnn", title="SIGNS hand-gesture CNN", family="CNN", year=2017,
        source=f"{COURSERA}: SIGNS (Functional API)",
        description="Two conv–ReLU–pool stages with large pooling windows shrink 64×64 to 2×2 quickly; "
                    "softmax over six finger counts.",
        input_shape=(64, 64, 3), classes=6)
def signs_cnn(input_shape=(64, 64, 3), classes=6):
    b = Builder("signs-cnn")
    x = b.Input(shape=input_shape, name="image")
    x = b.Conv2D(8, 4, strides=1, padding="same", name="conv1")(x)
    x = b.ReLU(name="relu1")(x)
    x = b.MaxPooling2D(pool_size=8, strides=8, padding="same", name="pool1")(x)
    x = b.Conv2D(16, 2, strides=1, padding="same", name="conv2")(x)
    x = b.ReLU(name="relu2")(x)
    x = b.MaxPooling2D(pool_size=4, strides=4, padding="same", name="pool2")(x)
    x = b.Flatten(name="flatten")(x)
    b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="resnet34", title="ResNet-34", family="CNN", year=2015,
        source="He et al., Deep residual learning for image recognition; " + f"{BOOK}, ch. 14",
        description="A 7×7/2 stem and sixteen residual units (3, 4, 6, 3 of 64, 128, 256, 512 filters); "
                    "the first unit of each wider stage halves the size and projects the shortcut.",
        input_shape=(64, 64, 3), classes=6)
def resnet34(input_shape=(64, 64, 3), classes=6, units=(3, 4, 6, 3)):
    b = Builder("resnet34")
    x = b.Input(shape=input_shape, name="image")
    with b.group("stem"):
        x = b.Conv2D(64, 7, strides=2, padding="same", kernel_initializer="he_normal",
                     use_bias=False, name="stem_conv")(x)
        x = b.BatchNormalization(axis=3, name="stem_bn")(x)
        x = b.Activation("relu", name="stem_relu")(x)
        x = b.MaxPooling2D(pool_size=3, strides=2, padding="same", name="stem_pool")(x)
    prev_filters = 64
    for stage, (filters, count) in enumerate(zip((64, 128, 256, 512), units), start=1):
        with b.group(f"stage{stage}"):
            for i in range(1, count + 1):
                strides = 1 if filters == prev_filters else 2
                x = residual_block(b, x, filters, strides=strides, kernel_initializer="he_normal",
                                   name=f"stage{stage}_unit{i}", group=f"unit{i}")
                prev_filters = filters
    with b.group("head"):
        x = b.GlobalAveragePooling2D(name="avg_pool")(x)
        x = b.Flatten(name="flatten")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="inception-module", title="Inception module", family="CNN", year=2014,
        source="Szegedy et al., Going deeper with convolutions; " + COURSERA,
        description="One GoogLeNet module on a 28×28×192 map: 1×1 bottlenecks before the 3×3 and 5×5 "
                    "convs cut the multiplications about tenfold; four branches concatenate to 256 channels.",
        input_shape=(28, 28, 192), classes=None)
def inception_module_demo(input_shape=(28, 28, 192)):
    b = Builder("inception-module")
    x = b.Input(shape=input_shape, name="feature_map")
    inception_module(b, x, 64, 96, 128, 16, 32, 32, name="inception_3a")
    return b.build()


# ----------------------------------------------------------- time series ---

_SERIES = dict(family="RNN", year=2019, classes=None, dataset="series")


@preset(id="ts-rnn", title="Time-series RNN", input_shape=(None, 1),
        source=f"{BOOK}, ch. 15: forecasting a time series",
        description="A 32-unit SimpleRNN reads a window of any length and a Dense unit forecasts the next value.",
        **_SERIES)
def ts_rnn(input_shape=(None, 1)):
    b = Builder("ts-rnn")
    x = b.Input(shape=input_shape, name="series")
    x = b.SimpleRNN(32, name="rnn")(x)
    b.Dense(1, name="forecast")(x)
    return b.build()


@preset(id="ts-deep-rnn", title="Time-series deep RNN", input_shape=(None, 1),
        source=f"{BOOK}, ch. 15: deep RNNs",
        description="Three stacked 32-unit SimpleRNNs (the first two return sequences) and a Dense forecast.",
        **_SERIES)
def ts_deep_rnn(input_shape=(None, 1)):
    b = Builder("ts-deep-rnn")
    x = b.Input(shape=input_shape, name="series")
    x = b.SimpleRNN(32, return_sequences=True, name="rnn1")(x)
    x = b.SimpleRNN(32, return_sequences=True, name="rnn2")(x)
    x = b.SimpleRNN(32, name="rnn3")(x)
    b.Dense(1, name="forecast")(x)
    return b.build()


@preset(id="ts-seq2seq", title="Time-series sequence-to-sequence RNN", input_shape=(None, 5),
        source=f"{BOOK}, ch. 15: forecasting several steps ahead",
        description="A SimpleRNN returns every step and a time-distributed Dense layer forecasts the "
                    "next 14 values at each step, so training gets a signal from every time step.",
        **_SERIES)
def ts_seq2seq(input_shape=(None, 5), ahead=14):
    b = Builder("ts-seq2seq")
    x = b.Input(shape=input_shape, name="series")
    x = b.SimpleRNN(32, return_sequences=True, name="rnn")(x)
    b.TimeDistributed(layer={"type": "Dense", "params": {"units": ahead}}, name="forecast")(x)
    return b.build()

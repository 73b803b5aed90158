"""Networks of the TensorFlow 2 course: the six-step workflow on iris and MNIST,
the classic CIFAR-10 CNNs (Baseline, LeNet5, AlexNet8, VGG16, Inception10,
ResNet18) and the recurrent letter and stock predictors."""

from presets.blocks import cbapd, conv_bn_act, inception_blk, residual_block, rnn_stack
from presets.builder import Builder
from presets.declare import preset

COURSE = "TensorFlow 2 course (Peking University)"


# ------------------------------------------------------------------ MLPs ---

@preset(id="iris-dense", title="Iris classifier", family="MLP", year=1936,
        source=f"{COURSE}: the six-step workflow",
        description="One Dense softmax layer with L2 regularisation: the smallest network that learns iris.",
        input_shape=(4,), classes=3, dataset="iris")
def iris_dense(input_shape=(4,), classes=3):
    b = Builder("iris-dense")
    x = b.Input(shape=input_shape, name="features")
    b.Dense(classes, activation="softmax", kernel_regularizer={"l2": 0.01}, name="dense")(x)
    return b.build()


@preset(id="mnist-mlp", title="MNIST MLP", family="MLP", year=1998,
        source=f"{COURSE}: Keras Sequential and Model subclass",
        description="Flatten the 28×28 image, one hidden ReLU layer of 128, softmax over ten digits.",
        input_shape=(28, 28), classes=10, dataset="mnist")
def mnist_mlp(input_shape=(28, 28), classes=10):
    b = Builder("mnist-mlp")
    x = b.Input(shape=input_shape, name="image")
    x = b.Flatten(name="flatten")(x)
    x = b.Dense(128, activation="relu", name="hidden")(x)
    b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


# -------------------------------------------------------- CIFAR-10 CNNs ---

@preset(id="cifar-baseline", title="CIFAR-10 baseline (CBAPD)", family="CNN", year=2020,
        source=f"{COURSE}: class Baseline",
        description="One Conv-BN-Activation-Pool-Dropout unit and a small dense head: "
                    "the course's template for every CNN that follows.",
        input_shape=(32, 32, 3), classes=10, dataset="cifar10")
def cifar_baseline(input_shape=(32, 32, 3), classes=10):
    b = Builder("cifar-baseline")
    x = b.Input(shape=input_shape, name="image")
    x = cbapd(b, x, 6, 5, padding="same", pool_size=2, pool_strides=2, pool_padding="same",
              dropout=0.2, name="c1")
    with b.group("head"):
        x = b.Flatten(name="flatten")(x)
        x = b.Dense(128, activation="relu", name="f1")(x)
        x = b.Dropout(0.2, name="d2")(x)
        b.Dense(classes, activation="softmax", name="f2")(x)
    return b.build()


@preset(id="lenet5", title="LeNet-5", family="CNN", year=1998,
        source="LeCun et al., Gradient-based learning applied to document recognition; " + COURSE,
        description="Two convolution + pooling stages then three dense layers: the first CNN to read digits.",
        input_shape=(32, 32, 3), classes=10, dataset="cifar10")
def lenet5(input_shape=(32, 32, 3), classes=10):
    b = Builder("lenet5")
    x = b.Input(shape=input_shape, name="image")
    x = b.Conv2D(6, 5, activation="sigmoid", name="c1")(x)
    x = b.MaxPooling2D(pool_size=2, strides=2, name="s2")(x)
    x = b.Conv2D(16, 5, activation="sigmoid", name="c3")(x)
    x = b.MaxPooling2D(pool_size=2, strides=2, name="s4")(x)
    x = b.Flatten(name="flatten")(x)
    x = b.Dense(120, activation="sigmoid", name="f5")(x)
    x = b.Dense(84, activation="sigmoid", name="f6")(x)
    b.Dense(classes, activation="softmax", name="output")(x)
    return b.build()


@preset(id="alexnet8", title="AlexNet8", family="CNN", year=2012,
        source="Krizhevsky, Sutskever & Hinton, ImageNet classification with deep CNNs; " + COURSE,
        description="Five convolutions and three dense layers with ReLU and dropout, the ImageNet 2012 "
                    "winner scaled to CIFAR-10 (BatchNormalization in place of local response norm).",
        input_shape=(32, 32, 3), classes=10, dataset="cifar10")
def alexnet8(input_shape=(32, 32, 3), classes=10):
    b = Builder("alexnet8")
    x = b.Input(shape=input_shape, name="image")
    pool = dict(pool_size=3, pool_strides=2, pool_padding="valid", dropout=None)
    x = cbapd(b, x, 96, 3, padding="valid", **pool, name="c1")
    x = cbapd(b, x, 256, 3, padding="valid", **pool, name="c2")
    with b.group("c3_c5"):
        x = b.Conv2D(384, 3, padding="same", activation="relu", name="c3")(x)
        x = b.Conv2D(384, 3, padding="same", activation="relu", name="c4")(x)
        x = b.Conv2D(256, 3, padding="same", activation="relu", name="c5")(x)
        x = b.MaxPooling2D(pool_size=3, strides=2, name="p5")(x)
    with b.group("head"):
        x = b.Flatten(name="flatten")(x)
        x = b.Dense(2048, activation="relu", name="f1")(x)
        x = b.Dropout(0.5, name="d1")(x)
        x = b.Dense(2048, activation="relu", name="f2")(x)
        x = b.Dropout(0.5, name="d2")(x)
        b.Dense(classes, activation="softmax", name="f3")(x)
    return b.build()


@preset(id="vgg16-cifar", title="VGG16 for CIFAR-10", family="CNN", year=2014,
        source="Simonyan & Zisserman, Very deep convolutional networks; " + COURSE,
        description="Thirteen 3×3 convolutions in five stages, doubling the filters as the image "
                    "halves, then three dense layers; the course adds BN and dropout.",
        input_shape=(32, 32, 3), classes=10, dataset="cifar10")
def vgg16_cifar(input_shape=(32, 32, 3), classes=10):
    b = Builder("vgg16-cifar")
    x = b.Input(shape=input_shape, name="image")
    stages = [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]
    for s, (filters, convs) in enumerate(stages, start=1):
        with b.group(f"stage{s}"):
            for c in range(1, convs + 1):
                last = c == convs  # the last conv of a stage pools and drops out
                x = cbapd(b, x, filters, 3, padding="same",
                          pool_size=2 if last else None, pool_strides=2, pool_padding="same",
                          dropout=0.2 if last else None, name=f"block{s}_conv{c}", group=f"conv{c}")
    with b.group("head"):
        x = b.Flatten(name="flatten")(x)
        x = b.Dense(512, activation="relu", name="f1")(x)
        x = b.Dropout(0.2, name="d1")(x)
        x = b.Dense(512, activation="relu", name="f2")(x)
        x = b.Dropout(0.2, name="d2")(x)
        b.Dense(classes, activation="softmax", name="f3")(x)
    return b.build()


@preset(id="inception10", title="Inception10", family="CNN", year=2014,
        source="Szegedy et al., Going deeper with convolutions; " + COURSE,
        description="A ConvBNRelu stem and two blocks of two InceptionBlk modules (1×1, 3×3, 5×5 and "
                    "pooling branches side by side), doubling the width per block. The course's "
                    "ConvBNRelu always runs BN in inference mode; here BN trains normally.",
        input_shape=(32, 32, 3), classes=10, dataset="cifar10")
def inception10(input_shape=(32, 32, 3), classes=10, num_blocks=2, init_ch=16):
    b = Builder("inception10")
    x = b.Input(shape=input_shape, name="image")
    x = conv_bn_act(b, x, init_ch, 3, name="stem")
    ch = init_ch
    for block in range(1, num_blocks + 1):
        with b.group(f"block{block}"):
            x = inception_blk(b, x, ch, strides=2, name=f"block{block}_inception1", group="inception1")
            x = inception_blk(b, x, ch, strides=1, name=f"block{block}_inception2", group="inception2")
        ch *= 2
    with b.group("head"):
        x = b.GlobalAveragePooling2D(name="avg_pool")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="resnet18-cifar", title="ResNet18 for CIFAR-10", family="CNN", year=2015,
        source="He et al., Deep residual learning for image recognition; " + COURSE,
        description="Eight residual blocks of two 3×3 convs whose input skips ahead and is added back, "
                    "so very deep networks still train; 1×1 projections where the size halves.",
        input_shape=(32, 32, 3), classes=10, dataset="cifar10")
def resnet18_cifar(input_shape=(32, 32, 3), classes=10, block_list=(2, 2, 2, 2), initial_filters=64):
    b = Builder("resnet18-cifar")
    x = b.Input(shape=input_shape, name="image")
    with b.group("stem"):
        x = b.Conv2D(initial_filters, 3, strides=1, padding="same", use_bias=False, name="stem_conv")(x)
        x = b.BatchNormalization(name="stem_bn")(x)
        x = b.Activation("relu", name="stem_relu")(x)
    filters = initial_filters
    for stage, blocks in enumerate(block_list, start=1):
        with b.group(f"stage{stage}"):
            for i in range(1, blocks + 1):
                downsample = stage > 1 and i == 1  # the "dashed" shortcut
                x = residual_block(b, x, filters, strides=2 if downsample else 1, project=downsample,
                                   name=f"stage{stage}_block{i}", group=f"block{i}")
        filters *= 2
    with b.group("head"):
        x = b.GlobalAveragePooling2D(name="avg_pool")(x)
        b.Dense(classes, activation="softmax", kernel_regularizer={"l2": 0.01}, name="predictions")(x)
    return b.build()


# ------------------------------------------------------------- recurrent ---

@preset(id="letters-rnn", title="Letter predictor (one-hot RNN)", family="RNN", year=2020,
        source=f"{COURSE}: SimpleRNN, 4 letters in, 1 out",
        description="Four one-hot letters of 'abcde' into a 3-unit SimpleRNN that predicts the next letter.",
        input_shape=(4, 5), classes=5, dataset="letters")
def letters_rnn(input_shape=(4, 5), classes=5, dataset="letters"):
    b = Builder("letters-rnn")
    x = b.Input(shape=input_shape, name="letters")
    x = b.SimpleRNN(3, name="rnn")(x)
    b.Dense(classes, activation="softmax", name="next_letter")(x)
    return b.build()


@preset(id="letters-embedding", title="Letter predictor (Embedding + RNN)", family="RNN", year=2020,
        source=f"{COURSE}: Embedding, 4 letters in, 1 out",
        description="Letter ids looked up in a learned 2-D Embedding instead of one-hot vectors, "
                    "then a SimpleRNN predicts the next of 26 letters.",
        input_shape=(4,), classes=26)
def letters_embedding(input_shape=(4,), classes=26):
    b = Builder("letters-embedding")
    x = b.Input(shape=input_shape, dtype="int32", name="letter_ids")
    x = b.Embedding(classes, 2, name="embedding")(x)
    x = b.SimpleRNN(10, name="rnn")(x)
    b.Dense(classes, activation="softmax", name="next_letter")(x)
    return b.build()


def _stock(name, cell, input_shape):
    b = Builder(name)
    x = b.Input(shape=input_shape, name="prices")
    x = rnn_stack(b, x, [80, 100], cell=cell, dropout=0.2, group="recurrent")
    b.Dense(1, name="next_open")(x)
    return b.build()


_STOCK = dict(family="RNN", year=2020, input_shape=(60, 1), classes=None, dataset="series")


@preset(id="stock-lstm", title="Stock price LSTM", source=f"{COURSE}: LSTM stock prediction",
        description="Sixty days of opening prices through two stacked LSTMs (80, 100) with dropout "
                    "to predict the next day's opening price.", **_STOCK)
def stock_lstm(input_shape=(60, 1)):
    return _stock("stock-lstm", "LSTM", input_shape)


@preset(id="stock-gru", title="Stock price GRU", source=f"{COURSE}: GRU stock prediction",
        description="The stock predictor with GRU cells: two gates instead of three, about a "
                    "quarter fewer weights than the LSTM.", **_STOCK)
def stock_gru(input_shape=(60, 1)):
    return _stock("stock-gru", "GRU", input_shape)


@preset(id="stock-rnn", title="Stock price SimpleRNN", source=f"{COURSE}: RNN stock prediction",
        description="The stock predictor with plain SimpleRNN cells, the baseline the LSTM and GRU improve on.",
        **_STOCK)
def stock_rnn(input_shape=(60, 1)):
    return _stock("stock-rnn", "SimpleRNN", input_shape)

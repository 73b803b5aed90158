"""Networks of the TensorFlow course (CIFAR-10 and friends)."""

from presets.builder import Builder
from presets.registry import preset


@preset(id="iris-dense", title="Iris classifier", family="MLP", year=1936,
        source="TensorFlow course: the six-step workflow",
        description="One Dense softmax layer with L2 regularisation: the smallest network that learns iris.",
        input_shape=(4,), classes=3, dataset="iris")
def iris_dense(input_shape=(4,), classes=3):
    b = Builder("iris-dense")
    x = b.Input(shape=input_shape)
    b.Dense(classes, activation="softmax", kernel_regularizer={"l2": 0.01})(x)
    return b.build()


@preset(id="lenet5", title="LeNet-5", family="CNN", year=1998,
        source="LeCun et al., Gradient-based learning applied to document recognition; TensorFlow course",
        description="Two convolution + pooling stages then three dense layers: the first CNN to read digits.",
        input_shape=(32, 32, 3), classes=10, dataset="shapes")
def lenet5(input_shape=(32, 32, 3), classes=10):
    b = Builder("lenet5")
    x = b.Input(shape=input_shape)
    x = b.Conv2D(6, 5, activation="sigmoid")(x)
    x = b.MaxPooling2D(pool_size=2, strides=2)(x)
    x = b.Conv2D(16, 5, activation="sigmoid")(x)
    x = b.MaxPooling2D(pool_size=2, strides=2)(x)
    x = b.Flatten()(x)
    x = b.Dense(120, activation="sigmoid")(x)
    x = b.Dense(84, activation="sigmoid")(x)
    b.Dense(classes, activation="softmax")(x)
    return b.build()

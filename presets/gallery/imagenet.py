"""The classic ImageNet architectures, layer for layer as keras.applications
builds them with ``weights=None`` (same layers, same parameter counts; the
layer names follow keras.applications where it names them)."""

from presets.blocks import bottleneck_block, conv_bn_act, depthwise_separable_block, inverted_residual_block
from presets.builder import Builder
from presets.declare import preset

_IMAGENET = dict(classes=1000, input_shape=(224, 224, 3))


@preset(id="vgg16", title="VGG16", family="CNN", year=2014,
        source="Simonyan & Zisserman, Very deep convolutional networks for large-scale image "
               "recognition; keras.applications.VGG16",
        description="Thirteen 3×3 convolutions in five blocks and three dense layers: depth from small "
                    "filters alone. Most of its 138M weights sit in the first dense layer.",
        **_IMAGENET)
def vgg16(input_shape=(224, 224, 3), classes=1000):
    b = Builder("vgg16")
    x = b.Input(shape=input_shape, name="image")
    for block, (filters, convs) in enumerate([(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)], start=1):
        with b.group(f"block{block}"):
            for c in range(1, convs + 1):
                x = b.Conv2D(filters, 3, activation="relu", padding="same", name=f"block{block}_conv{c}")(x)
            x = b.MaxPooling2D(pool_size=2, strides=2, name=f"block{block}_pool")(x)
    with b.group("top"):
        x = b.Flatten(name="flatten")(x)
        x = b.Dense(4096, activation="relu", name="fc1")(x)
        x = b.Dense(4096, activation="relu", name="fc2")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="resnet50", title="ResNet-50", family="CNN", year=2015,
        source="He et al., Deep residual learning for image recognition; keras.applications.ResNet50",
        description="Sixteen bottleneck units (1×1 reduce, 3×3, 1×1 expand) in four stages of 3, 4, 6 and "
                    "3: residual learning at 50 layers for the cost of a much shallower plain network.",
        **_IMAGENET)
def resnet50(input_shape=(224, 224, 3), classes=1000):
    b = Builder("resnet50")
    x = b.Input(shape=input_shape, name="image")
    with b.group("conv1"):
        x = b.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(x)
        x = b.Conv2D(64, 7, strides=2, name="conv1_conv")(x)
        x = b.BatchNormalization(epsilon=1.001e-5, name="conv1_bn")(x)
        x = b.Activation("relu", name="conv1_relu")(x)
        x = b.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
        x = b.MaxPooling2D(pool_size=3, strides=2, name="pool1_pool")(x)
    for stage, (filters, blocks, stride) in enumerate(
            [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)], start=2):
        with b.group(f"conv{stage}"):
            for i in range(1, blocks + 1):
                x = bottleneck_block(b, x, filters, strides=stride if i == 1 else 1,
                                     conv_shortcut=i == 1, name=f"conv{stage}_block{i}", group=f"block{i}")
    with b.group("top"):
        x = b.GlobalAveragePooling2D(name="avg_pool")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="mobilenet", title="MobileNet", family="CNN", year=2017,
        source="Howard et al., MobileNets: efficient CNNs for mobile vision applications; "
               "keras.applications.MobileNet",
        description="Thirteen depthwise-separable units (a 3×3 filter per channel, then a 1×1 conv to mix "
                    "channels) cost about a ninth of standard convolutions.",
        **_IMAGENET)
def mobilenet(input_shape=(224, 224, 3), classes=1000, dropout=1e-3):
    b = Builder("mobilenet")
    x = b.Input(shape=input_shape, name="image")
    with b.group("conv1"):
        x = b.Conv2D(32, 3, strides=2, padding="same", use_bias=False, name="conv1")(x)
        x = b.BatchNormalization(name="conv1_bn")(x)
        x = b.ReLU(max_value=6.0, name="conv1_relu")(x)
    units = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
             (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)]
    for i, (filters, strides) in enumerate(units, start=1):
        x = depthwise_separable_block(b, x, filters, strides=strides, name=f"block{i}")
    with b.group("top"):
        x = b.GlobalAveragePooling2D(keepdims=True, name="avg_pool")(x)
        x = b.Dropout(dropout, name="dropout")(x)
        x = b.Conv2D(classes, 1, padding="same", name="conv_preds")(x)
        x = b.Reshape((classes,), name="reshape")(x)
        b.Activation("softmax", name="predictions")(x)
    return b.build()


@preset(id="mobilenet-v2", title="MobileNetV2", family="CNN", year=2018,
        source="Sandler et al., MobileNetV2: inverted residuals and linear bottlenecks; "
               "keras.applications.MobileNetV2",
        description="Seventeen inverted residual blocks: expand the channels six times, filter them "
                    "depthwise, project back linearly, and add the input where the shapes match.",
        **_IMAGENET)
def mobilenet_v2(input_shape=(224, 224, 3), classes=1000):
    b = Builder("mobilenet-v2")
    bn = {"epsilon": 1e-3, "momentum": 0.999}
    x = b.Input(shape=input_shape, name="image")
    with b.group("stem"):
        x = b.Conv2D(32, 3, strides=2, padding="same", use_bias=False, name="Conv1")(x)
        x = b.BatchNormalization(**bn, name="bn_Conv1")(x)
        x = b.ReLU(max_value=6.0, name="Conv1_relu")(x)
    x = inverted_residual_block(b, x, 16, strides=1, expansion=1, name="expanded_conv", group="block_0")
    # (filters, first stride, repeats) per stage, as in the paper's table 2
    stages = [(24, 2, 2), (32, 2, 3), (64, 2, 4), (96, 1, 3), (160, 2, 3), (320, 1, 1)]
    block_id = 1
    for filters, stride, repeats in stages:
        for i in range(repeats):
            x = inverted_residual_block(b, x, filters, strides=stride if i == 0 else 1, expansion=6,
                                        name=f"block_{block_id}")
            block_id += 1
    with b.group("top"):
        x = b.Conv2D(1280, 1, use_bias=False, name="Conv_1")(x)
        x = b.BatchNormalization(**bn, name="Conv_1_bn")(x)
        x = b.ReLU(max_value=6.0, name="out_relu")(x)
        x = b.GlobalAveragePooling2D(name="avg_pool")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()


@preset(id="inception-v3", title="Inception-v3", family="CNN", year=2015,
        source="Szegedy et al., Rethinking the Inception architecture for computer vision; "
               "keras.applications.InceptionV3",
        description="Inception modules with factorised convolutions (5×5 as two 3×3, 7×7 as 1×7 then "
                    "7×1) and grid-size reduction blocks; BN without scale after every conv.",
        classes=1000, input_shape=(299, 299, 3))
def inception_v3(input_shape=(299, 299, 3), classes=1000):
    b = Builder("inception-v3")

    def conv2d_bn(x, filters, num_row, num_col, padding="same", strides=1, branch=None):
        """keras.applications' conv2d_bn: Conv2D (no bias) → BN (no scale) → ReLU."""
        return conv_bn_act(b, x, filters, (num_row, num_col), strides=strides, padding=padding,
                           use_bias=False, bn={"scale": False}, group=branch or False)

    def avg_pool_branch(x, filters):
        with b.group("branch_pool"):
            pool = b.AveragePooling2D(pool_size=3, strides=1, padding="same")(x)
            return conv2d_bn(pool, filters, 1, 1)

    def module_a(x, pool_filters, name):  # 35×35: 1×1, 5×5, double 3×3, pool
        with b.group(name):
            branch1x1 = conv2d_bn(x, 64, 1, 1, branch="branch1x1")
            with b.group("branch5x5"):
                branch5x5 = conv2d_bn(x, 48, 1, 1)
                branch5x5 = conv2d_bn(branch5x5, 64, 5, 5)
            with b.group("branch3x3dbl"):
                branch3x3dbl = conv2d_bn(x, 64, 1, 1)
                branch3x3dbl = conv2d_bn(branch3x3dbl, 96, 3, 3)
                branch3x3dbl = conv2d_bn(branch3x3dbl, 96, 3, 3)
            branch_pool = avg_pool_branch(x, pool_filters)
            return b.Concatenate(axis=-1, name=name)([branch1x1, branch5x5, branch3x3dbl, branch_pool])

    def module_c(x, n, name):  # 17×17: 1×1, 1×7→7×1, double 7×7 factorised, pool
        with b.group(name):
            branch1x1 = conv2d_bn(x, 192, 1, 1, branch="branch1x1")
            with b.group("branch7x7"):
                branch7x7 = conv2d_bn(x, n, 1, 1)
                branch7x7 = conv2d_bn(branch7x7, n, 1, 7)
                branch7x7 = conv2d_bn(branch7x7, 192, 7, 1)
            with b.group("branch7x7dbl"):
                branch7x7dbl = conv2d_bn(x, n, 1, 1)
                branch7x7dbl = conv2d_bn(branch7x7dbl, n, 7, 1)
                branch7x7dbl = conv2d_bn(branch7x7dbl, n, 1, 7)
                branch7x7dbl = conv2d_bn(branch7x7dbl, n, 7, 1)
                branch7x7dbl = conv2d_bn(branch7x7dbl, 192, 1, 7)
            branch_pool = avg_pool_branch(x, 192)
            return b.Concatenate(axis=-1, name=name)([branch1x1, branch7x7, branch7x7dbl, branch_pool])

    def module_e(x, i, name):  # 8×8: 1×1, 3×3 split in 1×3 and 3×1, double 3×3 split, pool
        with b.group(name):
            branch1x1 = conv2d_bn(x, 320, 1, 1, branch="branch1x1")
            with b.group("branch3x3"):
                branch3x3 = conv2d_bn(x, 384, 1, 1)
                branch3x3_1 = conv2d_bn(branch3x3, 384, 1, 3)
                branch3x3_2 = conv2d_bn(branch3x3, 384, 3, 1)
                branch3x3 = b.Concatenate(axis=-1, name=f"mixed9_{i}")([branch3x3_1, branch3x3_2])
            with b.group("branch3x3dbl"):
                branch3x3dbl = conv2d_bn(x, 448, 1, 1)
                branch3x3dbl = conv2d_bn(branch3x3dbl, 384, 3, 3)
                branch3x3dbl_1 = conv2d_bn(branch3x3dbl, 384, 1, 3)
                branch3x3dbl_2 = conv2d_bn(branch3x3dbl, 384, 3, 1)
                branch3x3dbl = b.Concatenate(axis=-1)([branch3x3dbl_1, branch3x3dbl_2])
            branch_pool = avg_pool_branch(x, 192)
            return b.Concatenate(axis=-1, name=name)([branch1x1, branch3x3, branch3x3dbl, branch_pool])

    img_input = b.Input(shape=input_shape, name="image")
    with b.group("stem"):
        x = conv2d_bn(img_input, 32, 3, 3, strides=2, padding="valid")
        x = conv2d_bn(x, 32, 3, 3, padding="valid")
        x = conv2d_bn(x, 64, 3, 3)
        x = b.MaxPooling2D(pool_size=3, strides=2)(x)
        x = conv2d_bn(x, 80, 1, 1, padding="valid")
        x = conv2d_bn(x, 192, 3, 3, padding="valid")
        x = b.MaxPooling2D(pool_size=3, strides=2)(x)

    x = module_a(x, 32, "mixed0")
    x = module_a(x, 64, "mixed1")
    x = module_a(x, 64, "mixed2")

    with b.group("mixed3"):  # reduction 35×35 → 17×17
        branch3x3 = conv2d_bn(x, 384, 3, 3, strides=2, padding="valid", branch="branch3x3")
        with b.group("branch3x3dbl"):
            branch3x3dbl = conv2d_bn(x, 64, 1, 1)
            branch3x3dbl = conv2d_bn(branch3x3dbl, 96, 3, 3)
            branch3x3dbl = conv2d_bn(branch3x3dbl, 96, 3, 3, strides=2, padding="valid")
        with b.group("branch_pool"):
            branch_pool = b.MaxPooling2D(pool_size=3, strides=2)(x)
        x = b.Concatenate(axis=-1, name="mixed3")([branch3x3, branch3x3dbl, branch_pool])

    x = module_c(x, 128, "mixed4")
    x = module_c(x, 160, "mixed5")
    x = module_c(x, 160, "mixed6")
    x = module_c(x, 192, "mixed7")

    with b.group("mixed8"):  # reduction 17×17 → 8×8
        with b.group("branch3x3"):
            branch3x3 = conv2d_bn(x, 192, 1, 1)
            branch3x3 = conv2d_bn(branch3x3, 320, 3, 3, strides=2, padding="valid")
        with b.group("branch7x7x3"):
            branch7x7x3 = conv2d_bn(x, 192, 1, 1)
            branch7x7x3 = conv2d_bn(branch7x7x3, 192, 1, 7)
            branch7x7x3 = conv2d_bn(branch7x7x3, 192, 7, 1)
            branch7x7x3 = conv2d_bn(branch7x7x3, 192, 3, 3, strides=2, padding="valid")
        with b.group("branch_pool"):
            branch_pool = b.MaxPooling2D(pool_size=3, strides=2)(x)
        x = b.Concatenate(axis=-1, name="mixed8")([branch3x3, branch7x7x3, branch_pool])

    x = module_e(x, 0, "mixed9")
    x = module_e(x, 1, "mixed10")

    with b.group("top"):
        x = b.GlobalAveragePooling2D(name="avg_pool")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()

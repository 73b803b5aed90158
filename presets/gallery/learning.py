"""Architectures people meet while learning: an encoder–decoder for
segmentation (U-Net), an autoencoder, and a Transformer encoder for text."""

from presets.blocks import double_conv, transformer_encoder, unet_down, unet_up
from presets.builder import Builder
from presets.declare import preset


@preset(id="unet-small", title="U-Net (small)", family="CNN", year=2015,
        source="Ronneberger, Fischer & Brox, U-Net: convolutional networks for biomedical image segmentation",
        description="An encoder that halves the image three times and a decoder that doubles it back, "
                    "with skip connections carrying the fine detail across; one sigmoid mask per pixel.",
        input_shape=(128, 128, 1), classes=1)
def unet_small(input_shape=(128, 128, 1), classes=1, filters=(16, 32, 64), bottleneck=128):
    b = Builder("unet-small")
    x = b.Input(shape=input_shape, name="image")
    skips = []
    with b.group("encoder"):
        for level, f in enumerate(filters, start=1):
            skip, x = unet_down(b, x, f, name=f"down{level}")
            skips.append(skip)
    x = double_conv(b, x, bottleneck, name="bottleneck")
    with b.group("decoder"):
        for level, (f, skip) in enumerate(zip(reversed(filters), reversed(skips)), start=1):
            x = unet_up(b, x, skip, f, name=f"up{level}")
    b.Conv2D(classes, 1, activation="sigmoid" if classes == 1 else "softmax", name="mask")(x)
    return b.build()


@preset(id="autoencoder-mnist", title="Stacked autoencoder (MNIST)", family="autoencoder", year=2006,
        source="Hinton & Salakhutdinov, Reducing the dimensionality of data with neural networks; "
               "Géron, Hands-On Machine Learning, ch. 17",
        description="An encoder squeezes each 28×28 digit into 30 numbers and a mirror-image decoder "
                    "rebuilds the image from them; trained to reproduce its own input.",
        input_shape=(28, 28), classes=None, dataset="mnist")
def autoencoder_mnist(input_shape=(28, 28), codings=30, hidden=100):
    b = Builder("autoencoder-mnist")
    x = b.Input(shape=input_shape, name="image")
    pixels = 1
    for d in input_shape:
        pixels *= d
    with b.group("encoder"):
        x = b.Flatten(name="flatten")(x)
        x = b.Dense(hidden, activation="relu", name="encoder_hidden")(x)
        x = b.Dense(codings, activation="relu", name="codings")(x)
    with b.group("decoder"):
        x = b.Dense(hidden, activation="relu", name="decoder_hidden")(x)
        x = b.Dense(pixels, activation="sigmoid", name="decoder_pixels")(x)
        b.Reshape(tuple(input_shape), name="reconstruction")(x)
    return b.build()


@preset(id="transformer-encoder", title="Transformer encoder for text classification", family="attention",
        year=2017,
        source="Vaswani et al., Attention is all you need; Keras example 'Text classification with "
               "Transformer'",
        description="Token plus learned position embeddings, one encoder block (multi-head "
                    "self-attention and a feed-forward network, each with a residual add and "
                    "LayerNormalization), then average pooling and a small classifier. The second "
                    "input takes the positions 0, 1, …, maxlen−1 of every sample.",
        input_shape=((200,), (200,)), classes=2, dataset="imdb")
def transformer_encoder_classifier(maxlen=200, classes=2, vocab_size=20000, embed_dim=32,
                                   num_heads=2, ff_dim=32):
    b = Builder("transformer-encoder")
    tokens = b.Input(shape=(maxlen,), dtype="int32", name="tokens")
    positions = b.Input(shape=(maxlen,), dtype="int32", name="positions")
    with b.group("embedding"):
        token_emb = b.Embedding(vocab_size, embed_dim, name="token_embedding")(tokens)
        pos_emb = b.Embedding(maxlen, embed_dim, name="position_embedding")(positions)
        x = b.Add(name="token_plus_position")([token_emb, pos_emb])
    x = transformer_encoder(b, x, num_heads, embed_dim, ff_dim, dropout=0.1, name="encoder")
    with b.group("classifier"):
        x = b.GlobalAveragePooling1D(name="avg_pool")(x)
        x = b.Dropout(0.1, name="dropout1")(x)
        x = b.Dense(20, activation="relu", name="dense")(x)
        x = b.Dropout(0.1, name="dropout2")(x)
        b.Dense(classes, activation="softmax", name="predictions")(x)
    return b.build()

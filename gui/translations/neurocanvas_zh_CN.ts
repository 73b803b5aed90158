<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LayerDoc</name>
    <message>
        <source>A model input: declares the shape of one sample (without the batch axis).

Example: Input(shape=(28, 28, 1)) feeds (None, 28, 28, 1) to the next layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fully connected layer: output = activation(input · kernel + bias), on the last axis.

Example: Dense(128, activation=&apos;relu&apos;) maps (None, 784) to (None, 128) with 100,480 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flattens each sample into a vector; the batch axis is kept.

Example: (None, 5, 5, 16) becomes (None, 400).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies an activation function element-wise; the shape is unchanged.

Example: Activation(&apos;relu&apos;) after a Conv2D without activation, e.g. between the convolution and its BatchNormalization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomly sets a fraction `rate` of the inputs to 0 during training and scales the rest by 1/(1 - rate); does nothing at inference. The shape is unchanged.

Example: Dropout(0.5) between two Dense layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reshapes each sample to target_shape (batch axis excluded); one axis may be -1 to have its size computed.

Example: Reshape((28, 28, 1)) maps (None, 784) to (None, 28, 28, 1); Reshape((-1, 64)) maps (None, 8, 8, 64) to (None, 64, 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorders the non-batch axes; dims are 1-based and the batch axis never moves.

Example: Permute((2, 1)) maps (None, 10, 64) to (None, 64, 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats a vector n times, making a sequence (e.g. the decoder input of a seq2seq model).

Example: RepeatVector(3) maps (None, 32) to (None, 3, 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns integer indices (e.g. word ids) into dense vectors of size output_dim; an output_dim axis is appended to the input shape.

Example: Embedding(10000, 64) maps (None, 100) to (None, 100, 64) with 640,000 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks time steps whose features all equal mask_value so that the following RNN layers skip them; the shape is unchanged.

Example: Masking(0.0) before an LSTM on zero-padded sequences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns its input unchanged; useful as a named placeholder or a branch point.

Example: Identity() on (None, 32) outputs (None, 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-D convolution over sequences: slides `filters` kernels of size kernel_size over the steps axes.

Example: Conv1D(8, 5) maps (None, 20, 1) to (None, 16, 8) with 48 params; padding=&apos;causal&apos; keeps the length and never looks ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-D convolution over images: slides `filters` kernels of size kernel_size over the height, width axes.

Example: Conv2D(32, 3, activation=&apos;relu&apos;) maps (None, 28, 28, 1) to (None, 26, 26, 32) with 320 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D convolution over volumes or video: slides `filters` kernels of size kernel_size over the depth, height, width axes.

Example: Conv3D(8, 3) maps (None, 16, 64, 64, 3) to (None, 14, 62, 62, 8) with 656 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transposed 1-D convolution (sometimes called deconvolution): the upsampling counterpart of Conv1D; with strides s each axis grows about s times.

Example: Conv1DTranspose(5, 3, strides=2) maps (None, 8, 4) to (None, 17, 5) with 65 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transposed 2-D convolution (sometimes called deconvolution): the upsampling counterpart of Conv2D; with strides s each axis grows about s times.

Example: Conv2DTranspose(8, 3, strides=2, padding=&apos;same&apos;) maps (None, 3, 3, 16) to (None, 6, 6, 8) with 1,160 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transposed 3-D convolution (sometimes called deconvolution): the upsampling counterpart of Conv3D; with strides s each axis grows about s times.

Example: Conv3DTranspose(5, 3, strides=2, padding=&apos;same&apos;) maps (None, 4, 8, 8, 2) to (None, 8, 16, 16, 5) with 275 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depthwise-separable 1-D convolution: a per-channel 1-D convolution followed by a 1×1 convolution that mixes channels into `filters` outputs; far fewer parameters than Conv1D.

Example: SeparableConv1D(16, 3) maps (None, 20, 8) to (None, 18, 16) with 168 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depthwise-separable 2-D convolution: a per-channel 2-D convolution followed by a 1×1 convolution that mixes channels into `filters` outputs; far fewer parameters than Conv2D.

Example: SeparableConv2D(64, 3, padding=&apos;same&apos;) maps (None, 32, 32, 32) to (None, 32, 32, 64) with 2,400 params (Xception).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depthwise 1-D convolution: each input channel gets its own kernel(s); the output has channels × depth_multiplier channels.

Example: DepthwiseConv1D(3) maps (None, 20, 8) to (None, 18, 8) with 32 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depthwise 2-D convolution: each input channel gets its own kernel(s); the output has channels × depth_multiplier channels.

Example: DepthwiseConv2D(3, padding=&apos;same&apos;) maps (None, 56, 56, 32) to (None, 56, 56, 32) with 320 params (MobileNet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-D max pooling: keeps the largest value of each pool_size window over the steps axes; channels are unchanged and there are no weights.

Example: MaxPooling1D(2) maps (None, 20, 8) to (None, 10, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-D max pooling: keeps the largest value of each pool_size window over the height, width axes; channels are unchanged and there are no weights.

Example: MaxPooling2D(2) maps (None, 28, 28, 6) to (None, 14, 14, 6); MaxPooling2D(3, strides=2) (overlapping, as in AlexNet) maps 55×55 to 27×27.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D max pooling: keeps the largest value of each pool_size window over the depth, height, width axes; channels are unchanged and there are no weights.

Example: MaxPooling3D(2) maps (None, 16, 32, 32, 8) to (None, 8, 16, 16, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-D average pooling: keeps the mean of each pool_size window over the steps axes; channels are unchanged and there are no weights.

Example: AveragePooling1D(2) maps (None, 20, 8) to (None, 10, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-D average pooling: keeps the mean of each pool_size window over the height, width axes; channels are unchanged and there are no weights.

Example: AveragePooling2D(2) maps (None, 28, 28, 6) to (None, 14, 14, 6); AveragePooling2D(3, strides=2) (overlapping, as in AlexNet) maps 55×55 to 27×27.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D average pooling: keeps the mean of each pool_size window over the depth, height, width axes; channels are unchanged and there are no weights.

Example: AveragePooling3D(2) maps (None, 16, 32, 32, 8) to (None, 8, 16, 16, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the largest value over all steps positions, leaving one value per channel; works for any input size.

Example: GlobalMaxPooling1D() maps (None, 100, 64) to (None, 64), whatever the sequence length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the largest value over all height, width positions, leaving one value per channel; works for any input size.

Example: GlobalMaxPooling2D() maps (None, 7, 7, 512) to (None, 512); with keepdims=True to (None, 1, 1, 512).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the largest value over all depth, height, width positions, leaving one value per channel; works for any input size.

Example: GlobalMaxPooling3D() maps (None, 4, 8, 8, 32) to (None, 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the mean over all steps positions, leaving one value per channel; works for any input size.

Example: GlobalAveragePooling1D() maps (None, 100, 64) to (None, 64), whatever the sequence length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the mean over all height, width positions, leaving one value per channel; works for any input size.

Example: GlobalAveragePooling2D() maps (None, 7, 7, 512) to (None, 512); with keepdims=True to (None, 1, 1, 512).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the mean over all depth, height, width positions, leaving one value per channel; works for any input size.

Example: GlobalAveragePooling3D() maps (None, 4, 8, 8, 32) to (None, 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalizes each feature (entry of `axis`) to mean 0 and variance 1 using batch statistics in training and moving averages in inference, then scales by gamma and shifts by beta.

Weights: 4·C for C = input_shape[axis] (gamma and beta trainable, moving mean and variance not).
Example: BatchNormalization() on (None, 8, 8, 16) has 64 weights, 32 of them trainable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalizes each sample over `axis` (the features, by default) to mean 0 and variance 1, independently of the batch, then scales by gamma and shifts by beta.

Example: LayerNormalization() on (None, 10, 64) has 128 trainable weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splits the channels into `groups` and normalizes each group of each sample to mean 0 and variance 1; groups=1 is layer normalization over the channels, groups=-1 instance normalization.

Example: GroupNormalization(groups=8) on (None, 32, 32, 64) has 128 trainable weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature-wise standardization (x - mean) / sqrt(variance), with statistics given here or learned from data with adapt(); invert=True undoes it.

Example: Normalization() on (None, 8) keeps 8 means, 8 variances and a count: 17 non-trainable weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout of entire channels of a 1D feature map during training (adjacent values are strongly correlated, so dropping single values regularizes little).

Example: SpatialDropout1D(0.2) on (None, 100, 64) keeps the shape and drops 20% of the channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout of entire channels of a 2D feature map during training (adjacent values are strongly correlated, so dropping single values regularizes little).

Example: SpatialDropout2D(0.2) on (None, 32, 32, 16) keeps the shape and drops 20% of the channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout of entire channels of a 3D feature map during training (adjacent values are strongly correlated, so dropping single values regularizes little).

Example: SpatialDropout3D(0.2) on (None, 8, 16, 16, 4) keeps the shape and drops 20% of the channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds zero-centred Gaussian noise during training only (a data augmentation for real inputs).

Example: GaussianNoise(0.1) after the Input of a tabular model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies the input by 1-centred Gaussian noise of stddev sqrt(rate / (1 - rate)) during training.

Example: GaussianDropout(0.3) in place of Dropout(0.3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout that keeps the mean and variance of its input, for self-normalizing networks (selu activations with lecun_normal initialization).

Example: Dense(64, activation=&apos;selu&apos;) followed by AlphaDropout(0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes its input through unchanged and adds l1·sum|x| + l2·sum x² of it to the training loss.

Example: ActivityRegularization(l1=1e-5) after a Dense layer encourages sparse activations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectified linear unit: f(x) = max_value if x ≥ max_value, x if threshold ≤ x &lt; max_value, negative_slope·(x − threshold) otherwise.

Example: ReLU(max_value=6) is ReLU6, as in MobileNet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky rectified linear unit: f(x) = x for x ≥ 0, negative_slope·x otherwise.

Example: LeakyReLU(0.2) in a GAN discriminator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parametric ReLU: f(x) = x for x ≥ 0, alpha·x otherwise, with alpha learned for every input position (or shared along shared_axes).

Example: PReLU(shared_axes=[1, 2]) on (None, 32, 32, 16) learns 16 slopes, one per channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential linear unit: f(x) = x for x &gt; 0, alpha·(exp(x) − 1) otherwise.

Example: ELU(alpha=1.0) after a Dense layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax over `axis`: exponentials normalized to sum to 1, e.g. class probabilities.

Example: Softmax() on (None, 10) gives 10 probabilities per sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fully connected recurrent layer: h_t = activation(x_t · W + h_{t-1} · U + b).

Params: units · (features + units + 1). Example: SimpleRNN(64) on (None, 20, 100) outputs (None, 64) with 10,560 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long short-term memory: input, forget and output gates around a cell state c, so information can survive many steps.

Params: 4 · units · (features + units + 1). Example: LSTM(32) on (None, 64, 32) outputs (None, 32) with 8,320 params; with return_state=True it also outputs h and c.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gated recurrent unit: update and reset gates, one state h. Lighter than LSTM.

Params: 3 · units · (features + units) + 3 · units bias (twice that with the default reset_after=True). Example: GRU(64) on (None, 20, 100) has 31,872 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a recurrent layer forwards and a copy of it backwards over the same sequence and merges the two outputs.

Params: twice the wrapped layer&apos;s. Example: Bidirectional(LSTM(32)) on (None, 100, 50) outputs (None, 64) with 21,248 params; merge_mode=&apos;sum&apos; gives (None, 32); merge_mode=None gives two outputs, forward and backward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies the wrapped layer to every time step (axis 1) with the same weights.

The params are the wrapped layer&apos;s on one step, not multiplied by the number of steps. Example: TimeDistributed(Dense(32)) on (None, 10, 64) outputs (None, 10, 32) with 2,080 params; TimeDistributed(Conv2D(8, 3)) on (None, 10, 32, 32, 3) outputs (None, 10, 30, 30, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dot-product (Luong-style) attention: softmax(query · keyᵀ) · value.

Query (batch, Tq, dim), value (batch, Tv, dim_v) and optional key (batch, Tv, dim) give (batch, Tq, dim_v). Example: Attention()([q, v]) on (None, 5, 16) and (None, 9, 16) gives (None, 5, 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additive (Bahdanau-style) attention: softmax(sum(tanh(query + key))) · value.

Shapes as for Attention; with use_scale=True it learns one scale per feature (dim params). Example: AdditiveAttention()([q, v]) on (None, 5, 16) and (None, 9, 16) gives (None, 5, 16) with 16 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-head scaled dot-product attention with learned query, key, value and output projections (the Transformer block).

The output has the query&apos;s shape (last axis = output_shape when given). For self-attention connect the same tensor to query and value. Example: MultiHeadAttention(num_heads=4, key_dim=32) on (None, 10, 64) as self-attention outputs (None, 10, 64) with 33,216 params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds its inputs element-wise (a residual connection).

Example: Add()([x, shortcut]) on two (None, 32, 32, 64) tensors gives (None, 32, 32, 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies its inputs element-wise (gating, attention weighting).

Example: Multiply()([a, b]) on two (None, 10) tensors gives (None, 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Element-wise mean of its inputs (ensembles of branches).

Example: Average()([a, b, c]) on three (None, 10) tensors gives (None, 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Element-wise maximum of its inputs.

Example: Maximum()([a, b]) on (None, 8) tensors gives (None, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Element-wise minimum of its inputs.

Example: Minimum()([a, b]) on (None, 8) tensors gives (None, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtracts its second input from its first, element-wise.

Example: Subtract()([x1, x2]) on two (None, 16) tensors gives (None, 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joins its inputs along one axis; all other axes must match.

Example: Concatenate()([a, b]) on (None, 5, 3) and (None, 5, 4) gives (None, 5, 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dot product of two samples along the given axes (cosine similarity with normalize=True).

Example: Dot(axes=1)([a, b]) on two (None, 8) tensors gives (None, 1); Dot(axes=(1, 2)) on (None, 3, 5) and (None, 10, 3) gives (None, 5, 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarges 1D (sequences) by repeating (or interpolating) each value `size` times per spatial axis; channels are unchanged and there are no weights.

Example: UpSampling1D(2) maps (None, 10, 8) to (None, 20, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarges 2D (images) by repeating (or interpolating) each value `size` times per spatial axis; channels are unchanged and there are no weights.

Example: UpSampling2D(2) maps (None, 14, 14, 8) to (None, 28, 28, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarges 3D (volumes or video) by repeating (or interpolating) each value `size` times per spatial axis; channels are unchanged and there are no weights.

Example: UpSampling3D(2) maps (None, 4, 8, 8, 3) to (None, 8, 16, 16, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds rows of zeros around 1D (sequences) along each spatial axis; channels are unchanged and there are no weights.

Example: ZeroPadding1D(2) maps (None, 10, 8) to (None, 14, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds rows of zeros around 2D (images) along each spatial axis; channels are unchanged and there are no weights.

Example: ZeroPadding2D(2) maps (None, 28, 28, 1) to (None, 32, 32, 1), as in LeNet-5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds rows of zeros around 3D (volumes or video) along each spatial axis; channels are unchanged and there are no weights.

Example: ZeroPadding3D(1) maps (None, 8, 8, 8, 3) to (None, 10, 10, 10, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes values at the borders of 1D (sequences) along each spatial axis; channels are unchanged and there are no weights.

Example: Cropping1D((1, 2)) maps (None, 10, 8) to (None, 7, 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes values at the borders of 2D (images) along each spatial axis; channels are unchanged and there are no weights.

Example: Cropping2D(((2, 2), (4, 4))) maps (None, 28, 28, 3) to (None, 24, 20, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes values at the borders of 3D (volumes or video) along each spatial axis; channels are unchanged and there are no weights.

Example: Cropping3D(1) maps (None, 8, 8, 8, 3) to (None, 6, 6, 6, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies its input by `scale` and adds `offset`, e.g. to bring pixel values from [0, 255] to [0, 1] inside the model.

Example: Rescaling(1/255) on (None, 32, 32, 3); Rescaling(1/127.5, offset=-1) gives [-1, 1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resizes images to height × width, interpolating; optionally crops or pads first to keep the aspect ratio.

Example: Resizing(224, 224) maps (None, None, None, 3) to (None, 224, 224, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crops the central height × width window of each image.

Example: CenterCrop(224, 224) maps (None, 256, 256, 3) to (None, 224, 224, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flips images at random during training (left-right, up-down or both); does nothing at inference.

Example: RandomFlip(&apos;horizontal&apos;) for photos whose mirror image is as likely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotates images by a random angle during training; factor is a fraction of a full turn (0.1 = up to ±36°).

Example: RandomRotation(0.1) keeps (None, 32, 32, 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zooms images in or out at random during training; the shape is kept.

Example: RandomZoom(0.2) zooms by up to ±20%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shifts images at random during training by up to a fraction of their height and width.

Example: RandomTranslation(0.1, 0.1) shifts by up to 10% each way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the contrast of each image at random during training, by a factor drawn from [1 - lower, 1 + upper], then clips to value_range.

Example: RandomContrast(0.2) on pixel values in [0, 255].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps integer features to contiguous indices of a vocabulary (learnt with adapt() or given), or encodes them as vectors.

Example: IntegerLookup(vocabulary=[12, 36, 1138]) maps 36 to 2 (0 and 1 are masked/unknown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps string features to contiguous indices of a vocabulary (learnt with adapt() or given), or encodes them as vectors.

Example: StringLookup(vocabulary=[&apos;a&apos;, &apos;b&apos;, &apos;c&apos;]) maps &apos;b&apos; to 2 (&apos;[UNK]&apos; is 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns strings into token indices (or vectors): standardizes, splits into words (and n-grams) and looks them up in a vocabulary learnt with adapt() or given.

Example: TextVectorization(max_tokens=20000, output_sequence_length=200) on (None, 1) strings gives (None, 200) indices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buckets continuous values into bins, by bin_boundaries (given, or learnt by adapt() for num_bins quantiles).

Example: Discretization(bin_boundaries=[0.0, 1.0, 2.0]) maps 1.5 to bin 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encodes integer categories in [0, num_tokens) as one-hot, multi-hot or count vectors.

Example: CategoryEncoding(num_tokens=4) maps [[0, 1], [3, 3]] to (None, 4) vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashes values (strings or integers) into num_bins bins, with no vocabulary to learn.

Example: Hashing(num_bins=3) maps each string to 0, 1 or 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Keras layer the catalog does not declare, kept from an imported model with its full config; its shapes and weight counts come from Keras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Keras operation used directly in a functional graph (such as x + y); it has no weights and is not a layer. Its shapes come from Keras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls the layer of another node again on another input (shared weights). Its weights are counted once, on that node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom layer of an imported model (the project&apos;s own class), kept with its config, weights and the shapes Keras recorded, without its code. Training, running or exporting it needs the Python module that defines the class, trusted for this document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamHelp</name>
    <message>
        <source>Shape of one sample, without the batch axis; null for a variable size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed batch size; usually left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type of the input tensor (float32 when empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the input is a sparse tensor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of output units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation applied to the output; None means linear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the layer adds a learned bias vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for bias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on kernel (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on bias (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on activity (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on kernel after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on bias after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis order of image inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activation function, e.g. &apos;relu&apos;, &apos;sigmoid&apos;, &apos;softmax&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the input units to drop, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape of the dropout mask, batch axis first; 1 on an axis shares the mask along it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed for reproducible masks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape of one output sample, without the batch axis; one entry may be -1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order of the non-batch axes, numbered from 1, e.g. (2, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of repetitions (output time steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary size: the largest index + 1 (+1 more if mask_zero).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of each embedding vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for the embedding matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on embeddings (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on embeddings after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat index 0 as padding and pass a mask to the following layers (RNNs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps whose features all equal this value are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of output channels (kernels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, an int or 1 ints (steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step of the window along each axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;valid&apos;: no padding, the output shrinks; &apos;same&apos;: pad so that output = ceil(input / strides); &apos;causal&apos;: pad only the start, so step t never sees later steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis order: channels_last (batch, ..., channels) or channels_first (batch, channels, ...); empty means channels_last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spacing between kernel taps (atrous convolution); cannot combine with strides &gt; 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split input channels and filters into this many independent groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, an int or 2 ints (height × width).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;valid&apos;: no padding, the output shrinks; &apos;same&apos;: pad so that output = ceil(input / strides).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, an int or 3 ints (depth × height × width).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of output channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsampling factor along each axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra size added to one side of the output (each &lt; strides); empty lets Keras choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spacing between kernel taps; cannot combine with strides &gt; 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of output channels of the pointwise (1×1) step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output channels per input channel of the depthwise step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for depthwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for pointwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on depthwise (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on pointwise (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on depthwise after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on pointwise after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step of the window; empty means pool_size (windows that do not overlap).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the pooled axes with size 1 (e.g. (None, 1, 1, C)) instead of dropping them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature axis normalized separately (usually the channel axis, -1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum of the moving mean and variance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small constant added to the variance to avoid dividing by zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether to add the learned offset beta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether to multiply by the learned scale gamma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for beta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for gamma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on beta (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on gamma (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on beta after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on gamma after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for moving_mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for moving_variance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use batch renormalization (three more non-trainable vectors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch renormalization clipping: {&apos;rmax&apos;, &apos;rmin&apos;, &apos;dmax&apos;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum of the batch renormalization statistics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronize the statistics across devices (TensorFlow only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis or axes normalized together (-1: the features).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of channel groups; must divide the channels (-1: one per channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis or axes with separate statistics (-1: per feature); null for one mean and variance overall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed mean: a number or one value per entry of the kept axis; empty to learn it with adapt().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed variance, same shape as mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the inverse transformation (de-normalize outputs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the channels (whole feature maps) to drop, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed; empty for a different one each run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis order of the input (channels_last when empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of the noise; Keras accepts values in [0, 1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop probability as for Dropout, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape of the dropout mask, batch axis first; 1 shares it along an axis, null follows the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1 penalty factor on the activations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty factor on the activations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bound of the output; empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slope below the threshold (0: plain ReLU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs below this value are damped by negative_slope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slope for negative inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for the slopes alpha.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on alpha (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on alpha after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes (from 1) along which one slope is shared; empty for a slope per value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale of the negative part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis (or axes) along which the values sum to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the output and of the hidden state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of the output and the hidden state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for the input kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer for the recurrent kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty on recurrent (l1, l2 or l1_l2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint on recurrent after each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the inputs dropped during training, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the recurrent state dropped during training, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the output of every time step (batch, timesteps, units) rather than only the last one (batch, units). Needed when another recurrent layer follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also return the final state as extra outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sequence backwards (and return the reversed output sequence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the last state of each sample as the initial state of the same sample in the next batch; needs a fixed batch size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unroll the time loop: faster for short sequences, more memory; needs a fixed number of time steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed for dropout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of the output and of the candidate state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of the gates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add 1 to the forget-gate bias at initialisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also return the final states h and c as extra outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the reset gate after the matrix multiplication (the cuDNN-compatible form, with two bias vectors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recurrent layer to run in both directions, e.g. {&apos;type&apos;: &apos;LSTM&apos;, &apos;params&apos;: {&apos;units&apos;: 32}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the two directions are combined: concat, sum, mul, ave, or None for two separate outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A different recurrent layer for the backward direction (go_backwards=True); by default a copy of layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer applied at each time step, e.g. {&apos;type&apos;: &apos;Dense&apos;, &apos;params&apos;: {&apos;units&apos;: 32}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn a scalar that scales the scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How scores are computed: &apos;dot&apos; (query · key) or &apos;concat&apos; (tanh of query + key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the attention weights dropped during training, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also output the attention weights (a second output port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask future positions so step t only attends to steps ≤ t (decoder self-attention).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn a per-feature scale of the scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of attention heads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of each head for query and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of each head for value; empty means key_dim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (or shape) of the output&apos;s last axis; empty means the query&apos;s feature size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes attention runs over; empty means every axis between batch and features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attend only to positions closer than this (a band mask); empty for full attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the backend&apos;s flash attention kernel when it can; empty follows the global Keras setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate the attention output with a sigmoid projection of the query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis to join along (-1 is the last, usually channels); axis 0 is the batch and is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis to multiply along, or a pair [axis of first input, axis of second]; not 0 (batch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2-normalise both inputs along the axes first, so the result is a cosine similarity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times each step is repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsampling factor along height, width (an integer for all of them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How new values are computed: nearest repeats, the others interpolate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsampling factor along depth, height, width (an integer for all of them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to pad at the start and end of the steps: an integer or [start, end].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to pad per side: an integer, one per axis, or [before, after] per axis (height, width).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to pad per side: an integer, one per axis, or [before, after] per axis (depth, height, width).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to crop at the start and end of the steps: an integer or [start, end].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to crop per side: an integer, one per axis, or [before, after] per axis (height, width).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to crop per side: an integer, one per axis, or [before, after] per axis (depth, height, width).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor applied to the input, e.g. 1/255.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value added after scaling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height of the output images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the output images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How output pixels are computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop the largest centred window of the target aspect ratio before resizing (no distortion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pad to the target aspect ratio before resizing (no distortion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How padding is filled (Keras supports &apos;constant&apos; only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of the padding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antialias when downsampling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis order of the images (channels_last when empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height of the crop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the crop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which flips are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest rotation as a fraction of 2π (a number, or [lower, upper] in [-1, 1]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How points outside the image are filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How pixels between grid points are computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill value when fill_mode is &apos;constant&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical zoom range as a fraction: a number or [lower, upper] in (-1, 1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal zoom range; empty to keep the aspect ratio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical shift as a fraction of the height: a number or [lower, upper] in [-1, 1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal shift as a fraction of the width.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrast change: a number or [lower, upper] in [0, 1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range of the pixel values, [low, high].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest vocabulary size, special tokens included; empty for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indices for out-of-vocabulary tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token that means &apos;masked&apos; (index 0); empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The out-of-vocabulary token (for invert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens, as adapt() found them or listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inverse document frequency of each token (tf_idf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map indices back to tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>int: an index per token; one_hot, multi_hot, count, tf_idf: a vector of the vocabulary size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return sparse tensors (encodings only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encode to max_tokens slots even when the vocabulary is smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How unknown tokens are spread over the OOV indices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salt of the farmhash OOV method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding of the strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salt of the OOV hashing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest vocabulary size; empty for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How text is cleaned first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How text is cut into tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also make n-grams of these lengths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>int: token indices; multi_hot, count, tf_idf: a vector of the vocabulary size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pad or cut the indices to this length (int mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encode to max_tokens slots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return ragged tensors (int mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increasing boundaries between the bins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of bins adapt() learns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error tolerance of adapt()&apos;s quantiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>int: a bin index; one_hot, multi_hot, count: a vector of num_bins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of categories (required; Keras&apos;s default of none is refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the categories become a vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return sparse tensors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of bins (including the mask bin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value that goes to bin 0 (masked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salt of the keyed hash (an int or two ints).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Keras class of the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python module Keras rebuilds it from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its registered serialization name, if any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer&apos;s full Keras config (get_config()).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the inputs are passed: one tensor, a list of tensors, or several positional tensors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional arguments of the call when they mix tensors (written {&apos;__input__&apos;: port}) and constants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other keyword arguments of the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input shapes Keras computed the shapes for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shapes Keras computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainable weights Keras counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-trainable weights Keras counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Keras class of the operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation&apos;s full Keras config (get_config()).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id of the node whose layer (and weights) this call reuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type and params of the shared layer (kept in step with it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build config Keras saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where its weights sit in the layer&apos;s group of the weights file (vars/0, sublayer/vars/0, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether its output shapes were entered by hand (the file did not record them).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

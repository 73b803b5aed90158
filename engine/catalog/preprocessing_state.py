"""Preprocessing layers with state: IntegerLookup, StringLookup,
TextVectorization, Discretization, CategoryEncoding, Hashing (Normalization is
declared with the normalization layers).

Their state is what ``adapt()`` learnt (or what was given): the vocabulary
(and tf-idf weights) of a lookup, the bin boundaries of Discretization, the
mean and variance of Normalization. A document keeps it in the params
(``vocabulary``, ``idf_weights``, ``bin_boundaries``), so the layer built
from them is the adapted one.

The shape rules are Keras's ``compute_output_shape``: ``int`` output keeps
the shape, the encodings put a ``depth`` axis last — the vocabulary size
(tokens + out-of-vocabulary indices), ``max_tokens`` when padded to it, the
number of bins, ``num_tokens``.

Nothing here imports TensorFlow.
"""

from __future__ import annotations

import math

from engine.catalog.base import LayerSpec, Param, REQUIRED, register
from engine.errors import ParamError, ShapeError
from engine.shapes import fmt
from engine.i18n import msg

ENCODINGS = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _vocabulary_check(p, tokens):
    vocab = p["vocabulary"]
    if vocab is not None:
        if not isinstance(vocab, (list, tuple)) or not all(tokens(t) for t in vocab):
            raise ParamError("vocabulary", msg("vocabulary must be a list of tokens (or empty until "
                                               "adapted); a vocabulary file is not kept in a document."),
                             msg("Adapt the layer, or list the tokens."))
        if len(set(map(str, vocab))) != len(vocab):
            raise ParamError("vocabulary", msg("vocabulary must not repeat a token."))
    idf = p.get("idf_weights")
    if idf is not None:
        if not isinstance(idf, (list, tuple)) or not all(_is_number(v) for v in idf):
            raise ParamError("idf_weights", msg("idf_weights must be a list of numbers, one per token."))
        if p["output_mode"] != "tf_idf":
            raise ParamError("idf_weights", msg("idf_weights is only used with output_mode 'tf_idf'."))
    if p["output_mode"] == "tf_idf" and vocab is not None and idf is None:
        raise ParamError("idf_weights", msg("output_mode 'tf_idf' with a vocabulary needs idf_weights."),
                         msg("Adapt the layer, or give one weight per token."))
    if p.get("pad_to_max_tokens") and not p.get("max_tokens"):
        raise ParamError("max_tokens", msg("pad_to_max_tokens needs max_tokens."))
    if p.get("sparse") and p["output_mode"] == "int":
        raise ParamError("sparse", msg("sparse output needs an encoding output_mode (not 'int')."))


def _tokens(p, special) -> int:
    """Tokens of the vocabulary without the special ones Keras puts first."""
    vocab = list(p["vocabulary"] or [])
    if special and vocab[:len(special)] == special:
        vocab = vocab[len(special):]
    return len(vocab)


def _encode(shape, mode, depth):
    """(batch, ..., depth) as IndexLookup encodes: one_hot per element (a last axis of 1
    is replaced), the others over the last axis."""
    shape = tuple(shape)
    if mode == "one_hot":
        if len(shape) > 1 and shape[-1] == 1:
            return shape[:-1] + (depth,)
        return shape + (depth,)
    return shape[:-1] + (depth,)


def _lookup_depth(p, num_oov, mask_token, oov_token) -> int:
    if p.get("pad_to_max_tokens") and p.get("max_tokens"):
        return p["max_tokens"]
    special = [oov_token] * num_oov
    if mask_token is not None and p["output_mode"] == "int":
        special = [mask_token] + special
    return _tokens(p, special) + num_oov


def _lookup_shape(name):
    def rule(p, shapes, ctx):
        shape = shapes[0]
        if not shape:
            raise ShapeError(msg("{name} needs an input with a batch axis, not {shape}.",
                                 name=name, shape=fmt(shape)))
        if p["output_mode"] == "int":
            return shape
        if p["vocabulary"] is None and not p["pad_to_max_tokens"]:
            ctx.warn(msg("{name} has no vocabulary yet: its encoding has only the "
                         "out-of-vocabulary slots until it is adapted.", name=name),
                     msg("Adapt it (or give a vocabulary), or set max_tokens and pad_to_max_tokens."),
                     code="not_adapted")
        depth = _lookup_depth(p, p["num_oov_indices"], p["mask_token"], p["oov_token"])
        return _encode(shape, p["output_mode"], depth)
    return rule


def _lookup_check(tokens):
    def check(p):
        _vocabulary_check(p, tokens)
        if p["invert"] and p["output_mode"] != "int":
            raise ParamError("invert", msg("invert needs output_mode 'int'."))
    return check


def _lookup_params(oov_default, extra=()):
    return (
        Param("max_tokens", "int", None, "Largest vocabulary size, special tokens included; "
                                         "empty for no limit.", nullable=True, min=1),
        Param("num_oov_indices", "int", 1, "Indices for out-of-vocabulary tokens.", min=0),
        Param("mask_token", "any", None, "A token that means 'masked' (index 0); empty for none.",
              nullable=True, advanced=True),
        Param("oov_token", "any", oov_default, "The out-of-vocabulary token (for invert).",
              advanced=True),
        Param("vocabulary", "any", None, "The tokens, as adapt() found them or listed.",
              nullable=True),
        *extra,
        Param("idf_weights", "any", None, "Inverse document frequency of each token (tf_idf).",
              nullable=True, advanced=True),
        Param("invert", "bool", False, "Map indices back to tokens."),
        Param("output_mode", "choice", "int", "int: an index per token; one_hot, multi_hot, "
              "count, tf_idf: a vector of the vocabulary size.", choices=ENCODINGS),
        Param("sparse", "bool", False, "Return sparse tensors (encodings only).", advanced=True),
        Param("pad_to_max_tokens", "bool", False, "Encode to max_tokens slots even when the "
                                                  "vocabulary is smaller.", advanced=True),
    )


def _int_token(t) -> bool:
    return isinstance(t, int) and not isinstance(t, bool)


IntegerLookup = register(LayerSpec(
    type="IntegerLookup", category="preprocessing",
    doc="Maps integer features to contiguous indices of a vocabulary (learnt with adapt() or "
        "given), or encodes them as vectors.\n\n"
        "Example: IntegerLookup(vocabulary=[12, 36, 1138]) maps 36 to 2 (0 and 1 are masked/unknown).",
    params=_lookup_params(-1, extra=(
        Param("vocabulary_dtype", "choice", "int64", "Type of the tokens.",
              choices=("int64", "int32"), advanced=True),
    )) + (
        Param("oov_method", "choice", "floormod", "How unknown tokens are spread over the OOV "
              "indices.", choices=("floormod", "farmhash"), advanced=True),
        Param("salt", "any", None, "Salt of the farmhash OOV method.", nullable=True,
              advanced=True),
    ),
    shape=_lookup_shape("IntegerLookup"), check=_lookup_check(_int_token),
    key_params=("output_mode",),
))

StringLookup = register(LayerSpec(
    type="StringLookup", category="preprocessing",
    doc="Maps string features to contiguous indices of a vocabulary (learnt with adapt() or "
        "given), or encodes them as vectors.\n\n"
        "Example: StringLookup(vocabulary=['a', 'b', 'c']) maps 'b' to 2 ('[UNK]' is 1).",
    params=_lookup_params("[UNK]") + (
        Param("encoding", "str", "utf-8", "Text encoding of the strings.", advanced=True),
        Param("salt", "any", None, "Salt of the OOV hashing.", nullable=True, advanced=True),
    ),
    shape=_lookup_shape("StringLookup"), check=_lookup_check(lambda t: isinstance(t, str)),
    key_params=("output_mode",),
))


# ---------------------------------------------------------- TextVectorization ---

def _text_shape(p, shapes, ctx):
    shape = tuple(shapes[0])
    if not shape:
        raise ShapeError(msg("TextVectorization needs a batch of strings, not {shape}.", shape=fmt(shape)))
    if p["split"] is not None and len(shape) > 2 or (len(shape) == 2 and shape[1] not in (1, None)
                                                     and p["split"] is not None):
        raise ShapeError(msg("TextVectorization splits one string per sample: its input is "
                             "(batch,) or (batch, 1), not {shape}.", shape=fmt(shape)),
                         msg("Reshape the input to (1,)."), code="rank")
    if p["output_mode"] == "int":
        return (shape[0], p["output_sequence_length"])
    if p["split"] is None:
        if len(shape) <= 1:
            shape = shape + (1,)
    else:
        shape = shape + (None,)
    if p["vocabulary"] is None and not p["pad_to_max_tokens"]:
        ctx.warn(msg("TextVectorization has no vocabulary yet: its encoding has only the "
                     "out-of-vocabulary slot until it is adapted."),
                 msg("Adapt it (or give a vocabulary)."), code="not_adapted")
    if p["pad_to_max_tokens"] and p["max_tokens"]:
        depth = p["max_tokens"]
    else:
        depth = _tokens(p, ["[UNK]"]) + 1
    return _encode(shape, p["output_mode"], depth)


def _text_check(p):
    _vocabulary_check(p, lambda t: isinstance(t, str))
    for key in ("standardize", "split"):
        if p[key] is not None and not isinstance(p[key], str):
            raise ParamError(key, msg("{key} must be one of Keras's named options; a Python function "
                                      "is not kept in a document.", key=key))
    if p["output_sequence_length"] is not None and p["output_mode"] != "int":
        raise ParamError("output_sequence_length", msg("output_sequence_length is only used with "
                                                       "output_mode 'int'."))
    ngrams = p["ngrams"]
    if ngrams is not None and not (_int_token(ngrams) and ngrams > 0) and not (
            isinstance(ngrams, (list, tuple)) and all(_int_token(n) and n > 0 for n in ngrams)):
        raise ParamError("ngrams", msg("ngrams must be a positive integer or a list of them."))


TextVectorization = register(LayerSpec(
    type="TextVectorization", category="preprocessing",
    doc="Turns strings into token indices (or vectors): standardizes, splits into words "
        "(and n-grams) and looks them up in a vocabulary learnt with adapt() or given.\n\n"
        "Example: TextVectorization(max_tokens=20000, output_sequence_length=200) on "
        "(None, 1) strings gives (None, 200) indices.",
    params=(
        Param("max_tokens", "int", None, "Largest vocabulary size; empty for no limit.",
              nullable=True, min=1),
        Param("standardize", "choice", "lower_and_strip_punctuation", "How text is cleaned first.",
              choices=("lower_and_strip_punctuation", "lower", "strip_punctuation", None),
              nullable=True),
        Param("split", "choice", "whitespace", "How text is cut into tokens.",
              choices=("whitespace", "character", None), nullable=True),
        Param("ngrams", "any", None, "Also make n-grams of these lengths.", nullable=True,
              advanced=True),
        Param("output_mode", "choice", "int", "int: token indices; multi_hot, count, tf_idf: "
              "a vector of the vocabulary size.",
              choices=("int", "multi_hot", "count", "tf_idf")),
        Param("output_sequence_length", "int", None, "Pad or cut the indices to this length "
                                                     "(int mode).", nullable=True, min=1),
        Param("pad_to_max_tokens", "bool", False, "Encode to max_tokens slots.", advanced=True),
        Param("vocabulary", "any", None, "The tokens, as adapt() found them or listed.",
              nullable=True),
        Param("idf_weights", "any", None, "Inverse document frequency of each token (tf_idf).",
              nullable=True, advanced=True),
        Param("sparse", "bool", False, "Return sparse tensors (encodings only).", advanced=True),
        Param("ragged", "bool", False, "Return ragged tensors (int mode).", advanced=True),
        Param("encoding", "str", "utf-8", "Text encoding of the strings.", advanced=True),
    ),
    shape=_text_shape, check=_text_check, key_params=("output_sequence_length",),
))


# ------------------------------------------------------------- Discretization ---

def _bins_depth(p) -> int:
    if p["bin_boundaries"] is not None:
        return len(p["bin_boundaries"]) + 1
    return p["num_bins"]


def _bins_shape(p, shapes, ctx):
    shape = tuple(shapes[0])
    if p["output_mode"] == "int":
        return shape
    depth = _bins_depth(p)
    if p["output_mode"] == "one_hot":
        if shape and shape[-1] == 1 and len(shape) > 1:
            return shape[:-1] + (depth,)
        return shape + (depth,)
    if len(shape) >= 2:
        return (shape[0],) + shape[2:] + (depth,)
    return (depth,)


def _bins_check(p):
    bounds = p["bin_boundaries"]
    if bounds is None and p["num_bins"] is None:
        raise ParamError("num_bins", msg("Discretization needs num_bins (learnt with adapt()) or "
                                         "bin_boundaries."))
    if bounds is not None:
        if not isinstance(bounds, (list, tuple)) or not all(_is_number(b) for b in bounds):
            raise ParamError("bin_boundaries", msg("bin_boundaries must be a list of numbers."))
        if list(bounds) != sorted(bounds):
            raise ParamError("bin_boundaries", msg("bin_boundaries must be in increasing order."))
    if p["sparse"] and p["output_mode"] == "int":
        raise ParamError("sparse", msg("sparse output needs an encoding output_mode (not 'int')."))


def _bins_build(keras, kwargs, name):
    # adapt() leaves both num_bins and bin_boundaries set, which the constructor refuses;
    # Keras's from_config takes them (as a loaded file does)
    return keras.layers.Discretization.from_config({"name": name, **kwargs})


Discretization = register(LayerSpec(
    type="Discretization", category="preprocessing",
    doc="Buckets continuous values into bins, by bin_boundaries (given, or learnt by adapt() "
        "for num_bins quantiles).\n\n"
        "Example: Discretization(bin_boundaries=[0.0, 1.0, 2.0]) maps 1.5 to bin 2.",
    params=(
        Param("bin_boundaries", "any", None, "Increasing boundaries between the bins.",
              nullable=True),
        Param("num_bins", "int", None, "Number of bins adapt() learns.", nullable=True, min=0),
        Param("epsilon", "float", 0.01, "Error tolerance of adapt()'s quantiles.", min=0,
              advanced=True),
        Param("output_mode", "choice", "int", "int: a bin index; one_hot, multi_hot, count: "
              "a vector of num_bins.", choices=("int", "one_hot", "multi_hot", "count")),
        Param("sparse", "bool", False, "Return sparse tensors (encodings only).", advanced=True),
    ),
    shape=_bins_shape, check=_bins_check, build=_bins_build,
    key_params=("bin_boundaries", "num_bins"),
))


# -------------------------------------------------- CategoryEncoding, Hashing ---

def _category_shape(p, shapes, ctx):
    shape = tuple(shapes[0])
    n = p["num_tokens"]
    if not shape:
        return (n,)
    if p["output_mode"] == "one_hot":
        if shape[-1] != 1 or len(shape) == 1:
            return shape + (n,)
        return shape[:-1] + (n,)
    return shape[:-1] + (n,)


def _category_check(p):
    if p["num_tokens"] is None:
        raise ParamError("num_tokens", msg("CategoryEncoding needs num_tokens, the number of "
                                           "categories."), msg("For an unknown number use IntegerLookup."))


CategoryEncoding = register(LayerSpec(
    type="CategoryEncoding", category="preprocessing",
    doc="Encodes integer categories in [0, num_tokens) as one-hot, multi-hot or count "
        "vectors.\n\n"
        "Example: CategoryEncoding(num_tokens=4) maps [[0, 1], [3, 3]] to (None, 4) vectors.",
    params=(
        Param("num_tokens", "int", None, "Number of categories (required; Keras's default "
                                         "of none is refused).", nullable=True, min=1),
        Param("output_mode", "choice", "multi_hot", "How the categories become a vector.",
              choices=("multi_hot", "one_hot", "count")),
        Param("sparse", "bool", False, "Return sparse tensors.", advanced=True),
    ),
    shape=_category_shape, check=_category_check, key_params=("num_tokens", "output_mode"),
))


def _hashing_shape(p, shapes, ctx):
    shape = tuple(shapes[0])
    if p["output_mode"] == "int":
        return shape
    if not shape:
        return (p["num_bins"],)
    return shape[:-1] + (p["num_bins"],)


def _hashing_check(p):
    if p["sparse"] and p["output_mode"] == "int":
        raise ParamError("sparse", msg("sparse output needs an encoding output_mode (not 'int')."))
    salt = p["salt"]
    if salt is not None and not _int_token(salt) and not (
            isinstance(salt, (list, tuple)) and len(salt) == 2 and all(_int_token(s) for s in salt)):
        raise ParamError("salt", msg("salt must be an integer or a list of two integers."))


Hashing = register(LayerSpec(
    type="Hashing", category="preprocessing",
    doc="Hashes values (strings or integers) into num_bins bins, with no vocabulary to learn.\n\n"
        "Example: Hashing(num_bins=3) maps each string to 0, 1 or 2.",
    params=(
        Param("num_bins", "int", REQUIRED, "Number of bins (including the mask bin).", min=1),
        Param("mask_value", "any", None, "A value that goes to bin 0 (masked).", nullable=True,
              advanced=True),
        Param("salt", "any", None, "Salt of the keyed hash (an int or two ints).", nullable=True,
              advanced=True),
        Param("output_mode", "choice", "int", "int: a bin index; one_hot, multi_hot, count: a "
              "vector of num_bins.", choices=("int", "one_hot", "multi_hot", "count")),
        Param("sparse", "bool", False, "Return sparse tensors (encodings only).", advanced=True),
    ),
    shape=_hashing_shape, check=_hashing_check, key_params=("num_bins",),
))

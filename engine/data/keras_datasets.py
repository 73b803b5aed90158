"""The datasets people expect, through Keras's own loaders.

Keras downloads each file once into its cache (``$KERAS_HOME/datasets``,
by default ``~/.keras/datasets``) and prints a progress bar while it does.
Offline, the download fails; we turn that into a `DataError` that names the
file(s) to place in the cache by hand. The test set Keras returns becomes the
validation set.
"""

from __future__ import annotations

import os

import numpy as np

from engine.data.dataset import CLASSIFICATION, REGRESSION, DataError, Dataset

FASHION_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                 "Shirt", "Sneaker", "Bag", "Ankle boot"]
CIFAR10_NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                 "horse", "ship", "truck"]

# Where each loader looks, relative to the cache's ``datasets`` folder, and
# the file it downloads (what a person should put there).
CACHE_FILES = {
    "mnist": [("mnist.npz", "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz")],
    "fashion_mnist": [
        (os.path.join("fashion-mnist", f),
         "https://storage.googleapis.com/tensorflow/tf-keras-datasets/" + f)
        for f in ("train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
                  "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz")],
    "cifar10": [("cifar-10-batches-py-target_archive",
                 "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz")],
    "cifar100": [("cifar-100-python-target_archive",
                  "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz")],
    "imdb": [("imdb.npz", "https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb.npz")],
    "reuters": [("reuters.npz",
                 "https://storage.googleapis.com/tensorflow/tf-keras-datasets/reuters.npz")],
    "boston_housing": [("boston_housing.npz",
                        "https://storage.googleapis.com/tensorflow/tf-keras-datasets/boston_housing.npz")],
    "california_housing": [("california_housing.npz",
                            "https://storage.googleapis.com/tensorflow/tf-keras-datasets/california_housing.npz")],
}


def is_cached(name: str) -> bool:
    """Whether every file the Keras loader of ``name`` needs is in its cache
    (so it loads offline)."""
    files = CACHE_FILES.get(name)
    if not files:
        return False
    cache = keras_cache_dir(import_keras=False)
    return all(os.path.exists(os.path.join(cache, rel)) for rel, _url in files)


def keras_cache_dir(import_keras: bool = True) -> str:
    """The folder Keras's loaders read from and download into.

    With ``import_keras`` false (deciding a default dataset while the editor
    starts) Keras is not imported: its rule is followed (``KERAS_HOME``, else
    ``~/.keras``) unless Keras is loaded already.
    """
    import sys

    try:
        if not import_keras and "keras" not in sys.modules:
            raise ImportError("keras not loaded")
        from keras.src.backend.config import keras_home

        base = keras_home()
    except Exception:  # not loaded yet, or an older layout
        base = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    base = os.path.expanduser(base)
    if not os.access(base, os.W_OK) and os.path.isdir("/tmp"):
        base = os.path.join("/tmp", ".keras")  # get_file falls back the same way
    return os.path.join(base, "datasets")


def _call_loader(name: str, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # download failure, corrupt file, hash mismatch
        cache = keras_cache_dir()
        files = CACHE_FILES.get(name, [])
        where = "; ".join(f"{url} as {os.path.join(cache, rel)}" for rel, url in files)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError(
            f"Could not load the Keras dataset '{name}': {reason}",
            hint=(f"Keras downloads it on first use, which needs an internet connection. "
                  f"Offline, download {where} on another machine and copy it there "
                  f"(or set KERAS_HOME to a folder that holds datasets/…); "
                  f"or choose an offline dataset such as digits, shapes or series."),
            code="download") from None


def _pair(name, description, task, train, test, class_names=None, meta=None):
    (x_tr, y_tr), (x_va, y_va) = train, test
    if task == CLASSIFICATION:
        y_tr = np.asarray(y_tr).reshape(len(y_tr)).astype("int64")
        y_va = np.asarray(y_va).reshape(len(y_va)).astype("int64")
    else:
        y_tr = np.asarray(y_tr, dtype="float32")
        y_va = np.asarray(y_va, dtype="float32")
    return Dataset(name, description, task, np.asarray(x_tr), y_tr, np.asarray(x_va), y_va,
                   class_names=class_names, meta={"source": "keras", **(meta or {})})


def load_mnist() -> Dataset:
    import keras

    tr, te = _call_loader("mnist", keras.datasets.mnist.load_data)
    return _pair("mnist", "70,000 hand-written digits, 28×28 grey uint8 (scale them /255); "
                 "the 10,000 test images are the validation set.",
                 CLASSIFICATION, tr, te, [str(i) for i in range(10)])


def load_fashion_mnist() -> Dataset:
    import keras

    tr, te = _call_loader("fashion_mnist", keras.datasets.fashion_mnist.load_data)
    return _pair("fashion_mnist", "70,000 clothing images, 28×28 grey uint8, 10 classes; "
                 "the 10,000 test images are the validation set.",
                 CLASSIFICATION, tr, te, FASHION_NAMES)


def load_cifar10() -> Dataset:
    import keras

    tr, te = _call_loader("cifar10", keras.datasets.cifar10.load_data)
    return _pair("cifar10", "60,000 32×32 colour photos (uint8), 10 classes; "
                 "the 10,000 test images are the validation set.",
                 CLASSIFICATION, tr, te, CIFAR10_NAMES)


def load_cifar100(label_mode: str = "fine") -> Dataset:
    import keras

    if label_mode not in ("fine", "coarse"):
        raise DataError(f"label_mode must be fine or coarse, not {label_mode!r}.")
    tr, te = _call_loader("cifar100", keras.datasets.cifar100.load_data, label_mode=label_mode)
    k = 100 if label_mode == "fine" else 20
    return _pair("cifar100", f"60,000 32×32 colour photos (uint8), {k} {label_mode} classes.",
                 CLASSIFICATION, tr, te, [f"class {i}" for i in range(k)],
                 {"label_mode": label_mode})


def _pad(seqs, maxlen):
    import keras

    return keras.utils.pad_sequences(seqs, maxlen=int(maxlen), padding="pre",
                                     truncating="pre").astype("int64")


def load_imdb(num_words: int = 10000, maxlen: int = 200) -> Dataset:
    import keras

    (x_tr, y_tr), (x_va, y_va) = _call_loader("imdb", keras.datasets.imdb.load_data,
                                              num_words=int(num_words))
    return _pair("imdb", f"50,000 movie reviews as word ids (top {num_words} words), padded "
                 f"to {maxlen}; positive or negative. Feed them to an Embedding.",
                 CLASSIFICATION, (_pad(x_tr, maxlen), y_tr), (_pad(x_va, maxlen), y_va),
                 ["negative", "positive"], {"num_words": int(num_words), "maxlen": int(maxlen)})


def load_reuters(num_words: int = 10000, maxlen: int = 200) -> Dataset:
    import keras

    (x_tr, y_tr), (x_va, y_va) = _call_loader("reuters", keras.datasets.reuters.load_data,
                                              num_words=int(num_words))
    return _pair("reuters", f"11,228 newswires as word ids (top {num_words} words), padded to "
                 f"{maxlen}; 46 topics.",
                 CLASSIFICATION, (_pad(x_tr, maxlen), y_tr), (_pad(x_va, maxlen), y_va),
                 [f"topic {i}" for i in range(46)],
                 {"num_words": int(num_words), "maxlen": int(maxlen)})


def load_boston_housing() -> Dataset:
    import keras

    tr, te = _call_loader("boston_housing", keras.datasets.boston_housing.load_data)
    return _pair("boston_housing", "506 Boston districts, 13 features, median house price "
                 "in k$ (regression). Standardize the features.", REGRESSION, tr, te)


def load_california_housing(version: str = "large") -> Dataset:
    import keras

    tr, te = _call_loader("california_housing", keras.datasets.california_housing.load_data,
                          version=version)
    return _pair("california_housing", "California districts, 8 features, median house value "
                 "(regression). Standardize the features.", REGRESSION, tr, te,
                 meta={"version": version})

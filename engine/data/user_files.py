"""The user's own data: CSV tables, NPZ/NPY arrays, folders of images.

Every failure is a `DataError` naming the file, the column or key concerned,
and what to change.
"""

from __future__ import annotations

import csv
import math
import os

import numpy as np

from engine.data.dataset import CLASSIFICATION, REGRESSION, DataError, Dataset
from engine.errors import array_file_errors


def _check_file(path: str, what: str) -> str:
    path = os.path.expanduser(str(path or ""))
    if not path:
        raise DataError(f"No {what} was chosen.", hint=f"Set the path of the {what}.")
    if not os.path.exists(path):
        raise DataError(f"The {what} {path!r} does not exist.", hint="Check the path.")
    return path


def _float_or_none(text: str):
    try:
        return float(text)
    except ValueError:
        return None


MAX_LINE_CHARS = 1 << 20  # a CSV line longer than this is refused (no newline, a huge field)


def _bounded_lines(fh, path: str, limit: int):
    """The lines of ``fh``, each read with at most ``limit + 1`` characters in memory; a longer
    line (a file without newlines, a huge field) is refused naming the file and line."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(("\n", "\r")):
            raise DataError(f"Line {number} of {path} is longer than {limit:,} characters; "
                            "this is not a CSV table (no line breaks?), or a field is far too large.",
                            hint="Save the table as CSV with one row per line.")
        yield line


def _read_rows(path: str, delimiter: str, limit: int) -> list:
    name = os.path.basename(path)
    reader = None
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(_bounded_lines(fh, path, limit), delimiter=delimiter)
            return [r for r in reader if any(c.strip() for c in r)]
    except csv.Error as exc:
        line = f" line {reader.line_num} of" if reader is not None else ""
        raise DataError(f"Could not read{line} {path}: {exc}.",
                        hint="Save the table as UTF-8 CSV; quote fields that hold the delimiter.") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"Could not read {name}: it is not UTF-8 text ({exc.reason} at byte {exc.start}).",
                        hint="Save the table as UTF-8 CSV.") from None
    except OSError as exc:
        raise DataError(f"Could not read {path}: {exc.strerror or exc}.",
                        hint="Check that the file exists and can be read.") from None


def load_csv(path: str, target: str | int | None = None, features: list | None = None,
             task: str | None = None, delimiter: str = ",",
             validation_split: float = 0.2, seed: int = 0,
             max_line_chars: int = MAX_LINE_CHARS) -> Dataset:
    """Load a table with a header row.

    Args:
        target: the target column (name or index); the last column by default.
        features: the input columns (names or indexes); all others by default.
        task: ``"classification"`` or ``"regression"``; by default a column
            of text, or of at most 20 distinct integers, is classification.
        validation_split: held out (seeded) for validation; ``0`` for none.
        max_line_chars: the longest line read; the file is streamed line by line, so
            a file without line breaks is refused without being read whole.
    """
    path = _check_file(path, "CSV file")
    rows = _read_rows(path, delimiter, int(max_line_chars))
    if len(rows) < 3:
        raise DataError(f"{os.path.basename(path)} has fewer than two data rows.")
    header, body = [h.strip() for h in rows[0]], rows[1:]
    for i, r in enumerate(body, start=2):
        if len(r) != len(header):
            raise DataError(f"Row {i} of {os.path.basename(path)} has {len(r)} values but the "
                            f"header has {len(header)} columns.", hint="Fix that row.")

    def col_index(c) -> int:
        if isinstance(c, int) or (isinstance(c, str) and c.lstrip("-").isdigit() and c not in header):
            i = int(c)
            if not -len(header) <= i < len(header):
                raise DataError(f"Column {i} does not exist; the file has {len(header)} columns.")
            return i % len(header)
        if c not in header:
            raise DataError(f"{os.path.basename(path)} has no column {c!r}.",
                            hint=f"Choose one of: {', '.join(header)}.")
        return header.index(c)

    t = col_index(target if target is not None else len(header) - 1)
    f_idx = [col_index(c) for c in features] if features else [i for i in range(len(header)) if i != t]
    if t in f_idx:
        raise DataError(f"Column {header[t]!r} is both a feature and the target.",
                        hint="Remove it from the features.")
    if not f_idx:
        raise DataError("No feature columns were chosen.")

    x = np.empty((len(body), len(f_idx)), dtype="float32")
    for j, c in enumerate(f_idx):
        for i, r in enumerate(body):
            v = _float_or_none(r[c].strip())
            if v is None:
                raise DataError(f"Column {header[c]!r}, row {i + 2} holds {r[c]!r}, not a number.",
                                hint="Features must be numbers; remove the column or encode it.")
            if not math.isfinite(v):
                raise DataError(f"Column {header[c]!r}, row {i + 2} of {path} holds {r[c].strip()!r}; "
                                "features must be finite numbers (NaN or infinity make the loss NaN).",
                                hint="Fill or drop the missing values before training.")
            x[i, j] = v
    raw_y = [r[t].strip() for r in body]
    numeric = [_float_or_none(v) for v in raw_y]
    if any(v == "" for v in raw_y):
        row = raw_y.index("") + 2
        raise DataError(f"The target {header[t]!r} is empty in row {row}.", hint="Fill or drop that row.")
    if task is None:
        if any(v is None for v in numeric):
            task = CLASSIFICATION
        else:
            distinct = set(numeric)
            task = CLASSIFICATION if (len(distinct) <= 20 and all(float(v).is_integer() for v in distinct)) \
                else REGRESSION
    if task == CLASSIFICATION:
        if all(v is not None for v in numeric):
            keys = sorted(set(numeric))
            names = [str(int(k)) if float(k).is_integer() else str(k) for k in keys]
            lookup = {k: i for i, k in enumerate(keys)}
            y = np.array([lookup[v] for v in numeric], dtype="int64")
        else:
            names = sorted(set(raw_y))
            lookup = {k: i for i, k in enumerate(names)}
            y = np.array([lookup[v] for v in raw_y], dtype="int64")
    elif task == REGRESSION:
        if any(v is None for v in numeric):
            bad = next(i for i, v in enumerate(numeric) if v is None)
            raise DataError(f"The target {header[t]!r} holds {raw_y[bad]!r} in row {bad + 2}, "
                            f"not a number.", hint="Use classification for text labels.")
        bad = next((i for i, v in enumerate(numeric) if not math.isfinite(v)), None)
        if bad is not None:
            raise DataError(f"The target {header[t]!r} holds {raw_y[bad]!r} in row {bad + 2} of {path}; "
                            "targets must be finite numbers.", hint="Fill or drop that row.")
        y = np.array(numeric, dtype="float32")
        names = None
    else:
        raise DataError(f"Unknown task {task!r}.", hint="Use classification or regression.")

    x_va = y_va = None
    if validation_split:
        from engine.data.preprocessing import train_val_split

        x, y, x_va, y_va = train_val_split(x, y, float(validation_split), seed)
    return Dataset(os.path.basename(path), f"{len(body)} rows of {os.path.basename(path)}: "
                   f"{len(f_idx)} features → {header[t]}.", task, x, y, x_va, y_va,
                   class_names=names,
                   meta={"source": "csv", "path": path, "features": [header[i] for i in f_idx],
                         "target": header[t]})


def load_arrays(path: str, y_path: str | None = None, x_key: str | None = None,
                y_key: str | None = None, task: str | None = None,
                class_names: list | None = None) -> Dataset:
    """Load an ``.npz`` archive or ``.npy`` arrays.

    An ``.npz`` may hold ``x_train, y_train[, x_test|x_val, y_test|y_val]``
    or ``x, y`` (or the keys named by ``x_key``/``y_key``). For ``.npy``,
    ``path`` holds the inputs and ``y_path`` the targets.
    """
    path = _check_file(path, "array file")
    name = os.path.basename(path)
    x_va = y_va = None
    try:
        if path.endswith(".npz"):
            with np.load(path, allow_pickle=False) as f:
                keys = list(f.keys())

                def pick(*names):
                    for k in names:
                        if k and k in f:
                            return np.asarray(f[k])
                    return None

                x = pick(x_key, "x_train", "x")
                y = pick(y_key, "y_train", "y")
                if x is None or y is None:
                    raise DataError(f"{name} holds {', '.join(keys) or 'nothing'}; no inputs and "
                                    f"targets were found.",
                                    hint="Name them x_train and y_train (or x and y), or set "
                                         "x_key and y_key.")
                x_va = pick("x_val", "x_test")
                y_va = pick("y_val", "y_test")
        elif path.endswith(".npy"):
            if not y_path:
                raise DataError(f"{name} holds only one array.",
                                hint="Choose the .npy file with the targets too.")
            x = np.load(path, allow_pickle=False)
            y = np.load(_check_file(y_path, "target file"), allow_pickle=False)
        else:
            raise DataError(f"{name} is not an .npz or .npy file.")
    except DataError:
        raise
    except array_file_errors() as exc:
        raise DataError(f"Could not read {path}: it is damaged or not a NumPy file "
                        f"({type(exc).__name__}: {exc}).",
                        hint="Save arrays with numpy.save or numpy.savez.") from None
    if (x_va is None) != (y_va is None):
        x_va = y_va = None
    for key, array in (("inputs", x), ("targets", y), ("validation inputs", x_va),
                       ("validation targets", y_va)):
        _check_numeric(path, key, array)
    if task is None:
        integer = y.dtype.kind in "iub" or (y.ndim >= 2 and y.shape[-1] > 1)
        task = CLASSIFICATION if integer else REGRESSION
    if task == CLASSIFICATION and not (y.ndim >= 2 and y.shape[-1] > 1):
        for key, labels in (("targets", y), ("validation targets", y_va)):
            if labels is not None and labels.size and np.min(labels) < 0:
                first = tuple(int(i) for i in np.argwhere(labels < 0)[0])
                raise DataError(f"The {key} in {path} hold negative class ids ({labels[first]} at "
                                f"index {first[0] if len(first) == 1 else first}); class ids run "
                                "from 0 to the number of classes - 1.",
                                hint="Renumber the labels from 0 (for example y - y.min()).")
    if task == CLASSIFICATION and class_names is None:
        k = y.shape[-1] if (y.ndim >= 2 and y.shape[-1] > 1) else int(np.max(y)) + 1
        class_names = [str(i) for i in range(k)]
    return Dataset(name, f"Arrays from {name}: inputs {tuple(x.shape[1:])}, "
                   f"{len(x)} training samples.", task, x, y, x_va, y_va,
                   class_names=class_names, meta={"source": "arrays", "path": path})


def _check_numeric(path: str, key: str, array) -> None:
    """Refuse arrays that are not numbers, or hold NaN or infinity, naming file and key."""
    if array is None:
        return
    if array.dtype.kind not in "biuf":
        raise DataError(f"The {key} in {path} are {array.dtype} values, not numbers.",
                        hint="Save numeric arrays (numpy.savez with float or integer arrays).")
    if array.dtype.kind == "f" and array.size and not np.isfinite(array).all():
        bad = ~np.isfinite(array)
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        raise DataError(f"The {key} in {path} hold {int(bad.sum()):,} NaN or infinite value(s), the "
                        f"first at index {first}; training on them makes the loss NaN.",
                        hint="Fill or drop the missing values before training.")


IMAGE_EXTENSIONS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")  # what Keras reads from a folder
MAX_LISTED = 10


def check_images(path: str, classes: list) -> int:
    """Decode every image Keras would read from the class folders of ``path``; refuse
    the folder, naming the files, if any is damaged or not an image (Keras would stop
    mid-training with a TensorFlow error naming none). Returns how many were checked."""
    from PIL import Image

    bad, count = [], 0
    for cls in classes:
        for root, _dirs, files in os.walk(os.path.join(path, cls)):
            for name in sorted(files):
                if not name.lower().endswith(IMAGE_EXTENSIONS):
                    continue
                file = os.path.join(root, name)
                count += 1
                try:
                    with Image.open(file) as image:
                        image.load()  # decodes all pixel data: a truncated file fails here
                except Exception as exc:  # PIL raises OSError, SyntaxError, ValueError, …
                    reason = str(exc).split(" '")[0] or type(exc).__name__
                    bad.append(f"{os.path.relpath(file, path)} ({reason})")
    if bad:
        listed = "; ".join(bad[:MAX_LISTED]) + (f"; and {len(bad) - MAX_LISTED} more"
                                                  if len(bad) > MAX_LISTED else "")
        raise DataError(f"{len(bad)} of the {count} files in {path} are damaged or not images, so "
                        f"training was not started: {listed}.",
                        hint="Remove or replace these files (or move them out of the class "
                             "folders), then train again.")
    return count


def load_image_folder(path: str, image_size: list | tuple = (32, 32), color_mode: str = "rgb",
                      validation_split: float = 0.2, seed: int = 0) -> Dataset:
    """Images in one sub-folder per class, read with Keras's
    ``image_dataset_from_directory`` and turned into uint8 numpy arrays."""
    path = _check_file(path, "image folder")
    if not os.path.isdir(path):
        raise DataError(f"{path!r} is not a folder.", hint="Choose the folder that holds one "
                        "sub-folder per class.")
    classes = sorted(d for d in os.listdir(path) if os.path.isdir(os.path.join(path, d)))
    if len(classes) < 2:
        raise DataError(f"{os.path.basename(path)} has {len(classes)} class sub-folder(s).",
                        hint="Put the images of each class in their own sub-folder (at least 2).")
    check_images(path, classes)
    import keras

    # Keras prints "Using N files for training" whatever `verbose` says when it splits,
    # so the split is ours (seeded, like a CSV's) and Keras only reads the files.
    try:
        tr = keras.utils.image_dataset_from_directory(
            path, labels="inferred", label_mode="int", color_mode=color_mode,
            image_size=tuple(int(v) for v in image_size), batch_size=None,
            shuffle=True, seed=seed, verbose=False)
    except ValueError as exc:
        raise DataError(f"Could not read images from {os.path.basename(path)}: {exc}",
                        hint="Use .png, .jpg, .bmp or .gif files, one sub-folder per class.") from None
    va = None

    def to_numpy(ds):
        xs, ys = [], []
        for x, y in ds.as_numpy_iterator():
            xs.append(x)
            ys.append(y)
        if not xs:
            return None, None
        return (np.clip(np.round(np.stack(xs)), 0, 255).astype("uint8"),
                np.asarray(ys, dtype="int64"))

    x, y = to_numpy(tr)
    if x is None:
        raise DataError(f"No images were found in {os.path.basename(path)}.")
    x_va = y_va = None
    if validation_split:
        from engine.data.preprocessing import train_val_split

        x, y, x_va, y_va = train_val_split(x, y, float(validation_split), seed)
    return Dataset(os.path.basename(os.path.normpath(path)),
                   f"Images from {os.path.basename(path)}: {len(classes)} classes, "
                   f"{tuple(int(v) for v in image_size)} (uint8; scale them /255).",
                   CLASSIFICATION, x, y, x_va, y_va, class_names=classes,
                   meta={"source": "image_folder", "path": path})

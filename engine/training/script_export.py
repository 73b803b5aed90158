"""Export a document as a standalone training script: the network, the data
loading and preprocessing, the compile settings, the learning-rate
schedule, the callbacks and ``fit`` — using only Keras, NumPy and
scikit-learn (or a Keras dataset loader), so the run can be handed in or
kept without NeuroCanvas.

Nothing read from the document is pasted into the script as code. The
settings a run would use (`engine.training.session.prepare_training`
resolves them: the dataset, fitted shape options, a loss that suits the
data) are validated and written as Python literals (``repr`` of plain
JSON data); every name that becomes an identifier is checked first. The
code around them is this module's own fixed text.

Example::

    from engine.training.script_export import training_script
    source = training_script(Network.load("iris.json"))
    Path("train.py").write_text(source)
    # python train.py --epochs 1   → trains, then prints one JSON line
"""

from __future__ import annotations

import keyword
import math
import os
from pathlib import Path

from engine.errors import NeuroCanvasError
from engine.i18n import N_, msg

# The datasets a script can load by itself, by the loader it uses.
SKLEARN_TABLES = {"iris": "load_iris", "wine": "load_wine", "breast_cancer": "load_breast_cancer",
                  "diabetes": "load_diabetes"}
SKLEARN_POINTS = {"moons": "make_moons", "circles": "make_circles"}
KERAS_SETS = ("mnist", "fashion_mnist", "cifar10", "cifar100", "boston_housing")
SUPPORTED = tuple(SKLEARN_TABLES) + ("digits",) + tuple(SKLEARN_POINTS) + KERAS_SETS + ("csv",)
EPOCHS_ENV = "NEUROCANVAS_EPOCHS"


class ScriptExportError(NeuroCanvasError):
    """The document cannot be written as a training script (the message says why)."""


# ----------------------------------------------------------------------------- literals
def _plain(value, where: str):
    """``value`` checked to be plain JSON data (so its ``repr`` is a safe literal)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ScriptExportError(msg("{where} holds {value!r}, which a script cannot write.",
                                        where=where, value=value),
                                    hint=N_("Use a finite number."))
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v, where) for v in value]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ScriptExportError(msg("{where} has a key {key!r} that is not text.",
                                            where=where, key=k))
            out[k] = _plain(v, where)
        return out
    if hasattr(value, "item"):  # a numpy scalar
        return _plain(value.item(), where)
    raise ScriptExportError(msg("{where} holds a {name}, which is not plain data.",
                                where=where, name=type(value).__name__))


def literal(value, where: str = "a setting") -> str:
    """Python source of a plain-data value (validated first).

    Example:
        >>> literal({"units": 3, "name": "a'); import os; ('"})
        '{\\'units\\': 3, \\'name\\': "a\\'); import os; (\\'"}'
    """
    return repr(_plain(value, where))


def identifier(name: str, where: str = "a name") -> str:
    """``name`` when it is a Python identifier and not a keyword, else an error.

    Example:
        >>> identifier("Adam")
        'Adam'
    """
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
        raise ScriptExportError(msg("{where} {name!r} is not a valid Python name.",
                                    where=where, name=name))
    return name


# ----------------------------------------------------------------------------- the script
def training_script(net, document_path=None, overrides: dict | None = None) -> str:
    """The source of a standalone script that trains ``net`` as a run would.

    Raises `ScriptExportError` (or the training set-up's own error) with a
    message a person can act on: an invalid network, data the script cannot
    load on its own, settings that do not fit.
    """
    from engine.training.compile import LOSSES, OPTIMIZERS
    from engine.training.schedules import SCHEDULES
    from engine.training.session import prepare_training

    from engine.training.session import resolve_settings

    data, _training, _derived = resolve_settings(net, overrides)
    if data.dataset not in SUPPORTED:
        raise ScriptExportError(
            msg("The {dataset} data cannot be loaded by a script without NeuroCanvas.",
                dataset=data.dataset),
            hint=msg("Choose one of {supported} in the data panel to export a training script; "
                     "the model alone exports with Export › Python.",
                     supported=', '.join(SUPPORTED)))
    if data.augmentation.enabled:
        raise ScriptExportError(
            N_("The training script does not reproduce data augmentation yet."),
            hint=N_("Turn augmentation off in the data panel to export the script."))
    session = prepare_training(net, document_path, overrides, record=False)
    data, training, dataset = session.data, session.training, session.dataset
    from engine.data.registry import dataset_info

    options = {**dataset_info(data.dataset).options, **data.options}
    csv_columns = None
    if data.dataset == "csv":   # the columns and classes as the run read them
        meta = dataset.meta
        options["path"] = os.path.abspath(str(meta.get("path") or options["path"]))
        csv_columns = {"features": list(meta.get("features") or []),
                       "target": meta.get("target"), "task": dataset.task,
                       "classes": list(dataset.class_names) if dataset.class_names else None}
    model_code = _model_code(session.network)

    opt = training.compile.optimizer
    if opt.name not in OPTIMIZERS:
        raise ScriptExportError(msg("Unknown optimizer {name!r}.", name=opt.name))
    opt_params = {k: v for k, v in opt.full_params().items() if v is not None}
    sched = opt.lr_settings()
    schedule = None
    if not sched.is_constant:
        if sched.kind not in SCHEDULES:
            raise ScriptExportError(msg("Unknown learning-rate schedule {kind!r}.", kind=sched.kind))
        schedule = {"kind": sched.kind, "per": sched.per, "params": sched.full_params(),
                    "class": SCHEDULES[sched.kind][0]}
    else:
        opt_params["learning_rate"] = sched.initial_lr
    output_names = _output_names(session)
    losses = {}
    for name in output_names:
        out = training.compile.for_output(name)
        cls_name, defaults = LOSSES[out.loss_name]
        losses[name] = {"class": cls_name, "params": {**defaults, **out.params},
                        "weight": float(out.weight), "metrics": list(out.metrics)}
    callbacks = {k: v for k, v in training.callbacks.to_dict().items()
                 if v not in (None, False)}

    values = {
        "NETWORK_NAME": literal(net.name, "the network's name"),
        "DATASET": literal(data.dataset),
        "DATASET_OPTIONS": literal(options, "the dataset options"),
        "PREPROCESS": literal(data.preprocess.to_dict(), "the preprocessing"),
        "EPOCHS": literal(int(training.epochs)),
        "BATCH_SIZE": literal(int(training.batch_size)),
        "SHUFFLE": literal(bool(training.shuffle)),
        "SEED": literal(training.seed if training.seed is None else int(training.seed)),
        "OPTIMIZER": literal(identifier(OPTIMIZERS[opt.name][0], "The optimizer")),
        "OPTIMIZER_PARAMS": literal(opt_params, "the optimizer settings"),
        "SCHEDULE": literal(schedule, "the schedule"),
        "LOSSES": literal(losses, "the loss settings"),
        "CALLBACKS": literal(callbacks, "the callback settings"),
        "CSV_COLUMNS": literal(csv_columns, "the CSV columns"),
        "EXPECTED_INPUT_SHAPE": literal(list(dataset.input_shape)),
        "EPOCHS_ENV": literal(EPOCHS_ENV),
    }
    for spec in losses.values():
        identifier(spec["class"], "The loss")
    if schedule is not None and schedule["class"] is not None:
        identifier(schedule["class"], "The schedule")
    settings_block = "\n".join(f"{k} = {v}" for k, v in values.items())
    one_cycle = _one_cycle_source() if schedule is not None and sched.kind == "one_cycle" else ""
    return "\n".join([
        _HEADER.strip("\n"), "", settings_block, "", "",
        "# ---------------------------------------------------------------- the network",
        "def build_model():",
        _indent(model_code), "    return model", "", "",
        one_cycle,
        _BODY.strip("\n"), "",
    ])


def write_training_script(net, path, document_path=None, overrides: dict | None = None) -> Path:
    """Write `training_script` to ``path`` atomically; returns the path."""
    from engine.atomic import write_atomic

    source = training_script(net, document_path, overrides)
    compile(source, str(path), "exec")  # never write a script that does not parse
    write_atomic(path, source)
    return Path(path)


def _output_names(session) -> list[str]:
    net = session.network
    return [net.nodes[nid].name for nid, _port in net.outputs]


def _model_code(net) -> str:
    """The network's layers as Keras code (`engine.python_export`), without
    its docstring, imports and main block."""
    source = net.to_python()
    lines = source.splitlines()
    imports = [i for i, line in enumerate(lines) if line.startswith(("import ", "from "))]
    end = next((i for i, line in enumerate(lines) if line.startswith("if __name__")), len(lines))
    if not imports or not any(line.startswith("model = ") for line in lines[:end]):
        raise ScriptExportError(N_("The network's Keras code has an unexpected form."),
                                hint=N_("Export the model with Export › Python and report this."))
    body = list(lines[imports[-1] + 1:end])
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    return "\n".join(body)


def _indent(code: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in code.splitlines())


def _one_cycle_source() -> str:
    """The 1cycle schedule class as NeuroCanvas defines it (no registration)."""
    import importlib.util

    origin = importlib.util.find_spec("engine.training.one_cycle").origin
    lines = Path(origin).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("class OneCycle("))
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip() and not lines[i][0].isspace()), len(lines))
    body = "\n".join(lines[start:end]).rstrip()
    return "from keras import ops\n\n\n" + body + "\n\n\n"


def settings_summary(source: str) -> dict:
    """The settings block of an exported script as data (for tests and checks)."""
    import ast

    out = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id.isupper():
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return out


_HEADER = '''
"""Train a network exported from NeuroCanvas, with the data, preprocessing,
compile settings, learning-rate schedule, callbacks and fit of its document.

Needs only Keras, NumPy and scikit-learn (or a Keras dataset download).

    python this_script.py                 # the document's number of epochs
    python this_script.py --epochs 1      # or set NEUROCANVAS_EPOCHS=1
    python this_script.py --out results   # where checkpoints and logs go

The last line it prints is one JSON object: the layers and parameter count
of the model, the shapes and sums of the data, and the metrics of the last
epoch.
"""

import argparse
import json
import math
import os

import numpy as np
import keras
from keras import layers
'''

_BODY = '''
# ---------------------------------------------------------------- the data
def course_split(x, y, fraction, seed):
    """Shuffle x and y with one seed and keep the last ``fraction`` for validation."""
    x, y = np.array(x), np.array(y)
    np.random.RandomState(seed).shuffle(x)
    np.random.RandomState(seed).shuffle(y)
    n_val = int(round(len(x) * float(fraction)))
    if n_val <= 0:
        return x, y, None, None
    return x[:-n_val], y[:-n_val], x[-n_val:], y[-n_val:]


def resize_images(x, size):
    if tuple(x.shape[1:3]) == tuple(size):
        return x
    squeeze = x.ndim == 3
    xin = x[..., np.newaxis] if squeeze else x
    out = keras.ops.convert_to_numpy(keras.ops.image.resize(
        xin.astype("float32"), tuple(size), interpolation="bilinear", data_format="channels_last"))
    out = np.clip(np.round(out), 0, 255).astype("uint8") if x.dtype == np.uint8 else out.astype("float32")
    return out[..., 0] if squeeze else out


def set_channels(x, channels):
    if x.ndim == 3:
        x = x[..., np.newaxis]
    if x.shape[-1] == channels:
        return x
    if x.shape[-1] == 1 and channels == 3:
        return np.repeat(x, 3, axis=-1)
    return x.mean(axis=-1, keepdims=True).astype("float32")


def split(x, y, fraction, seed):
    """Hold out the last ``fraction`` of a seeded permutation for validation."""
    if not fraction:
        return x, y, None, None
    n_val = int(round(len(x) * float(fraction)))
    order = np.random.default_rng(seed).permutation(len(x))
    tr, va = order[: len(x) - n_val], order[len(x) - n_val:]
    return x[tr], y[tr], x[va], y[va]


def load_csv(o):
    """The CSV table: the feature columns as float32, the target as class ids
    (classes in the order the document's run found them) or as numbers."""
    import csv
    with open(o["path"], newline="", encoding="utf-8-sig") as fh:
        rows = [r for r in csv.reader(fh, delimiter=o["delimiter"]) if any(c.strip() for c in r)]
    header, body = [h.strip() for h in rows[0]], rows[1:]
    features = [header.index(c) for c in CSV_COLUMNS["features"]]
    target = header.index(CSV_COLUMNS["target"])
    x = np.array([[float(r[c]) for c in features] for r in body], dtype="float32")
    raw = [r[target].strip() for r in body]
    classes = CSV_COLUMNS["classes"]
    if classes is None:
        y = np.array([float(v) for v in raw], dtype="float32")
    else:
        try:
            lookup = {float(name): i for i, name in enumerate(classes)}
            y = np.array([lookup[float(v)] for v in raw], dtype="int64")
        except ValueError:   # text labels
            lookup = {name: i for i, name in enumerate(classes)}
            y = np.array([lookup[v] for v in raw], dtype="int64")
    return split(x, y, o["validation_split"], o["seed"])


def load_data():
    """(x_train, y_train, x_val, y_val) of the dataset, before preprocessing."""
    o = DATASET_OPTIONS
    if DATASET == "csv":
        return load_csv(o)
    if DATASET in ("iris", "wine", "breast_cancer", "diabetes"):
        from sklearn import datasets
        bunch = getattr(datasets, "load_" + DATASET)()
        y = bunch.target.astype("float32" if DATASET == "diabetes" else "int64")
        return course_split(bunch.data.astype("float32"), y, o["validation_split"], o["seed"])
    if DATASET == "digits":
        from sklearn import datasets
        bunch = datasets.load_digits()
        x = (bunch.images / 16.0).astype("float32")
        if int(o["size"]) != 8:
            x = resize_images(x, (int(o["size"]), int(o["size"])))
        if o.get("channels"):
            x = set_channels(x, int(o["channels"]))
        return course_split(x, bunch.target.astype("int64"), o["validation_split"], o["seed"])
    if DATASET in ("moons", "circles"):
        from sklearn import datasets
        extra = {"factor": o["factor"]} if DATASET == "circles" else {}
        x, y = getattr(datasets, "make_" + DATASET)(int(o["n_samples"]), noise=o["noise"],
                                                     random_state=o["seed"], **extra)
        return course_split(x.astype("float32"), y.astype("int64"), o["validation_split"], o["seed"])
    loader = getattr(keras.datasets, DATASET).load_data
    (x_tr, y_tr), (x_va, y_va) = loader(**o)
    if DATASET == "boston_housing":
        return (np.asarray(x_tr), np.asarray(y_tr, dtype="float32"),
                np.asarray(x_va), np.asarray(y_va, dtype="float32"))
    return (np.asarray(x_tr), np.asarray(y_tr).reshape(-1).astype("int64"),
            np.asarray(x_va), np.asarray(y_va).reshape(-1).astype("int64"))


def _stat_axes(x):
    return (0,) if x.ndim <= 2 else tuple(range(x.ndim - 1))


def fit_scaler(kind, x):
    """(offset, scale) of a standardize or minmax scaling, fitted on x."""
    x = np.asarray(x, dtype="float64")
    axes = _stat_axes(x)
    if kind == "standardize":
        std = x.std(axis=axes)
        return x.mean(axis=axes), np.where(std > 0, std, 1.0)
    lo, hi = x.min(axis=axes), x.max(axis=axes)
    return lo, np.where(hi > lo, hi - lo, 1.0)


def preprocess(x_tr, y_tr, x_va, y_va):
    """The document's preprocessing, in NeuroCanvas's order: split, resize,
    channels, channel axis, reshape or flatten, scaling, target scaling, labels."""
    p = PREPROCESS
    if p["validation_split"] and (x_va is None or p["replace_validation"]):
        x_tr, y_tr, x_va, y_va = split(x_tr, y_tr, p["validation_split"], p["seed"])
    steps = []
    if p["resize"]:
        steps.append(lambda a: resize_images(a, p["resize"]))
    if p["channels"]:
        steps.append(lambda a: set_channels(a, int(p["channels"])))
    if p["add_channel"]:
        steps.append(lambda a: a[..., np.newaxis])
    if p["reshape"]:
        steps.append(lambda a: a.reshape((len(a),) + tuple(p["reshape"])))
    if p["flatten"]:
        steps.append(lambda a: a.reshape(len(a), -1))
    if p["scale"] == "divide255":
        steps.append(lambda a: (a.astype("float32") / 255.0).astype("float32"))
    for step in steps:
        x_tr = step(x_tr)
        x_va = step(x_va) if x_va is not None else None
    if p["scale"] in ("standardize", "minmax"):
        offset, scale = fit_scaler(p["scale"], x_tr)
        x_tr = ((x_tr - offset) / scale).astype("float32")
        x_va = ((x_va - offset) / scale).astype("float32") if x_va is not None else None
    if p["scale_target"] != "none":
        shape_tr, shape_va = np.shape(y_tr), np.shape(y_va) if y_va is not None else None
        offset, scale = fit_scaler(p["scale_target"], np.reshape(y_tr, (len(y_tr), -1)))
        y_tr = ((np.reshape(y_tr, (len(y_tr), -1)) - offset) / scale).astype("float32").reshape(shape_tr)
        if y_va is not None:
            y_va = ((np.reshape(y_va, (len(y_va), -1)) - offset) / scale).astype("float32").reshape(shape_va)
    if p["labels"] == "onehot":
        k = int(max(y_tr.max(), y_va.max() if y_va is not None else 0)) + 1
        y_tr = keras.utils.to_categorical(y_tr, k).astype("float32")
        y_va = keras.utils.to_categorical(y_va, k).astype("float32") if y_va is not None else None
    elif p["labels"] == "sparse":
        y_tr = y_tr.reshape(len(y_tr)).astype("int64")
        y_va = y_va.reshape(len(y_va)).astype("int64") if y_va is not None else None
    return x_tr, y_tr, x_va, y_va


# ---------------------------------------------------------------- compile
def make_learning_rate(steps_per_epoch, epochs):
    """The optimizer's learning rate: a number, or the document's schedule."""
    if SCHEDULE is None:
        return OPTIMIZER_PARAMS["learning_rate"]
    p = dict(SCHEDULE["params"])
    step_params = ("decay_steps", "boundaries", "first_decay_steps", "warmup_steps",
                   "total_steps", "last_steps")
    if SCHEDULE["per"] == "epoch":
        for name in step_params:
            value = p.get(name)
            if isinstance(value, list):
                p[name] = [int(round(v * steps_per_epoch)) for v in value]
            elif value is not None:
                p[name] = int(round(value * steps_per_epoch))
    total = steps_per_epoch * epochs
    kind = SCHEDULE["kind"]
    if kind == "one_cycle":
        if p.get("total_steps") is None:
            p["total_steps"] = total
        return OneCycle(**p)
    if kind == "polynomial" and p.get("decay_steps") is None:
        p["decay_steps"] = total
    if kind == "cosine":
        if p.get("decay_steps") is None:
            p["decay_steps"] = total - int(p.get("warmup_steps") or 0)
        if p.get("warmup_target") is None:
            p.pop("warmup_target", None)
            p.pop("warmup_steps", None)
    if kind == "piecewise_constant":
        p["values"] = [float(v) for v in p["values"]]
    return getattr(keras.optimizers.schedules, SCHEDULE["class"])(**p)


def make_metric(name):
    named = {"rmse": keras.metrics.RootMeanSquaredError, "r2_score": keras.metrics.R2Score,
             "auc": keras.metrics.AUC, "precision": keras.metrics.Precision,
             "recall": keras.metrics.Recall}
    return named[name](name=name) if name in named else name


def compile_model(model, steps_per_epoch, epochs):
    params = dict(OPTIMIZER_PARAMS)
    params["learning_rate"] = make_learning_rate(steps_per_epoch, epochs)
    optimizer = getattr(keras.optimizers, OPTIMIZER)(**params)
    losses = {name: getattr(keras.losses, spec["class"])(**spec["params"])
              for name, spec in LOSSES.items()}
    metrics = {name: [make_metric(m) for m in spec["metrics"]] for name, spec in LOSSES.items()}
    if len(LOSSES) == 1:
        name = next(iter(LOSSES))
        model.compile(optimizer=optimizer, loss=losses[name], metrics=metrics[name])
    else:
        model.compile(optimizer=optimizer, loss=losses, metrics=metrics,
                      loss_weights={name: spec["weight"] for name, spec in LOSSES.items()})


# ---------------------------------------------------------------- callbacks
def make_callbacks(out_dir):
    def place(path):
        path = os.path.join(out_dir, path)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        return path

    out = []
    c = CALLBACKS
    if "early_stopping" in c:
        out.append(keras.callbacks.EarlyStopping(**c["early_stopping"]))
    if "checkpoint" in c:
        ck = dict(c["checkpoint"])
        out.append(keras.callbacks.ModelCheckpoint(place(ck.pop("path")), **ck))
    if "reduce_lr" in c:
        out.append(keras.callbacks.ReduceLROnPlateau(**c["reduce_lr"]))
    if "csv_log" in c:
        out.append(keras.callbacks.CSVLogger(place(c["csv_log"]["path"]),
                                             append=bool(c["csv_log"]["append"])))
    if "tensorboard" in c:
        tb = dict(c["tensorboard"])
        log_dir = os.path.join(out_dir, tb.pop("log_dir"))
        os.makedirs(log_dir, exist_ok=True)
        out.append(keras.callbacks.TensorBoard(log_dir=log_dir, **tb))
    out.append(keras.callbacks.TerminateOnNaN())  # a NaN loss stops the run, as in the editor
    return out


# ---------------------------------------------------------------- fit
def main(argv=None):
    parser = argparse.ArgumentParser(description="Train " + NETWORK_NAME)
    parser.add_argument("--epochs", type=int, default=int(os.environ.get(EPOCHS_ENV) or EPOCHS))
    parser.add_argument("--out", default=".", help="folder for checkpoints and logs")
    args = parser.parse_args(argv)
    if SEED is not None:
        keras.utils.set_random_seed(SEED)
    x_tr, y_tr, x_va, y_va = preprocess(*load_data())
    model = build_model()
    steps_per_epoch = max(1, math.ceil(len(x_tr) / BATCH_SIZE))
    compile_model(model, steps_per_epoch, args.epochs)
    model.summary()
    history = model.fit(x_tr, y_tr, batch_size=BATCH_SIZE, epochs=args.epochs, shuffle=SHUFFLE,
                        validation_data=(x_va, y_va) if x_va is not None else None,
                        callbacks=make_callbacks(args.out), verbose=2)
    final = {k: float(v[-1]) for k, v in history.history.items() if v}
    print(json.dumps({"network": NETWORK_NAME, "layers": [layer.name for layer in model.layers],
                      "params": int(model.count_params()), "x_train": list(x_tr.shape),
                      "y_train": list(np.shape(y_tr)),
                      "x_val": list(x_va.shape) if x_va is not None else None,
                      "sums": {"x_train": float(np.sum(x_tr, dtype="float64")),
                               "y_train": float(np.sum(y_tr, dtype="float64")),
                               "x_val": float(np.sum(x_va, dtype="float64"))
                               if x_va is not None else None},
                      "epochs": len(history.epoch), "final": final}))
    return model, history


if __name__ == "__main__":
    main()
'''


__all__ = ["ScriptExportError", "training_script", "write_training_script", "settings_summary",
           "literal", "identifier", "SUPPORTED", "EPOCHS_ENV"]

"""Can this data feed that model? Checked before training starts.

``check_compatible`` compares the shape of one sample (and the targets) with
the model's input and output shapes (without the batch axis) and returns
`Diagnostic` values that name the input or output, both shapes, and the
setting that would fix the mismatch.
"""

from __future__ import annotations



import numpy as np

from engine.data.dataset import REGRESSION, Dataset
from engine.errors import ERROR, WARNING, Diagnostic
from engine.shapes import fmt


def _named(shapes, default_prefix: str) -> list[tuple[str, tuple]]:
    if shapes is None:
        return []
    if isinstance(shapes, dict):
        return [(str(k), tuple(v)) for k, v in shapes.items()]
    shapes = list(shapes)
    if shapes and (shapes[0] is None or isinstance(shapes[0], int)):
        shapes = [tuple(shapes)]  # a single shape
    return [(f"{default_prefix}{i}" if len(shapes) > 1 else default_prefix, tuple(s))
            for i, s in enumerate(shapes)]


def _dims_match(expected: tuple, actual: tuple) -> bool:
    return len(expected) == len(actual) and all(e is None or e == a for e, a in zip(expected, actual))


def _input_hint(ds: Dataset, expected: tuple, actual: tuple) -> str:
    """The setting that turns ``actual`` samples into ``expected`` ones."""
    known = [d for d in expected if d is not None]
    n_actual = int(np.prod(actual)) if actual else 1
    is_image = len(actual) in (2, 3) and ds.task != REGRESSION and ds.x_train.dtype != np.int64 \
        and (len(actual) == 3 or min(actual) >= 8)
    steps = []
    # Image to image: resize and/or channels.
    if len(expected) == 3 and is_image:
        eh, ew, ec = expected
        ah, aw = actual[0], actual[1]
        ac = actual[2] if len(actual) == 3 else None
        if (eh is not None and eh != ah) or (ew is not None and ew != aw):
            steps.append(f"set resize to {eh}×{ew}")
        if ec is not None and ec != ac:
            if ac is None and ec == 1:
                steps.append("set channels to 1 (adds the channel axis)")
            else:
                steps.append(f"set channels to {ec}")
        if steps:
            return "; ".join(steps) + "."
    # Anything to a flat vector of the same size: flatten.
    if len(expected) == 1 and len(actual) > 1:
        if expected[0] is None or expected[0] == n_actual:
            return f"set flatten on (samples become ({n_actual},)), or add a Flatten layer after the input."
        return (f"the model takes {expected[0]} values per sample but each sample has {n_actual}; "
                f"change the Input shape to {fmt(tuple(actual))} and add a Flatten layer.")
    # Same values, one more axis of size 1: add a channel axis.
    if len(expected) == len(actual) + 1 and expected[-1] in (1, None) and \
            _dims_match(expected[:-1], actual):
        return "set add_channel on (adds a trailing axis of size 1)."
    # Same number of values in another arrangement: reshape.
    if all(d is not None for d in expected) and known and int(np.prod(known)) == n_actual:
        return f"set reshape to {list(expected)}."
    if len(expected) == len(actual) == 1:
        return (f"change the Input shape to {fmt(tuple(actual))}: the data has {actual[0]} features "
                f"per sample.")
    if len(expected) == 2 and len(actual) == 2 and expected[0] not in (None, actual[0]):
        return f"change the Input shape to {fmt(tuple(actual))} or the window length to {expected[0]}."
    return f"change the Input shape to {fmt(tuple(actual))}."


def _check_targets(ds: Dataset, name: str, expected: tuple) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    target = ds.target_shape
    units = expected[-1] if expected else 1
    if ds.task == REGRESSION:
        values = int(np.prod(target)) if target else 1
        if units is not None and units != values:
            out.append(Diagnostic(
                name, ERROR,
                f"Output '{name}' gives {units} values per sample but the {ds.name} targets have "
                f"{values} ({fmt(tuple(target)) if target else 'one number'}).",
                f"set the output layer's units to {values}.", code="target_shape"))
        return out
    k = ds.num_classes
    if ds.label_mode == "onehot":
        if units is not None and units != target[-1]:
            out.append(Diagnostic(
                name, ERROR,
                f"Output '{name}' {fmt(tuple(expected))} has {units} units but the {ds.name} labels are "
                f"one-hot with {target[-1]} classes.",
                f"set the output layer's units to {target[-1]}.", code="target_shape"))
        return out
    # Sparse class ids.
    labels = np.asarray(ds.y_train) if ds.y_train is not None else np.zeros(0)
    lowest = int(np.min(labels)) if labels.size and labels.dtype.kind in "iuf" else 0
    if lowest < 0:
        out.append(Diagnostic(
            name, ERROR,
            f"The {ds.name} labels include negative class ids (the lowest is {lowest}); class ids "
            f"run from 0 to the number of classes - 1.",
            "renumber the labels from 0 in the data (for example y - y.min()).", code="label_range"))
        return out
    if units is None:
        return out
    if units == 1:
        if k is not None and k > 2:
            out.append(Diagnostic(
                name, ERROR,
                f"Output '{name}' has 1 unit but the {ds.name} data has {k} classes.",
                f"set the output layer's units to {k} with softmax.", code="target_shape"))
        return out
    if k is not None and units != k:
        highest = int(np.max(ds.sparse_labels())) if ds.num_train else 0
        severity = ERROR if units <= highest else WARNING
        out.append(Diagnostic(
            name, severity,
            f"Output '{name}' has {units} units but the {ds.name} data has {k} classes"
            f"{' (labels up to ' + str(highest) + ')' if severity == ERROR else ''}.",
            f"set the output layer's units to {k}.", code="target_shape"))
    return out


def check_compatible(ds: Dataset, input_shapes, output_shapes=None) -> list[Diagnostic]:
    """Diagnostics for every way ``ds`` cannot feed a model; empty when it can.

    Args:
        ds: the (preprocessed) dataset.
        input_shapes: the model's input shapes without the batch axis, as a
            dict ``{name: shape}``, a list of shapes, or one shape.
        output_shapes: the same for the outputs (optional).

    Example:
        >>> from engine.data import load_dataset
        >>> msgs = check_compatible(load_dataset("digits"), {"in": (32, 32, 3)})
        >>> print(msgs[0].message)
        Input 'in' expects (32, 32, 3) but the digits samples are (8, 8).
        >>> print(msgs[0].hint)
        set resize to 32×32; set channels to 3.
    """
    out: list[Diagnostic] = []
    inputs = _named(input_shapes, "input")
    if len(inputs) != 1:
        out.append(Diagnostic(None, ERROR,
                              f"The model has {len(inputs)} inputs but the {ds.name} data feeds one.",
                              "give the model a single Input.", code="input_count"))
    else:
        name, expected = inputs[0]
        actual = ds.input_shape
        if not _dims_match(expected, actual):
            out.append(Diagnostic(
                name, ERROR,
                f"Input '{name}' expects {fmt(tuple(expected))} "
                f"but the {ds.name} samples are {fmt(tuple(actual))}.",
                _input_hint(ds, expected, actual), code="input_shape"))
    if output_shapes is not None:
        outputs = _named(output_shapes, "output")
        if len(outputs) != 1:
            out.append(Diagnostic(None, ERROR,
                                  f"The model has {len(outputs)} outputs but the {ds.name} data has "
                                  f"one target.", "give the model a single output.",
                                  code="output_count"))
        else:
            out.extend(_check_targets(ds, *outputs[0]))
    return out


def check_model_compatible(ds: Dataset, model) -> list[Diagnostic]:
    """``check_compatible`` against a built Keras model (batch axis dropped)."""
    ins = {t.name if hasattr(t, "name") else f"input{i}": tuple(t.shape[1:])
           for i, t in enumerate(model.inputs)}
    outs = {getattr(t, "name", f"output{i}"): tuple(t.shape[1:]) for i, t in enumerate(model.outputs)}
    names = getattr(model, "output_names", None)
    if names and len(names) == len(outs):
        outs = dict(zip(names, outs.values()))
    return check_compatible(ds, ins, outs)




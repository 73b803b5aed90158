"""``neurocanvas explain``: an attribution map or the per-class metrics of a
run or a ``.keras`` model, from the command line.

    neurocanvas explain RUN_DIR|MODEL.keras [--dataset NAME --sample I | --input X.npy]
                        --method gradcam|saliency|smoothgrad|ig|occlusion
                        [--layer NAME] [--class C] -o OUT.png [--npy OUT.npy]
    neurocanvas explain RUN_DIR [--dataset NAME] --report

The first form writes the overlay image (and with ``--npy`` the raw map as
`engine.explain.attribution` defines it) and prints one JSON line
``{"method", "layer", "class", "predicted", "probability", "map_shape"}``;
``--report`` prints the per-class metrics on the validation set as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from engine.explain import ExplainError

EXIT_USAGE = 2


def add_explain_parser(sub) -> None:
    """Add the ``explain`` subcommand to the parser's subparsers."""
    from engine.explain import METHODS  # (numpy and Keras load only when it runs)

    p = sub.add_parser("explain", help="an attribution map (Grad-CAM, saliency, …) of one sample, "
                       "or the per-class metrics of a run or .keras model")
    p.add_argument("source", metavar="RUN_DIR|MODEL.keras")
    p.add_argument("--dataset", metavar="NAME", help="the dataset to take samples from "
                   "(default: the run's own; required for --sample with a .keras model)")
    p.add_argument("--sample", type=int, metavar="I", help="explain validation sample I (default 0)")
    p.add_argument("--input", metavar="X.npy", help="explain this sample: one preprocessed input "
                   "shaped like the model's input without the batch axis")
    p.add_argument("--method", choices=METHODS, help="the attribution method")
    p.add_argument("--layer", metavar="NAME", help="Grad-CAM's layer (default: the last convolution)")
    p.add_argument("--class", dest="class_index", type=int, metavar="C",
                   help="explain this class (default: the predicted one)")
    p.add_argument("-o", "--output", metavar="OUT.png", help="the overlay image to write")
    p.add_argument("--npy", metavar="OUT.npy", help="also write the raw map")
    p.add_argument("--report", action="store_true", help="print the per-class metrics as JSON")
    p.set_defaults(func=cmd_explain)


def _usage_problem(args) -> str | None:
    if args.report:
        if args.method or args.output or args.input or args.sample is not None:
            return "--report prints metrics; it takes no --method, --input, --sample or -o."
        return None
    if args.method is None:
        return "give --method gradcam|saliency|smoothgrad|ig|occlusion (or --report)."
    if args.output is None:
        return "give -o OUT.png, the overlay image to write."
    if args.input is not None and (args.sample is not None or args.dataset is not None):
        return "give either --input X.npy or --dataset/--sample, not both."
    return None


def cmd_explain(args) -> int:
    problem = _usage_problem(args)
    if problem:
        print(f"neurocanvas explain: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from engine.explain.subject import open_subject

    source = Path(args.source)
    subject = open_subject(source, dataset=args.dataset)
    if args.report:
        from engine.explain.mistakes import report

        _require_data(subject)
        print(json.dumps(report(subject)))
        return 0
    sample = _read_input(args.input) if args.input is not None else _pick_sample(subject, args)
    from engine.explain.attribution import explain, write_npy, write_png

    result = explain(subject.model, sample, args.method, args.class_index, args.layer)
    write_png(args.output, result.overlay())
    if args.npy:
        write_npy(args.npy, result.map)
    print(json.dumps(result.summary()))
    return 0


def _require_data(subject) -> None:
    if not subject.has_data:
        raise ExplainError(f"{subject.name} has no dataset to take samples from.",
                           "Add --dataset NAME (the one it was trained on), or give --input X.npy.",
                           code="no_data")


def _pick_sample(subject, args):
    _require_data(subject)
    x = subject.x_val
    i = 0 if args.sample is None else int(args.sample)
    if not 0 <= i < len(x):
        raise ExplainError(f"Sample {i} does not exist; the validation set has {len(x)} samples.",
                           f"Give --sample from 0 to {len(x) - 1}.", code="sample")
    return x[i]


def _read_input(path):
    import numpy as np

    try:
        return np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise ExplainError(f"{path}: no such file.", code="input") from None
    except (OSError, ValueError) as exc:
        raise ExplainError(f"{path} is not a NumPy .npy array: {exc}",
                           "Save one sample with numpy.save (no pickled objects).",
                           code="input") from None


__all__ = ["add_explain_parser", "cmd_explain"]

"""``neurocanvas deploy``: export and verify from the command line.

    neurocanvas deploy RUN_DIR|DOC.json|MODEL.keras [--dataset NAME]
        --format onnx,tflite-float32,tflite-float16,tflite-dynamic,tflite-int8,savedmodel
        [--samples N] [--opset K] [--checkpoint best|last] -o DIR

Progress goes to stderr; stdout gets one JSON line
``{"exports": [{"format", "path", "size_bytes", "max_abs_diff", "accuracy",
"keras_accuracy", "error", "keras_error", "latency_ms", "warning", …}], …}``.
Exit 0 when every format was exported and verified, 1 when one was refused
(its row says why), 2 for bad usage or a source that cannot be read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

from engine.deploy.formats import DEFAULT_OPSET, FORMAT_IDS, OPSETS

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def add_parser(sub) -> None:
    """Declare the ``deploy`` subcommand on ``sub`` (argparse subparsers)."""
    p = sub.add_parser("deploy", help="export a trained network to TFLite / ONNX / SavedModel "
                       "and verify each file against Keras; prints one JSON line")
    p.add_argument("source", help="a run folder (DOC.runs/<time>_<id>), a .json document with "
                   "trained weights, or a .keras model")
    p.add_argument("--format", required=True, metavar="LIST",
                   help=f"comma-separated: {','.join(FORMAT_IDS)} (or all)")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="the folder to write the exports into (nothing is written elsewhere)")
    p.add_argument("--dataset", metavar="NAME", help="verify on this dataset (needed for a "
                   ".keras model; replaces a document's own data)")
    p.add_argument("--samples", type=int, default=200, metavar="N",
                   help="validation samples to verify on (default 200)")
    p.add_argument("--opset", type=int, default=DEFAULT_OPSET, metavar="K",
                   help=f"ONNX opset, {OPSETS[0]}–{OPSETS[-1]} (default {DEFAULT_OPSET})")
    p.add_argument("--checkpoint", choices=("best", "last"), default="best",
                   help="which model of a run folder (default best)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run)


@contextlib.contextmanager
def _stdout_to_stderr():
    """Send what converters print (C++ code writes to file descriptor 1) to
    stderr, so stdout carries only the JSON line."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def run(args) -> int:
    from engine.deploy.errors import DeployError
    from engine.deploy.formats import parse_formats

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        parse_formats(args.format)
    except DeployError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.samples < 1:
        print(f"neurocanvas: --samples must be at least 1, not {args.samples}.", file=sys.stderr)
        return EXIT_USAGE

    def progress(fraction: float, text: str) -> None:
        if not args.quiet:
            print(f"[{100 * fraction:3.0f}%] {text}", file=sys.stderr, flush=True)

    from engine.deploy.pipeline import deploy

    try:
        with _stdout_to_stderr():
            report = deploy(args.source, args.format, args.output, dataset=args.dataset,
                            samples=args.samples, opset=args.opset, checkpoint=args.checkpoint,
                            progress=progress)
    except DeployError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for row in report.rows:
        if row.refused:
            print(f"refused: {row.format}: {row.refused}" + (f" Hint: {row.hint}" if row.hint
                                                             else ""), file=sys.stderr)
        elif row.warning:
            print(f"warning: {row.format}: {row.warning}", file=sys.stderr)
    print(json.dumps(report.to_dict()), flush=True)
    return EXIT_OK if report.ok else EXIT_REFUSED

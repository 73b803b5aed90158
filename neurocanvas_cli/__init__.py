"""The ``neurocanvas`` command.

    neurocanvas [FILE]               start the editor (FILE: a document, preset id or
                                     .keras/.h5 model; see gui/launch.py for its options)
    neurocanvas validate FILE        exit 0 valid, 1 invalid, 2 unreadable / bad usage
    neurocanvas summary FILE [--json]
    neurocanvas export FILE --python OUT.py | --python-train OUT.py | --keras OUT.keras
    neurocanvas import MODEL.keras|keras.applications.NAME -o DOC.json
    neurocanvas presets              list the gallery
    neurocanvas train FILE [--dataset NAME] [--epochs N] [--batch-size B] [--optimizer NAME]
                     [--lr X] [--strategy mirrored|multiworker] [--run-dir DIR] [--resume RUN]
                                     exit 0 finished, 1 training failed / invalid, 2 bad usage
    neurocanvas runs FILE [--json] [--compare RUN_A RUN_B]
    neurocanvas sweep FILE --space SPACE.json --trials N [...]   (engine.experiments.command)
    neurocanvas sweep-worker --storage URL --study NAME
    neurocanvas deploy RUN_DIR|DOC|MODEL.keras --format LIST -o DIR   (engine.deploy.command)
    neurocanvas grow DOC --widen LAYER:FACTOR | --deepen AFTER [--run RUN_DIR] -o NEW.json
                                     (engine.grow_command)
    neurocanvas train EDITED.json --resume RUN_DIR --epochs N   continue a run with an edited
                                     network as a new segment
    neurocanvas explain RUN_DIR|MODEL.keras --method gradcam|… -o OUT.png | --report
                                     (see engine.explain.command)

Wherever a FILE is accepted, a preset id (``lenet5``) works too. Errors are
one plain line on stderr, never a traceback.

The command line is the layer above the engine, the presets and the editor: it
imports all three, and none of them imports it (``python -m neurocanvas_cli``
runs it too). The subcommands the engine's packages declare get
:func:`open_source` handed in, so that they can take a preset id without the
engine importing the presets.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from engine.errors import NeuroCanvasError
from engine.events import EventKind

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
DEFAULT_PRESET = "lenet5"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # bad usage: one line, exit 2
        self.exit(EXIT_UNREADABLE, f"neurocanvas: {message} (see neurocanvas --help)\n")


def open_source(source: str):
    """A Network from a document path or a preset id; raises NeuroCanvasError."""
    from engine.network import Network
    from presets import adopt_legacy_document, build_preset, has_preset

    path = Path(source)
    if path.exists() or source.endswith(".json") or os.sep in source:
        net = Network.load(path)
        adopt_legacy_document(net)
        return net
    if has_preset(source):
        return build_preset(source)
    raise NeuroCanvasError(f"{source}: no such file or preset.",
                           "Give the path of a .json document, or a preset id from `neurocanvas presets`.")


def cmd_validate(args) -> int:
    net = open_source(args.file)
    report = net.analyze()
    for d in report.diagnostics:
        where = f"{d.node}: " if d.node and not d.message.startswith(net.nodes[d.node].name) else ""
        hint = f" Hint: {d.hint}" if d.hint else ""
        print(f"{d.severity}: {where}{d.message}{hint}", file=sys.stderr)
    if report.valid:
        print(f"{net.name}: valid ({report.total_params:,} params)")
        return EXIT_OK
    return EXIT_INVALID


def cmd_summary(args) -> int:
    from engine.analysis import summary_table

    net = open_source(args.file)
    report = net.analyze()
    if args.json:
        from engine.formulas import report_with_formulas
        print(json.dumps(report_with_formulas(net, report)))
    else:
        print(summary_table(report))
        for d in report.diagnostics:
            print(f"  {d}")
    return EXIT_OK if report.valid else EXIT_INVALID


def cmd_export(args) -> int:
    from engine.atomic import write_atomic

    train_script = getattr(args, "python_train", None)
    if not args.python and not args.keras and not train_script:
        raise NeuroCanvasError("export needs --python OUT.py, --python-train OUT.py and/or "
                               "--keras OUT.keras.")
    if args.keras and not str(args.keras).endswith(".keras"):
        raise NeuroCanvasError(f"{args.keras}: a Keras model file must end in .keras.")
    net = open_source(args.file)
    _trust_modules(net, args)
    if train_script:
        from engine.training.script_export import write_training_script

        document = Path(args.file) if Path(args.file).is_file() else None
        write_training_script(net, train_script, document)
        print(f"wrote {train_script}")
    if args.python:
        write_atomic(args.python, net.to_python())
        print(f"wrote {args.python}")
    if args.keras:
        from engine.keras_build import save_keras_file

        save_keras_file(net, args.keras)
        print(f"wrote {args.keras}")
    return EXIT_OK


def _trust_modules(net, args) -> None:
    """Load the classes of the document's opaque (custom) layers from the modules given
    with --trust-module (the person's consent for this command) or trusted for this
    document in the user's settings; refuse, naming the class, when one is missing."""
    from engine.trust import activate, lambda_nodes, opaque_classes

    if not opaque_classes(net) and not lambda_nodes(net):
        return
    document = args.file if args.file and Path(args.file).is_file() else None
    activate(net, document, getattr(args, "trust_module", None) or [],
             lambdas=bool(getattr(args, "trust_lambda", False)))


def cmd_import(args) -> int:
    from collections import Counter

    from engine.keras_import import import_file, import_source
    from engine.opaque import parse_shape_option
    from engine.weights import weights_path

    shapes = dict(parse_shape_option(t) for t in args.opaque_shape or [])
    if shapes or args.trust_lambda:
        result = import_file(args.source, weights=not args.no_weights, opaque_shapes=shapes,
                             trust_lambda=args.trust_lambda)
    else:
        result = import_source(args.source, weights=not args.no_weights, app_weights=args.weights)
    net = result.network
    if args.name:
        net.set_name(args.name)
    net.save(args.output)
    report = net.analyze()
    wrote = f"{args.output}" + (f" and {weights_path(args.output)}" if result.weights else "")
    print(f"imported {net.name}: {len(net.nodes)} layers, {report.total_params:,} params "
          f"({report.trainable_params:,} trainable); wrote {wrote}")
    kept = Counter((g.class_name, g.reason) for g in result.generic)
    for (class_name, reason), n in sorted(kept.items()):
        print(f"  kept as a generic Keras layer: {class_name} x{n} ({reason})")
    for note in result.notes:
        print(f"  note: {note}")
    return EXIT_OK


def cmd_presets(args) -> int:
    from presets import all_presets

    rows = []
    for preset in all_presets():
        report = preset.build().analyze()
        rows.append((preset.id, preset.title, f"{report.total_params:,}", str(tuple(preset.input_shape))))
    widths = [max(len(r[i]) for r in rows + [("id", "title", "params", "input")]) for i in range(4)]
    print(f"{'id':<{widths[0]}}  {'title':<{widths[1]}}  {'params':>{widths[2]}}  input")
    for r in rows:
        print(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}")
    return EXIT_OK


def _print_diagnostics(diagnostics) -> None:
    for d in diagnostics:
        where = f"{d.node}: " if d.node and not d.message.startswith(f"{d.node}") and \
            f"'{d.node}'" not in d.message else ""
        hint = f" Hint: {d.hint}" if d.hint else ""
        print(f"{d.severity}: {where}{d.message}{hint}", file=sys.stderr)


class _Progress:
    """Trainer subscriber: training progress on stderr.

    On a terminal, a `rich.progress` bar follows the batches of the current
    epoch and each finished epoch leaves one line above it; elsewhere (a pipe,
    a log file, CI) only the plain lines are written, one per epoch:
    ``Epoch 2/5 [4/4] 0.3s - loss 0.61 - accuracy 0.8 - lr 0.001``."""

    def __init__(self, stream=None, live: bool | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.steps = 1
        self.epochs = 0
        self._bar = None   # the rich Progress while a run is live
        self._task = None

    def __call__(self, event) -> None:
        handler = self._HANDLERS.get(event.kind)
        if handler is not None:
            handler(self, event.kind, event.data)

    def _started(self, _kind, d: dict) -> None:
        self.steps, self.epochs = int(d.get("steps_per_epoch") or 1), int(d.get("epochs") or 0)
        first = int(d.get("initial_epoch") or 0) + 1
        self._line(f"Training {d.get('params', 0):,} parameters: epochs {first} to "
                   f"{self.epochs}, {self.steps} steps each.")
        if self.live:
            self._start_bar(first)

    def _batch(self, _kind, d: dict) -> None:
        if self._bar is None:
            return
        last = d.get("last") or {}
        self._bar.update(self._task, completed=min(int(last.get("batch", 0)) + 1, self.steps),
                         epoch=int(last.get("epoch", 0)) + 1,
                         loss=f"loss {last.get('loss', float('nan')):.4g}")

    def _epoch(self, _kind, d: dict) -> None:
        metrics = " - ".join(f"{k} {v:.4g}" for k, v in (d.get("logs") or {}).items())
        lr = d.get("lr")
        lr_text = f" - lr {lr:.3g}" if lr is not None else ""
        done = int(d.get("steps") or self.steps)
        self._line(f"Epoch {int(d['epoch'])}/{self.epochs} [{done}/{self.steps}] "
                   f"{d.get('duration', 0):.1f}s - {metrics}{lr_text}")
        if self._bar is not None:
            self._bar.reset(self._task, total=self.steps, epoch=int(d["epoch"]) + 1, loss="")

    def _ended(self, kind, d: dict) -> None:
        self._stop_bar()
        if kind != EventKind.FINISHED:
            hint = f" Hint: {d['hint']}" if d.get("hint") else ""
            self._line(f"{kind}: {d.get('reason', '')}{hint}")

    _HANDLERS = {EventKind.STARTED: _started, EventKind.BATCH: _batch, EventKind.EPOCH: _epoch,
                 EventKind.FINISHED: _ended, EventKind.STOPPED: _ended, EventKind.FAILED: _ended}

    def _start_bar(self, epoch: int) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn)

        console = Console(file=self.stream, force_terminal=True)
        self._bar = Progress(TextColumn("Epoch {task.fields[epoch]}/" + str(self.epochs)),
                             BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                             TextColumn("{task.fields[loss]}"), console=console, transient=True)
        self._task = self._bar.add_task("epoch", total=self.steps, epoch=epoch, loss="")
        self._bar.start()

    def _stop_bar(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _line(self, text: str) -> None:
        if self._bar is not None:  # above the live bar, which stays at the bottom
            self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
            return
        self.stream.write(text + "\n")
        self.stream.flush()


def cmd_train(args) -> int:
    """One JSON line on stdout is the promise: anything else printed while training
    (Keras, a dataset loader) goes to stderr."""
    stdout = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):
        return _train(args, stdout)


def _train(args, stdout) -> int:
    from engine.data.dataset import DataError
    from engine.training.errors import SettingsError
    from engine.plain_data import json_safe
    from engine.training.runs import RunError
    from engine.training.session import TrainingSetupError

    problem = _train_usage_problem(args)
    if problem:
        print(f"neurocanvas: {problem}", file=sys.stderr)
        return EXIT_UNREADABLE
    progress = [] if args.quiet else [_Progress()]
    try:
        if args.resume:
            from engine.training.resume import resume_training

            edited = open_source(args.file) if args.file else None
            for module in getattr(args, "trust_module", None) or []:  # the run's network may need them
                from engine.trust import load_module

                load_module(module)
            if edited is not None:
                _trust_modules(edited, args)
            session = resume_training(args.resume, network=edited, strategy=args.strategy,
                                      subscribers=progress)
        else:
            net = open_source(args.file)
            document = args.file if Path(args.file).exists() else None
            _trust_modules(net, args)
            overrides = {"dataset": args.dataset, "epochs": args.epochs,
                         "batch_size": args.batch_size, "optimizer": args.optimizer,
                         "learning_rate": args.lr, "seed": args.seed}
            overrides = {k: v for k, v in overrides.items() if v is not None}
            where = ({"run_dir": args.run_dir} if args.run_dir else
                     {} if document else {"runs_root": Path.cwd() / f"{net.name}.runs"})
            from engine.training.session import prepare_training

            session = prepare_training(net, document, overrides, strategy=args.strategy,
                                       subscribers=progress, **where)
    except TrainingSetupError as exc:
        shown = [d for d in exc.diagnostics if d.is_error] or exc.diagnostics
        if shown:
            _print_diagnostics(shown)
        else:  # a malformed section: the error itself says which
            print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except DataError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE if exc.code in ("unknown", "option") else EXIT_INVALID
    except SettingsError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE if exc.code in ("strategy", "tf_config", "optimizer") \
            else EXIT_INVALID
    except RunError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    _print_diagnostics(session.diagnostics)
    interrupted = False
    session.start(args.epochs if args.resume else None)
    try:
        while session.trainer.running:  # the thread, not the state: the final
            session.wait(0.5)  # event (and the run files) are written after the state changes
    except KeyboardInterrupt:
        interrupted = True
        session.trainer.stop()
        session.wait()
    result = session.result
    kind = str(result.kind) if result is not None else "failed"
    data = result.data if result is not None else {"reason": "The run ended without a result."}
    trainer = session.trainer
    out = {"run_dir": str(session.run_dir) if session.run_dir is not None else None,
           "epochs_run": int(trainer.epochs_done), "history": trainer.history(),
           "stopped": None if kind == "finished" else data.get("reason"), "status": kind}
    if args.resume:
        out.update(_segment_summary(session))
    print(json.dumps(json_safe(out)), file=stdout, flush=True)
    if interrupted:
        return 130
    if kind == "finished" or (kind == "stopped" and data.get("code") == "callback"):
        return EXIT_OK
    return EXIT_INVALID


def _segment_summary(session) -> dict:
    """``segments`` (how many the run has) and, for a run continued with an
    edited network, its ``carried``/``reinitialised``/``transformed`` layers."""
    from engine.training.segments import segment_count

    info = session.recorder.info if session.recorder is not None else {}
    out = {"segments": segment_count(info)}
    diff = (getattr(session, "segment", None) or {}).get("diff")
    if diff is not None:
        out.update(carried=diff.carried, reinitialised=diff.reinitialised,
                   transformed=diff.transformed)
    return out


def _train_usage_problem(args) -> str | None:
    from engine.training.compile import OPTIMIZERS
    from engine.training.distribute import STRATEGIES

    if args.resume is None and args.file is None:
        return "train needs a FILE or preset id (or --resume RUN_DIR)."
    for name in ("epochs", "batch_size"):
        v = getattr(args, name)
        if v is not None and v < 1:
            return f"--{name.replace('_', '-')} must be at least 1, not {v}."
    if args.lr is not None and not args.lr > 0:
        return f"--lr must be a positive number, not {args.lr}."
    if args.optimizer is not None and args.optimizer.lower() not in OPTIMIZERS:
        return f"unknown optimizer {args.optimizer!r}; use one of: {', '.join(OPTIMIZERS)}."
    if args.strategy is not None and args.strategy not in STRATEGIES:
        return f"unknown strategy {args.strategy!r}; use one of: {', '.join(STRATEGIES)}."
    if args.resume is not None and (args.dataset or args.optimizer or args.lr or args.batch_size):
        return ("--resume continues a run with its own settings; only --epochs and --strategy "
                "can be given with it.")
    return None


def cmd_runs(args) -> int:
    from engine.plain_data import json_safe
    from engine.training.runs import RunError, compare_runs, list_runs, load_run, runs_folder

    if args.compare:
        try:
            a, b = (load_run(_run_path(args.file, r)) for r in args.compare)
        except RunError as exc:
            print(f"neurocanvas: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        print(json.dumps(json_safe(compare_runs(a, b)), default=str))
        return EXIT_OK
    source = Path(args.file)
    if not source.exists() and not args.file.endswith(".json"):
        from presets import has_preset

        if has_preset(args.file):
            source = Path.cwd() / f"{args.file}.runs"
        else:
            raise NeuroCanvasError(f"{args.file}: no such file, runs folder or preset.")
    runs = list_runs(source)
    if args.json:
        print(json.dumps(json_safe([r.to_dict() for r in runs]), default=str))
        return EXIT_OK
    if not runs:
        folder = source if source.is_dir() else runs_folder(source)
        print(f"no runs in {folder}")
        return EXIT_OK
    rows = []
    for r in runs:
        best = r.best or {}
        value = best.get("value")
        opt = ((r.settings.get("training") or {}).get("compile") or {}).get("optimizer") or {}
        lr = opt.get("learning_rate")
        rows.append((r.id, r.status, (r.started or "")[:19].replace("T", " "), str(r.epochs_run),
                     f"{best.get('monitor')} {value:.4g}" if value is not None else "-",
                     str((r.settings.get("data") or {}).get("dataset", "-")),
                     f"{opt.get('name', '-')} {lr:g}" if isinstance(lr, (int, float)) else
                     str(opt.get("name", "-"))))
    head = ("run", "status", "started", "epochs", "best", "dataset", "optimizer")
    widths = [max(len(row[i]) for row in rows + [head]) for i in range(len(head))]
    for row in [head] + rows:
        print("  ".join(f"{c:<{w}}" for c, w in zip(row, widths)).rstrip())
    return EXIT_OK


def _run_path(file: str, run: str) -> Path:
    """A run given by folder, or by id among the runs of ``file``."""
    from engine.training.runs import runs_folder

    p = Path(run)
    if p.exists():
        return p
    root = Path(file) if Path(file).is_dir() else (
        runs_folder(file) if Path(file).exists() or file.endswith(".json")
        else Path.cwd() / f"{file}.runs")
    return root / run


def cmd_gui(args) -> int:
    from gui.launch import main as editor_main

    return editor_main(args.editor_argv)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="neurocanvas", description="Design, train and understand Keras networks.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("validate", help="check a document; exit 0 valid, 1 invalid, 2 unreadable")
    p.add_argument("file", help="a .json document or a preset id")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("summary", help="the layer table with shapes, params and MACs")
    p.add_argument("file", help="a .json document or a preset id")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_summary)
    p = sub.add_parser("export", help="write a Python script and/or a .keras model")
    p.add_argument("file", help="a .json document or a preset id")
    p.add_argument("--python", metavar="OUT.py")
    p.add_argument("--keras", metavar="OUT.keras")
    p.add_argument("--trust-module", action="append", metavar="PATH",
                   help="run this Python file to get the classes of the document's custom "
                        "layers (only give a file you trust; repeatable)")
    p.add_argument("--trust-lambda", action="store_true",
                   help="run the code of the document's Lambda layers (only if you trust it)")
    p.add_argument("--python-train", metavar="OUT.py",
                   help="a standalone training script: data, preprocessing, compile settings, "
                        "schedule, callbacks and fit")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="turn a Keras model (.keras/.h5 file or "
                       "keras.applications.NAME) into a document")
    p.add_argument("source", help="MODEL.keras, MODEL.h5 or keras.applications.ResNet50")
    p.add_argument("-o", "--output", required=True, metavar="DOC.json",
                   help="the document to write (weights go to DOC.weights.npz beside it)")
    p.add_argument("--name", help="name of the document (default: the model's name)")
    p.add_argument("--opaque-shape", action="append", metavar="LAYER=SHAPE",
                   help="output shape of a custom layer the file does not record, e.g. "
                        "patches=None,64,48 (repeatable)")
    p.add_argument("--trust-lambda", action="store_true",
                   help="keep Lambda layers (their code, as data) instead of refusing the model; "
                        "only for a file you trust")
    p.add_argument("--no-weights", action="store_true",
                   help="do not keep the model's weights (fresh initialisation when built)")
    p.add_argument("--weights", default=None, metavar="imagenet",
                   help="for keras.applications: pretrained weights Keras has in its cache")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("presets", help="list the preset gallery")
    p.set_defaults(func=cmd_presets)
    p = sub.add_parser("train", help="train a document or preset and record the run; "
                       "prints one JSON line at the end")
    p.add_argument("file", nargs="?", help="a .json document or a preset id")
    p.add_argument("--dataset", metavar="NAME", help="train on this built-in dataset")
    p.add_argument("--epochs", type=int, metavar="N")
    p.add_argument("--batch-size", type=int, metavar="B")
    p.add_argument("--optimizer", metavar="NAME", help="sgd, adam, rmsprop, …")
    p.add_argument("--lr", type=float, metavar="X", help="learning rate (or a schedule's start)")
    p.add_argument("--seed", type=int, metavar="S", help="random seed for a repeatable run")
    p.add_argument("--strategy", metavar="mirrored|multiworker",
                   help="tf.distribute: mirrored over local GPUs, or multiworker by TF_CONFIG")
    p.add_argument("--run-dir", metavar="DIR", help="record the run in this folder "
                   "(default: DOC.runs/<time>_<id> beside the document)")
    p.add_argument("--resume", metavar="RUN_DIR", help="continue this run from its last "
                   "checkpoint for --epochs more epochs; with FILE, continue it with that "
                   "(edited) network as a new segment")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--trust-module", action="append", metavar="PATH",
                   help="run this Python file to get the classes of the document's custom "
                        "layers (only give a file you trust; repeatable)")
    p.add_argument("--trust-lambda", action="store_true",
                   help="run the code of the document's Lambda layers (only if you trust it)")
    p.set_defaults(func=cmd_train)
    p = sub.add_parser("runs", help="list the training runs of a document")
    p.add_argument("file", help="a .json document, its .runs folder, or a preset id")
    p.add_argument("--json", action="store_true", help="print one JSON list")
    p.add_argument("--compare", nargs=2, metavar=("RUN_A", "RUN_B"),
                   help="what differs between two runs (ids or folders), as JSON")
    p.set_defaults(func=cmd_runs)
    from engine.deploy.command import add_parser as add_deploy_parser
    from engine.grow_command import add_parser as add_grow_parser

    add_deploy_parser(sub)
    add_grow_parser(sub, open_source)
    from engine.experiments.command import add_parsers as add_sweep_parsers

    add_sweep_parsers(sub, open_source)
    p = sub.add_parser("gui", help="start the editor (the default: neurocanvas [FILE] "
                       "[--exit-when-ready] [--lang LANG] [--verbose]; see neurocanvas gui --help)")
    p.add_argument("file", nargs="?", help="a document, a preset id or a .keras/.h5 model")
    p.set_defaults(func=cmd_gui)
    from engine.explain.command import add_explain_parser

    add_explain_parser(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    from gui.launch import editor_argv  # the editor's own arguments (FILE, --exit-when-ready, ...)

    editor = editor_argv(argv, _commands(parser))
    if editor is not None:
        args = argparse.Namespace(editor_argv=editor, func=cmd_gui)
    else:
        args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NeuroCanvasError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE if not getattr(exc, "diagnostics", None) else EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"neurocanvas: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except Exception as exc:  # never a traceback in the user's face
        if os.environ.get("NEUROCANVAS_DEBUG"):
            raise
        print(f"neurocanvas: unexpected error: {type(exc).__name__}: {exc} "
              "(set NEUROCANVAS_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_UNREADABLE


def _commands(parser) -> set:
    return {name for action in parser._subparsers._group_actions for name in action.choices}


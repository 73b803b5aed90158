"""The ``neurocanvas`` command.

    neurocanvas                      start the editor
    neurocanvas validate FILE        exit 0 valid, 1 invalid, 2 unreadable / bad usage
    neurocanvas summary FILE [--json]
    neurocanvas export FILE --python OUT.py | --keras OUT.keras
    neurocanvas import MODEL.keras|keras.applications.NAME -o DOC.json
    neurocanvas presets              list the gallery

Wherever a FILE is accepted, a preset id (``lenet5``) works too. Errors are
one plain line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from engine.errors import NeuroCanvasError

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
DEFAULT_PRESET = "lenet5"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # bad usage: one line, exit 2
        self.exit(EXIT_UNREADABLE, f"neurocanvas: {message} (see neurocanvas --help)\n")


def open_source(source: str):
    """A Network from a document path or a preset id; raises NeuroCanvasError."""
    from engine.network import Network

    path = Path(source)
    if path.exists() or source.endswith(".json") or os.sep in source:
        return Network.load(path)
    try:
        from presets import build_preset, has_preset
    except ImportError:  # pragma: no cover - presets ship with the engine
        has_preset = None
    if has_preset is not None and has_preset(source):
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
        print(json.dumps(report.to_dict()))
    else:
        print(summary_table(report))
        for d in report.diagnostics:
            print(f"  {d}")
    return EXIT_OK if report.valid else EXIT_INVALID


def cmd_export(args) -> int:
    from engine.fileformat import write_atomic

    if not args.python and not args.keras:
        raise NeuroCanvasError("export needs --python OUT.py and/or --keras OUT.keras.")
    net = open_source(args.file)
    if args.python:
        write_atomic(args.python, net.to_python())
        print(f"wrote {args.python}")
    if args.keras:
        if not str(args.keras).endswith(".keras"):
            raise NeuroCanvasError(f"{args.keras}: a Keras model file must end in .keras.")
        model = net.to_keras()
        tmp = Path(args.keras).with_name(f".{Path(args.keras).stem}.tmp.keras")
        model.save(tmp)
        os.replace(tmp, args.keras)
        print(f"wrote {args.keras}")
    return EXIT_OK


def cmd_import(args) -> int:
    from collections import Counter

    from engine.keras_import import import_source
    from engine.weights import save_document, weights_path

    result = import_source(args.source, weights=not args.no_weights, app_weights=args.weights)
    net = result.network
    if args.name:
        net.set_name(args.name)
    save_document(net, args.output)
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


def cmd_gui(args) -> int:
    try:
        from gui.app import main as gui_main
    except ImportError:
        # the editor is not installed: show what the engine can do instead
        args.file, args.json = DEFAULT_PRESET, False
        return cmd_summary(args)
    return gui_main(args.file, exit_when_ready=getattr(args, "exit_when_ready", False))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="neurocanvas", description="Design, train and understand Keras networks.")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="open the editor, wait until it is shown and idle, print the seconds "
                             "since the process started and exit (measures start-up)")
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
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="turn a Keras model (.keras/.h5 file or "
                       "keras.applications.NAME) into a document")
    p.add_argument("source", help="MODEL.keras, MODEL.h5 or keras.applications.ResNet50")
    p.add_argument("-o", "--output", required=True, metavar="DOC.json",
                   help="the document to write (weights go to DOC.weights.npz beside it)")
    p.add_argument("--name", help="name of the document (default: the model's name)")
    p.add_argument("--no-weights", action="store_true",
                   help="do not keep the model's weights (fresh initialisation when built)")
    p.add_argument("--weights", default=None, metavar="imagenet",
                   help="for keras.applications: pretrained weights Keras has in its cache")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("presets", help="list the preset gallery")
    p.set_defaults(func=cmd_presets)
    p = sub.add_parser("gui", help="start the editor (the default)")
    p.add_argument("file", nargs="?", help="a document to open")
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.file = None
        args.func = cmd_gui
    try:
        return args.func(args)
    except NeuroCanvasError as exc:
        print(f"neurocanvas: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE if not getattr(exc, "diagnostics", None) else EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"neurocanvas: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except Exception as exc:  # never a traceback in the user's face
        if os.environ.get("NEUROCANVAS_DEBUG"):
            raise
        print(f"neurocanvas: unexpected error: {type(exc).__name__}: {exc} "
              "(set NEUROCANVAS_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())

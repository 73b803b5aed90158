"""``neurocanvas [FILE] [--exit-when-ready] [--lang LANG] [--verbose]``: start the editor.

FILE is a ``.json`` document, a preset id (``lenet5``) or a Keras model
(``.keras`` / ``.h5``, imported on a background thread). Without FILE the
editor reopens the documents of the last session (LeNet-5 the first time).

Before Qt is touched this module quiets TensorFlow's start-up lines (unless
``--verbose`` or ``NEUROCANVAS_TF_LOG=1``) and checks that the system
libraries of Qt's xcb plugin are installed, so that a machine without them
gets a message naming what to install instead of Qt's abort. Nothing here
imports Qt at module level: the message works where PySide6 cannot load.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # bad usage: one line, exit 2
        self.exit(EXIT_USAGE, f"neurocanvas: {message} (see neurocanvas --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="neurocanvas", description="Start the NeuroCanvas editor.")
    p.add_argument("file", nargs="?", help="a .json document, a preset id or a .keras/.h5 model "
                   "(default: the documents open at the end of the last session)")
    p.add_argument("--exit-when-ready", action="store_true",
                   help="open the editor, wait until the document is shown and print one JSON line "
                        "(title, source, layers, total_params, valid, language, menus, seconds), "
                        "then exit")
    p.add_argument("--lang", metavar="LANG", help="the language of the interface, e.g. en or zh_CN "
                   "(default: the one chosen in View ▸ Language, else the system's where a "
                   "translation exists, else English)")
    p.add_argument("--verbose", action="store_true",
                   help="let TensorFlow print its start-up log lines (also: NEUROCANVAS_TF_LOG=1)")
    return p


def editor_argv(argv: list[str], commands) -> list[str] | None:
    """The editor's own arguments when ``argv`` starts the editor, else None
    (a subcommand, or ``--help`` of the whole command)."""
    if argv and argv[0] == "gui":
        return argv[1:]
    positional = [a for a in argv if not a.startswith("-")]
    if positional and positional[0] in commands:
        return None
    if not positional and any(a in ("-h", "--help") for a in argv):
        return None
    return list(argv)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    from engine.tf_logging import quiet_tensorflow
    from gui import platform_check

    # the environment TensorFlow reads must be set before it loads; the filter of
    # native log lines is installed by the TensorFlow loader, after Qt is up
    quiet_tensorflow(args.verbose, filter_native=False)
    problem = platform_check.check()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    try:
        from gui.app import main as run_editor
    except ImportError as exc:  # PySide6 itself cannot load here (e.g. libGL is missing)
        print(f"neurocanvas: the editor cannot start: {exc}.\nOn Debian/Ubuntu the editor needs: "
              f"{platform_check.APT_LINE}\nThe command line works without a window: "
              "neurocanvas --help", file=sys.stderr)
        return EXIT_FAILED
    return run_editor(args.file, exit_when_ready=args.exit_when_ready, language=args.lang,
                      verbose=args.verbose)

"""Start the editor: the window appears first, TensorFlow loads behind it.

``main(path)`` opens ``path`` (a document, a preset id or a ``.keras``/``.h5``
model) or, with none, the documents open at the end of the last session (the
default preset the first time). Work a crashed or killed instance did not
save is offered for recovery (see :mod:`gui.recovery`). Nothing here imports
TensorFlow on the GUI thread, and nothing that only training needs (numpy,
pyqtgraph) is imported before the window is up. ``--exit-when-ready`` stops
once the document is shown, at exactly the point where a normal start hands
the rest to background threads, and prints one JSON line describing it.
"""

from __future__ import annotations

import json
import os
import re
import sys

import time
from pathlib import Path

DEFAULT_PRESET = "lenet5"


def main(path: str | None = None, exit_when_ready: bool = False, started: float | None = None,
         language: str | None = None, verbose: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NeuroCanvas")
    app.setOrganizationName("NeuroCanvas")
    app.setApplicationDisplayName("NeuroCanvas")
    from gui import wheel_guard

    wheel_guard.install(app)

    from gui import language as languages
    from gui import recovery, test_driver
    from gui.main_window import MainWindow
    from gui.tensorflow_loader import TensorFlowLoader

    shown_language = languages.install(app, language or languages.saved() or None)
    from gui.i18n import translate
    driver = test_driver.from_environment()
    journal = not exit_when_ready or driver is not None
    loader = TensorFlowLoader(verbose=verbose)
    windows: list = []
    failed = []

    def new_window():
        window = MainWindow(tensorflow=loader, autosave=journal)
        if exit_when_ready:  # no modal dialog in a run that must end by itself
            def report(title, message, window=window):
                failed.append(message)
                window.notify(message)
                print(f"neurocanvas: {message}", file=sys.stderr)
            window.show_error = report
        if driver is not None:
            driver.attach(window)
        windows.append(window)
        return window

    window = new_window()
    opened_path = False
    if path:
        if _is_file(path) and not os.path.exists(path):
            window.show_error(translate("MainWindow", "Cannot open file"),
                              translate("Application", "{path}: no such file or directory.").format(path=path))
        else:
            opened_path = open_entry(window, {"path": path} if _is_file(path) else {"preset": path})
            if opened_path and window.imports:  # a model: if it is refused, show the default
                placeholder = window.doc
                window.import_finished.connect(
                    lambda ok: ok or window.doc is not placeholder
                    or window.open_preset(DEFAULT_PRESET, ask=False))
        if not opened_path:
            failed.append(path)
    # instances that ended without closing: what they had open, and their unsaved work
    stale = recovery.claim_stale() if journal else recovery.Stale()
    pairs = []  # (window or None, record) for each unsaved record
    if path:  # the file asked for is shown; unsaved work found opens in windows of its own
        pairs = [(None if opened_path else window, r) for r in stale.unsaved]
        if not opened_path and not pairs:
            window.open_preset(DEFAULT_PRESET, ask=False)
    else:
        opened = 0
        for item in stale.records or recovery.read_session():
            record = item if isinstance(item, recovery.Record) else None
            entry = record.entry if record else item
            target = window if opened == 0 else new_window()
            if open_entry(target, entry) or (record is not None and record.unsaved):
                opened += 1
                if record is not None and record.unsaved:
                    pairs.append((target, record))
            elif target is not window:
                windows.remove(target)
                target.deleteLater()
        if opened == 0 and not window.imports:
            window.open_preset(DEFAULT_PRESET, ask=False)
    for w in windows:
        w.show()

    def offer_recovery():
        """Ask once about all unsaved work found; recovered documents open in
        the window that showed their saved state (or a new one)."""
        if not pairs:
            stale.discard()
            return
        titles = "\n".join(f"• {r.title}" for _w, r in pairs)
        if len(pairs) > 1:
            question = translate("Application", "NeuroCanvas found unsaved changes from a session that did "
                                                "not end normally:\n{documents}\n\nRecover them?")
        else:
            question = translate("Application", "NeuroCanvas found unsaved changes from a session that did "
                                                "not end normally:\n{documents}\n\nRecover it?")
        if window.ask_yes_no(translate("Application", "Recover unsaved work?"), question.format(documents=titles)):
            for target, record in pairs:
                if target is None:
                    target = new_window()
                    target.show()
                target.recover(record)
        stale.discard()

    def ready():
        """The first idle turn of the event loop after the window is shown: the
        editor is usable from here; what only some actions need loads after it."""
        app.processEvents()  # the first paint
        if exit_when_ready:
            if driver is not None:
                offer_recovery()
            pending = [w for w in windows if w.imports]
            if pending:
                pending[0].import_finished.connect(lambda _ok: QTimer.singleShot(0, ready))
                return
            app.processEvents()
            info = describe(window, shown_language)
            info["seconds"] = round(time.perf_counter() - started if started is not None
                                    else _since_process_start(), 3)
            if driver is not None:
                driver.ready(windows)
            print(json.dumps(info))
            sys.stdout.flush()
            app.exit(1 if failed else 0)
            return
        # the training dashboard needs numpy and pyqtgraph (about a second of
        # imports): a thread imports them, then the dashboard is installed.
        # TensorFlow loads after those imports, never beside them: two threads
        # loading native extensions at once can deadlock (the dynamic loader's
        # lock against the GIL), so the two heavy loads take turns.
        from gui.dashboard_loader import DashboardLoader

        dashboards = [DashboardLoader(w) for w in windows]

        def start_dashboards(*_args):
            for d in dashboards:
                d.start()

        if loader.state == "loading":  # a model is being imported: TensorFlow first
            loader.ready.connect(start_dashboards)
            loader.failed.connect(start_dashboards)
        else:
            if not os.environ.get("NEUROCANVAS_NO_TENSORFLOW") and dashboards:
                dashboards[0].imported.connect(lambda: QTimer.singleShot(300, loader.start))
            start_dashboards()
        offer_recovery()  # may ask a question (a modal dialog)
        if driver is not None:
            driver.ready(windows)

    QTimer.singleShot(0, ready)
    code = app.exec()
    if exit_when_ready:
        for w in windows:
            w.hide()
    recovery.release_instance()
    return code


def open_entry(window, entry: dict) -> bool:
    """Open what a session entry names: a file, a preset, a lesson, an imported
    model or a new document. Returns whether it opened (or its import started)."""
    from engine.network import Network
    from gui.document import Document
    from gui.i18n import translate

    if "path" in entry:
        target = str(entry["path"])
        if not Path(target).exists():
            window.notify(translate("Application", "{path} was moved or deleted since the last session")
                          .format(path=target))
            return False
        return window.open_path(target, ask=False)
    if "preset" in entry:
        return window.open_preset(str(entry["preset"]), ask=False)
    if "lesson" in entry:
        return window.open_lesson(str(entry["lesson"]), ask=False)
    if "import" in entry:
        source = str(entry["import"])
        if not source.startswith("keras.applications.") and not Path(source).exists():
            return False
        return window.import_model(source, ask=False)
    if "new" in entry:
        window.set_document(Document(Network(str(entry["new"]) or "untitled")))
        return True
    return False


def describe(window, language: str) -> dict:
    """What ``--exit-when-ready`` prints: the document as shown."""
    doc = window.doc
    report = doc.report()
    title = window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")
    if doc.path is not None:
        source = str(doc.path.resolve())
    else:
        source = doc.origin.get("import") or doc.origin.get("preset")
    menus = [shown_text(a.text()) for a in window.menuBar().actions() if a.isVisible() and a.text()]
    return {"title": title, "source": source, "layers": len(doc.network.nodes),
            "total_params": report.total_params, "valid": report.valid, "language": language,
            "menus": menus}


def shown_text(text: str) -> str:
    """A menu title as it reads on screen: without its mnemonic marker, either
    "&File" or the "文件(&F)" of languages whose words have no Latin letter."""
    text = text.replace("&&", "\0")
    text = re.sub(r"\s*\(&[^)]\)", "", text)
    return text.replace("&", "").replace("\0", "&")


def _is_file(source: str) -> bool:
    return os.path.exists(source) or Path(source).suffix.lower() in (".json", ".keras", ".h5", ".hdf5") \
        or os.sep in source


def _since_process_start() -> float:
    """Seconds since this process was created (Linux /proc; else since import)."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()

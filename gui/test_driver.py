"""Drive a real editor process from a test: scripted edits with timestamps,
answers to the recovery question, a report of what is shown.

Only active when ``NEUROCANVAS_TEST_DRIVER`` names a JSON file such as::

    {"answer_recovery": true,          # answer "Recover unsaved work?" (omit: ask the person)
     "report": "/tmp/report.json",     # written once the windows are shown
     "edits": {"node": "f5", "param": "units", "start": 100, "interval_ms": 50,
               "log": "/tmp/edits.log"},  # one "value unix-time" line per edit, after it is made
     "close": true}                    # close the windows after the report (a normal exit)

The recovery tests kill the process at random moments and compare what the
next start recovers with this log. A person never sees any of it.
"""

from __future__ import annotations

import json
import os
import time

ENV = "NEUROCANVAS_TEST_DRIVER"


def from_environment():
    spec = os.environ.get(ENV)
    if not spec:
        return None
    with open(spec, encoding="utf-8") as fh:
        return Driver(json.load(fh))


class Driver:
    def __init__(self, spec: dict):
        self.spec = spec
        self.offered: list[str] = []
        self._log = None
        self._value = 0
        self._timer = None

    def attach(self, window) -> None:
        from PySide6.QtWidgets import QMessageBox

        if "answer_recovery" in self.spec:
            answer = bool(self.spec["answer_recovery"])

            def ask(title, text):
                self.offered.append(text)
                return answer
            window.ask_yes_no = ask
        window.ask_unsaved = lambda: QMessageBox.Discard

    def ready(self, windows) -> None:
        if self.spec.get("report"):
            shown = [{"title": w.doc.title, "modified": w.doc.modified,
                      "document": w.doc.network.to_dict(),
                      "weights": len(w.doc.network.weights or {})} for w in windows]
            from engine.atomic import write_atomic

            write_atomic(self.spec["report"], json.dumps({"windows": shown, "offered": self.offered}))
        edits = self.spec.get("edits")
        if edits:
            self._start_edits(windows[0], edits)
        if self.spec.get("close"):
            for w in windows:
                w.close()

    def _start_edits(self, window, edits: dict) -> None:
        from PySide6.QtCore import QTimer

        from gui.commands import SetParamCommand

        self._log = os.open(edits["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self._value = int(edits.get("start", 1))

        def edit():
            value = self._value
            window.doc.push(SetParamCommand(window.doc, edits["node"], edits["param"], value))
            os.write(self._log, f"{value} {time.time():.6f}\n".encode())
            self._value += 1

        self._timer = QTimer(window)
        self._timer.setInterval(int(edits.get("interval_ms", 50)))
        self._timer.timeout.connect(edit)
        self._timer.start()

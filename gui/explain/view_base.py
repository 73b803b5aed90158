"""What every explain view shares: the subject it shows, a worker thread for
the computation, a status line, and computing only when it is looked at."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from gui.background import Worker
from gui.i18n import translate
from gui.relayed import relayed


class ExplainView(QWidget):
    """Base of the explain tabs.

    Subclasses fill their controls in `fill_controls`, return the function to
    run off the GUI thread from `work` (it must not touch widgets), and draw
    its result in `show_result`. ``computed`` is emitted after a result is
    drawn, ``failed`` with the message when the work raised.
    """

    title = ""  # marked with QT_TRANSLATE_NOOP("ExplainWindow", …), translated on its tab
    computed = Signal()
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.subject = None
        self.stale = False
        self.result = None
        self.worker = Worker(self)
        self.status = QLabel("")
        self.status.setObjectName("explain-status")
        self.status.setWordWrap(True)

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def set_subject(self, subject) -> None:
        self.subject = subject
        self.result = None
        self.stale = True
        self.fill_controls()

    def ensure(self) -> None:
        """Compute when the subject or a setting changed since the last result."""
        if self.stale and self.subject is not None:
            self.compute()

    def compute(self) -> bool:
        if self.subject is None:
            return False
        problem = self.problem()
        if problem:
            self.stale = False
            self.status.setText(problem)
            self.failed.emit(problem)
            return False
        self.stale = False
        fn = self.work()
        self.status.setText(translate("ExplainView", "Computing…"))
        self.worker.run(fn, self._done)
        return True

    def settings_changed(self) -> None:
        """A control changed: recompute now when shown, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.compute()

    def _done(self, result, error: str) -> None:
        if error:
            error = relayed(error, "explain")
            self.status.setText(error)
            self.failed.emit(error)
            return
        self.result = result
        self.show_result(result)
        self.computed.emit()

    # -- for subclasses
    def fill_controls(self) -> None:
        pass

    def problem(self) -> str:
        """Why this view cannot show anything for the subject ('' when it can)."""
        if self.subject is not None and not self.subject.has_data:
            return translate("ExplainView", "{name} has no dataset to take samples from: choose "
                             "the document's data in the Data panel, or explain a run.").format(
                name=self.subject.name)
        return ""

    def work(self):
        raise NotImplementedError

    def show_result(self, result) -> None:
        raise NotImplementedError

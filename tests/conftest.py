import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.append(os.path.dirname(__file__))  # helpers such as keras_reference; never shadows packages

from module_scan import HEAVY  # noqa: E402




@pytest.fixture
def chinese(qapp):
    """The shipped zh_CN translation installed for the test (what ``--lang zh_CN``
    does), and only what it installed removed afterwards, back to English."""
    from gui import language

    before = list(language._installed)
    shown = language.install(qapp, "zh_CN")
    assert shown == "zh_CN", "gui/translations/neurocanvas_zh_CN.qm is missing (make translations)"
    yield shown
    for translator in [t for t in language._installed if t not in before]:
        qapp.removeTranslator(translator)
        language._installed.remove(translator)


def pytest_collection_finish(session):
    """Note what collecting imported (tests/test_suite_hygiene.py asserts it is
    no heavy runtime: the suite's collection stays fast and honest)."""
    session.config.heavy_modules_at_collection = [
        m for m in sorted(HEAVY) if m in sys.modules]


def pytest_sessionfinish(session, exitstatus):
    """Release Qt objects that Python created but Qt globals own (the clipboard's
    QMimeData) while Python is still alive; otherwise Qt's exit handlers free them
    after the interpreter is gone and the process ends with a segfault."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()
        app.processEvents()


def pytest_runtest_teardown(item, nextitem):
    """A window turns Python's automatic garbage collection off for the GUI
    thread's timer (gui.gc_guard); tests after it that never run an event
    loop would then never collect, so each test ends with it back on."""
    guard = sys.modules.get("gui.gc_guard")
    if guard is not None:
        guard.stop()

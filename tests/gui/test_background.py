"""gui.background: work runs on a worker thread, its answer (result, readable
error, progress) arrives on the GUI thread; a cancelled job or one whose
receiver was destroyed answers nothing and crashes nothing; a job that needs
TensorFlow waits for the loader. Real threads, real Qt objects; the tests
never sleep: threads are held at gates the test opens."""

import threading

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from engine.errors import NeuroCanvasError
from gui import background
from gui.tensorflow_loader import FAILED, NOT_LOADED, TensorFlowLoader

WAIT = 20_000


class Answers:
    """Records every callback with the thread it ran on."""

    def __init__(self):
        self.done = []
        self.progress = []

    def on_done(self, result, error):
        self.done.append((result, error, threading.current_thread() is threading.main_thread()))

    def on_progress(self, *values):
        self.progress.append((values, threading.current_thread() is threading.main_thread()))


def _flush(qtbot, parent):
    """Every answer sent so far has been handled: answers arrive in the order
    they were sent, so a job started now answers after them."""
    marker = background.run(lambda: "marker", parent=parent)
    qtbot.waitUntil(lambda: marker.done, timeout=WAIT)


def test_the_result_is_delivered_on_the_gui_thread(qtbot):
    owner = QObject()
    answers = Answers()
    ran_on = []

    def work():
        ran_on.append(threading.current_thread() is threading.main_thread())
        return {"answer": 42}

    job = background.run(work, answers.on_done, parent=owner)
    qtbot.waitUntil(lambda: bool(answers.done), timeout=WAIT)
    assert ran_on == [False]  # the work ran off the GUI thread
    assert answers.done == [({"answer": 42}, "", True)]  # the answer on it
    assert job.done and job.result == {"answer": 42} and job.error == "" and not job.running


def test_errors_arrive_as_readable_messages(qtbot):
    owner = QObject()
    answers = Answers()

    def engine_error():
        raise NeuroCanvasError("The data has 3 columns, the input wants 4.", "Pick 4 columns.")

    def unexpected():
        raise ValueError("bad value\n  File \"x.py\", line 1")

    background.run(engine_error, answers.on_done, parent=owner)
    background.run(unexpected, answers.on_done, parent=owner)
    qtbot.waitUntil(lambda: len(answers.done) == 2, timeout=WAIT)
    errors = sorted(error for _result, error, _gui in answers.done)
    assert errors == ["The data has 3 columns, the input wants 4. — Pick 4 columns.",
                      "bad value"]
    assert all(result is None and on_gui for result, _error, on_gui in answers.done)


def test_progress_arrives_in_order_on_the_gui_thread(qtbot):
    owner = QObject()
    answers = Answers()

    def work(task):
        for i in range(5):
            task.progress(i / 4, f"step {i}")
        return "ok"

    background.run(work, answers.on_done, parent=owner, with_task=True,
                   on_progress=answers.on_progress)
    qtbot.waitUntil(lambda: bool(answers.done), timeout=WAIT)
    assert answers.progress == [((i / 4, f"step {i}"), True) for i in range(5)]
    assert answers.done == [("ok", "", True)]


def test_a_cancelled_job_answers_nothing_and_sees_the_cancel(qtbot):
    owner = QObject()
    answers = Answers()
    gate, seen = threading.Event(), []

    def work(task):
        assert gate.wait(WAIT / 1000)
        seen.append(task.cancelled)
        task.progress("late")
        return "too late"

    job = background.run(work, answers.on_done, parent=owner, with_task=True,
                         on_progress=answers.on_progress)
    assert job.running
    job.cancel()
    gate.set()
    assert job.wait(WAIT / 1000)
    _flush(qtbot, owner)
    assert seen == [True]
    assert answers.done == [] and answers.progress == []
    assert job.cancelled and job.done


def test_a_destroyed_receiver_is_never_called(qtbot):
    widget = QWidget()
    gate = threading.Event()
    called = []

    def work():
        assert gate.wait(WAIT / 1000)
        return "answer"

    def on_done(result, error):  # would touch a destroyed widget
        called.append(widget.objectName())

    job = background.run(work, on_done, parent=widget)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=WAIT)
    gate.set()
    assert job.wait(WAIT / 1000)
    _flush(qtbot, QObject())
    assert called == []


def test_worker_delivers_only_the_newest_answer(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = background.Worker(owner)
    answers = Answers()
    gate = threading.Event()

    def slow():
        assert gate.wait(WAIT / 1000)
        return "old"

    first = worker.run(slow, answers.on_done)
    worker.run(lambda: "new", answers.on_done)
    assert first.cancelled and worker.busy
    qtbot.waitUntil(lambda: not worker.busy, timeout=WAIT)
    gate.set()
    assert first.wait(WAIT / 1000)
    _flush(qtbot, owner)
    assert answers.done == [("new", "", True)]


def test_a_job_needing_tensorflow_reports_that_it_could_not_load(qtbot):
    owner = QObject()
    loader = TensorFlowLoader(owner)
    answers = Answers()
    ran = []
    assert loader.state == NOT_LOADED
    # the loader's own failure path: the import ended with an error
    loader._loaded(None, "No module named 'tensorflow'")
    assert loader.state == FAILED
    job = background.run(lambda: ran.append(1), answers.on_done, parent=owner, tensorflow=loader)
    qtbot.waitUntil(lambda: bool(answers.done), timeout=WAIT)
    assert ran == [] and not job.started
    assert answers.done == [(None, "TensorFlow could not be loaded: No module named 'tensorflow'",
                             True)]


def test_post_calls_on_the_gui_thread_only_while_the_receiver_lives(qtbot):
    alive, gone = QObject(), QObject()
    calls = []

    def record(name, value):
        calls.append((name, value, threading.current_thread() is threading.main_thread()))

    posted = threading.Event()

    def from_a_thread():
        background.post(alive, record, "alive", 1)
        background.post(gone, record, "gone", 2)
        posted.set()

    thread = threading.Thread(target=from_a_thread)
    thread.start()
    thread.join()
    assert posted.is_set() and calls == []  # queued, not called on the posting thread
    shiboken6.delete(gone)
    qtbot.waitUntil(lambda: bool(calls), timeout=WAIT)
    _flush(qtbot, alive)
    assert calls == [("alive", 1, True)]


def test_docstring_examples():
    import doctest

    assert doctest.testmod(background).failed == 0


def test_a_job_waits_for_tensorflow_and_is_dropped_with_its_owner(qtbot):
    loader = TensorFlowLoader(verbose=False)
    kept, dropped = QObject(), QObject()
    answers, ran = Answers(), []
    waiting = background.run(lambda: ran.append("kept") or "ran", answers.on_done, parent=kept,
                             tensorflow=loader)
    orphan = background.run(lambda: ran.append("dropped"), answers.on_done, parent=dropped,
                            tensorflow=loader)
    assert not waiting.started and not orphan.started  # both wait for the import
    shiboken6.delete(dropped)
    qtbot.waitUntil(lambda: loader.state in ("ready", "failed"), timeout=120_000)
    if loader.state == "ready":
        qtbot.waitUntil(lambda: bool(answers.done), timeout=WAIT)
        assert answers.done == [("ran", "", True)]
    else:
        qtbot.waitUntil(lambda: bool(answers.done), timeout=WAIT)
        assert answers.done[0][1].startswith("TensorFlow could not be loaded")
    _flush(qtbot, kept)
    assert ran == (["kept"] if loader.state == "ready" else [])
    assert len(answers.done) == 1

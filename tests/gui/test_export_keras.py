"""File ▸ Export ▸ Keras Model: the model is built and saved on a worker
thread once TensorFlow has loaded, the event loop keeps running meanwhile,
and a failure is a readable message."""

import threading

from PySide6.QtCore import QTimer

WAIT = 120_000


def _record_notes(window):
    notes = []
    window.notify = lambda message, ms=8000: notes.append(message)
    return notes


def test_saving_a_keras_model_does_not_block_the_event_loop(qtbot, window, tmp_path,
                                                            monkeypatch):
    import engine.keras_build as keras_build

    real_save = keras_build.save_keras_file
    ticked = threading.Event()
    seen = {}

    def gated_save(net, path):
        seen["on_gui_thread"] = threading.current_thread() is threading.main_thread()
        # only a timer of the GUI thread opens the gate: were the save on the
        # GUI thread, the timer could not fire and the gate would stay shut
        seen["event_loop_ran"] = ticked.wait(30)
        real_save(net, path)

    monkeypatch.setattr(keras_build, "save_keras_file", gated_save)
    timer = QTimer(window)
    timer.setInterval(0)
    timer.timeout.connect(lambda: window.keras_export is not None and window.keras_export.running
                          and ticked.set())
    timer.start()
    target = tmp_path / "lenet.keras"
    notes = _record_notes(window)
    window.ask_save_path = lambda *args: str(target)
    assert window.tensorflow.state != "ready"  # a new window: TensorFlow is not loaded yet
    window.act_export_keras.trigger()
    job = window.keras_export
    assert job is not None and not job.started  # it waits for TensorFlow
    assert notes == ["Waiting for TensorFlow to finish loading; the model is exported then…"]
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    timer.stop()
    assert seen == {"on_gui_thread": False, "event_loop_ran": True}
    assert window.errors.errors == [] and job.error == ""
    assert notes[-1] == f"Wrote {target}"
    from engine.keras_import import from_file

    assert from_file(target).analyze().total_params == window.doc.report().total_params


def test_a_failed_keras_export_is_a_message(qtbot, window, tmp_path):
    (tmp_path / "not-a-folder").write_text("a file")
    target = tmp_path / "not-a-folder" / "lenet.keras"
    notes = _record_notes(window)
    assert window.export_keras(target)
    job = window.keras_export
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    (message,) = window.errors.errors
    assert "not-a-folder" in message and "Traceback" not in message and "\n" not in message
    assert job.error == message and not any(n.startswith("Wrote") for n in notes)

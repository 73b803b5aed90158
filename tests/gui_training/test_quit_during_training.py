"""Quitting the editor while a run trains (issue 13, item 1), in a real
process: the window's close asks, "stop and keep a checkpoint" stops the run
and waits for it, the program exits normally, and the checkpoint written on
the way out loads in Keras (before, the training thread was still saving
while the interpreter shut down: "Could not save best.keras: TypeError")."""

import json
import subprocess
import sys
import textwrap

from engine.training.runs import list_runs
from tests.faults.runs_helpers import ROOT, environment
from tests.gui_training.conftest import iris_net

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from gui.main_window import MainWindow

    window = MainWindow(autosave=False)
    assert window.open_path(sys.argv[1])
    window.show()
    dash = window.dashboard
    controller = dash.controller
    asked = []
    controller.ask_close = lambda: asked.append(1) or "stop"   # the person's answer
    dash.start()

    def poll():
        t = controller.trainer
        if t is not None and len(t.epochs) >= 1 and t.running:
            if "--quit" in sys.argv:
                app.quit()   # an exit that asks nothing (a signal, a script)
                return
            window.close()   # as the window's close button: asks, stops, waits, closes
            print("asked", len(asked), "running", t.running, flush=True)
            return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(10, poll)
    sys.exit(app.exec())
""")


def _quit_while_training(tmp_path, *flags):
    doc = tmp_path / "flowers.json"
    iris_net(epochs=500, batch_size=4).save(doc)
    script = tmp_path / "quit_while_training.py"
    script.write_text(SCRIPT)
    env = environment()
    env.update(QT_QPA_PLATFORM="offscreen", NEUROCANVAS_CONFIG_DIR=str(tmp_path / "config"),
               NEUROCANVAS_NO_TENSORFLOW="1")
    done = subprocess.run([sys.executable, str(script), str(doc), *flags], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return doc, done


def _check_the_checkpoint(doc):
    import keras

    [run] = list_runs(doc)
    assert run.status == "stopped" and run.holder is None
    assert run.info["code"] == "user" and run.epochs_run < 500
    assert "Could not save" not in run.log()
    last = keras.models.load_model(run.last_model_path)
    assert int(last.optimizer.iterations) == run.checkpoint["step"] > 0
    best = keras.models.load_model(run.best_model_path)
    assert len(best.get_weights()) == len(last.get_weights())
    info = json.loads((run.path / "run.json").read_text())
    assert info["status"] == "stopped"


def test_quitting_during_training_keeps_a_checkpoint_keras_loads(tmp_path):
    doc, done = _quit_while_training(tmp_path)
    assert "asked 1 running False" in done.stdout
    _check_the_checkpoint(doc)


def test_an_exit_that_asks_nothing_still_ends_the_run_whole(tmp_path):
    doc, _ = _quit_while_training(tmp_path, "--quit")
    _check_the_checkpoint(doc)

"""File › Export Training Script writes the same script as the command line."""

from engine.training.script_export import settings_summary
from tests.gui_training.conftest import iris_net


def test_the_menu_writes_the_documents_training_script(qtbot, make_window, tmp_path):
    window = make_window(iris_net(epochs=7))
    dash = window.dashboard
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.menu() is not None and a.text().replace("&", "") == "File")
    assert dash.act_export_script in file_menu.actions()
    target = tmp_path / "train_iris.py"
    window.ask_save_path = lambda *args: str(target)
    dash.act_export_script.trigger()
    qtbot.waitUntil(lambda: dash.script_exported is not None, timeout=60_000)
    assert dash.script_exported == (str(target), "")
    source = target.read_text()
    compile(source, str(target), "exec")
    settings = settings_summary(source)
    assert settings["DATASET"] == "iris" and settings["EPOCHS"] == 7
    assert settings["BATCH_SIZE"] == 16


def test_data_a_script_cannot_load_is_explained(qtbot, make_window, tmp_path):
    net = iris_net()
    net.extra["data"] = {"dataset": "shapes"}
    window = make_window(net)
    dash = window.dashboard
    assert dash.export_training_script(tmp_path / "x.py")
    qtbot.waitUntil(lambda: dash.script_exported is not None, timeout=60_000)
    assert window.errors and "shapes" in window.errors[-1]
    assert not (tmp_path / "x.py").exists()

"""Write PNGs of the main window to assets/screenshots/: the editor with a
few presets (ResNet-50 at Zoom to Fit among them), a connection refused by a
mouse drag with the fix offered next to the pointer, the editor in Simplified
Chinese (LeNet-5, a convolution in the inspector), and the training
dashboard mid-run (LeNet-5 on the digits,
paused after a few epochs: loss and metrics, the learning rate of a cosine
schedule, the first convolution's feature maps and filters), that same
dashboard in Simplified Chinese (dashboard-zh_CN.png), and the
optimizer-comparison lesson with its five runs overlaid in the lesson panel.

    python scripts/screenshots.py [OUT_DIR] [--no-training] [--lessons-only]
    python scripts/screenshots.py [OUT_DIR] --only-dashboard-zh_CN

Runs offscreen (no display needed); the editor shots never import
TensorFlow, the dashboard shot trains for real (about a minute on a CPU).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEUROCANVAS_CONFIG_DIR", tempfile.mkdtemp(prefix="neurocanvas-shots-"))

SHOTS = [
    # (file name, preset id, node to select, groups to collapse, what to show, Zoom to Fit)
    ("editor-lenet5.png", "lenet5", "c3", (), "summary", False),
    ("editor-resnet18.png", "resnet18-cifar", "stage1_block1_add", (), "summary", False),
    ("editor-inception-module.png", "inception-module", None, (), "summary", False),
    ("editor-problems.png", "lenet5", "f5", (), "problems", False),
    ("editor-resnet50-fit.png", "resnet50", None, (), "summary", True),
]


def main(out_dir: Path, training: bool = True, lessons_only: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gui.commands import DeleteCommand
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(autosave=False)
    window.ask_unsaved = lambda: QMessageBox.Discard
    window.resize(1500, 940)
    window.show()
    if lessons_only:
        lessons_shot(app, window, out_dir / "lessons.png")
        window.close()
        return 0
    for name, preset, select, collapse, dock, fit in SHOTS:
        if not window.open_preset(preset):
            print(f"skipped {name}: preset {preset} is not available", file=sys.stderr)
            continue
        if name == "editor-problems.png":
            window.doc.push(DeleteCommand(window.doc, ["flatten"]))
        for path in collapse:
            window.scene.collapse(path)
        app.processEvents()
        window.view.show_start()
        if fit:  # a big network fits its width at a legible zoom
            window.act_zoom_fit.trigger()
        if select:
            window.reveal_node(select)
        (window.problems_dock if dock == "problems" else window.summary_dock).raise_()
        for _ in range(3):
            app.processEvents()
        target = out_dir / name
        window.grab().save(str(target))
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    refused_connection_shot(app, window, out_dir / "editor-refused-connection.png")
    chinese_editor_shot(app, out_dir / "editor-zh_CN.png")
    if training:
        dashboard_shot(app, window, out_dir / "dashboard-training.png")
        lessons_shot(app, window, out_dir / "lessons.png")
    window.close()
    return 0


def _wait(app, condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def refused_connection_shot(app, window, target: Path) -> None:
    """A Dense(64) dragged onto an LSTM: refused (the LSTM wants a sequence), and
    the popup at the pointer offers "Connect through a Reshape to (64, 1)"."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from engine.network import Network
    from gui.document import Document

    net = Network("sequence-head")
    net.add_node("Input", {"shape": [16]}, id="features", pos=(0, 0))
    net.add_node("Dense", {"units": 64, "activation": "relu"}, id="encoder", pos=(0, 120))
    net.add_node("LSTM", {"units": 32}, id="lstm", pos=(260, 300))
    net.add_node("Dense", {"units": 1}, id="forecast", pos=(260, 420))
    net.connect("features", "encoder")
    net.connect("lstm", "forecast")
    window.resize(1500, 940)
    window.set_document(Document(net))
    window.problems_dock.raise_()
    app.processEvents()
    window.view.set_zoom(1.3)
    window.view.centerOn(window.scene.nodes["lstm"].scenePos())
    app.processEvents()
    vp = window.view.viewport()
    a = window.view.mapFromScene(window.scene.nodes["encoder"].out_port(0).scenePos())
    b = window.view.mapFromScene(window.scene.nodes["lstm"].in_port(0).scenePos())
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    for i in range(1, 9):
        QTest.mouseMove(vp, a + (b - a) * (i / 8))
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)
    _wait(app, window.view.refusal_popup.isVisible, 30, "the refusal popup")
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(target))
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    window.view.refusal_popup.hide()


def chinese_editor_shot(app, target: Path) -> None:
    """LeNet-5 in a window built under the zh_CN translation (as ``--lang zh_CN``
    starts it), its second convolution in the inspector."""
    from PySide6.QtWidgets import QMessageBox

    from gui import language
    from gui.main_window import MainWindow

    if language.install(app, "zh_CN") != "zh_CN":
        print(f"skipped {target.name}: no zh_CN translation", file=sys.stderr)
        return
    try:
        window = MainWindow(autosave=False)
        window.ask_unsaved = lambda: QMessageBox.Discard
        window.resize(1500, 940)
        window.show()
        window.open_preset("lenet5")
        app.processEvents()
        window.view.show_start()
        window.reveal_node("c3")
        window.summary_dock.raise_()
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(target))
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        window.close()
    finally:
        language.uninstall(app)


def chinese_dashboard(out_dir: Path) -> int:
    """The dashboard shot with the zh_CN translation (gui/translations) installed."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gui import language
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    if language.install(app, "zh_CN") != "zh_CN":
        raise SystemExit("no zh_CN translation in gui/translations (make translations)")
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(autosave=False)
    window.ask_unsaved = lambda: QMessageBox.Discard
    window.show()
    dashboard_shot(app, window, out_dir / "dashboard-zh_CN.png")
    window.close()
    return 0


def dashboard_shot(app, window, target: Path) -> None:
    from PySide6.QtCore import Qt

    from gui.document import Document
    from presets import build_preset

    net = build_preset("lenet5")
    net.extra["data"] = {"dataset": "digits",            # 8×8 digits, fitted to 32×32×3
                         "preprocess": {"resize": [32, 32], "channels": 3, "scale": "minmax"}}
    net.extra["training"] = {
        "epochs": 12, "batch_size": 32, "seed": 0,
        "compile": {"optimizer": {"name": "adam", "schedule": {
            "kind": "cosine", "initial_learning_rate": 0.004, "alpha": 0.05}}}}
    window.resize(1900, 1180)
    window.set_document(Document(net))
    window.ensure_dashboard()
    dash = window.dashboard
    # the panels the shot shows, side by side under the canvas
    docks = [dash.docks[k] for k in ("loss", "lr", "feature_maps", "filters")]
    for key, dock in dash.docks.items():
        dock.setVisible(key == "run")
    for dock in docks:
        window.removeDockWidget(dock)
    window.addDockWidget(Qt.BottomDockWidgetArea, docks[0])
    for left, right in zip(docks, docks[1:]):
        window.splitDockWidget(left, right, Qt.Horizontal)
    for dock in docks:
        dock.show()
    dash.docks["run"].raise_()
    window.tensorflow.start()
    _wait(app, lambda: window.tensorflow.state in ("ready", "failed"), 600, "TensorFlow")
    window.scene.select_nodes(["c1"])
    if not dash.start():
        raise SystemExit(f"training did not start: {dash.run_controls.status.text()}")
    c = dash.controller
    _wait(app, lambda: c.trainer is not None and len(c.trainer.epochs) >= 5
          or c.state in ("finished", "stopped", "failed"), 900, "five epochs")
    if c.state in ("finished", "stopped", "failed"):
        raise SystemExit(f"training ended early ({c.state}): {dash.run_controls.status.text()}")
    c.pause()
    _wait(app, lambda: c.state in ("paused", "finished", "stopped", "failed"), 120, "the pause")
    window.scene.select_nodes(["c1"])
    _wait(app, lambda: (dash.flush() or "c1" in dash.panels["feature_maps"].maps), 60,
          "the feature maps of c1")
    window.summary_dock.raise_()
    for _ in range(3):
        app.processEvents()
    window.resizeDocks([window.summary_dock] + docks, [330, 540, 400, 420, 420], Qt.Horizontal)
    window.resizeDocks([docks[0]], [430], Qt.Vertical)
    window.view.show_start()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(target))
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    c.stop()
    _wait(app, lambda: c.state in ("finished", "stopped", "failed"), 120, "the stop")


def lessons_shot(app, window, target: Path) -> None:
    """The optimizer comparison lesson opened from the gallery and trained: five runs
    of the iris network overlaid in the lesson panel (40 epochs each, for speed)."""
    from PySide6.QtCore import Qt

    window.resize(1700, 1150)
    if not window.open_lesson("optimizers", ask=False):
        raise SystemExit("the optimizers lesson did not open")
    panel = window.lesson_panel
    window.doc.network.extra["training"]["epochs"] = 40
    window.summary_dock.hide()
    window.problems_dock.hide()
    window.resizeDocks([window.lesson_dock], [640], Qt.Horizontal)
    if not panel.train():
        raise SystemExit("the lesson did not start training")
    _wait(app, lambda: not panel.training and bool(panel.result.text()), 900, "the lesson's runs")
    window.view.show_start()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(target))
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    window.summary_dock.show()
    window.problems_dock.show()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0]) if args else ROOT / "assets" / "screenshots"
    if "--only-dashboard-zh_CN" in sys.argv:
        sys.exit(chinese_dashboard(out))
    status = main(out, training="--no-training" not in sys.argv, lessons_only="--lessons-only" in sys.argv)
    if status == 0 and "--no-training" not in sys.argv and "--lessons-only" not in sys.argv:
        # a new process: the translation is installed before any widget exists
        import subprocess

        status = subprocess.call([sys.executable, __file__, str(out), "--only-dashboard-zh_CN"])
    sys.exit(status)

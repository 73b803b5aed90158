"""Write PNGs of the main window with a few presets to assets/screenshots/.

    python scripts/screenshots.py [OUT_DIR]

Runs offscreen (no display needed) and never imports TensorFlow.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEUROCANVAS_CONFIG_DIR", tempfile.mkdtemp(prefix="neurocanvas-shots-"))

SHOTS = [
    # (file name, preset id, node to select, groups to collapse, what to show)
    ("editor-lenet5.png", "lenet5", "c3", (), "summary"),
    ("editor-resnet18.png", "resnet18-cifar", "stage1_block1_add", (), "summary"),
    ("editor-inception-module.png", "inception-module", None, (), "summary"),
    ("editor-problems.png", "lenet5", "f5", (), "problems"),
]


def main(out_dir: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from gui.commands import DeleteCommand
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(autosave=False)
    window.ask_unsaved = lambda: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.Discard
    window.resize(1500, 940)
    window.show()
    for name, preset, select, collapse, dock in SHOTS:
        if not window.open_preset(preset):
            print(f"skipped {name}: preset {preset} is not available", file=sys.stderr)
            continue
        if name == "editor-problems.png":
            window.doc.push(DeleteCommand(window.doc, ["flatten"]))
        for path in collapse:
            window.scene.collapse(path)
        app.processEvents()
        window.view.show_start()
        if select:
            window.reveal_node(select)
        (window.problems_dock if dock == "problems" else window.summary_dock).raise_()
        for _ in range(3):
            app.processEvents()
        target = out_dir / name
        window.grab().save(str(target))
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "assets" / "screenshots"))

"""Where the editor keeps its settings and recovery file.

``NEUROCANVAS_CONFIG_DIR`` overrides the location (tests point it at a
temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def config_dir() -> Path:
    override = os.environ.get("NEUROCANVAS_CONFIG_DIR")
    if override:
        path = Path(override)
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.AppConfigLocation) or \
            str(Path.home() / ".config")
        path = Path(base) / "NeuroCanvas" if not base.rstrip("/").endswith("NeuroCanvas") else Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    return QSettings(str(config_dir() / "settings.ini"), QSettings.IniFormat)


def recovery_file() -> Path:
    return config_dir() / "recovery.json"

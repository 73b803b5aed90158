"""Where the editor keeps its settings, its session, the recovery records of
running instances and the runs of documents not saved yet.

``NEUROCANVAS_CONFIG_DIR`` overrides both locations (tests point it at a
temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def _app_dir(location, fallback: Path) -> Path:
    override = os.environ.get("NEUROCANVAS_CONFIG_DIR")
    if override:
        path = Path(override)
    else:
        base = QStandardPaths.writableLocation(location) or str(fallback)
        path = Path(base) / "NeuroCanvas" if not base.rstrip("/").endswith("NeuroCanvas") else Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _app_dir(QStandardPaths.AppConfigLocation, Path.home() / ".config")


def data_dir() -> Path:
    """Per-user data (large files): the config folder when overridden."""
    return _app_dir(QStandardPaths.AppLocalDataLocation, Path.home() / ".local" / "share")


def scratch_runs_dir() -> Path:
    """Where runs of unsaved documents are recorded, one folder per document
    (not created here; see gui.training.controller.scratch_runs_folder)."""
    return data_dir() / "unsaved-runs"


def settings() -> QSettings:
    return QSettings(str(config_dir() / "settings.ini"), QSettings.IniFormat)


def recovery_dir() -> Path:
    """Where running instances journal their documents (see gui.recovery)."""
    return data_dir() / "recovery"


def session_file() -> Path:
    """The documents open when the editor last closed normally."""
    return config_dir() / "session.json"

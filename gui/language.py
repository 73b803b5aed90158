"""The language of the interface.

English is built in. A translation is a Qt ``.qm`` file in
``gui/translations/`` named ``neurocanvas_<lang>.qm`` (``neurocanvas_zh_CN.qm``);
:func:`install` loads the one asked for (``--lang``), else the system's,
and says which language the interface is in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
BUILT_IN = "en"

_installed: list = []  # keep the translator alive while the application runs


def install(app, requested: str | None = None) -> str:
    """Install the translation for ``requested`` (or the system's language) when
    there is one; returns the language the interface is shown in."""
    wanted = (requested or QLocale.system().name() or BUILT_IN).replace("-", "_")
    for candidate in dict.fromkeys((wanted, wanted.split("_")[0])):
        if candidate == BUILT_IN:
            return BUILT_IN
        qm = TRANSLATIONS / f"neurocanvas_{candidate}.qm"
        if qm.exists():
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed.append(translator)
                return candidate
    return BUILT_IN

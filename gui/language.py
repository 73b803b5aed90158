"""The language of the interface.

English is built in. A translation is a Qt ``.qm`` file in
``gui/translations/`` named ``neurocanvas_<lang>.qm`` (``neurocanvas_zh_CN.qm``);
:func:`install` loads the one asked for (``--lang``), else the one chosen in
View ▸ Language (:func:`saved`), else the system's, and says which language
the interface is in. Qt's own translation of its standard words (the OK and
Cancel of dialogs) is installed beside it when Qt ships one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
BUILT_IN = "en"
SETTING = "language"

_installed: list = []  # keep the translators alive while the application runs


def saved() -> str:
    """The language chosen in View ▸ Language ("" when it follows the system)."""
    from gui import app_paths

    value = app_paths.settings().value(SETTING, "")
    return str(value or "")


def save(code: str) -> None:
    """Remember ``code`` ("" for the system's language) for the next start."""
    from gui import app_paths

    settings = app_paths.settings()
    if code:
        settings.setValue(SETTING, code)
    else:
        settings.remove(SETTING)
    settings.sync()


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
                _install_qt_own(app, candidate)
                return candidate
    return BUILT_IN


def _install_qt_own(app, lang: str) -> None:
    """Qt's translation of its standard dialogs' words, when it is installed."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _installed.append(translator)


def uninstall(app) -> None:
    """Remove every translation :func:`install` put in (back to English)."""
    while _installed:
        app.removeTranslator(_installed.pop())

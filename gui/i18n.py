"""Translation of what the interface shows, through Qt's own system.

Widgets translate their fixed words with ``self.tr("…")`` (the context is the
class name) or, outside a QObject, ``translate("Context", "…")``; a sentence
with values is translated whole and filled in afterwards::

    self.tr("Epoch {epoch} of {epochs}").format(epoch=e, epochs=n)

Words that come from the engine (diagnostics, hints, fix titles, layer
descriptions and parameter help) are English there; :func:`tx`,
:func:`layer_doc` and :func:`param_help` look them up in the installed
translation. Layer type names and Keras argument names are never translated:
they are what the user's code says.

``scripts/translations.py`` (``make translations``) lists every such string in
``gui/translations/neurocanvas_<lang>.ts`` and compiles the ``.qm`` the
application loads (:mod:`gui.language`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.i18n import CONTEXT, LAYER_DOC_CONTEXT, PARAM_HELP_CONTEXT, PRESET_CONTEXT, Text


def translate(context: str, text: str) -> str:
    """``text`` in the interface's language (``context`` groups it in the .ts)."""
    return QCoreApplication.translate(context, text)


def tx(text) -> str:
    """An engine sentence (a :class:`engine.i18n.Text`, or a fixed sentence marked
    with ``N_``) in the interface's language; a plain string is looked up as a fixed
    engine sentence (a reason read back from a file); anything else is returned as
    it is. Values that are engine sentences themselves (a rule's message inside
    "{layer}: {message}", a noun phrase such as "kernel") are translated too."""
    if isinstance(text, Text):
        translated = QCoreApplication.translate(CONTEXT, text.template)
        if not text.args:
            return translated
        if translated == text.template and not any(isinstance(v, Text) for v in text.args.values()):
            return str(text)
        try:  # values that are sentences themselves (a noun phrase) are translated too
            return translated.format(**{k: tx(v) if isinstance(v, Text) else v
                                        for k, v in text.args.items()})
        except (KeyError, IndexError, ValueError):  # a broken translation never hides the message
            return str(text)
    if isinstance(text, str) and text:
        return QCoreApplication.translate(CONTEXT, text)
    return text


def layer_doc(spec) -> str:
    """The layer type's description in the interface's language."""
    return QCoreApplication.translate(LAYER_DOC_CONTEXT, spec.doc) if spec.doc else ""


def param_help(param) -> str:
    """A parameter's help in the interface's language."""
    return QCoreApplication.translate(PARAM_HELP_CONTEXT, param.help) if param.help else ""


def preset_text(text: str) -> str:
    """A preset's title, family, source or description in the interface's language."""
    return QCoreApplication.translate(PRESET_CONTEXT, text) if text else ""

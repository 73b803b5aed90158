"""Sentences the engine shows to people, kept translatable without Qt.

The engine writes English. A sentence built from values (a diagnostic naming a
layer and a shape) is written with :func:`msg` as one whole template with named
placeholders, so that a translation can move the placeholders where its
grammar wants them instead of gluing fragments::

    >>> text = msg("{layer} needs an input of rank {rank}, not {shape}.",
    ...            layer="Conv2D", rank=4, shape="(None, 10)")
    >>> text
    'Conv2D needs an input of rank 4, not (None, 10).'
    >>> text.template
    '{layer} needs an input of rank {rank}, not {shape}.'
    >>> text.args["rank"]
    4

A :class:`Text` *is* the English string (it subclasses ``str``), so the
command line, files and tests read it unchanged; the interface looks the
template up in its translation (context :data:`CONTEXT`) and fills in the
values (``gui.i18n.tx``). A fixed sentence that is not built from values is
marked with :func:`N_`; it returns its argument unchanged.

``scripts/translations.py`` finds every ``msg("…")`` and ``N_("…")`` with a
literal first argument in the engine, and every layer description and
parameter help in the catalog, and lists them in the ``.ts`` source of each
translation.
"""

from __future__ import annotations

CONTEXT = "engine"
LAYER_DOC_CONTEXT = "LayerDoc"
PARAM_HELP_CONTEXT = "ParamHelp"
PRESET_CONTEXT = "Preset"  # the gallery's titles, families, sources and descriptions


class Text(str):
    """An English sentence that remembers its template and the values in it."""

    __slots__ = ("template", "args")

    def __new__(cls, template: str, args: dict):
        self = super().__new__(cls, template.format(**args) if args else template)
        self.template = template
        self.args = dict(args)
        return self

    def __reduce__(self):  # pickles (and copies) as the template and its values
        return (Text, (self.template, self.args))


def msg(template: str, /, **args) -> Text:
    """The sentence ``template`` with its ``{name}`` placeholders filled from ``args``."""
    return Text(template, args)


def N_(text: str) -> Text:
    """Mark a fixed sentence (or a word used inside other sentences) for
    translation; it reads as the same English.

    >>> N_("The network has no Input layer.")
    'The network has no Input layer.'
    """
    return Text(text, {})

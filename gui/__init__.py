"""The NeuroCanvas desktop editor (PySide6).

Everything here renders engine state and turns gestures into engine edits
wrapped in undo commands; shape rules, Keras calls and file formats live in
:mod:`engine`.
"""

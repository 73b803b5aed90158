"""Find words shown in a widget that do not go through translation.

A call that puts text on screen (``QLabel("…")``, ``setToolTip("…")``,
``addAction("…")``, ``QMessageBox.warning(self, "…", …)``, …) with an English
literal or f-string as an argument is reported; ``self.tr("…")``,
``translate("Context", "…")`` and engine text through ``tx`` are what it
should use. Keras identifiers (``relu``, ``Conv2D``, ``sparse_categorical_crossentropy``),
file filters' patterns and strings without letters are not words to
translate.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TEXT_METHODS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip", "setWhatsThis",
    "addAction", "addMenu", "showMessage", "setTitle", "addTab", "insertTab", "setTabText",
    "setTabToolTip", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels",
    "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText", "setInformativeText",
    "setDetailedText", "setAccessibleName", "addRow", "setFormat", "setButtonText",
    "information", "warning", "critical", "question", "about",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "getText", "getItem", "getInt",
    "getDouble", "setNameFilter", "setLabel",
}
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QMenu", "QMessageBox", "QCommandLinkButton", "QDockWidget", "QTreeWidgetItem",
    "QListWidgetItem", "QTableWidgetItem", "QStandardItem",
}
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
WORD = re.compile(r"[A-Za-z]{2,}")


def _is_identifier(text: str) -> bool:
    """A Keras or Python name (lower_snake or CamelCase without spaces), kept as it is."""
    if not IDENTIFIER.match(text):
        return False
    if "_" in text or text.islower():
        return True
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)  # Conv2D, MaxPooling2D


def _is_words(text: str) -> bool:
    stripped = re.sub(r"\(\*[^)]*\)|\*\.[A-Za-z0-9]+", "", text)  # file-filter patterns
    return bool(WORD.search(stripped)) and not _is_identifier(stripped.strip(" :…."))


def _literal_words(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _is_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return parts if _is_words(parts) else None
    if isinstance(node, ast.BinOp):  # "Epoch " + str(n), "Loss: %s" % x
        return _literal_words(node.left) or _literal_words(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            found = _literal_words(element)
            if found:
                return found
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) or _literal_words(node.orelse)
    return None


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def untranslated(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each literal put on screen without translation in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name not in TEXT_METHODS and name not in TEXT_CLASSES:
            continue
        for arg in list(node.args) + [k.value for k in node.keywords if k.arg in
                                      (None, "text", "title", "toolTip", "caption", "filter", "label")]:
            words = _literal_words(arg)
            if words:
                found.append((node.lineno, words))
                break
    return found


def scan(root: Path = ROOT / "gui") -> dict[str, list[tuple[int, str]]]:
    report = {}
    for path in sorted(root.rglob("*.py")):
        hits = untranslated(path)
        if hits:
            report[str(path.relative_to(ROOT))] = hits
    return report


if __name__ == "__main__":  # python tests/i18n/literal_scan.py [files…]: list what is left
    import sys
    paths = [Path(p).resolve() for p in sys.argv[1:]]
    report = scan() if not paths else {str(p): untranslated(p) for p in paths}
    for file, hits in report.items():
        for line, text in hits:
            print(f"{file}:{line}: {text!r}")
    print(sum(len(h) for h in report.values()), "untranslated")

"""Keep the translations of the interface up to date (``make translations``).

    python scripts/translations.py update   # list every string in the .ts, compile the .qm
    python scripts/translations.py fill F.json [G.json …]  # take translations {english: translated}
    python scripts/translations.py status   # how many entries are unfinished

The ``.ts`` files in ``gui/translations/`` are the sources; Qt Linguist
(``pyside6-linguist``) edits them. ``update`` runs Qt's ``lupdate`` over the
interface's code (``self.tr``, ``translate``, ``QT_TRANSLATE_NOOP``) and over a
list of the engine's sentences (every ``msg("…")`` and ``N_("…")`` in
``engine/`` and in the Qt-free ``presets/lessons.py``, the catalog's layer
descriptions and parameter help, the datasets' and the presets' titles and
descriptions), then
compiles each ``.ts`` into the ``.qm`` the application loads with Qt's
``lrelease``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRANSLATIONS = ROOT / "gui" / "translations"
LANGUAGES = ("zh_CN",)
SOURCES = ("gui", "presets")  # scanned by lupdate itself
ENGINE_MARKERS = ("msg", "N_")
MARKED_FILES = ("presets/lessons.py",)  # Qt-free modules outside engine/ that mark sentences with N_


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def engine_strings() -> list[tuple[str, str]]:
    """(context, English) of every sentence the engine marks, then the catalog's,
    the datasets' titles and descriptions, and the presets' titles, families,
    sources and descriptions."""
    from engine.i18n import CONTEXT, LAYER_DOC_CONTEXT, PARAM_HELP_CONTEXT, PRESET_CONTEXT
    found: dict[tuple[str, str], None] = {}
    for path in sorted((ROOT / "engine").rglob("*.py")) + [ROOT / f for f in MARKED_FILES]:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) in ENGINE_MARKERS
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found[(CONTEXT, node.args[0].value)] = None
    from engine.catalog import all_specs
    for spec in all_specs():
        if spec.doc:
            found[(LAYER_DOC_CONTEXT, spec.doc)] = None
        for param in spec.params:
            if param.help:
                found[(PARAM_HELP_CONTEXT, param.help)] = None
    from engine.data.registry import list_datasets
    for info in list_datasets():  # the data panel shows them through tx
        for text in (info.title, info.description):
            if text:
                found[(CONTEXT, text)] = None
    from presets.registry import all_presets
    for preset in all_presets():
        for text in (preset.title, preset.family, preset.source, preset.description):
            if text:
                found[(PRESET_CONTEXT, text)] = None
    return list(found)


def _ts(lang: str) -> Path:
    return TRANSLATIONS / f"neurocanvas_{lang}.ts"


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        extract(lang, _ts(lang))
    compile_all()


def extract(lang: str, ts: Path) -> None:
    """Bring ``ts`` up to date with the strings in the code (lupdate keeps what is
    translated already and drops what the code no longer says)."""
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "engine_strings.py"
        stub.write_text("".join(f"QT_TRANSLATE_NOOP({c!r}, {s!r})\n" for c, s in engine_strings()),
                        encoding="utf-8")
        files = [str(p) for d in SOURCES for p in sorted((ROOT / d).rglob("*.py"))] + [str(stub)]
        listing = Path(tmp) / "files.lst"
        listing.write_text("\n".join(files), encoding="utf-8")
        subprocess.run([_tool("pyside6-lupdate"), f"@{listing}", "-locations", "none",
                        "-no-obsolete", "-target-language", lang, "-ts", str(ts)],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def compile_all() -> None:
    for lang in LANGUAGES:
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(_ts(lang)), "-qm",
                        str(TRANSLATIONS / f"neurocanvas_{lang}.qm")], check=True, cwd=ROOT)


def messages(lang: str, ts: Path | None = None):
    """(context, source, translation, finished) of every entry of the .ts."""
    tree = ET.parse(ts or _ts(lang))
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            yield (name, message.findtext("source") or "", (tr.text or "") if tr is not None else "",
                   tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete"))


def fill(lang: str, dictionaries: list[Path]) -> int:
    """Take translations from JSON files {english: translated} (or {context: {english:
    translated}}); returns how many entries were filled."""
    flat: dict[str, str] = {}
    by_context: dict[tuple[str, str], str] = {}
    for path in dictionaries:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for key, value in data.items():
            if isinstance(value, dict):
                by_context.update({(key, s): t for s, t in value.items()})
            else:
                flat[key] = value
    path = _ts(lang)
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = by_context.get((name, source), flat.get(source))
            tr = message.find("translation")
            if text and tr is not None and message.get("numerus") != "yes":
                tr.text = text
                tr.attrib.pop("type", None)
                filled += 1
    _write(tree, path)
    extract(lang, path)  # lupdate writes the file back in its own form: diffs show only real changes
    compile_all()
    return filled


def _write(tree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def status(lang: str) -> tuple[int, int]:
    entries = list(messages(lang))
    return sum(1 for m in entries if not m[3]), len(entries)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
    elif command == "fill":
        for lang in LANGUAGES:
            print(f"{lang}: {fill(lang, [Path(a) for a in argv[1:]])} entries filled")
    elif command != "status":
        print(__doc__)
        return 2
    for lang in LANGUAGES:
        unfinished, total = status(lang)
        print(f"{lang}: {total - unfinished} of {total} entries translated, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

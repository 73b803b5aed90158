"""The Chinese interface is complete, up to date and compiled; no widget shows
English words that bypass translation."""

from __future__ import annotations

import json
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest

from tests.i18n.literal_scan import ROOT, scan

sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)

LANG = "zh_CN"


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_every_entry_of_the_chinese_ts_is_translated():
    entries = list(translations.messages(LANG))
    assert len(entries) > 300
    unfinished = [(c, s) for c, s, t, done in entries if not done or not t.strip()]
    assert unfinished == [], f"{len(unfinished)} unfinished, e.g. {unfinished[:5]}"


def test_the_ts_lists_exactly_the_strings_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(translations._ts(LANG).read_bytes())
    translations.extract(LANG, fresh)
    committed = {(c, s) for c, s, _, _ in translations.messages(LANG)}
    current = {(c, s) for c, s, _, _ in translations.messages(LANG, fresh)}
    assert current - committed == set(), "run `make translations`: new strings are not in the .ts"
    assert committed - current == set(), "run `make translations`: the .ts lists strings the code dropped"


def test_translations_keep_the_placeholders_of_their_sentence():
    for context, source, translated, done in translations.messages(LANG):
        if done and "{" in source:
            assert _fields(translated) == _fields(source), (context, source, translated)


def test_the_shipped_qm_is_compiled_from_the_ts(qapp):
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    assert translator.load(str(translations.TRANSLATIONS / f"neurocanvas_{LANG}.qm"))
    stale = [(c, s) for c, s, t, done in translations.messages(LANG)
             if done and translator.translate(c, s) != t]
    assert stale == [], f"run `make translations`: {len(stale)} entries differ, e.g. {stale[:3]}"


def test_no_widget_shows_words_that_bypass_translation():
    report = scan()
    listing = [f"{file}:{line}: {text!r}" for file, hits in report.items() for line, text in hits]
    assert listing == [], "\n".join(listing[:40]) + f"\n… {len(listing)} in all"


def test_engine_sentences_are_whole_templates_in_the_ts():
    from engine.i18n import CONTEXT
    engine = {s for c, s, _, _ in translations.messages(LANG) if c == CONTEXT}
    assert len(engine) > 50  # the diagnostics, their hints and the fix titles


@pytest.mark.parametrize("lang, language, first_menu", [("zh_CN", "zh_CN", "文件"), ("en", "en", "File")])
def test_the_editor_starts_in_the_language_asked_for(tmp_path, lang, language, first_menu):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NEUROCANVAS_")}
    environ.update({"QT_QPA_PLATFORM": "offscreen", "NEUROCANVAS_CONFIG_DIR": str(tmp_path / "config"),
                    "PYTHONPATH": str(ROOT)})
    out = subprocess.run([sys.executable, "-m", "neurocanvas_cli", "--exit-when-ready", "--lang", lang],
                         cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown["language"] == language
    assert shown["menus"][0] == first_menu
    assert not any("&" in m for m in shown["menus"])

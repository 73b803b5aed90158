"""The editor in Simplified Chinese: with the shipped zh_CN translation installed
(gui/translations/neurocanvas_zh_CN.qm, through gui.language), a real main
window shows its menus, docks, inspector, problems and status bar in Chinese,
while layer type names and Keras argument names stay as Keras spells them.
View ▸ Language remembers the choice for the next start; --lang overrides it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication

from gui import language
from gui.app import shown_text
from tests.gui.helpers import open_network

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")



def _conv_then_dense(net):
    net.add_node("Input", {"shape": [8, 8, 3]}, id="x", pos=(0, 0))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 3}, id="c", pos=(0, 120))
    net.add_node("Dense", {"units": 10}, id="d", pos=(0, 240))
    net.connect("x", "c")
    net.connect("c", "d")


def test_menus_and_docks_read_in_chinese_with_their_mnemonics(chinese, make_window):
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    assert [shown_text(t) for t in titles[:3]] == ["文件", "编辑", "视图"]
    assert window.act_save_as.text() == "另存为(&A)…"
    assert window.palette_dock.windowTitle() == "层"
    assert window.summary.model.headerData(2, Qt.Horizontal) == "输出形状"
    assert window.palette.search.placeholderText() == "搜索层…"
    categories = [window.palette.tree.topLevelItem(i).text(0)
                  for i in range(window.palette.tree.topLevelItemCount())]
    assert "卷积" in categories and "Convolution" not in categories
    assert "Conv2D" in window.palette.visible_types()  # layer type names stay Keras's


def test_the_inspector_shows_a_conv2d_in_chinese_with_keras_names(chinese, make_window):
    window = make_window(preset=None)
    open_network(window, _conv_then_dense)
    window.scene.select_nodes(["c"])
    inspector = window.inspector
    assert inspector.trainable.text() == "可训练"
    assert inspector.params_form.advanced.title() == "高级"
    assert "Conv2D" in inspector.title.text() and "卷积" in inspector.title.text()
    assert "可训练参数" in inspector.stats.text() and "(None, 6, 6, 4)" in inspector.stats.text()
    assert "filters" in inspector.editors and "kernel_size" in inspector.editors  # argument names as in Keras
    spec = window.doc.network.nodes["c"].spec
    shown_doc = inspector.doc_label.toolTip()
    assert shown_doc != spec.doc and CHINESE.search(shown_doc)  # the catalog's description, translated
    assert inspector.formulas.text().startswith("输出形状：")
    assert window.scene.nodes["c"].params_text.startswith("4 个卷积核")


def test_a_diagnostic_is_shown_in_chinese_in_the_problems_panel(chinese, make_window):
    window = make_window(preset=None)
    open_network(window, lambda net: (net.add_node("Input", {"shape": [8, 8, 3]}, id="x"),
                                      net.add_node("Dense", {"units": 10}, id="d"),
                                      net.connect("x", "d")))
    (diagnostic,) = window.doc.report().diagnostics
    assert diagnostic.code == "dense_nd" and not diagnostic.is_error
    shown = window.problems.row_widget(0).text.text()
    english = f"{diagnostic.message}\n{diagnostic.hint}"
    assert shown != english and CHINESE.search(shown)
    assert "Dense" in shown and "(None, 8, 8, 3)" in shown  # names and shapes kept
    assert window.problems_dock.windowTitle() == "问题（1）"
    assert "1 个警告" in window.status.validity.text()
    window.scene.select_nodes(["d"])
    assert "警告" in window.inspector.diagnostics.text()


def test_undo_texts_and_messages_are_chinese(chinese, make_window):
    window = make_window(preset=None)
    open_network(window, _conv_then_dense)
    window.scene.select_nodes(["d"])
    window.copy()
    assert window.status.currentMessage() == "已复制 1 个层"
    window.paste()
    assert "粘贴" in window.act_undo.text()
    window.inspector.show_selection(["x", "c"])
    assert window.inspector.placeholder.text() == "已选择 2 个层。"


def test_view_language_remembers_the_choice_for_the_next_start(chinese, make_window):
    window = make_window()
    labels = [a.text() for a in window.language_menu.actions()]
    assert labels == ["跟随系统语言(&S)", "English", "简体中文"]
    window.language_actions["zh_CN"].trigger()
    assert language.saved() == "zh_CN"
    assert window.language_actions["zh_CN"].isChecked()
    assert not window.language_actions[""].isChecked()
    assert CHINESE.search(window.status.currentMessage())  # says it applies at the next start
    window.language_actions[""].trigger()
    assert language.saved() == ""


def test_qt_standard_buttons_are_chinese_when_qt_ships_its_translation(chinese):
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QDialogButtonBox

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_zh_CN.qm").exists():
        pytest.skip("this Qt has no qtbase_zh_CN translation")
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert box.button(QDialogButtonBox.Cancel).text() != "Cancel"


def test_english_comes_back_once_the_translation_is_removed(qapp, make_window):
    language.install(qapp, "zh_CN")
    language.uninstall(qapp)
    window = make_window()
    assert [shown_text(a.text()) for a in window.menuBar().actions()][:3] == ["File", "Edit", "View"]
    assert QApplication.translate("MainWindow", "&File") == "&File"


def _start(tmp_path, *args) -> dict:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NEUROCANVAS_")}
    environ.update({"QT_QPA_PLATFORM": "offscreen", "NEUROCANVAS_CONFIG_DIR": str(tmp_path / "config"),
                    "NEUROCANVAS_NO_TENSORFLOW": "1", "PYTHONPATH": str(ROOT), "LANG": "C", "LC_ALL": "C"})
    out = subprocess.run([sys.executable, "-m", "neurocanvas_cli", "--exit-when-ready", *args],
                         cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_saved_language_is_used_at_start_and_lang_overrides_it(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.ini").write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
    shown = _start(tmp_path)
    assert shown["language"] == "zh_CN" and shown["menus"][0] == "文件"
    shown = _start(tmp_path, "--lang", "en")
    assert shown["language"] == "en" and shown["menus"][0] == "File"


class EngineSentences(QTranslator):
    """A translation of two engine sentences, as the .qm gives them."""

    WORDS = {"{layer} needs {rank} axes, not {shape}.": "{layer} 需要 {rank} 个轴，而不是 {shape}。",
             "Add Flatten before it.": "在它之前加一个 Flatten。"}

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.WORDS.get(source) if context == "engine" else None


def test_engine_sentences_are_translated_whole_where_they_are_shown(qapp, qtbot):
    from engine.errors import Diagnostic, NeuroCanvasError
    from engine.i18n import N_, msg
    from gui.format_text import diagnostic_text, error_text
    from gui.problems_panel import ProblemRow

    translator = EngineSentences()
    qapp.installTranslator(translator)
    try:
        message = msg("{layer} needs {rank} axes, not {shape}.", layer="Conv2D", rank=4, shape="(None, 10)")
        diagnostic = Diagnostic("c", "error", message, N_("Add Flatten before it."))
        row = ProblemRow(qapp.style().standardIcon(qapp.style().StandardPixmap.SP_MessageBoxCritical),
                         diagnostic, [], lambda _fix: None)
        qtbot.addWidget(row)
        assert row.text.text() == "Conv2D 需要 4 个轴，而不是 (None, 10)。\n在它之前加一个 Flatten。"
        assert diagnostic_text(diagnostic).endswith("Hint: 在它之前加一个 Flatten。")
        assert error_text(NeuroCanvasError(message, N_("Add Flatten before it."))) == \
            "Conv2D 需要 4 个轴，而不是 (None, 10)。 在它之前加一个 Flatten。"
        assert str(message) == "Conv2D needs 4 axes, not (None, 10)."  # the engine's English is unchanged
    finally:
        qapp.removeTranslator(translator)


def test_the_gallery_reads_in_chinese_and_finds_presets_by_chinese_words(chinese, qtbot):
    from gui.gallery_dialog import PRESET_ROLE, GalleryDialog

    dialog = GalleryDialog()
    qtbot.addWidget(dialog)
    items = [dialog.cards.item(i) for i in range(dialog.cards.count())]
    iris = next(i for i in items if i.data(PRESET_ROLE).id == "iris-dense")
    assert iris.toolTip().startswith("鸢尾花分类器（TensorFlow 2 课程（北京大学）：六步法）\n一个带 L2 正则化")
    assert dialog.tabs.tabText(1) != "Lessons" and CHINESE.search(dialog.tabs.tabText(1))
    dialog.search.insert("鸢尾花")  # as an input method commits it (QTest types only Latin keys)
    shown = [i.data(PRESET_ROLE).id for i in items if not i.isHidden()]
    assert shown == ["iris-dense"]

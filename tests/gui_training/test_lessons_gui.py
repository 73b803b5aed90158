"""Lessons in the editor: the gallery's Lessons tab, opening a lesson with real
clicks, and one click on Train that trains it to its expected result."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from presets.lessons import LESSON_SECTION, get_lesson


def _open_lesson_by_clicks(qtbot, window, lesson_id):
    dialog = window.show_gallery()
    qtbot.waitExposed(dialog)
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(dialog.LESSONS_TAB).center())
    assert dialog.tabs.currentIndex() == dialog.LESSONS_TAB
    assert "optimizers" in dialog.visible_lesson_ids()
    rect = dialog.lesson_rect(lesson_id)
    viewport = dialog.lessons.viewport()
    QTest.mouseClick(viewport, Qt.LeftButton, pos=rect.center())
    QTest.mouseDClick(viewport, Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return dialog


def test_gallery_lessons_tab_filters_and_opens_a_lesson(qtbot, make_window):
    window = make_window()
    dialog = window.show_gallery()
    qtbot.waitExposed(dialog)
    dialog.show_lessons()
    QTest.keyClicks(dialog.search, "stock")
    assert dialog.visible_lesson_ids() == ["stock-lstm", "stock-gru", "stock-rnn"]
    dialog.search.clear()
    assert len(dialog.visible_lesson_ids()) == dialog.lessons.count()
    dialog.reject()


def test_open_iris_lesson_and_train_it_with_one_click(qtbot, make_window):
    window = make_window()
    _open_lesson_by_clicks(qtbot, window, "iris")
    lesson = get_lesson("iris")
    net = window.doc.network
    assert net.extra[LESSON_SECTION] == {"id": "iris"}
    assert net.extra["data"]["dataset"] == "iris"
    optimizer = net.extra["training"]["compile"]["optimizer"]
    assert (optimizer["name"], optimizer["learning_rate"]) == ("sgd", 0.1)
    assert net.extra["training"]["epochs"] == 500 and net.extra["training"]["batch_size"] == 32
    panel = window.lesson_panel
    assert window.lesson_dock.isVisible() and panel.lesson is lesson
    assert "1" in panel.course.text() and panel.title.text()
    # a shorter run than the lesson's 500 epochs, as a person may set it: the panel
    # trains the open document, so the change is what is trained
    net.extra["training"]["epochs"] = 100
    try:
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
        assert not panel.train_button.isEnabled()
        qtbot.waitUntil(lambda: bool(panel.result.text()), timeout=240_000)
        assert len(panel.histories["iris"]["loss"]) == 100
        assert lesson.expected.met_by(panel.best_value()), panel.best_value()
        assert "reached" in panel.result.text() and "not reached" not in panel.result.text()
        assert "1" in panel.result.text()  # the notes' printed value next to this run's
        assert panel.train_button.isEnabled()
        curve = panel.metric_curves["iris"]
        assert len(curve.getData()[0]) == 100
    finally:
        panel.wait_stopped()


def test_comparison_lesson_overlays_one_curve_per_variant(qtbot, make_window):
    window = make_window()
    assert window.open_lesson("schedules", ask=False)
    panel = window.lesson_panel
    window.doc.network.extra["training"]["epochs"] = 2
    try:
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: bool(panel.result.text()), timeout=240_000)
        lesson = get_lesson("schedules")
        assert list(panel.loss_curves) == [v.id for v in lesson.variants]
        assert all(len(c.getData()[0]) == 2 for c in panel.loss_curves.values())
        assert panel.table.rowCount() == len(lesson.variants)
        assert all(panel.table.item(r, 1).text() != "…" for r in range(panel.table.rowCount()))
    finally:
        panel.wait_stopped()


def test_stop_ends_a_comparison_and_a_plain_document_hides_the_panel(qtbot, make_window):
    window = make_window()
    assert window.open_lesson("optimizers", ask=False)
    panel = window.lesson_panel
    try:
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: panel.session is not None
                        and len(panel.session.trainer.epochs) >= 1, timeout=240_000)
        with qtbot.waitSignal(panel.finished, timeout=120_000):
            qtbot.mouseClick(panel.stop_button, Qt.LeftButton)
        assert len(panel.results) == 1  # the runs after the stopped one never started
        assert panel.status.text() == "Stopped." and panel.train_button.isEnabled()
    finally:
        panel.wait_stopped()
    assert window.open_preset("mnist-mlp", ask=False)
    assert not window.lesson_dock.isVisible()
    assert window.open_lesson("iris", ask=False)
    assert window.lesson_dock.isVisible() and panel.lesson.id == "iris"


def test_opening_another_lesson_while_one_trains_ends_that_run(qtbot, make_window):
    window = make_window()
    assert window.open_lesson("iris", ask=False)
    panel = window.lesson_panel
    try:
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: panel.session is not None
                        and len(panel.session.trainer.epochs) >= 1, timeout=240_000)
        trainer = panel.session.trainer
        assert window.open_lesson("letters-onehot", ask=False)
        assert not trainer.running and trainer.state == "stopped"
        assert panel.lesson.id == "letters-onehot" and not panel.training
        assert panel.train_button.isEnabled() and not panel.loss_curves
        qtbot.wait(600)  # no late answer of the old run lands in the new lesson
        assert not panel.results and not panel.result.text()
    finally:
        panel.wait_stopped()


def test_an_unsaved_lesson_reopens_as_that_lesson_at_the_next_start(qtbot, make_window):
    from gui.app import open_entry

    window = make_window()
    assert window.open_lesson("stock-gru", ask=False)
    entry = window.doc.session_entry()
    assert entry == {"lesson": "stock-gru"}
    other = make_window()
    assert open_entry(other, entry)
    assert other.doc.network.extra[LESSON_SECTION] == {"id": "stock-gru"}
    assert other.doc.network.extra["data"]["dataset"] == "series"
    assert other.lesson_panel.lesson.id == "stock-gru"

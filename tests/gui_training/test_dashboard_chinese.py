"""The training dashboard in Simplified Chinese: with the zh_CN translation
installed (the shipped .qm, through gui.language), the Train menu, the docks,
the run controls, the settings, data and runs panels and the engine's
setting checks are shown in Chinese, while the settings stored in the
document keep their Keras names. The translator is removed afterwards so
the other tests see English."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox

from tests.gui_training.conftest import iris_net



def test_the_dashboard_speaks_chinese(qtbot, make_window, chinese):
    assert chinese == "zh_CN"
    window = make_window(iris_net(epochs=3))
    window.ensure_dashboard()
    dash = window.dashboard
    dash.show_all()

    # menu, docks, tabs and the run controls
    assert dash.menu.title() == "训练(&T)"
    assert dash.act_start.text() == "开始训练(&S)"
    assert dash.docks["loss"].windowTitle() == "损失与评测指标"
    assert dash.docks["confusion"].windowTitle() == "混淆矩阵"
    assert dash.docks["filters"].windowTitle() == "卷积核可视化"
    assert [dash.setup_tabs.tabText(i) for i in range(3)] == ["数据", "训练", "训练记录"]
    rc = dash.run_controls
    assert (rc.start_button.text(), rc.stop_button.text()) == ("开始", "停止")
    assert rc.status.text() == "就绪。"

    # the settings panel: group titles, and a loss choice that is a word, not a Keras name
    sp = dash.settings_panel
    titles = {g.title() for g in sp.findChildren(QGroupBox)}
    assert {"优化器", "学习率调度", "损失函数与评测指标", "回调"} <= titles
    assert sp.loss.itemText(0) == "自动（按数据选择）"
    assert sp.optimizer.currentText() == "adam"          # Keras identifiers stay English
    assert sp.training_dict()["compile"]["outputs"] == {}  # "automatic" is stored as before
    sp.loss.setCurrentIndex(sp.loss.findData("sparse_categorical_crossentropy"))
    assert sp.loss.currentText() == "sparse_categorical_crossentropy"
    assert window.doc.network.extra["training"]["compile"]["outputs"]["*"]["loss"] == \
        "sparse_categorical_crossentropy"
    assert [sp.per.itemText(i) for i in range(sp.per.count())] == ["步", "轮"]

    # an engine check of the settings, shown through the translation with its values
    sp.epochs.setValue(3)
    opt = sp.opt_form.edits["beta_1"]
    opt.setText("1.5")
    opt.editingFinished.emit()
    assert "Adam" in sp.problems.text()
    assert "必须在" in sp.problems.text() and "1.5" in sp.problems.text()

    # the data panel: the loaded data summarised in Chinese
    panel = dash.data_panel
    dash.setup_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.dataset is not None, timeout=30_000)
    assert "个样本" in panel.summary.text() and "验证集" in panel.summary.text()
    assert panel.labels.itemText(0) == "保持不变" and panel.labels.itemData(0) == "keep"

    # the runs table's columns, and a progress line
    runs = dash.runs_panel
    headers = [runs.table.horizontalHeaderItem(i).text() for i in range(runs.table.columnCount())]
    assert headers[:3] == ["开始时间", "状态", "轮数"]
    from gui.training.run_controls import Progress

    p = Progress()
    p.started({"epochs": 3, "steps_per_epoch": 8})
    p.batch({"step": 2, "epoch": 0})
    assert p.text() == "第 1/3 轮 · 第 3/8 步"


def test_english_comes_back_without_the_translator(qtbot, make_window):
    """No translator left behind: a new dashboard is in English."""
    assert QCoreApplication.translate("Dashboard", "Loss and metrics") == "Loss and metrics"
    window = make_window(iris_net(epochs=3))
    window.ensure_dashboard()
    assert window.dashboard.docks["loss"].windowTitle() == "Loss and metrics"

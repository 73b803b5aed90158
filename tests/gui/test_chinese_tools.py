"""The Deploy dialog, the Explain window and the Experiments panel in Simplified
Chinese: Qt's translator (the shipped zh_CN .qm) installed as the application
does, real widgets built, and the words they show read back; engine sentences
that come back from a child process (a deployment's notes, warnings and
refusals) are shown translated too. English is back once the translator is gone."""

import pytest




def _report():
    """A deployment's report as it arrives from ``neurocanvas deploy`` (JSON)."""
    from engine.deploy.converters import _change_hint
    from engine.deploy.errors import DeployError
    from engine.deploy.report import DeployReport, ExportRow
    from engine.deploy.verify import warning_for
    from engine.i18n import msg

    refusal = DeployError(msg("{format} cannot express the TensorFlow op {op} made by {layer}.",
                              format="ONNX opset 17", op="Foo",
                              layer=msg("layer '{name}' ({type})", name="odd", type="Lambda")),
                          _change_hint(None, "odd", "ONNX",
                                       msg("or try a higher opset (up to {opset})", opset=18)))
    rows = [ExportRow("tflite-int8", path="/tmp/m-int8.tflite", size_bytes=2048,
                      max_abs_diff=0.01, accuracy=0.90, keras_accuracy=0.95, latency_ms=0.2,
                      warning=warning_for(True, 0.01, 1e-4, 0.90, 0.95),
                      notes=[msg("calibrated on {count} training samples", count=200)]),
            ExportRow("onnx", refused=refusal.message, hint=refusal.hint)]
    report = DeployReport(msg("run {run} ({which} checkpoint)", run="r1", which="best"),
                          "classification", 80, rows, out_dir="/tmp/out")
    return DeployReport.from_dict(report.to_dict())  # plain English, as relayed


def test_the_deploy_dialog_speaks_chinese(chinese, qtbot):
    from gui.deploy_dialog import DeployDialog

    dialog = DeployDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "部署"
    assert dialog.export_button.text() == "导出"
    assert dialog.copy_button.text() == "复制为 Markdown"
    assert dialog.source_box.itemText(0) == "尚无训练结果：请选择训练记录文件夹或 .keras 文件"
    assert dialog.format_boxes["tflite-int8"].text() == "TFLite 全整数 int8"
    assert dialog.format_boxes["onnx"].text() == "ONNX"  # a name stays a name
    assert dialog.format_boxes["onnx"].toolTip() == "ONNX，用于 onnxruntime 和其他框架。"
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(dialog.table.columnCount())]
    assert headers[:4] == ["格式", "文件", "大小", "与 Keras 的最大 |Δ|"]

    dialog._on_progress(0.5, "TFLite full-integer int8: converting")
    assert dialog.status.text() == "TFLite 全整数 int8：正在转换"  # the format's name too
    dialog._on_finished(_report())
    assert dialog.status.text() == (
        "2 个格式中已有 1 个导出到 /tmp/out，并在 训练记录 r1（best 断点） 的 80 个验证样本上完成验证。"
        " 1 个被拒绝（见表格）。 1 个有警告。")
    table = dialog.table
    assert table.item(0, 0).text() == "TFLite 全整数 int8"
    assert table.item(0, 7).text() == \
        "准确率比 Keras 低 5.0 个百分点（超过 3）；请用更多样本校准，或保留浮点格式"
    assert table.item(0, 7).toolTip().endswith("已在 200 个训练样本上校准")
    assert table.item(1, 7).text() == \
        "被拒绝：ONNX opset 17 无法表示由 层 'odd'（Lambda） 产生的 TensorFlow 算子 Foo。"
    assert table.item(1, 7).toolTip() == "请把 odd 换成 ONNX 支持的层，或尝试更高的 opset（最高 18）。"
    assert table.horizontalHeaderItem(4).text() == "准确率"

    dialog.worker.failed.emit("x")  # a message that is not the engine's is shown as it is
    assert dialog.status.text() == "无法部署：x"


def test_the_explain_window_speaks_chinese(chinese, qtbot):
    from gui.explain.explain_window import ExplainWindow

    window = ExplainWindow()
    qtbot.addWidget(window)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["归因", "嵌入", "错误分析", "健康度", "序列"]
    assert window.windowTitle() == "解释 — NeuroCanvas"
    assert window.open_button.text() == "打开模型文件…"
    assert window.attribution.explain_button.text() == "解释"
    methods = [window.attribution.method_box.itemText(i)
               for i in range(window.attribution.method_box.count())]
    assert "显著性图" in methods and "积分梯度" in methods and "Grad-CAM" in methods
    headers = [window.health.table.horizontalHeaderItem(i).text() for i in range(3)]
    assert headers == ["层", "类型", "激活函数"]
    assert window.mistakes.roc_plot.titleLabel.text == "ROC"
    window.refresh_sources()
    assert window.state.text().startswith("暂无可解释的内容")
    window._loaded(None, "The validation set is empty.")  # an engine error, relayed in words
    assert window.state.text() == "无法解释：验证集为空。"


def test_the_experiments_panel_speaks_chinese(chinese, qtbot):
    from engine.errors import NeuroCanvasError
    from engine.experiments.space import parse_dimension
    from gui.experiments.panel import ExperimentsPanel, error_text
    from gui.experiments.results import state_text
    from gui.relayed import run_status

    panel = ExperimentsPanel(None)
    qtbot.addWidget(panel)
    assert panel.start_button.text() == "开始"
    assert panel.resume_button.text() == "继续"
    assert panel.apply_button.text() == "应用此试验"
    assert panel.status.text() == "尚无超参数搜索。"
    assert panel.space_editor.horizontalHeaderItem(0).text() == "设置"
    assert panel.pareto_x.itemText(0) == "（优化目标）" and panel.pareto_x.itemData(0) is None
    assert panel.pareto_x.itemText(1) == "params"  # a cost's name stays as it is written
    assert state_text("pruned") == "已剪枝"
    assert run_status("finished") == "已完成" and run_status("odd") == "odd"

    with pytest.raises(NeuroCanvasError) as caught:
        parse_dimension("hidden.units", {"int": [1.5, 8]})
    assert str(caught.value) == "'hidden.units': the low end must be a whole number, not 1.5."
    assert error_text(caught.value) == "'hidden.units'：下限必须是整数，而不是 1.5。"


def test_english_is_back_without_the_translator(qtbot):
    from gui.deploy_dialog import DeployDialog
    from gui.relayed import relayed

    dialog = DeployDialog()
    qtbot.addWidget(dialog)
    assert dialog.export_button.text() == "Export"
    assert dialog.format_boxes["tflite-int8"].text() == "TFLite full-integer int8"
    assert relayed("calibrated on 200 training samples", "deploy") == \
        "calibrated on 200 training samples"

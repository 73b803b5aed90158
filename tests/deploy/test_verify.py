"""The judging rules of a deployment, on plain numbers (no TensorFlow)."""

import numpy as np
import pytest

from engine.deploy import DeployError, DeployReport, ExportRow, parse_formats
from engine.deploy.errors import layer_of_path
from engine.deploy.verify import accuracy, float_tolerance, mean_abs_error, warning_for


def test_quantization_losing_more_than_three_points_is_flagged():
    assert warning_for(True, 0.2, 1e-4, accuracy_now=0.90, accuracy_ref=0.92) is None
    text = warning_for(True, 0.2, 1e-4, accuracy_now=0.88, accuracy_ref=0.92)
    assert text.startswith("loses 4.0 accuracy points")
    assert warning_for(True, 0.2, 1e-4, accuracy_now=0.90, accuracy_ref=0.92,
                       accuracy_drop=1.0) is not None


def test_float_export_that_differs_is_flagged_and_regression_error_too():
    assert warning_for(False, 5e-5, 1e-4, 0.9, 0.9) is None
    assert "differ from Keras by up to 2.00e-03" in warning_for(False, 2e-3, 1e-4, 0.9, 0.9)
    assert warning_for(True, 0.5, 1e-4, error_now=0.50, error_ref=0.48) is None
    assert "more than 10 % worse" in warning_for(True, 0.5, 1e-4, error_now=0.60, error_ref=0.48)


def test_tolerance_grows_with_the_output_magnitude():
    assert float_tolerance([np.array([[0.2, 0.8]])]) == pytest.approx(1e-4)
    assert float_tolerance([np.array([[-300.0, 12.0]])]) == pytest.approx(3e-2)


def test_accuracy_of_softmax_sigmoid_and_logit_outputs():
    probs = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])
    assert accuracy(probs, np.array([1, 0, 0])) == pytest.approx(2 / 3)
    assert accuracy(probs, np.eye(2)[[1, 0, 1]]) == 1.0  # one-hot labels
    assert accuracy(np.array([[0.7], [0.2]]), np.array([1, 0]), threshold=0.5) == 1.0
    assert accuracy(np.array([[0.3], [-2.0]]), np.array([[1], [0]]), threshold=0.0) == 1.0
    assert accuracy(probs, np.array([1, 0])) is None  # cannot be compared
    assert mean_abs_error(np.array([[1.0], [3.0]]), np.array([2.0, 3.0])) == 0.5


def test_converter_paths_lead_back_to_layers():
    names = ["conv", "conv_1", "odd_layer", "bidirectional", "forward_lstm"]
    assert layer_of_path("functional_1/odd_layer_1/Sinh@__inference_f_1", names) == "odd_layer"
    assert layer_of_path("model_1/conv_1/Conv2D", names) == "conv_1"
    assert layer_of_path("model_1/bidirectional_1/forward_lstm_1/while/add", names) == \
        "forward_lstm"
    assert layer_of_path("model_1/StatefulPartitionedCall", names) is None


def test_formats_are_parsed_in_order_and_unknown_ones_named():
    assert [f.id for f in parse_formats("tflite-int8, onnx,tflite-int8")] == ["tflite-int8", "onnx"]
    assert len(parse_formats("all")) == 6
    with pytest.raises(DeployError, match="'pytorch'"):
        parse_formats("onnx,pytorch")
    with pytest.raises(DeployError, match="No deployment format"):
        parse_formats(" , ")


def test_markdown_shows_refusals_warnings_and_notes():
    report = DeployReport("run x", "classification", 50, rows=[
        ExportRow("onnx", "/o/m.onnx", 14200, 2.9e-7, 0.9, 0.9, latency_ms=0.08,
                  notes=["opset 17"]),
        ExportRow("tflite-int8", "/o/m-int8.tflite", 6600, 0.05, 0.84, 0.9, latency_ms=0.3,
                  warning="loses 6.0 accuracy points"),
        ExportRow("tflite-float32", refused="TFLite float32 cannot express Sinh | op",
                  hint="Replace layer 'odd'."),
    ])
    lines = report.to_markdown().splitlines()
    assert lines[2].startswith("| format | file | size | max \\|Δ\\| vs Keras | accuracy |")
    assert all(line.count(" | ") == lines[2].count(" | ") for line in lines[4:])
    assert lines[4] == "| onnx | m.onnx | 14.2 KB | 2.90e-07 | 90.00 % | 90.00 % | 0.080 |  | " \
                       "opset 17 |"
    assert "| loses 6.0 accuracy points |" in lines[5]
    assert "refused: TFLite float32 cannot express Sinh \\| op Replace layer 'odd'." in lines[6]
    assert not report.ok

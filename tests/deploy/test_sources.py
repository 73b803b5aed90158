"""Which model of a run is deployed, and on which data."""

import pytest

from engine.deploy import deploy

pytestmark = pytest.mark.slow


def test_best_and_last_checkpoint_of_a_run(trained_runs, tmp_path):
    from engine.training.runs import load_run

    run = load_run(trained_runs["cnn"])
    best = deploy(trained_runs["cnn"], "tflite-float32", tmp_path / "best", samples=40)
    last = deploy(trained_runs["cnn"], "tflite-float32", tmp_path / "last", samples=40,
                  checkpoint="last")
    assert best.source == f"run cnn (best checkpoint, epoch {run.best['epoch']})"
    assert last.source == f"run cnn (last checkpoint, epoch {run.checkpoint['epoch']})"
    assert best.rows[0].max_abs_diff <= 1e-4 and last.rows[0].max_abs_diff <= 1e-4


def test_another_dataset_that_does_not_fit_is_refused(trained_runs, tmp_path):
    from engine.deploy import DeployError

    with pytest.raises(DeployError) as info:
        deploy(trained_runs["rnn"], "onnx", tmp_path / "o", dataset="iris")
    assert "model takes (8, 8)" in info.value.message
    assert "the dataset the model was trained on" in info.value.hint
    assert not (tmp_path / "o").exists()

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def train_run(document: dict, run_dir) -> str:
    """Train ``document`` for real (a few epochs on digits) into ``run_dir``."""
    from engine.network import Network
    from engine.training.session import prepare_training

    session = prepare_training(Network.from_dict(document), run_dir=run_dir,
                               overrides={"seed": 3})
    session.start()
    session.wait()
    assert session.result.kind == "finished", session.result.data
    return str(run_dir)


@pytest.fixture(scope="session")
def trained_runs(tmp_path_factory):
    """``{"cnn" | "rnn" | "branching": run folder}``, trained once per session."""
    from tests.deploy.documents import branching_document, cnn_document, rnn_document

    root = tmp_path_factory.mktemp("deploy-runs")
    return {name: train_run(doc(), root / name) for name, doc in
            (("cnn", cnn_document), ("rnn", rnn_document), ("branching", branching_document))}

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


class TrainedRuns:
    """``runs["cnn" | "rnn" | "branching"]``: the run folder of that network,
    trained on first use and shared by every test after."""

    def __init__(self, root):
        from tests.deploy.documents import branching_document, cnn_document, rnn_document

        self.root = root
        self.documents = {"cnn": cnn_document, "rnn": rnn_document,
                          "branching": branching_document}
        self.runs: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self.runs:
            self.runs[name] = train_run(self.documents[name](), self.root / name)
        return self.runs[name]


@pytest.fixture(scope="session")
def trained_runs(tmp_path_factory):
    return TrainedRuns(tmp_path_factory.mktemp("deploy-runs"))

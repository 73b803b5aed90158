"""Shared fixtures of the explain tests: a small CNN trained for real on the
digits and recorded as a run folder (once per test session)."""

import pytest

from .documents import digits_cnn_document, train_run


@pytest.fixture(scope="session")
def digits_run(tmp_path_factory):
    return train_run(digits_cnn_document(), tmp_path_factory.mktemp("runs") / "digits-run")

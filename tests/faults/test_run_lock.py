"""A run folder is held by one process at a time (issue 11, item 3): a
second `--resume` of a run that another process is continuing is refused,
naming that process; the lock goes with the process however it ends."""

import signal

import pytest

from engine.training.run_lock import RunLock, holder
from engine.training.runs import RunLockedError, load_run
from engine.training.session import prepare_training
from tests.faults.runs_helpers import iris_net, run_cli, start_cli, wait_for


def _recorded_run(tmp_path):
    session = prepare_training(iris_net(epochs=1), runs_root=tmp_path)
    session.start()
    assert session.wait(300) == "finished"
    return session.run_dir


def test_a_second_resume_is_refused_naming_the_holder(tmp_path):
    run_dir = _recorded_run(tmp_path)
    first = start_cli("train", "--resume", run_dir, "--epochs", "400", "--quiet")
    try:
        wait_for(lambda: holder(run_dir) == first.pid
                 and load_run(run_dir).info["status"] == "running", first,
                 what="the first resume to hold it and train")
        second = run_cli("train", "--resume", run_dir, "--epochs", "1", "--quiet")
        assert second.returncode == 2, second.stderr
        assert f"in use by process {first.pid}" in second.stderr
        assert load_run(run_dir).status == "running"   # the refused one changed nothing
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(60)
    assert holder(run_dir) is None and load_run(run_dir).status == "interrupted"
    epochs = [r["epoch"] for r in load_run(run_dir).epoch_rows()]
    assert epochs == sorted(set(epochs))  # never two writers: no epoch twice


def test_the_lock_within_one_process(tmp_path):
    run_dir = _recorded_run(tmp_path)
    a, b = RunLock(run_dir), RunLock(run_dir)
    a.acquire()
    with pytest.raises(RunLockedError, match="this program") as refused:
        b.acquire()
    assert refused.value.pid == holder(run_dir)
    a.release()
    assert holder(run_dir) is None
    b.acquire()
    b.release()


def test_a_folder_that_cannot_hold_a_lock_is_a_message(tmp_path):
    from engine.training.runs import RunError

    with pytest.raises(RunError, match="Cannot lock the run folder"):
        RunLock(tmp_path / "gone").acquire()
    assert holder(tmp_path / "gone") is None

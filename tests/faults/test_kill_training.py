"""kill -9 of `neurocanvas train` in the middle of an epoch (issue 11, items
3-5): the folder reads as "interrupted" (decided by its lock, not by
run.json, which still says running), the temporary model a kill during a
save leaves is removed when the run is next opened, the lock is free, and
continuing the run gives exactly the curves of a run that was never
killed."""

import json
import signal

import numpy as np

from engine.training.resume import resume_training
from engine.training.run_lock import holder
from engine.training.runs import INTERRUPTED, list_runs, load_run
from engine.training.session import prepare_training
from tests.faults.runs_helpers import data_lines, iris_net, run_cli, start_cli, wait_for

STEPS = 30  # iris: 120 training samples in batches of 4


def test_a_killed_run_reads_as_interrupted_and_resumes_exactly(tmp_path):
    doc = tmp_path / "flowers.json"
    iris_net(epochs=400, batch_size=4).save(doc)
    run_dir = tmp_path / "flowers.runs" / "killed"
    proc = start_cli("train", doc, "--run-dir", run_dir, "--quiet")
    # mid-epoch: two epochs recorded and batches of the third being written
    wait_for(lambda: data_lines(run_dir / "epoch_metrics.csv") >= 2
             and data_lines(run_dir / "batch_metrics.csv") >= 2 * STEPS + 5, proc,
             what="the middle of the third epoch")
    assert holder(run_dir) == proc.pid
    assert load_run(run_dir).status == "running"
    proc.send_signal(signal.SIGKILL)
    proc.wait(60)
    # a kill during a save leaves its temporary file
    stale = run_dir / f".last.{proc.pid}.tmp.keras"
    stale.write_bytes(b"PK\x03\x04 half a zip")

    assert json.loads((run_dir / "run.json").read_text())["status"] == "running"
    [run] = list_runs(doc)
    assert run.status == INTERRUPTED and run.holder is None and run.can_resume
    assert not stale.exists()                              # removed when the run was opened
    listed = run_cli("runs", doc, "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["status"] == INTERRUPTED
    assert "interrupted" in run_cli("runs", doc).stdout

    epoch = run.checkpoint["epoch"]
    assert epoch >= 2 and run.checkpoint["step"] == epoch * STEPS
    session = resume_training(run_dir)
    assert holder(run_dir) is not None                      # this process holds it now
    session.start(2)
    assert session.wait(300) == "finished", session.result.data
    assert holder(run_dir) is None                          # and let it go at the end
    resumed = session.trainer

    straight = prepare_training(iris_net(epochs=epoch + 2, batch_size=4),
                                runs_root=tmp_path / "straight")
    straight.start()
    assert straight.wait(300) == "finished"
    want = straight.trainer
    assert [b["step"] for b in resumed.batches] == list(range((epoch + 2) * STEPS))
    np.testing.assert_allclose([b["loss"] for b in resumed.batches],
                               [b["loss"] for b in want.batches], rtol=1e-4, atol=1e-6)
    for key, values in want.history().items():
        np.testing.assert_allclose(resumed.history()[key], values, rtol=1e-4, atol=1e-6)
    after = load_run(run_dir)
    assert after.status == "finished" and after.epochs_run == epoch + 2
    assert [r["epoch"] for r in after.epoch_rows()] == list(range(1, epoch + 3))
    assert [r["step"] for r in after.batch_rows()] == list(range((epoch + 2) * STEPS))

"""A full disk during training (issue 11, item 2): the first failed write —
a checkpoint, a CSV row, the run record — ends the run as failed with "no
space left on device at PATH", the last complete checkpoint stays loadable,
and the record never names a best whose model was not written.

In-process, ENOSPC is raised by the run recorder's own write functions from
the third epoch on; in a subprocess, `neurocanvas train` runs on a real tiny
file system (tmpfs) that the test fills while it trains (where mounting is
allowed)."""

import errno
import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from engine.training.runs import load_run
from engine.training.runs import recorder as runs  # where the recorder looks its writers up
from engine.training.session import prepare_training
from tests.faults.runs_helpers import data_lines, iris_net, start_cli, wait_for

FAILING = {  # the file that fails -> the recorder's write function that writes it
    "last.keras": "save_model_atomic",
    "best.keras": "save_model_atomic",
    "epoch_metrics.csv": "append_csv_rows",
    "batch_metrics.csv": "append_csv_rows",
    "run.json": "write_json_atomic",
}


@pytest.mark.parametrize("name", list(FAILING))
def test_the_first_failed_write_ends_the_run_as_failed(tmp_path, monkeypatch, name):
    net = iris_net(epochs=6, batch_size=30)
    session = prepare_training(net, runs_root=tmp_path)
    trainer = session.trainer
    real = getattr(runs, FAILING[name])
    failures = []

    def full_disk(*args, **kwargs):
        path = Path(args[1] if FAILING[name] == "save_model_atomic" else args[0])
        # the disk fills during epoch 3 (its rows and models are the first not to fit);
        # run.json fails once, as when the failed file's removal frees a little room
        if path.name == name and len(trainer.epochs) >= 2 + (name != "batch_metrics.csv") \
                and not (name == "run.json" and failures):
            failures.append(path)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(*args, **kwargs)

    monkeypatch.setattr(runs, FAILING[name], full_disk)
    session.start()
    session.wait(300)
    end = session.result
    path = session.run_dir / name
    assert failures and failures[0] == path
    assert end.kind == "failed" and end.data["code"] == "disk_full", end.data
    assert end.data["reason"] == f"no space left on device at {path}"
    assert trainer.epochs_done <= 3 < 6            # stopped at once, not at the end
    run = load_run(session.run_dir)
    assert run.status == "failed" and run.reason == end.data["reason"]
    # the last complete checkpoint loads and is what the record says it is
    ckpt = run.checkpoint
    assert ckpt is not None and ckpt["epoch"] in (2, 3)
    model = run.load_model("last")
    assert int(model.optimizer.iterations) == ckpt["step"] == 4 * ckpt["epoch"]
    # a best is named only when its model was written
    best = run.best
    assert best is not None and run.best_model_path.exists()
    run.load_model("best")
    if name == "best.keras":
        assert best["epoch"] <= 2
    # no row is half written, none is recorded past the failure
    epochs = [r["epoch"] for r in run.epoch_rows()]
    assert epochs == list(range(1, len(epochs) + 1)) and len(epochs) <= 3
    for csv_name in ("epoch_metrics.csv", "batch_metrics.csv"):
        text = (session.run_dir / csv_name).read_text()
        assert text.endswith("\n")
    assert not list(session.run_dir.glob(".*.tmp*"))  # no temporary file left behind
    assert run.holder is None                          # the run is free to continue


def _mount_tmpfs(where: Path, size_kb: int) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                               str(where)], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _fill(folder: Path) -> None:
    """Write into ``folder`` until the file system is full."""
    fd = os.open(folder / f"filler-{uuid.uuid4().hex}", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


def test_a_real_full_disk_stops_the_cli_run_with_one_message(tmp_path):
    disk = tmp_path / "tiny"
    if not _mount_tmpfs(disk, 4096):
        pytest.skip("cannot mount a tmpfs here (needs root); the injected tests cover it")
    try:
        doc = tmp_path / "flowers.json"
        iris_net(epochs=400, batch_size=4).save(doc)
        run_dir = disk / "run"
        proc = start_cli("train", doc, "--run-dir", run_dir)
        wait_for(lambda: data_lines(run_dir / "epoch_metrics.csv") >= 2, proc,
                 what="two epochs recorded")
        _fill(disk)
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 1, err
        result = json.loads(out.strip().splitlines()[-1])
        assert result["status"] == "failed"
        assert result["stopped"].startswith("no space left on device at " + str(run_dir))
        assert "Traceback" not in err
        assert err.count("no space left on device") == 1, err
        for f in disk.glob("filler-*"):
            f.unlink()
        run = load_run(run_dir)
        assert run.status == "failed" and run.reason == result["stopped"]
        model = run.load_model("last")
        assert int(model.optimizer.iterations) == run.checkpoint["step"]
        if run.best is not None:
            run.load_model("best")
        assert run.checkpoint["epoch"] <= run.epochs_run < 400
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, timeout=30)


def test_a_callback_file_that_does_not_fit_is_said_the_same_way():
    from engine.training.trainer import _describe_failure

    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/runs/r/epochs.csv")
    d = _describe_failure(full, 32)
    assert d["reason"] == "no space left on device at /runs/r/epochs.csv"
    assert d["code"] == "disk_full"
    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "/data/a.png")
    assert _describe_failure(missing, 32)["reason"].startswith("Training failed")


def test_a_disk_full_from_the_start_refuses_the_run_with_a_message(tmp_path, monkeypatch):
    from engine.training.run_lock import holder
    from engine.training.runs import RunError

    def full_disk(path, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(runs, "write_json_atomic", full_disk)
    with pytest.raises(RunError, match="no space left on device at .*network.json") as refused:
        prepare_training(iris_net(), run_dir=tmp_path / "run")
    assert refused.value.message.startswith("Cannot record the run")
    assert holder(tmp_path / "run") is None   # nothing left holding the folder


def test_the_final_record_fits_when_the_disk_is_full(tmp_path):
    """A held run keeps room for its last run.json; without a temporary copy's
    room the record is rewritten in the bytes it has, never half-written."""
    from engine.training.runs import (RESERVE_BYTES, RESERVE_FILE, RunRecorder,
                                      overwrite_json_in_place)

    recorder = RunRecorder(tmp_path / "run", training={"epochs": 3})
    reserve = tmp_path / "run" / RESERVE_FILE
    assert reserve.stat().st_size == RESERVE_BYTES  # held: the room is kept
    recorder.release()
    assert not reserve.exists()                      # released: given back
    record = tmp_path / "run" / "run.json"
    info = json.loads(record.read_text())
    size = record.stat().st_size
    assert overwrite_json_in_place(record, dict(info, status="failed", reason="disk full"))
    assert record.stat().st_size == size
    assert json.loads(record.read_text())["status"] == "failed"
    longer = dict(info, reason="x" * (2 * size))      # does not fit: left as it was
    assert not overwrite_json_in_place(record, longer)
    assert json.loads(record.read_text())["reason"] == "disk full"

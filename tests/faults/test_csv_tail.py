"""Half-written CSV rows (issue 11, item 4): a last line without its newline
is dropped by readers and cut off before the next append, so it is never
glued to the next row; every row ends with a newline."""

import csv

from engine.training.resume import resume_training
from engine.training.runs import read_csv_rows, repair_csv_tail
from engine.training.session import prepare_training
from tests.faults.runs_helpers import iris_net


def test_readers_drop_a_partial_last_line_and_rows_with_missing_fields(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("epoch,loss\n1,0.5\n2,0.25,9\n3,0.2\n4,0.1")
    assert read_csv_rows(path) == [{"epoch": "1", "loss": "0.5"}, {"epoch": "3", "loss": "0.2"}]
    assert repair_csv_tail(path) and path.read_text() == "epoch,loss\n1,0.5\n2,0.25,9\n3,0.2\n"
    assert not repair_csv_tail(path)
    one = tmp_path / "one.csv"
    one.write_text("epoch,lo")
    assert read_csv_rows(one) == [] and repair_csv_tail(one) and one.read_text() == ""


def test_a_resumed_run_never_glues_a_partial_row(tmp_path):
    session = prepare_training(iris_net(epochs=2), runs_root=tmp_path)
    session.start()
    assert session.wait(300) == "finished"
    run_dir = session.run_dir
    for name, partial in (("epoch_metrics.csv", "3,0.07"), ("batch_metrics.csv", "8,2,0,0.0")):
        with open(run_dir / name, "a") as fh:
            fh.write(partial)  # killed in the middle of a row
    assert [r["epoch"] for r in session.run.epoch_rows()] == [1, 2]
    resumed = resume_training(run_dir)
    resumed.start(2)
    assert resumed.wait(300) == "finished"
    for name in ("epoch_metrics.csv", "batch_metrics.csv"):
        text = (run_dir / name).read_text()
        assert text.endswith("\n")
        with open(run_dir / name, newline="") as fh:
            rows = list(csv.reader(fh))
        assert {len(r) for r in rows} == {len(rows[0])}       # no glued row
    assert [r["epoch"] for r in resumed.run.epoch_rows()] == [1, 2, 3, 4]
    assert [r["step"] for r in resumed.run.batch_rows()] == list(range(16))
    assert None not in resumed.trainer.history()["loss"]

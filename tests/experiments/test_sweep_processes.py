"""``neurocanvas sweep`` as a person runs it: real subprocesses, workers
sharing one storage (a journal file, and a PostgreSQL server this test
starts), a study killed with SIGKILL mid-trial and resumed."""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from engine.experiments.study import ABANDONED, load_study
from engine.experiments.trials import worker_env
from tests.experiments.documents import iris_net, run_json

pytestmark = pytest.mark.slow
SPACE = {"lr": {"loguniform": [0.01, 0.1]}, "hidden.units": {"int": [4, 16], "step": 4}}


def _cli(args, cwd, **kw):
    return subprocess.run([sys.executable, "-m", "neurocanvas_cli", *args], cwd=cwd,
                          env=worker_env(), capture_output=True, text=True, timeout=600, **kw)


def _setup(tmp_path):
    doc = tmp_path / "iris.json"
    iris_net().save(doc)
    (tmp_path / "space.json").write_text(json.dumps(SPACE))
    return doc


def _check_parallel(result, storage_url):
    # (the sweeps here run with --pruner none: which trial a median pruner stops
    # depends on the order in which the two workers finish)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(out) == {"study", "storage", "objectives", "trials", "best", "pareto"}
    numbers = [t["number"] for t in out["trials"]]
    assert sorted(numbers) == [0, 1, 2, 3]  # no duplicate, none lost
    assert all(t["state"] == "complete" for t in out["trials"])
    assert set(out["trials"][0]) >= {"number", "state", "params", "values", "run_dir", "reason"}
    assert out["best"]["number"] in numbers and out["pareto"]
    tags = [run_json(t["run_dir"])["trial"] for t in out["trials"]]
    assert sorted(tags) == numbers and len({t["run_dir"] for t in out["trials"]}) == 4
    study, _ = load_study(storage_url, out["study"])
    pids = {t.user_attrs["pid"] for t in study.get_trials()}
    assert len(pids) == 2  # two worker processes each ran trials
    return out


def test_two_workers_share_a_journal_file(tmp_path):
    _setup(tmp_path)
    result = _cli(["sweep", "iris.json", "--space", "space.json", "--trials", "4", "--parallel",
                   "2", "--epochs", "1", "--sampler", "random", "--pruner", "none", "--seed", "0",
                   "--study", "par"],
                  tmp_path)
    storage = str(tmp_path / "iris.runs" / "studies.optuna-journal")
    out = _check_parallel(result, storage)
    assert out["storage"] == storage and Path(storage).exists()


def _postgres_bin(name):
    found = shutil.which(name) if name != "pg_ctl" else None
    return found or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None)


@pytest.fixture
def postgres():
    """A PostgreSQL server of its own: initdb in a temporary folder, a free
    port, its socket in that folder (as the postgres user when run as root)."""
    initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                    "apt-get install postgresql")
    pytest.importorskip("psycopg2", reason="psycopg2-binary is not installed")
    as_user = []
    folder = tempfile.mkdtemp(prefix="nc-pg-")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = os.path.join(folder, "data")
    subprocess.run(as_user + [initdb, "-D", data, "-A", "trust", "-U", "postgres"], check=True,
                   capture_output=True, timeout=120)
    subprocess.run(as_user + [pg_ctl, "-D", data, "-l", os.path.join(folder, "log"), "-w",
                              "-o", f"-p {port} -k {folder} -c listen_addresses=''", "start"],
                   check=True, capture_output=True, timeout=120)
    try:
        yield f"postgresql+psycopg2://postgres@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run(as_user + [pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def test_two_workers_share_a_postgresql_study(tmp_path, postgres):
    _setup(tmp_path)
    result = _cli(["sweep", "iris.json", "--space", "space.json", "--trials", "4", "--parallel",
                   "2", "--epochs", "1", "--sampler", "tpe", "--pruner", "none", "--seed", "1",
                   "--study", "pg",
                   "--storage", postgres], tmp_path)
    _check_parallel(result, postgres)


def test_a_killed_study_resumes_and_fails_the_trial_it_left_running(tmp_path):
    _setup(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "neurocanvas_cli", "sweep", "iris.json", "--space",
                             "space.json", "--trials", "1", "--epochs", "2", "--seed", "0",
                             "--study", "k"], cwd=tmp_path, env=worker_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # until trial 0 trains in its run folder
            if "trial 0 training in" in line:
                break
        else:
            pytest.fail("the sweep ended before its first trial trained")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    storage = str(tmp_path / "iris.runs" / "studies.optuna-journal")
    result = _cli(["sweep", "--study", "k", "--storage", storage], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "trial 0 failed: its process ended" in result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    states = {t["number"]: t["state"] for t in out["trials"]}
    assert states == {0: "failed", 1: "complete"}  # the killed trial is replaced
    assert out["trials"][0]["reason"] == ABANDONED
    assert out["best"]["number"] == 1
    info = run_json(out["trials"][1]["run_dir"])
    assert info["study"] == "k" and info["trial"] == 1 and info["status"] == "finished"
    killed = run_json(out["trials"][0]["run_dir"])  # the killed run's folder is still there
    assert killed["trial"] == 0 and killed["status"] != "finished"

"""Write exported scripts to folders and run them in a subprocess (cwd = the folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RUNNER = Path(__file__).with_name("run_scripts.py")


def run_exported(scripts: list[str], root: Path, timeout: float = 300) -> list[dict]:
    """Run each script in its own folder under ``root``; each result gets the list of
    files the folder holds afterwards (``files``: only model.py when nothing was written)."""
    folders = []
    for i, source in enumerate(scripts):
        folder = root / f"script{i}"
        folder.mkdir(parents=True)
        (folder / "model.py").write_text(source, encoding="utf-8")
        folders.append(folder)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run([sys.executable, str(RUNNER), *map(str, folders)], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=root)
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith('{"dir"')]
    assert len(results) == len(folders), proc.stderr[-2000:]
    for result in results:
        result["files"] = sorted(p.name for p in Path(result["dir"]).iterdir())
    return results

"""Run exported scripts, each in its own folder as the working directory.

    python run_scripts.py DIR...     each DIR holds model.py

Prints one JSON line per folder: {"dir", "ok", "error"}. One process runs
them all so Keras is imported once.
"""

import json
import os
import runpy
import sys

if __name__ == "__main__":
    for folder in sys.argv[1:]:
        os.chdir(folder)
        try:
            runpy.run_path("model.py", run_name="__main__")
            result = {"dir": folder, "ok": True, "error": None}
        except BaseException as exc:  # a script that fails still must not have done anything
            result = {"dir": folder, "ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        print(json.dumps(result), flush=True)

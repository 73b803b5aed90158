import json
import subprocess
import sys

import pytest

from engine import Network
from neurocanvas_cli import main
from engine.fileformat import FORMAT

DOC = {"format": FORMAT, "name": "tiny", "nodes": [
    {"id": "in", "type": "Input", "params": {"shape": [32, 32, 3]}},
    {"id": "c1", "type": "Conv2D", "params": {"filters": 6, "kernel_size": 5, "activation": "sigmoid"}},
    {"id": "p1", "type": "MaxPooling2D", "params": {"pool_size": 2}},
    {"id": "f", "type": "Flatten"},
    {"id": "out", "type": "Dense", "params": {"units": 10, "activation": "softmax",
                                              "kernel_regularizer": {"l2": 0.01}}}],
    "edges": [{"from": "in", "to": "c1"}, {"from": "c1", "to": "p1"}, {"from": "p1", "to": "f"},
              {"from": "f", "to": "out"}]}
BAD = dict(DOC, nodes=DOC["nodes"][:-1] + [{"id": "out", "type": "LSTM", "params": {"units": 4}}])


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(DOC))
    return path


def test_validate_exit_codes(doc, tmp_path, capsys):
    assert main(["validate", str(doc)]) == 0
    (tmp_path / "bad.json").write_text(json.dumps(BAD))
    assert main(["validate", str(tmp_path / "bad.json")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: out: LSTM expects a 3-D")
    (tmp_path / "broken.json").write_text("{")
    assert main(["validate", str(tmp_path / "broken.json")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert main(["validate", str(tmp_path / "missing.json")]) == 2
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


def test_summary_json_is_one_object_with_the_documented_fields(doc, capsys):
    assert main(["summary", str(doc), "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert set(data) == {"name", "valid", "layers", "total_params", "trainable_params",
                         "non_trainable_params", "macs", "diagnostics"}
    assert data["layers"][1] == {"name": "c1", "type": "Conv2D", "output_shape": [None, 28, 28, 6],
                                 "params": 456, "trainable_params": 456, "non_trainable_params": 0,
                                 "macs": 28 * 28 * 75 * 6,
                                 "params_formula": "(5·5·3 + 1)·6",
                                 "params_rule": "(kernel_h·kernel_w·in_channels + 1)·filters",
                                 "shape_formula": "height: ⌊(32 − 5)/1⌋ + 1 = 28; width: ⌊(32 − 5)/1⌋ + 1 = 28; "
                                                  "channels = filters = 6",
                                 "macs_formula": "28·28·6·5·5·3",
                                 "macs_rule": "output positions·filters·kernel·in_channels"}
    assert data["total_params"] == 456 + 1176 * 10 + 10


def test_summary_table_and_preset_id(capsys):
    assert main(["summary", "lenet5"]) == 0
    out = capsys.readouterr().out
    assert "62,006" in out and "Output Shape" in out


def test_export_python_runs_and_builds_the_same_summary(doc, tmp_path):
    out = tmp_path / "model.py"
    assert main(["export", str(doc), "--python", str(out)]) == 0
    code = out.read_text()
    assert "layers.Conv2D(6, 5, activation='sigmoid', name='c1')" in code
    check = (f"import runpy, json; ns = runpy.run_path({str(out)!r}); m = ns['model']; "
             "print(json.dumps([[l.name, list(l.output.shape), l.count_params()] for l in m.layers]))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads(result.stdout.strip().splitlines()[-1])
    report = Network.load(doc).analyze()
    assert rows == [[i.name, list(i.output_shape), i.params] for i in report.layers]


def test_export_keras_file(doc, tmp_path):
    import keras

    out = tmp_path / "model.keras"
    assert main(["export", str(doc), "--keras", str(out)]) == 0
    model = keras.saving.load_model(out)
    assert model.count_params() == Network.load(doc).analyze().total_params
    assert [layer.name for layer in model.layers] == ["in", "c1", "p1", "f", "out"]


def test_export_refuses_invalid_network_without_traceback(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(BAD))
    assert main(["export", str(path), "--python", str(tmp_path / "x.py")]) == 1
    err = capsys.readouterr().err
    assert "not valid" in err and "Traceback" not in err
    assert not (tmp_path / "x.py").exists()


def test_console_script_entry_point(doc):
    result = subprocess.run([sys.executable, "-m", "neurocanvas_cli", "validate", str(doc)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "valid" in result.stdout

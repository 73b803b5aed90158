"""Issue 11, items 9 and 10: errors that reached the CLI's "unexpected error"
catch-all (or printed nothing) each get their own message naming the file,
node or field."""

from __future__ import annotations

import json

import numpy as np
import pytest

from neurocanvas_cli import main
from tests.faults.conftest import small_document


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "unexpected error" not in captured.err and "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.mark.parametrize("damage", ["truncated", "junk"])
def test_corrupt_npz_dataset_is_named(tmp_path, capsys, write_doc, damage):
    good = tmp_path / "good.npz"
    np.savez(good, x=np.random.default_rng(0).random((30, 4)), y=np.arange(30) % 3)
    raw = good.read_bytes()
    bad = tmp_path / "data.npz"
    bad.write_bytes(raw[: len(raw) // 2] if damage == "truncated" else b"PK\x03\x04" + bytes(range(200)))
    doc = write_doc("doc.json", small_document(data={"dataset": "arrays", "options": {"path": str(bad)}},
                                               training={"epochs": 1}))
    code, out, err = run(capsys, "train", str(doc), "--quiet")
    assert code == 1 and out == ""
    assert str(bad) in err and "damaged" in err


def test_corrupt_weights_file_is_named(tmp_path, capsys, write_doc):
    doc = write_doc("doc.json", small_document(weights={"file": "doc.weights.npz", "layers": 1}))
    (tmp_path / "doc.weights.npz").write_bytes(b"PK\x03\x04 not really a zip")
    for command in ("summary", "validate"):
        code, out, err = run(capsys, command, str(doc))
        assert code == 2 and "doc.weights.npz" in err and "damaged" in err


def test_lone_surrogate_in_a_name_is_refused(capsys, write_doc):
    doc = write_doc("doc.json", json.dumps(small_document(name="model\ud800")))  # \ud800 escape
    assert "\\ud800" in doc.read_text()
    for command in ("validate", "summary"):
        code, out, err = run(capsys, command, str(doc))
        assert code == 2 and "lone surrogate" in err and "'name'" in err


def test_units_1e308_in_summary_is_refused_naming_node_and_param(capsys, write_doc):
    data = small_document()
    data["nodes"][1]["params"]["units"] = 1e308
    code, out, err = run(capsys, "summary", str(write_doc("doc.json", data)))
    assert code == 2 and "node 'out'" in err and "'units'" in err and "64 bits" in err
    assert len(err) < 400  # the number is not printed in full


def test_huge_but_valid_sizes_print_without_overflow(capsys, write_doc):
    data = small_document()
    data["nodes"][1]["params"]["units"] = 2**62
    code, out, err = run(capsys, "summary", str(write_doc("doc.json", data)))
    assert code in (0, 1) and "~1e" in out  # MACs and bytes beyond a float are shown as powers of ten


def _template_document(call_args):
    data = small_document()
    data["nodes"][1] = {"id": "op", "type": "KerasOp", "params": {
        "class_name": "Add", "module": "keras.src.ops.numpy", "registered_name": "Add",
        "config": {"name": "op"}, "call_style": "template", "call_args": call_args,
        "input_shapes": [[None, 4]], "output_shapes": [[None, 4]]}}
    data["edges"] = [{"from": "in", "to": "op"}]
    return data


def test_bad_generic_template_is_refused_naming_node_and_field(tmp_path, capsys, write_doc):
    out_py = tmp_path / "out.py"
    doc = write_doc("slot.json", _template_document([{"__input__": 5}, 3.0]))
    code, out, err = run(capsys, "summary", str(doc))
    assert code == 1 and "takes input 5" in out
    code, out, err = run(capsys, "export", str(doc), "--python", str(out_py))
    assert code == 1 and "takes input 5" in err and not out_py.exists()
    doc = write_doc("name.json", _template_document([{"__input__": "x"}, {"__input__": 0}]))
    code, out, err = run(capsys, "export", str(doc), "--python", str(out_py))
    assert code == 2 and "node 'op'" in err and "call_args" in err and not out_py.exists()


def test_nesting_980_deep_in_train_is_refused(capsys, write_doc):
    text = json.dumps(small_document(training={}))
    deep = text.replace('"training": {}', '"training": ' + '{"a": ' * 980 + "{}" + "}" * 980)
    doc = write_doc("deep.json", deep)
    code, out, err = run(capsys, "train", str(doc), "--quiet")
    assert code == 2 and "nests more than" in err and "deep.json" in err


@pytest.mark.parametrize("section,value", [("data", [1]), ("training", "fast"), ("data", "iris")])
def test_train_names_a_section_that_is_not_an_object(capsys, write_doc, section, value):
    data = small_document(**{"data": {"dataset": "iris"}, "training": {"epochs": 1}})
    data[section] = value
    code, out, err = run(capsys, "train", str(write_doc("doc.json", data)), "--quiet")
    assert code == 1 and out == ""
    assert f"{section} section must be an object" in err

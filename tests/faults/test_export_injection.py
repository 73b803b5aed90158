"""Issue 11, item 1: ``export --python`` never turns document text into code.

The four reported ways in (the document name escaping the docstring, keys of
initializer configs, keys of constraint configs, ``KerasLayer.call_kwargs``
keys) each get a regression test; a property test puts hostile strings in
every string-valued place of a document and checks that whatever is accepted
exports to a script made only of the expected statement shapes, and that
running those scripts creates no file.
"""

from __future__ import annotations

import ast
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurocanvas_cli import main
from engine.errors import NeuroCanvasError
from engine.network import Network
from engine.fileformat import FORMAT
from engine.source_literal import SourceError, literal
from tests.faults.exported import run_exported
from tests.faults.script_shape import ScriptShapeError, check_script

PWN = "__import__('os').system('touch PWNED')"


def document(**dense) -> dict:
    """Input → Dense → KerasLayer(Dense, rebuilt from its config) → KerasOp(add 3)."""
    return {
        "format": FORMAT, "name": "tiny",
        "nodes": [
            {"id": "x", "type": "Input", "params": {"shape": [4]}},
            {"id": "d", "type": "Dense", "params": {"units": 4, **dense}},
            {"id": "k", "type": "KerasLayer", "params": {
                "class_name": "Dense", "module": "keras.layers",
                "config": {"name": "k", "units": 4, "activation": "relu"},
                "call_kwargs": {"training": False},
                "input_shapes": [[None, 4]], "output_shapes": [[None, 4]], "trainable_params": 20}},
            {"id": "op", "type": "KerasOp", "params": {
                "class_name": "Add", "module": "keras.src.ops.numpy", "registered_name": "Add",
                "config": {"name": "op"}, "call_style": "template",
                "call_args": [{"__input__": 0}, 3.0],
                "input_shapes": [[None, 4]], "output_shapes": [[None, 4]]}},
        ],
        "edges": [{"from": "x", "to": "d"}, {"from": "d", "to": "k"}, {"from": "k", "to": "op"}],
    }


def refused(doc, *expected):
    with pytest.raises(NeuroCanvasError) as info:
        Network.loads(json.dumps(doc))
    for text in expected:
        assert text in str(info.value)
    return str(info.value)


# ------------------------------------------------------------ regressions --

HOSTILE_NAME = 'x"""\nimport os; os.system("touch PWNED")\n"""'
NOTE = f"'''{PWN}'''\n\\"


def noted_document() -> dict:
    doc = document(kernel_initializer={"random_normal": {"stddev": 0.05, "seed": None}})
    doc["nodes"][2]["params"]["config"]["note"] = NOTE
    return doc


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    """The regression scripts, run once in one subprocess (Keras is imported once)."""
    scripts = {"plain": Network.loads(json.dumps(document())).to_python(),
               "name": Network.loads(json.dumps(dict(document(), name=HOSTILE_NAME))).to_python(),
               "note": Network.loads(json.dumps(noted_document())).to_python()}
    results = run_exported(list(scripts.values()), tmp_path_factory.mktemp("exported"))
    return dict(zip(scripts, results))

def test_the_plain_document_exports_and_runs(ran):
    check_script(Network.loads(json.dumps(document())).to_python())
    result = ran["plain"]
    assert result["ok"], result["error"]
    assert result["files"] == ["model.py"]


def test_document_name_cannot_leave_the_docstring(ran):
    name = HOSTILE_NAME
    doc = dict(document(), name=name)
    net = Network.loads(json.dumps(doc))  # a name is free text: accepted, but only ever data
    source = net.to_python()
    tree = check_script(source)
    assert ast.get_docstring(tree).startswith(name + ": a Keras model exported from NeuroCanvas.")
    plain = Network.loads(json.dumps(dict(document(), name="my model"))).to_python()
    assert plain.startswith('"""my model: a Keras model')  # readable when nothing needs escaping
    result = ran["name"]
    assert result["ok"], result["error"]
    assert result["files"] == ["model.py"]


def test_initializer_config_keys_are_refused_naming_node_and_field(tmp_path):
    doc = document(kernel_initializer={"random_normal": {f"stddev={PWN},mean": 0.0}})
    refused(doc, "node 'd'", "kernel_initializer", "not a Python identifier")
    # the CLI refuses it the same way and writes nothing
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    assert main(["export", str(path), "--python", str(tmp_path / "out.py")]) == 2
    assert not (tmp_path / "out.py").exists()
    assert main(["validate", str(path)]) == 2


def test_constraint_config_keys_are_refused_naming_node_and_field():
    doc = document(kernel_constraint={"max_norm": {f"max_value={PWN},axis": 0}})
    refused(doc, "node 'd'", "kernel_constraint", "not a Python identifier")
    doc = document(kernel_regularizer={"l1_l2": {f"l1={PWN},l2": 0.1}})
    refused(doc, "node 'd'", "kernel_regularizer", "not a Python identifier")


def test_keras_layer_call_kwargs_keys_are_refused_naming_node_and_field():
    doc = document()
    doc["nodes"][2]["params"]["call_kwargs"] = {f"training={PWN},x": False}
    refused(doc, "node 'k'", "call_kwargs", "not a Python identifier")
    doc["nodes"][2]["params"]["call_kwargs"] = {"class": False}  # a keyword is not a name either
    refused(doc, "node 'k'", "call_kwargs")


def test_keras_layer_config_keys_are_refused_naming_node_and_field():
    doc = document()
    doc["nodes"][2]["params"]["config"][f"units={PWN}"] = 1
    refused(doc, "node 'k'", "'config'", "not a Python identifier")


def test_generic_layer_names_are_names():
    doc = document()
    doc["nodes"][2]["params"]["module"] = "os; import sys"
    refused(doc, "node 'k'", "module")
    doc["nodes"][2]["params"].update(module="keras.layers", class_name="Dense(); import os")
    refused(doc, "node 'k'", "class_name")


def test_node_names_never_become_dunders_or_builtins():
    """A node named __name__ once became the variable __name__, silencing the
    script's `if __name__ == "__main__"`; names of builtins are kept clear too."""
    for name in ("__name__", "__builtins__", "__import__", "print", "exec"):
        doc = document()
        doc["nodes"][1]["name"] = name
        source = Network.loads(json.dumps(doc)).to_python()
        tree = check_script(source)
        targets = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   for t in node.targets if isinstance(t, ast.Name)}
        assert name not in targets, source
        assert f"name={name!r}" in source  # the layer keeps its name, as data


def test_values_are_literals_even_when_they_look_like_code(ran):
    source = Network.loads(json.dumps(noted_document())).to_python()
    check_script(source)
    assert literal(NOTE, tuples=False) in source
    result = ran["note"]
    assert not result["ok"] and "could not be deserialized" in result["error"]  # Keras refuses it
    assert result["files"] == ["model.py"]  # and nothing ran


def test_the_literal_writer_refuses_what_is_not_data():
    assert literal(float("inf")) == "float('inf')" and literal(-float("inf")) == "float('-inf')"
    assert literal("\ud800") == "'\\ud800'"
    assert eval(literal({"a": [1, "x'\"\n"]}, tuples=False)) == {"a": [1, "x'\"\n"]}
    with pytest.raises(SourceError):
        literal(object())

    class Sneaky(str):
        def __repr__(self):
            return PWN

    assert literal(Sneaky("x")) == "'x'"


# ------------------------------------------------------- property test --

HOSTILE = [
    '"""', "'''", "\\", "\n", "\r\n", "\x00", "\ud800", "\udfff", "é", "\u2028", "𝔘", "",
    'x"""\nimport os; os.system("touch PWNED")\n"""', PWN, f"a={PWN},b", f"'); {PWN}; ('",
    f'"); {PWN}; ("', "#", "\\'", "${PWN}", "class", "__name__", "model", "keras", "float('inf')",
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map("".join),
    st.text(st.characters(codec=None, categories=None), max_size=12),
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
)


def _set(path):
    """A slot: a function that writes a hostile string at ``path`` in a document dict
    (a path item ``KEY`` means: use the hostile string as a key there)."""
    def put(doc, text):
        target = doc
        for step in path[:-1]:
            if not isinstance(target, (dict, list)):
                return  # an earlier slot put a string where this one goes deeper
            target = target[step]
        if not isinstance(target, (dict, list)):
            return
        last = path[-1]
        if last == "KEY":
            target[text] = text
        else:
            target[last] = text
    return put


SLOTS = [
    _set(["name"]), _set(["KEY"]),  # top-level name, unknown top-level key
    _set(["nodes", 0, "id"]), _set(["nodes", 1, "name"]), _set(["nodes", 1, "group"]),
    _set(["nodes", 1, "KEY"]), _set(["nodes", 0, "params", "dtype"]),
    _set(["nodes", 1, "params", "activation"]),
    _set(["nodes", 1, "params", "kernel_initializer"]),
    _set(["nodes", 1, "params", "kernel_initializer", "random_normal", "KEY"]),
    _set(["nodes", 1, "params", "kernel_initializer", "random_normal", "stddev"]),
    _set(["nodes", 1, "params", "kernel_constraint", "max_norm", "KEY"]),
    _set(["nodes", 1, "params", "kernel_constraint", "max_norm", "axis"]),
    _set(["nodes", 1, "params", "bias_regularizer", "l1_l2", "KEY"]),
    _set(["nodes", 2, "params", "class_name"]), _set(["nodes", 2, "params", "module"]),
    _set(["nodes", 2, "params", "registered_name"]),
    _set(["nodes", 2, "params", "config", "KEY"]), _set(["nodes", 2, "params", "config", "activation"]),
    _set(["nodes", 2, "params", "config", "nested", "deeper", "KEY"]),
    _set(["nodes", 2, "params", "call_kwargs", "KEY"]),
    _set(["nodes", 2, "params", "call_kwargs", "training"]),
    _set(["nodes", 3, "params", "call_args", 1]), _set(["nodes", 3, "params", "config", "name"]),
    _set(["edges", 0, "from"]), _set(["nodes", 1, "params", "KEY"]),
]


def hostile_base() -> dict:
    doc = document(kernel_initializer={"random_normal": {"stddev": 0.05}},
                   kernel_constraint={"max_norm": {"max_value": 2.0}},
                   bias_regularizer={"l1_l2": {"l1": 0.0, "l2": 0.01}})
    doc["nodes"][2]["params"]["config"]["nested"] = {"deeper": {}}
    return doc


@st.composite
def hostile_documents(draw):
    doc = hostile_base()
    slots = draw(st.lists(st.sampled_from(range(len(SLOTS))), min_size=1, max_size=4, unique=True))
    for i in slots:
        SLOTS[i](doc, draw(hostile_text))
    return doc


def test_hostile_strings_anywhere_never_become_code(tmp_path):
    accepted: list[str] = []
    counts = {"refused": 0, "invalid": 0, "exported": 0}

    @settings(max_examples=120, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(hostile_documents())
    def check(doc):
        text = json.dumps(doc)  # lone surrogates travel as \\ud800 escapes, as in a file
        try:
            net = Network.loads(text)
        except NeuroCanvasError:
            counts["refused"] += 1
            return
        if not net.analyze().valid:
            counts["invalid"] += 1
            return
        source = net.to_python()  # a document that validates always exports (no SourceError)
        try:
            check_script(source)
        except ScriptShapeError as exc:
            raise AssertionError(f"{exc}\n--- script ---\n{source}") from None
        counts["exported"] += 1
        if len(accepted) < 12:
            accepted.append(source)

    check()
    assert counts["exported"] >= 10 and counts["refused"] >= 10, counts
    results = run_exported(accepted, tmp_path)
    for result in results:
        assert result["files"] == ["model.py"], result
        # a script may fail where Keras refuses a hostile value; never by being malformed
        assert result["ok"] or not result["error"].startswith(("SyntaxError", "NameError")), result


def test_base_of_the_property_test_is_a_valid_runnable_document(tmp_path):
    net = Network.loads(json.dumps(hostile_base()))
    assert net.analyze().valid
    check_script(net.to_python())

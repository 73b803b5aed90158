import copy
import json
import os
import random

import pytest
from hypothesis import given, settings, strategies as st

from engine import Network
from engine.errors import DocumentError
from engine.fileformat import FORMAT

TINY = {
    "format": FORMAT, "name": "tiny",
    "nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [4]}, "pos": [0, 0]},
        {"id": "h", "type": "Dense", "params": {"units": 8, "activation": "relu"}, "group": "body/block1"},
        {"id": "out", "type": "Dense", "params": {"units": 3, "activation": "softmax",
                                                   "kernel_regularizer": {"l2": 0.01}}, "name": "probs"},
    ],
    "edges": [{"from": "in", "to": "h"}, {"from": "h", "to": "out"}],
    "outputs": ["out"],
    "training": {"epochs": 5, "future_key": [1, 2]},
}


def test_round_trip_keeps_everything_including_unknown_keys(tmp_path):
    data = copy.deepcopy(TINY)
    data["nodes"][1]["color"] = "teal"  # a key this version does not know
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(data))
    net = Network.load(path)
    assert net.nodes["out"].name == "probs"
    assert net.nodes["h"].group == "body/block1"
    net.save(tmp_path / "again.json")
    again = json.loads((tmp_path / "again.json").read_text())
    assert again["training"] == data["training"]
    assert again["nodes"][1]["color"] == "teal"
    assert Network.load(tmp_path / "again.json").to_dict() == net.to_dict()


def test_omitted_fields_take_defaults():
    net = Network.loads(json.dumps({"format": FORMAT, "nodes": [
        {"id": "a", "type": "Input", "params": {"shape": [2]}},
        {"id": "b", "type": "Dense", "params": {"units": 1}}], "edges": [{"from": "a", "to": "b"}]}))
    assert net.outputs == [("b", 0)]
    assert net.nodes["b"].name == "b"
    assert net.analyze().total_params == 3


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    net = Network.loads(json.dumps(TINY))
    target = tmp_path / "doc.json"
    target.write_text("old contents")
    net.save(target)
    assert json.loads(target.read_text())["name"] == "tiny"
    assert os.listdir(tmp_path) == ["doc.json"]


def _mutated(change):
    data = copy.deepcopy(TINY)
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize("text,words", [
    ("{not json", ["not valid JSON", "line 1"]),
    ("[]", ["JSON object"]),
    (_mutated(lambda d: d.update(format="keras/2")), ["unsupported format", "keras/2"]),
    (_mutated(lambda d: d["nodes"][1].update(type="Dense3")), ["'h'", "unknown layer type", "Dense3"]),
    (_mutated(lambda d: d["nodes"][1]["params"].update(units="eight")), ["'h'", "units"]),
    (_mutated(lambda d: d["nodes"][1]["params"].update(unitz=8)), ["'h'", "unitz"]),
    (_mutated(lambda d: d["edges"].append({"from": "h", "to": "ghost"})), ["ghost"]),
    (_mutated(lambda d: d["nodes"].append({"id": "h", "type": "Dense", "params": {"units": 1}})),
     ["'h'", "twice"]),
    (_mutated(lambda d: d["nodes"][2].update(name="h")), ["'out'", "already used"]),
    (_mutated(lambda d: d.update(outputs=["nowhere"])), ["nowhere"]),
    (_mutated(lambda d: d["nodes"][0]["params"].update(shape=[0, 3])), ["'in'", "shape"]),
    (_mutated(lambda d: d["edges"][0].update(to_port=-1)), ["to_port"]),
])
def test_damaged_files_are_refused_with_a_message_naming_node_and_field(text, words):
    with pytest.raises(DocumentError) as info:
        Network.loads(text, source="doc.json")
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        Network.load(tmp_path / "missing.json")
    with pytest.raises(DocumentError, match="folder"):
        Network.load(tmp_path)


def _damage(text: str, rng: random.Random) -> str:
    ops = rng.randrange(5)
    chars = list(text)
    if ops == 0:  # truncate
        return text[: rng.randrange(len(text))]
    if ops == 1:  # flip characters
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(chars))
            chars[i] = rng.choice('{}[]",:0123456789abcxyz -')
        return "".join(chars)
    if ops == 2:  # delete a slice
        i = rng.randrange(len(chars))
        return "".join(chars[:i] + chars[i + rng.randint(1, 20):])
    data = json.loads(text)
    junk = rng.choice([None, 0, -1, 1.5, "x", [], {}, [1, 2], {"a": 1}, True, 1e308, "Dense"])
    if ops == 3:  # replace a random value somewhere in the structure
        target = data
        path = []
        while isinstance(target, (dict, list)) and target and rng.random() < 0.8:
            key = rng.choice(list(target.keys()) if isinstance(target, dict) else range(len(target)))
            path.append((target, key))
            target = target[key]
        if path:
            parent, key = path[-1]
            parent[key] = junk
        return json.dumps(data)
    node = rng.choice(data["nodes"])  # replace a param value
    if node["params"]:
        node["params"][rng.choice(list(node["params"]))] = junk
    return json.dumps(data)


def test_fuzz_hundreds_of_damaged_files_never_crash():
    rng = random.Random(1234)
    base = json.dumps(TINY)
    refused = 0
    for _ in range(600):
        text = _damage(base, rng)
        try:
            net = Network.loads(text)
        except DocumentError as exc:
            refused += 1
            assert exc.message.strip()
            continue
        report = net.analyze()  # whatever loaded must analyse without raising
        assert isinstance(report.valid, bool)
    assert refused > 200


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                    max_leaves=20))
def test_arbitrary_json_is_refused_or_loaded_never_crashes(value):
    for doc in (value, {"format": FORMAT, "nodes": value}, {"format": FORMAT, "nodes": [value]}):
        try:
            Network.loads(json.dumps(doc))
        except DocumentError as exc:
            assert exc.message

import json

import pytest

from engine.fileformat import FORMAT


def small_document(**sections) -> dict:
    """Input(4) → Dense(3, softmax): the smallest trainable document."""
    doc = {"format": FORMAT, "name": "small", "nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [4]}},
        {"id": "out", "type": "Dense", "params": {"units": 3, "activation": "softmax"}}],
        "edges": [{"from": "in", "to": "out"}]}
    doc.update(sections)
    return doc


@pytest.fixture
def write_doc(tmp_path):
    """write_doc(name, data_or_text) -> the path of a document file in tmp_path."""
    def write(name, data):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return path
    return write

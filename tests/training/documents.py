"""Small documents the training tests share."""

from engine.fileformat import FORMAT


def iris_document(name: str, training: dict) -> dict:
    """A file-format dict: iris features → Dense 8 relu → Dense 3 softmax,
    standardised iris data, and the given ``training`` section."""
    return {"format": FORMAT, "name": name, "nodes": [
        {"id": "features", "type": "Input", "params": {"shape": [4]}},
        {"id": "hidden", "type": "Dense", "params": {"units": 8, "activation": "relu"}},
        {"id": "species", "type": "Dense", "params": {"units": 3, "activation": "softmax"}}],
        "edges": [{"from": "features", "to": "hidden"}, {"from": "hidden", "to": "species"}],
        "data": {"dataset": "iris", "preprocess": {"scale": "standardize"}},
        "training": training}

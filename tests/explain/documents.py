"""Small documents and runs the explain tests share."""

from engine.fileformat import FORMAT


def digits_cnn_document(name: str = "digits-cnn", epochs: int = 6) -> dict:
    """8×8×1 digits → Conv2D 8 → Conv2D 8 → Flatten → Dense 16 → Dense 10 softmax."""
    return {"format": FORMAT, "name": name, "nodes": [
        {"id": "image", "type": "Input", "params": {"shape": [8, 8, 1]}},
        {"id": "conv1", "type": "Conv2D", "params": {"filters": 8, "kernel_size": 3,
                                                     "padding": "same", "activation": "relu"}},
        {"id": "conv2", "type": "Conv2D", "params": {"filters": 8, "kernel_size": 3,
                                                     "activation": "relu"}},
        {"id": "flat", "type": "Flatten", "params": {}},
        {"id": "embedding", "type": "Dense", "params": {"units": 16, "activation": "relu"}},
        {"id": "digit", "type": "Dense", "params": {"units": 10, "activation": "softmax"}}],
        "edges": [{"from": "image", "to": "conv1"}, {"from": "conv1", "to": "conv2"},
                  {"from": "conv2", "to": "flat"}, {"from": "flat", "to": "embedding"},
                  {"from": "embedding", "to": "digit"}],
        "data": {"dataset": "digits", "preprocess": {"add_channel": True}},
        "training": {"epochs": epochs, "batch_size": 32, "seed": 1,
                     "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}}}}


def train_run(doc: dict, folder) -> "object":
    """Train ``doc`` into the run folder ``folder``; returns its `RunRecord`."""
    from engine.network import Network
    from engine.training.runs import load_run
    from engine.training.session import prepare_training

    net = Network.from_dict(doc)
    session = prepare_training(net, run_dir=folder, insights=None)
    session.start()
    assert session.wait(600) == "finished", session.trainer.result
    return load_run(folder)

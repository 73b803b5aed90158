"""The small digits networks the deploy tests train and export: a CNN, a
recurrent network (LSTM then GRU over the rows of each digit) and a
branching one (Add and Concatenate)."""

from engine.fileformat import FORMAT

TRAINING = {"epochs": 3, "batch_size": 32,
            "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}}}


def _doc(name, nodes, edges, preprocess):
    return {"format": FORMAT, "name": name, "nodes": nodes,
            "edges": [{"from": e[0], "to": e[1], "to_port": e[2] if len(e) > 2 else 0}
                      for e in edges],
            "data": {"dataset": "digits", "preprocess": preprocess},
            "training": TRAINING}


def cnn_document() -> dict:
    return _doc("digits_cnn", [
        {"id": "in", "type": "Input", "params": {"shape": [8, 8, 1]}},
        {"id": "conv", "type": "Conv2D", "params": {"filters": 16, "kernel_size": 3,
                                                    "activation": "relu"}},
        {"id": "pool", "type": "MaxPooling2D", "params": {"pool_size": 2}},
        {"id": "flat", "type": "Flatten", "params": {}},
        {"id": "digit", "type": "Dense", "params": {"units": 10, "activation": "softmax"}}],
        [("in", "conv"), ("conv", "pool"), ("pool", "flat"), ("flat", "digit")],
        {"add_channel": True})


def rnn_document() -> dict:
    """Each digit read row by row: 8 timesteps of 8 pixels."""
    return _doc("digits_rnn", [
        {"id": "rows", "type": "Input", "params": {"shape": [8, 8]}},
        {"id": "lstm", "type": "LSTM", "params": {"units": 16, "return_sequences": True}},
        {"id": "gru", "type": "GRU", "params": {"units": 16}},
        {"id": "digit", "type": "Dense", "params": {"units": 10, "activation": "softmax"}}],
        [("rows", "lstm"), ("lstm", "gru"), ("gru", "digit")], {})


def branching_document() -> dict:
    """Two convolutions added, concatenated with a third branch; batch
    normalization and dropout (inference mode in every export)."""
    return _doc("digits_branches", [
        {"id": "img", "type": "Input", "params": {"shape": [8, 8, 1]}},
        {"id": "a", "type": "Conv2D", "params": {"filters": 6, "kernel_size": 3, "padding": "same",
                                                 "activation": "relu"}},
        {"id": "b", "type": "Conv2D", "params": {"filters": 6, "kernel_size": 1,
                                                 "activation": "relu"}},
        {"id": "sum", "type": "Add", "params": {}},
        {"id": "c", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3, "padding": "same",
                                                 "activation": "relu"}},
        {"id": "join", "type": "Concatenate", "params": {}},
        {"id": "norm", "type": "BatchNormalization", "params": {}},
        {"id": "gap", "type": "Flatten", "params": {}},
        {"id": "drop", "type": "Dropout", "params": {"rate": 0.2}},
        {"id": "digit", "type": "Dense", "params": {"units": 10, "activation": "softmax"}}],
        [("img", "a"), ("img", "b"), ("a", "sum"), ("b", "sum", 1), ("img", "c"), ("sum", "join"),
         ("c", "join", 1), ("join", "norm"), ("norm", "gap"), ("gap", "drop"),
         ("drop", "digit")], {"add_channel": True})

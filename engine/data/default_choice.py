"""Which dataset a document trains on when it names none: one that works
offline. The preset's suggestion (the document's ``"preset"`` section, written
by the preset that built it) when it can be loaded without a network
connection (a built-in set, or a Keras set already in the cache), else a
built-in set whose samples have the shape of the network's input (digits for
grey images, shapes for colour images, a series for sequences, moons for
2-D points, iris for tables). Never a download that fails offline.
"""

from __future__ import annotations

from engine.fileformat import PRESET_SECTION


def available_offline(name: str) -> bool:
    """Whether the dataset ``name`` loads without a network connection now."""
    from engine.data.keras_datasets import is_cached
    from engine.data.registry import dataset_info

    try:
        info = dataset_info(name)
    except Exception:  # an unknown name is not available at all
        return False
    return bool(info.offline) or (info.source == "keras" and is_cached(name))


def dataset_for_shape(shape) -> str:
    """A built-in offline dataset whose samples suit an input of ``shape``
    (without the batch axis).

    Example:
        >>> dataset_for_shape((32, 32, 1)), dataset_for_shape((32, 32, 3)), dataset_for_shape((4,))
        ('digits', 'shapes', 'iris')
    """
    shape = tuple(shape or ())
    if len(shape) == 3:
        return "shapes" if shape[-1] == 3 else "digits"
    if len(shape) == 2:
        return "series" if shape[-1] == 1 else "digits"
    if len(shape) == 1 and shape[0] == 2:
        return "moons"
    return "iris"


def input_shape(net) -> tuple | None:
    try:
        report = net.analyze()
        return tuple(report.by_node[net.inputs[0]].output_shapes[0][1:])
    except Exception:  # no input, or an invalid network
        return None


def preset_suggestion(net) -> str | None:
    """The dataset the preset that built the document suggests (its ``"preset"``
    section; renaming the network keeps it), or ``None``.

    >>> from engine.network import Network
    >>> net = Network("renamed")
    >>> net.extra["preset"] = {"id": "lenet5", "dataset": "cifar10"}
    >>> preset_suggestion(net), preset_suggestion(Network("lenet5"))
    ('cifar10', None)
    """
    section = net.extra.get(PRESET_SECTION)
    dataset = section.get("dataset") if isinstance(section, dict) else None
    return dataset if isinstance(dataset, str) and dataset else None


def default_dataset(net) -> str:
    """The dataset a document without a data section trains on (offline)."""
    name = preset_suggestion(net)
    if name and available_offline(name):
        return name
    return dataset_for_shape(input_shape(net))


def offline_preset_dataset(net) -> str | None:
    """The preset's dataset when it works offline, a built-in stand-in of the
    right shape when it does not, ``None`` for a network of no preset."""
    name = preset_suggestion(net)
    if not name:
        return None
    return name if available_offline(name) else dataset_for_shape(input_shape(net))

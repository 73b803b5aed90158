"""Timing-free measures of how the cost of an operation grows with its size.

``calls(fn)`` counts every Python call ``fn`` makes (the profiler's count,
generator steps included), so a loop hidden in a generator expression or a
comprehension shows; :class:`CountedStr` ids make comparisons that a
builtin does in C (``list.index``, ``x in list``, sorting) count too. The
counts are the same on a loaded machine as on an idle one: a test asserts
how they grow between a size and four times that size (×4 is linear, ×16
quadratic) and never reads a clock.
"""

from __future__ import annotations

import cProfile
import pstats

from engine import Network
from engine.fileformat import FORMAT


class CountedStr(str):
    """A str whose equality test is a Python call (the profiler counts it)."""

    def __eq__(self, other):
        return str.__eq__(self, other)

    def __ne__(self, other):
        return str.__ne__(self, other)

    def __lt__(self, other):
        return str.__lt__(self, other)

    __hash__ = str.__hash__


def calls(fn) -> int:
    """How many Python calls running ``fn()`` makes."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        fn()
    finally:
        profile.disable()
    return pstats.Stats(profile).total_calls


def growth(fn_of_size, size: int, factor: int = 4) -> float:
    """calls(fn_of_size(factor * size)) / calls(fn_of_size(size)), where
    ``fn_of_size(n)`` returns the operation to count at size ``n`` (prepared
    outside the count)."""
    small = calls(fn_of_size(size))
    large = calls(fn_of_size(factor * size))
    return large / small


def residual_document(blocks: int, positions: bool = False) -> dict:
    """A document (as read from a file) of ``blocks`` residual blocks, each in
    a group ``stageS/blockB`` (ten blocks a stage): 4 * blocks + 3 layers.
    Every id is a fresh :class:`CountedStr`, as each reference in a file is."""
    def ref(i):
        return CountedStr(f"n{i}")

    nodes = [{"id": ref(0), "type": "Input", "params": {"shape": [8, 8, 4]}}]
    edges = []
    x = 0
    for b in range(blocks):
        group = f"stage{b // 10}/block{b}"
        first = len(nodes)
        nodes += [{"id": ref(first), "type": "Conv2D", "group": group,
                   "params": {"filters": 4, "kernel_size": 3, "padding": "same"}},
                  {"id": ref(first + 1), "type": "BatchNormalization", "group": group, "params": {}},
                  {"id": ref(first + 2), "type": "Activation", "group": group,
                   "params": {"activation": "relu"}},
                  {"id": ref(first + 3), "type": "Add", "group": group, "params": {}}]
        edges += [{"from": ref(x), "to": ref(first)},
                  {"from": ref(first), "to": ref(first + 1)},
                  {"from": ref(first + 1), "to": ref(first + 2)},
                  {"from": ref(first + 2), "to": ref(first + 3)},
                  {"from": ref(x), "to": ref(first + 3), "to_port": 1}]
        x = first + 3
    end = len(nodes)
    nodes += [{"id": ref(end), "type": "GlobalAveragePooling2D", "params": {}},
              {"id": ref(end + 1), "type": "Dense", "params": {"units": 3, "activation": "softmax"}}]
    edges += [{"from": ref(x), "to": ref(end)}, {"from": ref(end), "to": ref(end + 1)}]
    if positions:
        for i, node in enumerate(nodes):
            node["pos"] = [0.0, 120.0 * i]
    return {"format": FORMAT, "name": "residual", "nodes": nodes, "edges": edges}


def residual_network(blocks: int) -> Network:
    return Network.from_dict(residual_document(blocks))

"""May this port connect to that one? The rule the editor asks while a connection
is dragged over the ports, Qt-free.

First the wiring (:meth:`engine.network.Network.connection_problem`: ports that
exist and are free, no cycle), then the shapes: the target layer is evaluated
with the new tensor among its inputs (:func:`engine.analysis.node_with_inputs`)
against the report the network already has, so that a hover reads one layer and
its inputs whatever the size of the network, and the network is never edited.
A connection is refused only for an error it would bring to the target itself;
"not finished wiring yet" errors (:data:`INCOMPLETE`) are not reasons.
"""

from __future__ import annotations

from engine.analysis import node_with_inputs
from engine.network import Edge

INCOMPLETE = ("arity", "unconnected")  # "not finished wiring yet", not "does not fit"


def connection_refusal(net, report, src: str, dst: str, src_port: int = 0, dst_port: int = 0) -> str:
    """'' if ``src:src_port → dst:dst_port`` is acceptable, else the reason (the engine's
    own message and hint). ``report`` is ``net.analyze()`` of the network as it is.

    >>> from engine.network import Network
    >>> net = Network()
    >>> x = net.add_node("Input", {"shape": [28, 28, 1]})
    >>> lstm = net.add_node("LSTM", {"units": 8})
    >>> connection_refusal(net, net.analyze(), x, lstm).split(":")[0]
    'lstm'
    >>> flat = net.add_node("Flatten", {})
    >>> connection_refusal(net, net.analyze(), x, flat)
    ''
    """
    problem = net.connection_problem(src, dst, src_port, dst_port)
    if problem:
        return problem
    before = {d.message for d in report.for_node(dst) if d.is_error}
    edges = net.in_edges(dst) + [Edge(src, dst, src_port, dst_port)]
    for d in node_with_inputs(net, report, dst, edges).diagnostics:
        if d.is_error and d.code not in INCOMPLETE and d.message not in before:
            return f"{d.message} {d.hint}".strip()
    return ""

"""Whether a connection may be made: the engine's wiring check, then a trial
analysis on a copy of the network to see whether the target could take the
tensor. Returns the engine's own message when it cannot."""

from __future__ import annotations

from engine.errors import NeuroCanvasError

# errors that only mean "not finished wiring yet", not "this tensor does not fit"
_INCOMPLETE = {"arity", "unconnected"}


def connection_refusal(net, report, src: str, dst: str, src_port: int = 0, dst_port: int = 0) -> str:
    """'' if ``src:src_port → dst:dst_port`` is acceptable, else the reason."""
    problem = net.connection_problem(src, dst, src_port, dst_port)
    if problem:
        return problem
    before = {d.message for d in report.for_node(dst) if d.is_error}
    trial = net.copy()
    try:
        trial.connect(src, dst, src_port, dst_port)
    except NeuroCanvasError as exc:
        return exc.message
    for d in trial.analyze().for_node(dst):
        if d.is_error and d.code not in _INCOMPLETE and d.message not in before:
            return f"{d.message} {d.hint}".strip()
    return ""

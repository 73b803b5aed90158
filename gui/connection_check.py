"""Whether a connection may be made: the engine's wiring check, then a trial
connection on the network itself (taken back at once; only the target and what
is downstream of it are re-analysed) to see whether the target could take the
tensor. Returns the engine's own message when it cannot."""

from __future__ import annotations

from engine.edit_journal import trial
from engine.errors import NeuroCanvasError
from engine.quickfix import INCOMPLETE


def connection_refusal(net, report, src: str, dst: str, src_port: int = 0, dst_port: int = 0) -> str:
    """'' if ``src:src_port → dst:dst_port`` is acceptable, else the reason."""
    problem = net.connection_problem(src, dst, src_port, dst_port)
    if problem:
        return problem
    before = {d.message for d in report.for_node(dst) if d.is_error}
    with trial(net):
        try:
            net.connect(src, dst, src_port, dst_port)
        except NeuroCanvasError as exc:
            return exc.message
        for d in net.analyze().for_node(dst):
            if d.is_error and d.code not in INCOMPLETE and d.message not in before:
                return f"{d.message} {d.hint}".strip()
    return ""

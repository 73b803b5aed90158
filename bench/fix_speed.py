"""How fast are connection checks and quick fixes on ResNet-50?

Side by side in one process, for 20 output ports dragged onto an LSTM that
cannot take them (a refused connection, as a drag hovers over a port):
  * check in place: engine.connection_rule (the target layer evaluated with the
    new tensor against the current report; the network is not edited),
  * check by copy: the same check on a full copy of the network (the old way),
  * fixes: engine.quickfix.connection_fixes (every candidate tried and verified).
Prints medians and the copy/trial ratio.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.quickfix import connection_fixes  # noqa: E402
from engine.connection_rule import connection_refusal  # noqa: E402
from presets import build_preset  # noqa: E402


def by_copy(net, src, dst) -> str:
    trial = net.copy()
    trial.connect(src, dst)
    errors = [d for d in trial.analyze().for_node(dst) if d.is_error]
    return errors[0].message if errors else ""


def main() -> int:
    net = build_preset("resnet50")
    lstm = net.add_node("LSTM", {"units": 8})
    report = net.analyze()
    sources = [nid for nid in net.nodes if nid != lstm][5:25]
    trial_ms, copy_ms, fix_ms = [], [], []
    for src in sources:
        t = time.perf_counter()
        reason = connection_refusal(net, report, src, lstm)
        trial_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        same = by_copy(net, src, lstm)
        copy_ms.append((time.perf_counter() - t) * 1000)
        assert reason.startswith(same), (reason, same)
        t = time.perf_counter()
        connection_fixes(net, src, lstm)
        fix_ms.append((time.perf_counter() - t) * 1000)
    med = statistics.median
    print(f"ResNet-50 ({len(net.nodes)} nodes), {len(sources)} refused connections")
    print(f"  check by trial   {med(trial_ms):7.2f} ms median")
    print(f"  check by copy    {med(copy_ms):7.2f} ms median  ({med(copy_ms) / med(trial_ms):.0f}× slower)")
    print(f"  connection fixes {med(fix_ms):7.2f} ms median (all candidates tried and verified)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

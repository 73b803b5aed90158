"""Every number explained: how a layer's output shape, parameter count and MACs
come about, written out with the layer's actual numbers.

Each layer type may declare an ``explain(p, input_shapes, output_shapes)``
hook next to its weight and MAC rules (see :class:`engine.catalog.base.LayerSpec`).
It returns a dict with any of:

- ``"shape"``: the output shape in words, e.g. "height: ⌊(32 − 5)/1⌋ + 1 = 28";
- ``"params"``: ``(rule, arithmetic)``, e.g. ``("(kernel·in_channels + 1)·filters",
  "(5·5·3 + 1)·6")``;
- ``"macs"``: ``(rule, arithmetic)`` in the same form.

The arithmetic is plain integer arithmetic (``+ - * //``, parentheses; ``·``
and ``×`` stand for ``*``) whose value is the number itself. It is evaluated
here with :func:`evaluate`, never with ``eval``. What a hook leaves out gets a
generic explanation: "0 (no weights)", "same shape as the input", "one per
value". A hook whose arithmetic disagrees with the layer's own count is not
shown (the generic text is used), so a wrong formula never reaches the user.

Nothing here imports TensorFlow or Qt.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass

from engine.errors import NeuroCanvasError
from engine.i18n import N_, Text, msg
from engine.shapes import fmt

TIMES = "·"


# ------------------------------------------------------------ evaluation ---

class FormulaError(ValueError):
    """An arithmetic string that is not plain integer arithmetic."""


_BINOPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.FloorDiv: lambda a, b: a // b,
}
_MAX_LENGTH = 4000


def evaluate(arithmetic: str) -> int:
    """The integer value of ``arithmetic``: integers, + - * //, parentheses,
    with ``·`` and ``×`` read as ``*``. Anything else raises FormulaError."""
    if not isinstance(arithmetic, str) or not arithmetic.strip():
        raise FormulaError("empty formula")
    if len(arithmetic) > _MAX_LENGTH:
        raise FormulaError("formula too long")
    text = arithmetic.replace(TIMES, "*").replace("×", "*").replace("−", "-")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"not arithmetic: {arithmetic!r}") from exc
    return _value(tree.body)


def _value(node) -> int:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        left, right = _value(node.left), _value(node.right)
        if isinstance(node.op, ast.FloorDiv) and right == 0:
            raise FormulaError("division by zero")
        return _BINOPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_value(node.operand)
    raise FormulaError(f"only integers, + - * // and parentheses are allowed (found {type(node).__name__})")


# ------------------------------------------------------------- building ---

def times(*factors) -> str:
    """'5·5·3' from 5, 5, 3 (strings are kept as they are)."""
    return TIMES.join(str(f) for f in factors)


def plus(*terms) -> str:
    """'a + b' leaving out empty terms."""
    return " + ".join(str(t) for t in terms if t not in ("", None))


def group(text) -> str:
    """``text`` in parentheses unless it is a single number or product."""
    text = str(text)
    return f"({text})" if (" + " in text or " - " in text) else text


def known(values) -> list:
    """Unknown sizes counted as 1, as the MAC estimates count them."""
    return [1 if v is None else v for v in values]


def clauses(parts) -> str:
    """Clauses of one explanation joined by "; " (the inspector shows one per line),
    each translatable on its own.

    >>> clauses(["height: 28", "width: 28"])
    'height: 28; width: 28'
    """
    parts = list(parts)
    if not parts:
        return ""
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        joined = msg("{first}; {rest}", first=part, rest=joined)
    return joined


def window_words(axis: str, n, k: int, s: int, padding: str, d: int = 1) -> str:
    """One axis of a sliding window (convolution or pooling) in words."""
    if n is None:
        return msg("{axis}: unknown (the input length is not fixed)", axis=axis)
    if padding in ("same", "causal"):
        return msg("{axis}: ⌈{n}/{s}⌉ = {out} (padding='{padding}')", axis=axis, n=n, s=s,
                   out=-(-n // s), padding=padding)
    if d > 1:
        eff = d * (k - 1) + 1
        return msg("{axis}: ⌊({n} − {eff})/{s}⌋ + 1 = {out} (dilated kernel {d}·({k} − 1) + 1 = {eff})",
                   axis=axis, n=n, eff=eff, s=s, out=(n - eff) // s + 1, d=d, k=k)
    return msg("{axis}: ⌊({n} − {k})/{s}⌋ + 1 = {out}", axis=axis, n=n, k=k, s=s, out=(n - k) // s + 1)


# ------------------------------------------------------------ explaining ---

@dataclass(frozen=True)
class Formula:
    """One number explained: the rule in words, the arithmetic with the actual
    numbers, and the value (the arithmetic evaluated)."""

    rule: str
    arithmetic: str
    value: int

    @property
    def text(self) -> str:
        if self.arithmetic == str(self.value):
            if self.rule.startswith(str(self.value)):
                return self.rule
            return msg("{rule} = {value}", rule=self.rule, value=f"{self.value:,}")
        return msg("{rule}\n= {arithmetic} = {value}", rule=self.rule, arithmetic=self.arithmetic,
                   value=f"{self.value:,}")


@dataclass(frozen=True)
class Explanation:
    shape: str
    params: Formula
    macs: Formula
    derived_params: bool = False  # the params formula comes from the layer's own hook
    rejected: tuple = ()  # pieces of the hook whose value disagreed with the layer's count


NO_WEIGHTS = N_("0 (no weights)")


def _generic_params(trainable: int, non_trainable: int) -> Formula:
    total = trainable + non_trainable
    if total == 0:
        return Formula(NO_WEIGHTS, "0", 0)
    if non_trainable and trainable:
        return Formula(N_("trainable + non-trainable"), plus(trainable, non_trainable), total)
    return Formula(N_("weights as declared by the layer"), str(total), total)


def _generic_macs(macs: int, ins, outs) -> Formula:
    if macs == 0:
        return Formula(N_("0 (no multiply-adds)"), "0", 0)
    for shape, rule in ((ins[0] if ins else None, N_("one per input value")),
                        (outs[0] if outs else None, N_("one per output value"))):
        if shape is not None and len(shape) > 1:
            dims = [d for d in shape[1:] if d]
            if math.prod(dims) == macs:
                return Formula(rule, times(*dims), macs)
    return Formula(N_("estimated multiply-adds"), str(macs), macs)


def _generic_shape(ins, outs) -> str:
    if len(outs) == 1 and len(ins) >= 1 and all(tuple(s) == tuple(outs[0]) for s in ins):
        return msg("same shape as the input: {shape}", shape=fmt(outs[0]))
    if not ins:
        return msg("no input → {outputs}", outputs=", ".join(fmt(s) for s in outs))
    return msg("{inputs} → {outputs}", inputs=", ".join(fmt(s) for s in ins),
               outputs=", ".join(fmt(s) for s in outs))


def _checked(piece, value: int) -> Formula | None:
    """A hook's (rule, arithmetic) as a Formula, or None if it is malformed or
    its value is not ``value``."""
    if not piece:
        return None
    try:
        rule, arithmetic = piece
        got = evaluate(arithmetic)
    except (FormulaError, TypeError, ValueError, RecursionError):
        return None
    if got != value:
        return None
    return Formula(rule if isinstance(rule, Text) else str(rule), str(arithmetic), got)


def explain(spec, p: dict, ins: list, outs: list, trainable: int, non_trainable: int,
            macs: int) -> Explanation:
    """The explanation of one layer whose shapes and counts are already known."""
    pieces = {}
    rejected = []
    hook = getattr(spec, "explain", None)
    if hook is not None:
        try:
            pieces = hook(p, list(ins), list(outs)) or {}
        except Exception as exc:  # a hook must never take the inspector down; the generic text remains
            rejected.append(("explain", f"{type(exc).__name__}: {exc}"))
            pieces = {}
    params = _checked(pieces.get("params"), trainable + non_trainable)
    derived = params is not None
    if params is None:
        if pieces.get("params"):
            rejected.append(("params", pieces["params"]))
        params = _generic_params(trainable, non_trainable)
    macs_formula = _checked(pieces.get("macs"), macs)
    if macs_formula is None:
        if pieces.get("macs"):
            rejected.append(("macs", pieces["macs"]))
        macs_formula = _generic_macs(macs, ins, outs)
    shape = pieces.get("shape") or _generic_shape(ins, outs)
    return Explanation(shape, params, macs_formula, derived, tuple(rejected))


def explain_info(net, info) -> Explanation | None:
    """The explanation for an analysed layer (a ``LayerInfo``), or None if its
    shape could not be computed."""
    if info is None or info.output_shapes is None:
        return None
    node = net.nodes.get(info.node)
    if node is None:
        return None
    try:
        spec, p = node.spec, node.resolved()
    except NeuroCanvasError:
        return None
    return explain(spec, p, info.input_shapes, info.output_shapes, info.trainable_params,
                   info.non_trainable_params, info.macs)


def report_with_formulas(net, report) -> dict:
    """``report.to_dict()`` with params_formula, params_rule, shape_formula and
    macs_formula on every layer."""
    out = report.to_dict()
    for row, info in zip(out["layers"], report.layers):
        exp = explain_info(net, info)
        if exp is None:
            continue
        row["params_formula"] = exp.params.arithmetic
        row["params_rule"] = exp.params.rule
        row["shape_formula"] = exp.shape
        row["macs_formula"] = exp.macs.arithmetic
        row["macs_rule"] = exp.macs.rule
    return out

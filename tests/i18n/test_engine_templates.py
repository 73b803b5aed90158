"""What the engine says about real invalid networks is made of whole sentences
listed for translation: every diagnostic message and hint, every fix title, is
an ``engine.i18n.Text`` whose template is among the engine's marked sentences,
and filling the template with its values gives back the English exactly."""

from __future__ import annotations

import string
import subprocess
import sys

import pytest

from engine import Network
from engine.errors import EditError, NeuroCanvasError
from engine.i18n import CONTEXT, Text
from engine.quickfix import connection_fixes, fixes_for
from tests.i18n.literal_scan import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)


@pytest.fixture(scope="module")
def marked() -> set[str]:
    return {s for c, s in translations.engine_strings() if c == CONTEXT}


def chain(shape, *layers):
    net = Network("net")
    prev = net.add_node("Input", {"shape": list(shape)})
    for type_name, params in layers:
        node = net.add_node(type_name, params)
        net.connect(prev, node)
        prev = node
    return net


def merge(type_name, *shapes):
    net = Network("net")
    inputs = [net.add_node("Input", {"shape": list(s)}) for s in shapes]
    node = net.add_node(type_name, {})
    for port, src in enumerate(inputs):
        net.connect(src, node, 0, port)
    return net


def two_heads():
    net = Network("net")
    x = net.add_node("Input", {"shape": [8]})
    for units in (4, 2):
        net.connect(x, net.add_node("Dense", {"units": units}))
    return net


def unconnected():
    net = chain((8,), ("Dense", {"units": 4}))
    net.add_node("Dense", {"units": 2})
    return net


INVALID = {
    "rank": lambda: chain((10,), ("Conv2D", {"filters": 4, "kernel_size": 3})),
    "rank_sequence": lambda: chain((10,), ("LSTM", {"units": 4})),
    "rank_after_rnn": lambda: chain((10, 8), ("LSTM", {"units": 4}), ("LSTM", {"units": 4})),
    "min_rank": lambda: chain((4, 4, 3), ("Flatten", {}), ("BatchNormalization", {"axis": 2})),
    "bad_merge": lambda: merge("Add", (8,), (5,)),
    "broadcast": lambda: merge("Add", (4, 4, 8), (8,)),
    "one_input_merge": lambda: merge("Concatenate", (8,)),
    "kernel_too_large": lambda: chain((3, 3, 1), ("Conv2D", {"filters": 2, "kernel_size": 5})),
    "dilated_kernel": lambda: chain((5, 5, 1), ("Conv2D", {"filters": 2, "kernel_size": 3,
                                                            "dilation_rate": 3})),
    "conv1d_too_long": lambda: chain((4, 2), ("Conv1D", {"filters": 2, "kernel_size": 7})),
    "pool_too_large": lambda: chain((2, 2, 1), ("MaxPooling2D", {"pool_size": 3})),
    "crop_everything": lambda: chain((4, 4, 1), ("Cropping2D", {"cropping": 2})),
    "flatten_variable": lambda: chain((None, 8), ("Flatten", {}), ("Dense", {"units": 2})),
    "axis": lambda: chain((8,), ("BatchNormalization", {"axis": 3})),
    "empty": lambda: Network("net"),
    "two_heads": two_heads,
    "unconnected": unconnected,
}


def _check(text, marked, where):
    """``text`` is a Text of a marked template whose values fill back the English."""
    assert isinstance(text, Text), f"{where}: {text!r} is not a translatable sentence"
    assert text.template in marked, f"{where}: {text.template!r} is not listed for translation"
    assert text.template.format(**text.args) == str(text), where
    fields = {f for _, f, _, _ in string.Formatter().parse(text.template) if f}
    assert fields == set(text.args), f"{where}: {text.template!r} takes {sorted(text.args)}"
    for name, value in text.args.items():
        if isinstance(value, Text):
            _check(value, marked, f"{where} [{name}]")


@pytest.mark.parametrize("case", sorted(INVALID))
def test_diagnostics_and_fixes_of_invalid_networks_are_whole_templates(case, marked):
    net = INVALID[case]()
    report = net.analyze()
    assert report.diagnostics, f"{case} should be reported"
    for d in report.diagnostics:
        _check(d.message, marked, f"{case}: message")
        if d.hint:
            _check(d.hint, marked, f"{case}: hint of {d.message!r}")
        for fix in fixes_for(net, d, report=report):
            _check(fix.title, marked, f"{case}: fix")
            if fix.via:
                _check(fix.via, marked, f"{case}: fix via")


def test_the_sentences_keep_their_english(marked):
    report = chain((3, 3, 1), ("Conv2D", {"filters": 2, "kernel_size": 5})).analyze()
    (error,) = report.errors
    assert str(error.message) == (
        "conv2_d: Conv2D: a 5×5 kernel does not fit the 3×3 input (None, 3, 3, 1) with padding='valid'; "
        "the output would be -1×-1.")
    assert error.message.template == "{node}: {message}"
    assert error.message.args["message"].args["what"] == "kernel"
    report = chain((10,), ("Conv2D", {"filters": 4, "kernel_size": 3})).analyze()
    assert str(report.errors[0].hint) == "Add a Reshape to (height, width, channels) before it."
    assert str(merge("Concatenate", (8,)).analyze().errors[0].message) == (
        "concatenate (Concatenate) needs at least 2 inputs; only one is connected.")


def test_refused_edits_and_connections_are_whole_templates(marked):
    net = chain((8,), ("Dense", {"units": 4}))
    with pytest.raises(NeuroCanvasError) as refused:
        net.add_node("Dense", {"units": -1})
    _check(refused.value.message, marked, "refused edit")
    with pytest.raises(EditError) as refused:
        net.add_node("NoSuchLayer", {})
    _check(refused.value.message, marked, "unknown type")
    _check(refused.value.hint, marked, "unknown type hint")
    dense = [n for n in net.nodes if net.nodes[n].type == "Dense"][0]
    _check(net.connection_problem(dense, dense), marked, "self connection")
    inp = net.inputs[0]
    _check(net.connection_problem(dense, inp), marked, "into an Input")
    _check(net.connection_problem(inp, dense, 1, 0), marked, "missing output port")

    images = chain((28, 28, 1))
    dense = images.add_node("Dense", {"units": 10})
    for fix in connection_fixes(images, images.inputs[0], dense):
        _check(fix.title, marked, "connection fix")


def test_a_nested_sentence_is_translated_inside_its_frame(qapp, tmp_path):
    """The interface translates a rule's message inside "{node}: {message}" too."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from gui.i18n import tx

    report = chain((3, 3, 1), ("Conv2D", {"filters": 2, "kernel_size": 5})).analyze()
    message = report.errors[0].message
    inner = message.args["message"]
    entries = {message.template: "{node}：{message}",
               inner.template: "{layer}：{size} {what} 放不进 {input} 的输入 {shape}（padding='{padding}'），"
                               "输出将是 {out}。",
               "kernel": "卷积核"}
    ts = tmp_path / "t.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
                  f"<context><name>{CONTEXT}</name>"
                  + "".join(f"<message><source>{_xml(s)}</source><translation>{_xml(t)}</translation></message>"
                            for s, t in entries.items())
                  + "</context></TS>\n", encoding="utf-8")
    qm = tmp_path / "t.qm"
    subprocess.run([translations._tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert tx(message) == ("conv2_d：Conv2D：5×5 卷积核 放不进 3×3 的输入 (None, 3, 3, 1)（padding='valid'），"
                               "输出将是 -1×-1。")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tx(message) == str(message)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

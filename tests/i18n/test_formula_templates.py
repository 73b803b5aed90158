"""Every number explained, in any language: for every layer of every preset the
explanation's shape text and the rules of its params and MACs are whole
sentences listed for translation (an ``engine.i18n.Text`` whose template, and
the templates of the sentences inside it, are among the engine's marked
sentences) or pure symbols made of Keras argument names; with the Chinese
translation installed the inspector's formulas read in Chinese and keep their
numbers."""

from __future__ import annotations

import re
import sys
from collections import Counter

import pytest

from engine.formulas import explain_info
from engine.i18n import CONTEXT, Text
from engine.network import Network
from presets import all_presets, build_preset
from tests.i18n.literal_scan import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
# the names a rule may say without translation: Keras argument names and the
# symbols the rules define (n = features, m = units)
SYMBOLS = {"kernel", "kernel_h", "kernel_w", "kernel_d", "in_channels", "filters", "groups", "units",
           "depth_multiplier", "n", "m", "input_dim", "output_dim"}


@pytest.fixture(scope="module")
def marked() -> set[str]:
    return {s for c, s in translations.engine_strings() if c == CONTEXT}


def _templates(text) -> list[str]:
    """The template of ``text`` and of every sentence inside it."""
    if not isinstance(text, Text):
        return []
    found = [text.template]
    for value in text.args.values():
        found += _templates(value)
    return found


def _explanations():
    for preset in all_presets():
        net = build_preset(preset.id)
        report = net.analyze()
        for info in report.layers:
            exp = explain_info(net, info)
            if exp is not None:
                yield f"{preset.id}/{info.node}", exp


def _check(where, text, marked, symbols_allowed):
    if isinstance(text, Text):
        assert str(text) == (text.template.format(**text.args) if text.args else text.template), where
        missing = [t for t in _templates(text) if t not in marked]
        assert not missing, f"{where}: {missing} not listed for translation"
        return
    assert symbols_allowed, f"{where}: {text!r} is not a translatable sentence"
    words = set(WORD.findall(str(text))) - SYMBOLS
    assert not words, f"{where}: {text!r} has English words {sorted(words)} outside a template"


def test_every_preset_explanation_is_made_of_listed_templates(marked):
    count = 0
    for where, exp in _explanations():
        _check(f"{where} shape", exp.shape, marked, symbols_allowed=False)
        _check(f"{where} params", exp.params.rule, marked, symbols_allowed=True)
        _check(f"{where} macs", exp.macs.rule, marked, symbols_allowed=True)
        _check(f"{where} params text", exp.params.text, marked, symbols_allowed=True)
        _check(f"{where} macs text", exp.macs.text, marked, symbols_allowed=True)
        count += 1
    assert count > 100


def test_templates_rebuild_the_english_exactly():
    net = Network("net")
    x = net.add_node("Input", {"shape": [28, 28, 1]}, id="in")
    conv = net.add_node("Conv2D", {"filters": 6, "kernel_size": 5, "strides": 2, "padding": "same"},
                        id="conv")
    net.connect(x, conv)
    exp = explain_info(net, net.analyze().by_node["conv"])
    assert isinstance(exp.shape, Text)
    assert str(exp.shape) == ("height: ⌈28/2⌉ = 14 (padding='same'); width: ⌈28/2⌉ = 14 (padding='same'); "
                              "channels = filters = 6")
    assert exp.shape.template == "{first}; {rest}"
    assert exp.shape.args["first"].template == "{axis}: ⌈{n}/{s}⌉ = {out} (padding='{padding}')"
    assert exp.shape.args["first"].args["axis"].template == "height"



def _formulas(layers, shape, node):
    from gui.inspector import formulas_text
    net = Network("net")
    prev = net.add_node("Input", {"shape": list(shape)}, id="in")
    for i, (type_name, params) in enumerate(layers):
        nid = node if i == len(layers) - 1 else f"l{i}"
        layer = net.add_node(type_name, params, id=nid)
        net.connect(prev, layer)
        prev = layer
    exp = explain_info(net, net.analyze().by_node[node])
    return formulas_text(exp), exp


def _numbers(text: str) -> Counter:
    return Counter(re.findall(r"\d+(?:,\d{3})*", text))


@pytest.mark.parametrize("layers,shape", [
    ([("Conv2D", {"filters": 6, "kernel_size": 5})], (32, 32, 3)),
    ([("Conv2D", {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same"})], (15, 15, 4)),
    ([("LSTM", {"units": 32, "return_sequences": True, "return_state": True})], (10, 16)),
    ([("Bidirectional", {"layer": {"type": "LSTM", "params": {"units": 8}}})], (10, 16)),
    ([("TimeDistributed", {"layer": {"type": "Dense", "params": {"units": 6}}})], (5, 4)),
    ([("MaxPooling2D", {"pool_size": 2})], (28, 28, 6)),
    ([("GlobalAveragePooling2D", {"keepdims": True})], (7, 7, 8)),
    ([("BatchNormalization", {})], (8, 8, 4)),
    ([("Embedding", {"input_dim": 100, "output_dim": 8})], (12,)),
    ([("Reshape", {"target_shape": [-1, 4]})], (6, 4)),
    ([("Permute", {"dims": [2, 1]})], (6, 4)),
    ([("Flatten", {}), ("Dense", {"units": 10})], (5, 5, 16)),
])
def test_inspector_formulas_read_in_chinese_with_the_same_numbers(chinese, layers, shape):
    text, exp = _formulas(layers, shape, "layer")
    english = ("Output shape:\n  " + "\n  ".join(str(exp.shape).split("; "))
               + "\nParams: " + str(exp.params.text).replace("\n", "\n  ")
               + "\nMACs: " + str(exp.macs.text).replace("\n", "\n  "))
    assert text != english
    assert CJK.search(text), text
    assert "输出形状" in text and "参数量" in text, text
    assert _numbers(text) == _numbers(english), (text, english)
    # one line per clause of the shape, as in English
    assert text.count("\n") == english.count("\n"), (text, english)
    for keras_name in ("filters", "units", "padding='same'", "output_dim", "keepdims"):
        if keras_name in english:
            assert keras_name in text, (keras_name, text)


def test_conv2d_and_lstm_formulas_use_the_course_terms(chinese):
    conv, _ = _formulas([("Conv2D", {"filters": 6, "kernel_size": 5})], (32, 32, 3), "layer")
    assert "高度：⌊(32 − 5)/1⌋ + 1 = 28" in conv, conv
    assert "(5·5·3 + 1)·6 = 456" in conv and "352,800" in conv, conv
    assert "通道数 = filters = 6" in conv, conv
    lstm, _ = _formulas([("LSTM", {"units": 32})], (10, 16), "layer")
    assert "4·((n + m)·m + m)" in lstm and "4·((16 + 32)·32 + 32)" in lstm and "6,272" in lstm, lstm
    assert "最后一个时间步" in lstm and "特征数" in lstm, lstm

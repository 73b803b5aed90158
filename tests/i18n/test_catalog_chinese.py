"""With the Chinese translation installed, the layer catalog's descriptions and
parameter help read in Chinese and keep the Keras names, code and numbers of
their examples exactly as the English says them."""

from __future__ import annotations

import re
from collections import Counter

CJK = re.compile(r"[\u4e00-\u9fff]")
# what a translation copies unchanged: a call of a Keras class, a keyword
# argument, a shape with its batch axis, a number of two or more digits
# (100,480; 0.5), a snake_case argument or value name
CODE = re.compile(r"\b[A-Z]\w*\(|\b\w+=|\([^()]*None[^()]*\)|\d[\d,.]*\d|\b[a-z]+_[a-z_0-9]+\b")



def _code(text: str) -> Counter:
    return Counter(CODE.findall(text))


def test_conv2d_description_is_chinese_and_keeps_its_example(chinese):
    from engine.catalog import get_spec
    from gui.i18n import layer_doc
    spec = get_spec("Conv2D")
    text = layer_doc(spec)
    assert text != spec.doc
    assert CJK.search(text), text
    assert "卷积核" in text
    assert "Conv2D(32, 3, activation='relu')" in text
    assert "(None, 28, 28, 1)" in text and "(None, 26, 26, 32)" in text
    assert "320" in text
    assert text.count("\n\n") == spec.doc.count("\n\n")


def test_conv2d_parameter_help_is_chinese_and_keeps_the_keras_names(chinese):
    from engine.catalog import get_spec
    from gui.i18n import param_help
    params = {p.name: p for p in get_spec("Conv2D").params}
    filters = param_help(params["filters"])
    assert CJK.search(filters) and "卷积核" in filters, filters
    padding = param_help(params["padding"])
    assert CJK.search(padding), padding
    assert "'valid'" in padding and "'same'" in padding and "strides" in padding
    assert "全零填充" in padding
    initializer = param_help(params["kernel_initializer"])
    assert CJK.search(initializer) and "kernel" in initializer, initializer
    activation = param_help(params["activation"])
    assert CJK.search(activation) and "激活函数" in activation
    assert "None" in activation


def test_dense_and_lstm_read_in_the_course_terms(chinese):
    from engine.catalog import get_spec
    from gui.i18n import layer_doc, param_help
    dense = layer_doc(get_spec("Dense"))
    assert "全连接层" in dense and "100,480" in dense and "Dense(128, activation='relu')" in dense
    assert "舍弃" in layer_doc(get_spec("Dropout"))
    assert "批标准化" in layer_doc(get_spec("BatchNormalization"))
    assert "独热码" in layer_doc(get_spec("CategoryEncoding"))
    lstm = get_spec("LSTM")
    assert "LSTM(32)" in layer_doc(lstm) and "8,320" in layer_doc(lstm)
    units = param_help({p.name: p for p in lstm.params}["units"])
    assert "记忆体" in units, units


def test_every_description_and_help_is_chinese_with_its_code_intact(chinese):
    from engine.catalog import all_specs
    from gui.i18n import layer_doc, param_help
    untranslated, changed_code = [], []
    for spec in all_specs():
        texts = [(spec.doc, layer_doc(spec))] if spec.doc else []
        texts += [(p.help, param_help(p)) for p in spec.params if p.help]
        for english, shown in texts:
            if shown == english or not CJK.search(shown):
                untranslated.append((spec.type, english))
            elif _code(english) - _code(shown) or shown.count("\n") != english.count("\n"):
                changed_code.append((spec.type, english, shown))
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert changed_code == [], f"{len(changed_code)} lose code or line breaks, e.g. {changed_code[:3]}"


def test_without_the_translation_the_catalog_reads_english(qapp):
    from engine.catalog import get_spec
    from gui.i18n import layer_doc, param_help
    spec = get_spec("Conv2D")
    assert layer_doc(spec) == spec.doc
    assert param_help(spec.params[0]) == spec.params[0].help

"""The engine's rule for "may this port connect to that one" (engine.connection_rule):
the same answers as connecting on a copy and analysing it, without editing the network,
and at the cost of one layer per question whatever the size of the network."""

import itertools

import pytest

from engine import analysis
from engine.connection_rule import INCOMPLETE, connection_refusal
from engine.network import Network
from presets import build_preset


def by_copy(net, src, dst, src_port, dst_port) -> str:
    """The reference: make the connection on a copy and read the target's new errors."""
    problem = net.connection_problem(src, dst, src_port, dst_port)
    if problem:
        return problem
    before = {d.message for d in net.analyze().for_node(dst) if d.is_error}
    twin = net.copy()
    twin.connect(src, dst, src_port, dst_port)
    for d in twin.analyze().for_node(dst):
        if d.is_error and d.code not in INCOMPLETE and d.message not in before:
            return f"{d.message} {d.hint}".strip()
    return ""


def loose_layers() -> Network:
    """Layers of every kind of input, some wired, some waiting for an input."""
    net = Network("loose")
    img = net.add_node("Input", {"shape": [28, 28, 1]}, name="image")
    seq = net.add_node("Input", {"shape": [10, 4]}, name="series")
    vec = net.add_node("Input", {"shape": [6]}, name="vector")
    conv = net.add_node("Conv2D", {"filters": 4, "kernel_size": 3}, name="conv")
    net.connect(img, conv)
    for type_name, params in [("LSTM", {"units": 3}), ("Dense", {"units": 2}),
                              ("Conv2D", {"filters": 2, "kernel_size": 3}), ("Flatten", {}),
                              ("Add", {}), ("Concatenate", {}), ("MaxPooling2D", {}),
                              ("Conv1D", {"filters": 2, "kernel_size": 2}),
                              ("Reshape", {"target_shape": [3, 2]})]:
        net.add_node(type_name, params)
    net.connect(vec, net.node_by_name("add").id)  # one input of a merge already there
    net.connect(seq, net.node_by_name("concatenate").id)
    return net


def test_every_pair_is_answered_as_connecting_a_copy_would():
    net = loose_layers()
    report = net.analyze()
    asked = refused = 0
    for src, dst in itertools.permutations(net.nodes, 2):
        dst_port = net.next_free_port(dst)
        for port in sorted({0, dst_port}):
            got = connection_refusal(net, report, src, dst, 0, port)
            assert got == by_copy(net, src, dst, 0, port), (src, dst, port)
            asked += 1
            refused += bool(got)
    assert asked > 150 and 0 < refused < asked  # both answers occur


def test_a_preset_answers_as_a_copy_would_for_every_layer_output():
    net = build_preset("lenet5")
    report = net.analyze()
    loose = net.add_node("Conv2D", {"filters": 2, "kernel_size": 1}, name="loose")
    report = net.analyze()
    answers = {}
    for src in net.nodes:
        if src == loose:
            continue
        answers[src] = connection_refusal(net, report, src, loose)
        assert answers[src] == by_copy(net, src, loose, 0, 0)
    assert any(answers.values()) and not all(answers.values())


def test_the_rule_edits_nothing_and_tells_no_one():
    net = loose_layers()
    heard = []
    net.subscribe(heard.append)
    before = net.to_dict()
    report = net.analyze()
    lstm, image = net.node_by_name("lstm").id, net.node_by_name("image").id
    reason = connection_refusal(net, report, image, lstm)
    assert "lstm" in reason  # a 4-D image into an LSTM: refused with the layer's name
    assert heard == [] and net.to_dict() == before
    assert net.analyze().for_node(lstm) == report.for_node(lstm)


@pytest.mark.parametrize("blocks", [1, 8])
def test_a_question_evaluates_one_layer_whatever_the_network_size(monkeypatch, blocks):
    net = Network("chain")
    prev = net.add_node("Input", {"shape": [16]})
    for _ in range(blocks * 10):
        nxt = net.add_node("Dense", {"units": 16})
        net.connect(prev, nxt)
        prev = nxt
    target = net.add_node("LSTM", {"units": 2})
    report = net.analyze()
    computed = []
    original = analysis.Analyzer._compute

    def counting(self, nid, ctx, in_edges=None):
        computed.append(nid)
        return original(self, nid, ctx, in_edges)

    monkeypatch.setattr(analysis.Analyzer, "_compute", counting)
    assert connection_refusal(net, report, prev, target)  # rank 2 into an LSTM: refused
    assert computed == [target]


def test_wiring_problems_come_first():
    net = loose_layers()
    report = net.analyze()
    conv, image = net.node_by_name("conv").id, net.node_by_name("image").id
    assert "cycle" in connection_refusal(net, report, conv, conv) or \
        "itself" in connection_refusal(net, report, conv, conv)
    assert "already connected" in connection_refusal(net, report, image, conv)
    assert "takes no input" in connection_refusal(net, report, conv, image)

"""Auto-layout with collapsed groups: each collapsed group is one box, the main
path stays straight and the nodes after a box move up by the room it frees."""

from engine import Network
from engine.layout import LAYER, collapse_offsets, collapsed_owners, group_centre, layout
from presets import build_preset


def _chain_with_block(net):
    """x -> a -> [b1 -> b2 -> b3 in "blk", b4 beside b1 on a skip] -> add -> out"""
    net.add_node("Input", {"shape": [8]}, id="x")
    net.add_node("Dense", {"units": 8}, id="a")
    net.add_node("Dense", {"units": 8}, id="b1", group="blk")
    net.add_node("Dense", {"units": 8}, id="b2", group="blk")
    net.add_node("Dense", {"units": 8}, id="b3", group="blk/inner")
    net.add_node("Dense", {"units": 8}, id="skip", group="blk")
    net.add_node("Add", {}, id="add", group="blk")
    net.add_node("Dense", {"units": 2}, id="out")
    for src, dst in (("x", "a"), ("a", "b1"), ("b1", "b2"), ("b2", "b3"), ("b3", "add")):
        net.connect(src, dst)
    net.connect("a", "skip")
    net.connect("skip", "add", 0, 1)
    net.connect("add", "out")
    return net


def test_a_collapsed_group_is_one_box_on_the_main_path():
    net = _chain_with_block(Network())
    full = layout(net)
    assert full["out"] == (0.0, 6 * LAYER)
    boxed = layout(net, collapsed=["blk"])
    members = ["b1", "b2", "b3", "skip", "add"]
    # every member sits at the box, one layer below its feeder, in the main column
    assert {boxed[m] for m in members} == {(0.0, 2 * LAYER)}
    assert boxed["x"] == (0.0, 0.0) and boxed["a"] == (0.0, LAYER)
    assert boxed["out"] == (0.0, 3 * LAYER)  # up by the three layers the box frees


def test_nested_groups_belong_to_the_outermost_collapsed_one():
    net = _chain_with_block(Network())
    assert collapsed_owners(net, ["blk", "blk/inner"])["b3"] == "blk"
    assert collapsed_owners(net, ["blk/inner"]) == {"b3": "blk/inner"}
    assert collapsed_owners(net, []) == {}
    inner = layout(net, collapsed=["blk/inner"])
    # a group of one node changes nothing
    assert inner == layout(net)


def test_offsets_turn_the_expanded_layout_into_the_compact_one():
    net = _chain_with_block(Network())
    full = layout(net)
    boxed = layout(net, collapsed=["blk"])
    offsets = collapse_offsets(net, ["blk"])
    assert "x" not in offsets and "a" not in offsets  # above the box: unchanged
    assert offsets["out"] == (0.0, -3 * LAYER)
    members = ["b1", "b2", "b3", "skip", "add"]
    moved = [(full[m][0] + offsets[m][0], full[m][1] + offsets[m][1]) for m in members]
    assert group_centre(moved) == boxed["b1"]
    # members keep their arrangement: they all move by the same amount
    assert len({offsets[m] for m in members}) == 1
    assert collapse_offsets(net, []) == {}


def test_offsets_keep_a_hand_made_arrangement():
    net = _chain_with_block(Network())
    offsets = collapse_offsets(net, ["blk"])
    # offsets depend on the graph only, not on where the nodes were put by hand
    for nid in net.nodes:
        net.move(nid, (1000.0, 37.0 * net.index_of(nid)))
    assert collapse_offsets(net, ["blk"]) == offsets


def test_resnet50_collapses_to_a_straight_column():
    net = build_preset("resnet50")
    full = layout(net)
    tops = [p for p in net.groups() if "/" not in p]
    boxed = layout(net, collapsed=tops)
    units = set(boxed.values())
    assert {x for x, _ in units} == {0.0}  # one straight column
    assert len(units) == len(tops) + len([n for n in net.nodes if not net.nodes[n].group])
    assert max(y for _, y in units) < max(y for _, y in full.values()) / 10


def test_one_block_of_resnet50_frees_its_rows():
    net = build_preset("resnet50")
    path = "conv2/block2"
    members = net.groups()[path]
    full = layout(net)
    offsets = collapse_offsets(net, [path])
    rows = {full[m][1] for m in members}
    freed = max(rows) - min(rows)
    below = [n for n in net.nodes if n not in members and full[n][1] > max(rows)]
    assert below
    for nid in below:
        assert offsets[nid][1] == -freed, nid
    above = [n for n in net.nodes if full[n][1] < min(rows)]
    assert all(n not in offsets for n in above)
    # no two boxes or nodes share a cell in the compact layout
    boxed = layout(net, collapsed=[path])
    cells = [boxed[n] for n in net.nodes if n not in members] + [boxed[members[0]]]
    assert len(cells) == len(set(cells))

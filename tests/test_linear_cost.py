"""Opening, analysing and laying out a document cost linear (or n log n) work:
counted in Python calls and id comparisons between a size and four times it
(×4 is linear, ×16 quadratic), never timed."""

from engine import Network
from engine.layout import collapse_offsets, layout
from tests.cost_counting import CountedStr, growth, residual_document, residual_network

LINEAR = 5.5  # the most a ×4 larger input may multiply the count by (n log n stays below)
BLOCKS = 60  # 243 layers, and 963 at four times the blocks


def test_the_counting_sees_a_quadratic_scan():
    """The measure itself: a name check that scans every name grows ×16."""
    def scan_all(n):
        names = [CountedStr(f"n{i}") for i in range(n)]

        def run():
            seen = []
            for name in names:
                if name not in seen:  # list membership: one comparison per name so far
                    seen.append(name)
        return run
    assert growth(scan_all, 100) > 12
    assert growth(lambda n: (lambda: {CountedStr(f"n{i}") for i in range(n)}), 100) < LINEAR


def test_opening_a_document_is_linear():
    def open_document(blocks):
        data = residual_document(blocks)
        return lambda: Network.from_dict(data)
    assert isinstance(next(iter(Network.from_dict(residual_document(2)).nodes)), CountedStr)
    assert growth(open_document, BLOCKS) < LINEAR


def test_the_first_analysis_is_linear():
    def analyse(blocks):
        net = residual_network(blocks)
        return net.analyze
    assert growth(analyse, BLOCKS) < LINEAR


def test_opening_and_analysing_is_linear_and_right():
    net = residual_network(BLOCKS * 4)
    report = net.analyze()
    assert len(report.layers) == 4 * BLOCKS * 4 + 3 and report.valid


def test_adding_layers_one_by_one_is_linear():
    """Each new layer is checked against the names in use without reading them all."""
    def add_many(n):
        def run():
            net = Network()
            for i in range(n):
                net.add_node("Dense", {"units": 2}, name=CountedStr(f"layer{i}"))
                net.add_node("Dense", {"units": 2})  # a fresh id: dense, dense_1, ...
        return run
    assert growth(add_many, 150) < LINEAR


def test_the_layout_is_linear():
    def lay_out(blocks):
        net = residual_network(blocks)
        return lambda: layout(net)
    assert growth(lay_out, BLOCKS) < LINEAR


def test_the_reflow_around_collapsed_groups_is_linear():
    def reflow(blocks):
        net = residual_network(blocks)
        stages = [g for g in net.groups() if "/" not in g]
        return lambda: collapse_offsets(net, stages)
    assert growth(reflow, BLOCKS) < LINEAR


def test_names_stay_unique_when_set_around_the_network():
    """The name index behind the linear checks follows every way a name changes."""
    net = Network()
    a = net.add_node("Input", {"shape": [2]}, id="a")
    b = net.add_node("Dense", {"units": 2}, id="b", name="dense_b")
    assert net.node_by_name("dense_b").id == b and net.name_taken("dense_b")
    net.rename(b, "head")
    assert net.node_by_name("dense_b") is None and net.node_by_name("head").id == b
    net.nodes[a].name = "typed_in"  # set on the node itself, as a hand-edited file could be
    assert net.name_taken("typed_in") and net.node_by_name("typed_in").id == a
    record = net.remove_node(b)
    assert not net.name_taken("head")
    net.restore_node(record)
    assert net.node_by_name("head").id == b
    net.rename(b, "typed_in", check=False)  # undo may put back a clash
    assert net.node_by_name("typed_in").id == a  # the first in file order
    net.remove_node(a)
    assert net.node_by_name("typed_in").id == b
    assert net.unique_id("Dense") == "dense"
    net.add_node("Dense", {"units": 2}, id="dense")
    assert net.unique_id("Dense") == "dense_1"


def test_fresh_ids_fill_the_lowest_free_number():
    net = Network()
    ids = [net.add_node("Dense", {"units": 2}) for _ in range(4)]
    assert ids == ["dense", "dense_1", "dense_2", "dense_3"]
    net.remove_node("dense_1")
    assert net.add_node("Dense", {"units": 2}) == "dense_1"
    net.rename("dense_2", "middle")  # its id stays dense_2: still taken
    assert net.add_node("Dense", {"units": 2}) == "dense_4"
    net.add_node("Dense", {"units": 2}, id="other", name="dense_5")
    net.rename("other", "free_again")
    assert net.add_node("Dense", {"units": 2}) == "dense_5"

import pytest

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, RuleContext
from keras_reference import compare, engine_refuses

ELEMENTWISE = ["Add", "Multiply", "Average", "Maximum", "Minimum"]


def warnings_of(type_name, params, shapes):
    spec = get_spec(type_name)
    ctx = RuleContext()
    spec.shape(spec.resolve(params), [tuple(s) for s in shapes], ctx)
    return ctx.warnings


# ---------------------------------------------------------- element-wise ---

@pytest.mark.parametrize("type_name", ELEMENTWISE)
@pytest.mark.parametrize("shapes", [
    [(None, 10), (None, 10)],
    [(None, 4, 10), (None, 4, 10), (None, 4, 10)],
    [(None, 32, 32, 64), (None, 32, 32, 64)],
    [(None, None, 8), (None, 5, 8)],
    [(None, 4, 10), (None, 10)],      # broadcast a lower rank
    [(None, 4, 10), (None, 1, 10)],   # broadcast a size-1 axis
    [(None, 1, 10), (None, 10)],
    [(3, 6), (None, 6)],
    [(None, 5), (None, 1), (None, 5)],
])
def test_elementwise_matches_keras(type_name, shapes):
    compare(type_name, {}, shapes)


@pytest.mark.parametrize("shapes", [
    [(None, 16), (None, 16)],
    [(None, 4, 10), (None, 10)],
    [(None, 3, None), (None, 3, 7)],
])
def test_subtract_matches_keras(shapes):
    compare("Subtract", {}, shapes)


def test_equal_shapes_do_not_warn():
    assert warnings_of("Multiply", {}, [(None, 10), (None, 10)]) == []
    assert warnings_of("Add", {}, [(None, None, 8), (None, 5, 8)]) == []


@pytest.mark.parametrize("shapes,expected", [
    ([(None, 4, 10), (None, 10)], "(None, 4, 10)"),
])
def test_broadcast_warns(shapes, expected):
    found = warnings_of("Multiply", {}, shapes)
    assert found and "broadcast" in found[0].message and expected in found[0].message


def test_size_one_gate_of_same_rank_is_silent():
    # squeeze-and-excitation: (None, 1, 1, C) scales (None, H, W, C) on purpose
    assert warnings_of("Multiply", {}, [(None, 7, 7, 16), (None, 1, 1, 16)]) == []


@pytest.mark.parametrize("type_name", ELEMENTWISE + ["Subtract"])
def test_elementwise_clash_names_both_shapes(type_name):
    err = engine_refuses(type_name, {}, [(None, 10), (None, 5)])
    assert err.message.startswith(type_name)
    assert "(None, 10)" in err.message and "(None, 5)" in err.message
    assert "Concatenate" in err.hint and "projection" in err.hint


def test_clash_on_a_middle_axis():
    err = engine_refuses("Add", {}, [(None, 8, 8, 16), (None, 4, 4, 16)])
    assert "(None, 8, 8, 16)" in err.message and "(None, 4, 4, 16)" in err.message


def test_third_input_clash():
    err = engine_refuses("Add", {}, [(None, 10), (None, 10), (None, 3)])
    assert "(None, 3)" in err.message


@pytest.mark.parametrize("type_name", ELEMENTWISE + ["Concatenate"])
def test_one_input_is_refused(type_name):
    err = engine_refuses(type_name, {}, [(None, 10)])
    assert "at least two inputs" in err.message


def test_subtract_takes_exactly_two():
    err = engine_refuses("Subtract", {}, [(None, 10)] * 3)
    assert "exactly 2" in err.message
    assert get_spec("Subtract").inputs == ("x1", "x2") and not get_spec("Subtract").variadic


def test_different_batch_sizes_are_refused():
    err = engine_refuses("Add", {}, [(4, 10), (8, 10)])
    assert "batch" in err.message


def test_variadic_convention():
    for name in ELEMENTWISE + ["Concatenate"]:
        spec = get_spec(name)
        assert spec.variadic and spec.min_inputs == 2


# ------------------------------------------------------------ Concatenate ---

@pytest.mark.parametrize("params,shapes", [
    ({}, [(None, 5, 3), (None, 5, 4)]),
    ({}, [(None, 3), (None, 4), (None, 5)]),
    ({"axis": 1}, [(None, 5, 3), (None, 6, 3)]),
    ({"axis": -2}, [(None, 5, 3), (None, 6, 3)]),
    ({"axis": 3}, [(None, 8, 8, 3), (None, 8, 8, 16)]),
    ({"axis": 1}, [(None, 3, 8, 8), (None, 16, 8, 8)]),
    ({}, [(None, 5, 3), (None, None, 4)]),
    ({}, [(None, None, 3), (None, 5, 4)]),
    ({}, [(None, 5, None), (None, 5, 4)]),
    ({"axis": 2}, [(2, 4, 1), (None, 4, 6)]),
])
def test_concatenate_matches_keras(params, shapes):
    compare("Concatenate", params, shapes)


def test_concatenate_refuses_mismatch_naming_both():
    err = engine_refuses("Concatenate", {}, [(None, 5, 3), (None, 6, 4)])
    assert "(None, 5, 3)" in err.message and "(None, 6, 4)" in err.message and "axis 1" in err.message


def test_concatenate_refuses_different_ranks():
    err = engine_refuses("Concatenate", {}, [(None, 5, 3), (None, 3)])
    assert "rank" in err.message


@pytest.mark.parametrize("axis", [0, -3])
def test_concatenate_refuses_batch_axis(axis):
    err = engine_refuses("Concatenate", {"axis": axis}, [(None, 5, 3), (None, 5, 3)])
    assert "batch axis" in err.message


def test_concatenate_refuses_axis_out_of_range():
    err = engine_refuses("Concatenate", {"axis": 3}, [(None, 5, 3), (None, 5, 3)])
    assert "does not exist" in err.message


# -------------------------------------------------------------------- Dot ---

@pytest.mark.parametrize("params,shapes,expected", [
    ({"axes": 1}, [(None, 8), (None, 8)], (None, 1)),
    ({"axes": -1}, [(None, 8), (None, 8)], (None, 1)),
    ({"axes": 1, "normalize": True}, [(None, 8), (None, 8)], (None, 1)),
    ({"axes": [1, 2]}, [(None, 3, 5), (None, 10, 3)], (None, 5, 10)),
    ({"axes": -1}, [(None, 4, 6), (None, 7, 6)], (None, 4, 7)),
    ({"axes": [2, 1]}, [(None, 3, 4), (None, 4, 5)], (None, 3, 5)),
    ({"axes": [-1, -2]}, [(None, 3, 4), (None, 4, 5)], (None, 3, 5)),
    ({"axes": [1, 1]}, [(None, 5), (None, 5, 7)], (None, 7)),
    ({"axes": [2, 1]}, [(None, 5, 7), (None, 7)], (None, 5)),
    ({"axes": [3, 1]}, [(None, 2, 3, 4), (None, 4, 5)], (None, 2, 3, 5)),
    ({"axes": 2}, [(None, None, 6), (None, None, 6)], (None, None, None)),
    ({"axes": [1, 2], "normalize": True}, [(6, 3, 5), (6, 10, 3)], (6, 5, 10)),
])
def test_dot_matches_keras(params, shapes, expected):
    out = compare("Dot", params, shapes)[0]
    assert out == expected


def test_dot_refuses_size_mismatch():
    err = engine_refuses("Dot", {"axes": 1}, [(None, 8), (None, 5)])
    assert "(None, 8)" in err.message and "(None, 5)" in err.message


def test_dot_refuses_unknown_against_known():
    err = engine_refuses("Dot", {"axes": -1}, [(None, 3, None), (None, 4, 6)])
    assert "known size" in err.message


@pytest.mark.parametrize("axes", [0, [0, 1]])
def test_dot_refuses_batch_axis(axes):
    err = engine_refuses("Dot", {"axes": axes}, [(None, 8), (None, 8)])
    assert "batch axis" in err.message


def test_dot_refuses_axis_out_of_range():
    err = engine_refuses("Dot", {"axes": 3}, [(None, 8), (None, 8)])
    assert "does not exist" in err.message


def test_dot_refuses_three_axes():
    err = engine_refuses("Dot", {"axes": [1, 1, 1]}, [(None, 8), (None, 8)])
    assert "pair" in err.message


def test_dot_needs_axes():
    err = engine_refuses("Dot", {}, [(None, 8), (None, 8)])
    assert "axes" in err.message


# ------------------------------------------------------------- robustness ---

@pytest.mark.parametrize("type_name,params", [
    ("Add", {}), ("Subtract", {}), ("Multiply", {}), ("Concatenate", {}), ("Concatenate", {"axis": 1}),
    ("Dot", {"axes": 1}), ("Dot", {"axes": [1, 2]}), ("Dot", {"axes": -1}),
])
@pytest.mark.parametrize("shapes", [
    [], [(None,)], [(None,), (None,)], [(None, None), (None, 3, 4)], [(1, 1, 1), (1, 1)],
    [(None, 2), (None, 2), (None, 2)], [(None, 0), (None, 3)],
])
def test_rules_raise_only_shape_errors(type_name, params, shapes):
    spec = get_spec(type_name)
    p = spec.resolve(params)
    try:
        out = spec.shape(p, shapes, RuleContext())
    except NeuroCanvasError:
        return
    spec.weights(p, shapes)
    spec.macs(p, shapes, [out])

"""What an exported script may contain, as a whitelist of syntax.

An exported script is a docstring, ``import keras`` / ``from keras import
layers``, assignments whose values are calls of ``keras.*`` / ``layers.*``
names (or of layers held in earlier variables) with literal arguments, the
``keras.Model(...)`` line, ``model.get_layer('n').trainable = False`` lines
and the ``if __name__ == "__main__": model.summary()`` block. Anything else
— another import, a call of a builtin, an attribute starting with '_', a
name nobody assigned — fails the check.
"""

from __future__ import annotations

import ast

ROOTS = {"keras", "layers"}
NON_FINITE = {"inf", "-inf", "nan"}


class ScriptShapeError(AssertionError):
    pass


def _fail(node, why):
    raise ScriptShapeError(f"line {getattr(node, 'lineno', '?')}: {why}: {ast.dump(node)[:200]}")


def _attribute_chain(node) -> list[str] | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def _expr(node, defined: set) -> None:
    if isinstance(node, ast.Constant):
        if not isinstance(node.value, (str, int, float, bool, type(None))) or isinstance(node.value, complex):
            _fail(node, "a constant of an unexpected type")
        return
    if isinstance(node, (ast.Tuple, ast.List)):
        for elt in node.elts:
            _expr(elt, defined)
        return
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values):
            if key is None:
                _fail(node, "a ** inside a dict")
            _expr(key, defined)
            _expr(value, defined)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) \
            and isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, (int, float)):
        return
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        if node.id not in defined:
            _fail(node, f"the name {node.id!r} is not an exported variable")
        return
    if isinstance(node, ast.Call):
        _callee(node, defined)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                _fail(arg, "a *argument")
            _expr(arg, defined)
        for kw in node.keywords:
            if kw.arg is None or not kw.arg.isidentifier():
                _fail(node, "a **argument")
            _expr(kw.value, defined)
        return
    _fail(node, f"a {type(node).__name__} expression")


def _callee(call: ast.Call, defined: set) -> None:
    func = call.func
    if isinstance(func, ast.Name):
        if func.id == "float":
            if len(call.args) == 1 and not call.keywords and isinstance(call.args[0], ast.Constant) \
                    and call.args[0].value in NON_FINITE:
                return
            _fail(call, "float() of something else than inf/nan")
        if func.id in defined:  # a layer object kept in a variable
            return
        _fail(call, f"a call of {func.id!r}")
    if isinstance(func, ast.Call):  # layers.Dense(...)(x)
        _expr(func, defined)
        return
    chain = _attribute_chain(func)
    if chain is None or chain[0] not in ROOTS or len(chain) < 2:
        _fail(call, "a call that is not of a keras.* or layers.* name")
    if any(part.startswith("_") for part in chain):
        _fail(call, "a private attribute")


def _target_names(target) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
        return [e.id for e in target.elts]
    return []


def check_script(source: str) -> ast.Module:
    """Parse ``source`` and raise ScriptShapeError unless it has only the shapes above."""
    tree = ast.parse(source)
    body = list(tree.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body.pop(0)
    imports = [ast.dump(s) for s in body[:2]]
    expected = [ast.dump(ast.parse("import keras").body[0]),
                ast.dump(ast.parse("from keras import layers").body[0])]
    if imports != expected:
        raise ScriptShapeError(f"the script does not start with the two keras imports: {imports}")
    defined: set = set()
    seen_model = False
    for stmt in body[2:]:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            names = _target_names(target)
            if names:
                for name in names:
                    if name in ROOTS | {"float", "__name__"} or name.startswith("__") or name in defined:
                        _fail(stmt, f"an assignment to {name!r}")
                if not isinstance(stmt.value, ast.Call):
                    _fail(stmt, "an assignment of something else than a call")
                if "model" in names and (names != ["model"] or _attribute_chain(stmt.value.func) != ["keras", "Model"]):
                    _fail(stmt, "model assigned from something else than keras.Model")
                _expr(stmt.value, defined)
                defined.update(names)
                seen_model = seen_model or names == ["model"]
                continue
            # model.get_layer('name').trainable = False
            if isinstance(target, ast.Attribute) and target.attr == "trainable" \
                    and isinstance(target.value, ast.Call) \
                    and _attribute_chain(target.value.func) == ["model", "get_layer"] \
                    and len(target.value.args) == 1 and isinstance(target.value.args[0], ast.Constant) \
                    and isinstance(stmt.value, ast.Constant) and stmt.value.value is False and seen_model:
                continue
            _fail(stmt, "an unexpected assignment")
        if isinstance(stmt, ast.If) and ast.dump(stmt) == ast.dump(ast.parse(
                'if __name__ == "__main__":\n    model.summary()').body[0]):
            continue
        _fail(stmt, f"an unexpected {type(stmt).__name__} statement")
    if not seen_model:
        raise ScriptShapeError("the script builds no keras.Model")
    return tree

"""Trusting the Python code of a document's custom layers.

A document imported from a ``.keras`` file with the project's own layer
classes holds them as opaque nodes (see :mod:`engine.opaque`): their config
and weights, never their code. Training, running or exporting such a model
needs the classes, so the person points at the Python module that defines
them and says, for that document, that they trust it. Nothing runs before
that, and opening a file never grants it:

- The trust is kept in the user's settings folder (``trusted_modules.json``
  in ``NEUROCANVAS_CONFIG_DIR``, else ``~/.config/NeuroCanvas``), keyed by the
  document's absolute path, the module's absolute path and the SHA-256 of
  the module's bytes. A document file has no say in it: nothing the document
  holds is read to decide whether a module is trusted.
- A module whose bytes changed since it was trusted is no longer trusted.
- The module runs from the very bytes whose hash was checked (read once,
  hashed, compiled and executed), so a file swapped in between is not run.
- :func:`inspect_module` lists the classes a module defines by parsing it
  (``ast``), without running it, for the prompt that asks for the trust.

The command line's ``--trust-module PATH`` is the same explicit consent for
one command.

Nothing here imports TensorFlow or Qt; the module's own imports may.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

from engine.errors import NeuroCanvasError
from engine.i18n import msg

TRUST_FILE = "trusted_modules.json"


class UntrustedCodeError(NeuroCanvasError):
    """A document needs code that the person has not trusted (or that cannot be loaded)."""

    def __init__(self, message, hint=""):
        super().__init__(message, hint, code="untrusted_code")


@dataclass
class ModuleInfo:
    path: str  # absolute
    sha256: str
    classes: list = field(default_factory=list)  # class names defined at top level (parsed)


def settings_dir() -> Path:
    override = os.environ.get("NEUROCANVAS_CONFIG_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "NeuroCanvas"


def _trust_file() -> Path:
    return settings_dir() / TRUST_FILE


def _key(doc_path) -> str:
    return str(Path(doc_path).expanduser().resolve())


def _read_source(path) -> tuple[Path, bytes]:
    path = Path(path).expanduser()
    if path.suffix != ".py":
        raise UntrustedCodeError(msg("{path}: a module to trust is a Python file ending in .py.", path=path))
    try:
        return path.resolve(), path.read_bytes()
    except OSError as exc:
        raise UntrustedCodeError(msg("{path}: cannot read the module ({value}).",
                                     path=path, value=exc.strerror or exc)) from None


def inspect_module(path) -> ModuleInfo:
    """Path, hash and the top-level classes of a module, read without running it."""
    resolved, data = _read_source(path)
    try:
        tree = ast.parse(data, filename=str(resolved))
    except (SyntaxError, ValueError) as exc:
        raise UntrustedCodeError(msg("{resolved} is not valid Python: {exc}", resolved=resolved,
                                     exc=str(exc))) from None
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    return ModuleInfo(str(resolved), hashlib.sha256(data).hexdigest(), classes)


def _load_records() -> dict:
    try:
        data = json.loads(_trust_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_records(records: dict) -> None:
    from engine.atomic import write_atomic

    path = _trust_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(records, indent=1, sort_keys=True))


def grant(doc_path, module_path) -> ModuleInfo:
    """Record that the person trusts ``module_path`` (as it is now) for ``doc_path``."""
    info = inspect_module(module_path)
    records = _load_records()
    entries = [e for e in records.get(_key(doc_path), []) if isinstance(e, dict)
               and e.get("module") != info.path]
    entries.append({"module": info.path, "sha256": info.sha256})
    records[_key(doc_path)] = entries
    _save_records(records)
    return info


def revoke(doc_path, module_path=None) -> None:
    records = _load_records()
    key = _key(doc_path)
    if module_path is None:
        records.pop(key, None)
    else:
        target = str(Path(module_path).expanduser().resolve())
        records[key] = [e for e in records.get(key, []) if e.get("module") != target]
    _save_records(records)


def trusted_modules(doc_path) -> list:
    """The (module path, sha256) pairs trusted for ``doc_path`` in the user's settings."""
    if doc_path is None:
        return []
    out = []
    for e in _load_records().get(_key(doc_path), []):
        if isinstance(e, dict) and isinstance(e.get("module"), str) and isinstance(e.get("sha256"), str):
            out.append((e["module"], e["sha256"]))
    return out


def is_trusted(doc_path, module_path) -> bool:
    try:
        info = inspect_module(module_path)
    except UntrustedCodeError:
        return False
    return (info.path, info.sha256) in trusted_modules(doc_path)


# ------------------------------------------------------ loaded classes --

# (class name) -> class, filled only by load_module; engine.opaque builds from it
_LOADED: dict = {}
_LOADED_FROM: dict = {}  # class name -> module path


def loaded_class(class_name: str):
    return _LOADED.get(class_name)


def forget_loaded() -> None:
    """Drop the classes loaded and the Lambda code trusted so far (tests; a new document)."""
    _LOADED.clear()
    _LOADED_FROM.clear()
    _TRUSTED_LAMBDAS.clear()


def load_module(module_path, expected_sha256: str | None = None) -> dict:
    """Run a trusted module and return the Keras layer classes it defines, by name.

    The bytes run are the bytes hashed: with ``expected_sha256`` a module changed
    since it was trusted is refused and not run.
    """
    resolved, data = _read_source(module_path)
    digest = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and digest != expected_sha256:
        raise UntrustedCodeError(msg("{resolved} changed since it was trusted, so it is not run.",
                                     resolved=resolved),
                                 msg("Look at the change, then trust the module again."))
    name = f"neurocanvas_trusted_{digest[:12]}_{resolved.stem}"
    module = types.ModuleType(name)
    module.__file__ = str(resolved)
    sys.modules[name] = module
    folder = str(resolved.parent)
    added = folder not in sys.path
    if added:
        sys.path.insert(0, folder)  # its own sibling imports
    try:
        exec(compile(data, str(resolved), "exec"), module.__dict__)  # trusted by the person
    except Exception as exc:
        sys.modules.pop(name, None)
        raise UntrustedCodeError(msg("{resolved} failed while loading: {kind}: {exc}",
                                     resolved=resolved, kind=type(exc).__name__, exc=str(exc)),
                                 msg("Fix the module, or point at the one that defines the layers.")) from None
    finally:
        if added and folder in sys.path:
            sys.path.remove(folder)
    import keras

    classes = {}
    for key, value in vars(module).items():
        if isinstance(value, type) and issubclass(value, keras.layers.Layer) \
                and getattr(value, "__module__", None) == name:
            classes[value.__name__] = value
            _LOADED[value.__name__] = value
            _LOADED_FROM[value.__name__] = str(resolved)
    return classes


def _is_lambda_node(node) -> bool:
    return node.type == "OpaqueLayer" and node.params.get("class_name") == "Lambda" \
        and str(node.params.get("module") or "").startswith("keras")


def opaque_classes(net) -> list:
    """(node name, class name, module) of every opaque node of ``net`` that needs a class
    (Lambda layers carry their code instead: see :func:`lambda_nodes`)."""
    return [(n.name, n.params.get("class_name"), n.params.get("module"))
            for n in net.nodes.values() if n.type == "OpaqueLayer" and not _is_lambda_node(n)]


# ------------------------------------------------------------- lambdas --

_TRUSTED_LAMBDAS: set = set()  # digests of Lambda configs trusted in this process


def lambda_digest(params: dict) -> str:
    """SHA-256 of a Lambda node's code and arguments (its config without name and flags)."""
    config = {k: v for k, v in (params.get("config") or {}).items()
              if k not in ("name", "trainable", "dtype")}
    return hashlib.sha256(json.dumps(config, sort_keys=True).encode("utf-8")).hexdigest()


def lambda_nodes(net) -> list:
    """(node name, digest) of every Lambda layer kept as an opaque node."""
    return [(n.name, lambda_digest(n.params)) for n in net.nodes.values() if _is_lambda_node(n)]


def lambda_trusted(params: dict) -> bool:
    return lambda_digest(params) in _TRUSTED_LAMBDAS


def trust_lambdas(net, doc_path=None) -> list:
    """Trust the Lambda code of ``net`` (the person's explicit consent); recorded for
    ``doc_path`` in the user's settings when given. Returns the digests."""
    digests = [d for _, d in lambda_nodes(net)]
    _TRUSTED_LAMBDAS.update(digests)
    if doc_path is not None and digests:
        records = _load_records()
        entries = [e for e in records.get(_key(doc_path), []) if isinstance(e, dict)]
        have = {e.get("lambda") for e in entries}
        entries += [{"lambda": d} for d in digests if d not in have]
        records[_key(doc_path)] = entries
        _save_records(records)
    return digests


def trusted_lambdas(doc_path) -> set:
    if doc_path is None:
        return set()
    return {e["lambda"] for e in _load_records().get(_key(doc_path), [])
            if isinstance(e, dict) and isinstance(e.get("lambda"), str)}


def missing_classes(net) -> list:
    return sorted({c for _, c, _ in opaque_classes(net) if loaded_class(c) is None})


def activate(net, doc_path=None, modules=(), lambdas: bool = False) -> list:
    """Make the classes of ``net``'s opaque nodes available for building it.

    ``modules`` are trusted for this call (the command line's ``--trust-module``);
    besides them only modules trusted for ``doc_path`` in the user's settings run.
    ``lambdas`` trusts the document's Lambda code for this call (``--trust-lambda``);
    besides, Lambda code trusted for ``doc_path`` in the settings is trusted.
    Returns the class names loaded; raises :class:`UntrustedCodeError` naming what is
    still missing and what to do.
    """
    if lambdas:
        trust_lambdas(net)
    else:
        known = trusted_lambdas(doc_path)
        _TRUSTED_LAMBDAS.update(d for _, d in lambda_nodes(net) if d in known)
    needed = {c for _, c, _ in opaque_classes(net)}
    if not needed:
        check_available(net)
        return []
    loaded = []
    for path in modules:
        loaded += list(load_module(path))
    for path, digest in trusted_modules(doc_path):
        if needed <= set(_LOADED):
            break
        if Path(path).exists():
            loaded += list(load_module(path, digest))
    check_available(net)
    return loaded


def check_available(net) -> None:
    """Refuse, naming the class and what to do, when an opaque node's class is not loaded."""
    untrusted = [n for n, d in lambda_nodes(net) if d not in _TRUSTED_LAMBDAS]
    if untrusted:
        raise UntrustedCodeError(
            msg("Layer {untrusted_0} is a Lambda layer: building it runs the Python code stored "
                "in the document, which you have not trusted for this document.",
                untrusted_0=repr(untrusted[0])),
            msg("Trust it explicitly: --trust-lambda on the command line, or 'Trust and load' when "
                "the editor asks."))
    missing = [(n, c, m) for n, c, m in opaque_classes(net) if loaded_class(c) is None]
    if not missing:
        return
    node, cls, module = missing[0]
    more = len({c for _, c, _ in missing}) - 1
    raise UntrustedCodeError(
        msg("Layer {node} is a custom {cls} (module {module}) kept without its code, and {more} more "
            "custom classes too: training, running or exporting the model needs the class.",
            node=repr(node), cls=cls, module=module or "?", more=more) if more > 1 else
        msg("Layer {node} is a custom {cls} (module {module}) kept without its code, and 1 more "
            "custom class too: training, running or exporting the model needs the class.",
            node=repr(node), cls=cls, module=module or "?") if more == 1 else
        msg("Layer {node} is a custom {cls} (module {module}) kept without its code: training, "
            "running or exporting the model needs the class.", node=repr(node), cls=cls,
            module=module or "?"),
        msg("Point NeuroCanvas at the Python file that defines it and trust it: "
            "--trust-module PATH on the command line, or 'Trust and load' when the editor asks."))

"""``neurocanvas grow``: widen or deepen a document without changing what it computes.

    neurocanvas grow DOC --widen LAYER:FACTOR | --deepen AFTER_LAYER
                     [--activation NAME] [--seed S] [--run RUN_DIR] -o NEW.json

The weights come from the run's last checkpoint (``--run``), else from the
document's own weights (``DOC.weights.npz``), else from a fresh build. The
grown document is written with its weights beside it (``NEW.weights.npz``)
and names the layers the edit transformed, so ``neurocanvas train NEW.json
--resume RUN_DIR`` continues the run with them (see
`engine.training.segments`).
"""

from __future__ import annotations

from pathlib import Path

from engine.errors import NeuroCanvasError
from engine.i18n import msg


def add_parser(sub, open_source) -> None:
    """Add the ``grow`` subcommand; ``open_source(text)`` turns its FILE argument
    (a document path or a preset id) into a Network."""
    p = sub.add_parser("grow", help="widen a Dense/Conv2D layer or insert an identity layer, "
                       "keeping the network's outputs (Net2Net)")
    p.add_argument("file", help="a .json document or a preset id")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--widen", metavar="LAYER:FACTOR",
                      help="give LAYER FACTOR times its units/filters, e.g. hidden:2")
    what.add_argument("--deepen", metavar="AFTER_LAYER",
                      help="insert an identity Dense/Conv2D after this layer")
    p.add_argument("--activation", metavar="NAME",
                   help="activation of the inserted layer (default: the layer's own, if exact)")
    p.add_argument("--seed", type=int, default=0, help="seed of the widen's unit mapping")
    p.add_argument("--run", metavar="RUN_DIR",
                   help="grow from this run's last checkpoint instead of the document's weights")
    p.add_argument("--trust-module", action="append", metavar="PATH",
                   help="run this Python file to get the classes of the document's custom "
                        "layers (only give a file you trust; repeatable)")
    p.add_argument("--trust-lambda", action="store_true",
                   help="run the code of the document's Lambda layers (only if you trust it)")
    p.add_argument("-o", "--output", required=True, metavar="NEW.json",
                   help="the grown document (weights go to NEW.weights.npz beside it)")
    p.set_defaults(func=cmd_grow, open_source=open_source)


def _parse_widen(text: str) -> tuple[str, float]:
    layer, sep, factor = text.rpartition(":")
    try:
        value = float(factor)
    except ValueError:
        value = None
    if not sep or not layer or value is None:
        raise NeuroCanvasError(msg("--widen {text}: expected LAYER:FACTOR, e.g. hidden:2.", text=repr(text)))
    return layer, value


def starting_weights(net, run=None) -> tuple[object, dict | None, str]:
    """The weights to grow from: ``(store, base, where)``. ``base`` names the
    run checkpoint they came from."""
    from engine import weights
    from engine.keras_build import build_model

    if run is not None:
        from engine.training.runs import load_run

        record = load_run(run)
        model = record.load_model("last")
        fresh = build_model(net, weights=False)
        store = weights.capture(net, model)
        wanted = {layer.name: [tuple(w.shape) for w in layer.weights] for layer in fresh.layers}
        for nid in list(store.layers):
            have = [tuple(a.shape) for a in store.layers[nid].arrays]
            if wanted.get(net.nodes[nid].name) != have:
                del store.layers[nid]  # the document changed this layer since the run
        step = (record.checkpoint or {}).get("step")
        return store, {"run": record.id, "step": step}, msg("run {run} (step {step})", run=record.id,
                                                            step=step)
    store = net.weights
    if store:
        return store, None, msg("the document's weights")
    model = build_model(net, weights=False)
    return weights.capture(net, model), None, msg("fresh weights (the document had none)")


def cmd_grow(args) -> int:
    from engine.net2net import deepen, widen
    from engine.network_diff import TRANSFORMED_SECTION
    from engine.weights import weights_path

    net = args.open_source(args.file)
    if args.trust_module or args.trust_lambda:  # custom layers' code, for building the network
        from engine.trust import activate

        document = args.file if Path(args.file).is_file() else None
        activate(net, document, args.trust_module or [], lambdas=args.trust_lambda)
    report = net.analyze()
    if not report.valid:
        first = report.errors[0]
        raise NeuroCanvasError(msg("{file} has errors; grow needs a valid network: "
                                   "{message}", file=args.file, message=first.message), first.hint or "")
    if args.run is not None:
        # weights from the run's checkpoint: earlier grows of this document are
        # either in that checkpoint already or lost with its weights
        net.extra.pop(TRANSFORMED_SECTION, None)
    if args.widen:
        layer, factor = _parse_widen(args.widen)
        store, base, where = starting_weights(net, args.run)
        result = widen(net, store, layer, factor, seed=args.seed)
    else:
        store, base, where = starting_weights(net, args.run)
        result = deepen(net, store, args.deepen, activation=args.activation)
    if base is not None:
        result.network.extra[TRANSFORMED_SECTION]["base"] = base
    result.network.save(args.output)
    print(f"{result.description} (from {where}); transformed: {', '.join(result.transformed)}; "
          f"wrote {args.output} and {weights_path(args.output)}")
    return 0

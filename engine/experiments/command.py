"""``neurocanvas sweep`` and ``neurocanvas sweep-worker``.

    neurocanvas sweep DOC|PRESET --space SPACE.json [--dataset NAME] --trials N
        [--parallel K] [--sampler tpe|random|grid|cmaes|nsga2]
        [--objective METRIC:max|min[,…]] [--constraint params<=100000]
        [--pruner median|hyperband|none] [--epochs E] [--storage URL]
        [--study NAME] [--seed S]
    neurocanvas sweep --study NAME [--storage URL] [--trials N]   resume a study
    neurocanvas sweep-worker --storage URL --study NAME [--trials N]

Progress goes to stderr; the last line on stdout is one JSON object:
``{"study", "storage", "trials": [{"number", "state", "params", "values",
"run_dir", "reason", …}], "best": {"number", "params", "values"},
"pareto": [numbers]}``. Without ``--space`` the document's ``experiments``
section gives the space (and its objective, constraints and sampler).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def add_parsers(sub, open_source) -> None:
    """Add the ``sweep`` and ``sweep-worker`` subcommands to ``sub``; ``open_source(text)``
    turns the FILE argument (a document path or a preset id) into a Network."""
    from engine.experiments.study import PRUNERS, SAMPLERS

    p = sub.add_parser("sweep", help="search hyperparameters and layer sizes with Optuna; "
                       "prints one JSON line at the end")
    p.add_argument("file", nargs="?", help="a .json document or a preset id "
                   "(leave out to resume --study)")
    p.add_argument("--space", metavar="SPACE.json", help="the search space (default: the "
                   "document's experiments section)")
    p.add_argument("--dataset", metavar="NAME", help="train every trial on this dataset")
    p.add_argument("--trials", type=int, metavar="N", help="trials the study should have "
                   "finished (default 10; a resumed study keeps its own)")
    p.add_argument("--parallel", type=int, default=1, metavar="K",
                   help="run K trials at once, as separate processes")
    p.add_argument("--sampler", choices=SAMPLERS, help="default tpe (nsga2 for several objectives)")
    p.add_argument("--objective", metavar="METRIC:max|min[,…]",
                   help="default val_accuracy:max; costs: params, macs, train_time")
    p.add_argument("--constraint", metavar="params<=N[,…]",
                   help="prune candidates above a cost before training")
    p.add_argument("--pruner", choices=PRUNERS, help="default median")
    p.add_argument("--epochs", type=int, metavar="E", help="epochs per trial")
    p.add_argument("--storage", metavar="URL", help="journal file path or database URL "
                   "(default: DOC.runs/studies.optuna-journal)")
    p.add_argument("--study", metavar="NAME", help="study name (an existing one is resumed)")
    p.add_argument("--seed", type=int, metavar="S", help="seed of the sampler and the runs")
    p.set_defaults(func=cmd_sweep, open_source=open_source)
    p = sub.add_parser("sweep-worker", help="run trials of an existing study (another process "
                       "or machine sharing its storage)")
    p.add_argument("--storage", required=True, metavar="URL")
    p.add_argument("--study", required=True, metavar="NAME")
    p.add_argument("--trials", type=int, metavar="N", help="run N trials (default: until the "
                   "study has all its trials)")
    p.add_argument("--worker", type=int, default=0, help=__import__("argparse").SUPPRESS)
    p.set_defaults(func=cmd_sweep_worker)


def _usage(message: str) -> int:
    print(f"neurocanvas: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _config_from_args(args):
    """A new study's config from the command line and the document."""
    from engine.experiments.space import SECTION, check_space, document_space, load_space, \
        space_to_dict
    from engine.experiments.study import StudyError, SweepConfig
    from engine.training.runs import runs_folder

    net = args.open_source(args.file)
    section = net.extra.get(SECTION) if isinstance(net.extra.get(SECTION), dict) else {}
    space = load_space(args.space) if args.space else document_space(net)
    if space is None:
        raise StudyError(f"{args.file} has no search space.",
                         "Give --space SPACE.json, or add a space in the Experiments panel.")
    check_space(net, space)
    document = args.file if Path(args.file).exists() else None
    runs_root = runs_folder(document) if document else Path.cwd() / f"{net.name}.runs"
    objectives = args.objective or section.get("objective") or "val_accuracy:max"
    several = "," in objectives if isinstance(objectives, str) else len(objectives) > 1
    sampler = args.sampler or section.get("sampler") or ("nsga2" if several else "tpe")
    constraints = args.constraint or section.get("constraints") or []
    config = SweepConfig(network=net.to_dict(), space=space_to_dict(space),
                         document=str(Path(document).resolve()) if document else None,
                         runs_root=str(Path(runs_root).resolve()),
                         objectives=objectives.split(",") if isinstance(objectives, str)
                         else list(objectives),
                         constraints=constraints.split(",") if isinstance(constraints, str)
                         else list(constraints),
                         sampler=sampler, pruner=args.pruner or section.get("pruner") or "median",
                         epochs=args.epochs if args.epochs is not None else section.get("epochs"),
                         dataset=args.dataset, seed=args.seed,
                         trials=args.trials if args.trials is not None else
                         int(section.get("trials", 10)))
    config.check()
    return config, runs_root


def cmd_sweep(args) -> int:
    from engine.experiments.study import (create_study, default_storage, fail_abandoned,
                                          finished_count, load_study, study_summary)
    from engine.experiments.trials import run_parallel, run_study

    if args.parallel < 1:
        return _usage(f"--parallel must be at least 1, not {args.parallel}.")
    if args.trials is not None and args.trials < 0:
        return _usage(f"--trials must be at least 0, not {args.trials}.")
    if args.file is None:
        if not args.study:
            return _usage("sweep needs a FILE or preset id (or --study NAME to resume one).")
        storage = args.storage or default_storage(Path.cwd())
        study, config = load_study(storage, args.study)
    else:
        config, runs_root = _config_from_args(args)
        storage = args.storage or default_storage(runs_root)
        name = args.study or f"{Path(args.file).stem}-{time.strftime('%Y%m%d-%H%M%S')}"
        study, config = create_study(config, storage, name)
    if args.trials is not None and args.trials != config.trials:
        config.trials = int(args.trials)
        study.set_user_attr("neurocanvas", config.to_dict())
    name = study.study_name
    earlier = len(study.get_trials(deepcopy=False))
    if earlier:
        print(f"[{name}] resuming: {earlier} trial(s) so far; the study keeps its own space "
              "and settings", file=sys.stderr)
    for n in fail_abandoned(study):
        print(f"[{name}] trial {n} failed: its process ended before it finished.",
              file=sys.stderr)
    remaining = max(0, config.trials - finished_count(study))
    print(f"[{name}] {remaining} trial(s) to run ({config.sampler} sampler, "
          f"{', '.join(config.objectives)}); storage {storage}", file=sys.stderr, flush=True)
    code = EXIT_OK
    try:
        if args.parallel > 1 and remaining > 1:
            code = run_parallel(storage, name, remaining, args.parallel)
        else:
            run_study(storage, name, stream=sys.stderr)
    except KeyboardInterrupt:
        print(f"[{name}] stopped; resume with: neurocanvas sweep --study {name} "
              f"--storage {storage}", file=sys.stderr)
        code = 130
    study, _ = load_study(storage, name)
    print(json.dumps(study_summary(study, storage)))
    return code if code in (EXIT_OK, 130) else EXIT_INVALID


def cmd_sweep_worker(args) -> int:
    from engine.experiments.study import load_study, study_summary
    from engine.experiments.trials import run_study

    if args.trials is not None and args.trials < 0:
        return _usage(f"--trials must be at least 0, not {args.trials}.")
    try:
        run_study(args.storage, args.study, n_trials=args.trials, worker=args.worker,
                  stream=sys.stderr)
    except KeyboardInterrupt:
        return 130
    study, _ = load_study(args.storage, args.study)
    print(json.dumps(study_summary(study, args.storage)))
    return EXIT_OK


__all__ = ["add_parsers", "cmd_sweep", "cmd_sweep_worker"]

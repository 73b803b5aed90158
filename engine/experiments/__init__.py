"""Experiments: hyperparameter and architecture sweeps with Optuna.

- `space`: the search space (``NODE.PARAM``, ``training.PATH``, ``lr``,
  ``optimizer``; choice / int / float / loguniform), kept in the document's
  ``experiments`` section or a JSON file.
- `apply`: a trial's values written into (a copy of) the document through
  the engine's own edits.
- `objectives`: metrics and costs to optimise, constraints such as
  ``params<=100000``.
- `study`: Optuna storage, samplers, pruners; the sweep's settings kept in
  the study; what it found (trials, best, Pareto front).
- `trials`: the objective — candidates analysed without TensorFlow, pruned
  with the diagnostic as reason, trained as normal recorded runs — and the
  loops that run a study in one process or K worker processes.
- `command`: ``neurocanvas sweep`` and ``neurocanvas sweep-worker``.

Nothing here imports Optuna or TensorFlow at import time.
"""

"""The Experiments panel: a study's search space, its trials as they finish,
a parallel-coordinates plot and a Pareto scatter, and the chosen trial
applied to the document in one undo step. The study runs in worker
processes (``neurocanvas sweep-worker``); the panel polls its storage."""

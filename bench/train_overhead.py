"""What does the live event stream cost during training?

The same small CNN on the same data (the built-in ``shapes`` dataset,
32×32×3 images, scaled /255, with a validation set) is trained, in one
process and alternating, in two ways:

  * plain: ``model.fit`` with no callbacks;
  * events: the `Trainer` with the full event stream: a batch event per
    batch, epoch events, and at every epoch end feature maps of both
    convolution layers, filters, weight and gradient histograms, layer
    statistics, the confusion matrix and sample predictions.

Both start from the same initial weights, compile the same way and run the
same epochs; a run is timed from the start of training to its end (the
trainer's time includes its pre-flight checks, thread start and tracing its
insight function). Prints the throughput of every run (training samples per
second) and the share of each events run spent computing insights, and a
last line ending with the throughput ratio events ÷ plain: the median over the
adjacent (plain, events) pairs, which is robust to other load on the machine
drifting during the bench. Goal: ratio >= 0.97.

Usage: python bench/train_overhead.py [--runs 5] [--epochs 5] [--samples 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from engine.data import apply_preprocessing, load_dataset  # noqa: E402
from engine.training.compile import compile_arguments  # noqa: E402
from engine.training.settings import TrainingSettings  # noqa: E402
from engine.training.trainer import Trainer  # noqa: E402


def small_cnn():
    import keras

    keras.utils.set_random_seed(0)
    return keras.Sequential([
        keras.Input((32, 32, 3), name="image"),
        keras.layers.Conv2D(8, 3, activation="relu", name="conv1"),
        keras.layers.MaxPooling2D(name="pool1"),
        keras.layers.Conv2D(16, 3, activation="relu", name="conv2"),
        keras.layers.MaxPooling2D(name="pool2"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(32, activation="relu", name="hidden"),
        keras.layers.Dense(5, activation="softmax", name="shape"),
    ], name="small_cnn")


def plain_run(ds, settings: TrainingSettings) -> float:
    model = small_cnn()
    t0 = time.perf_counter()
    model.compile(**compile_arguments(settings.compile, ["shape"], settings.steps_per_epoch(
        ds.num_train), settings.epochs))
    model.fit(ds.x_train, ds.y_train, batch_size=settings.batch_size, epochs=settings.epochs,
              shuffle=settings.shuffle, validation_data=(ds.x_val, ds.y_val), verbose=0)
    return time.perf_counter() - t0


def events_run(ds, settings: TrainingSettings) -> tuple[float, dict]:
    model = small_cnn()
    counts: dict[str, int] = {}

    def consume(event):
        counts[event.kind] = counts.get(event.kind, 0) + 1

    t0 = time.perf_counter()
    trainer = Trainer(model, ds, settings, insights={"feature_layers": ["conv1", "conv2"]})
    trainer.subscribe(consume)
    trainer.start()
    state = trainer.wait()
    elapsed = time.perf_counter() - t0
    if state != "finished":
        sys.exit(f"The trainer ended as {state}: {trainer.result.data.get('reason')}")
    counts["insight_s"] = trainer._insights.seconds
    return elapsed, counts


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--samples", type=int, default=10000)
    args = ap.parse_args(argv)

    ds = apply_preprocessing(load_dataset("shapes", n_samples=args.samples), {"scale": "divide255"})
    settings = TrainingSettings.from_dict({
        "epochs": args.epochs, "batch_size": 32,
        "compile": {"optimizer": {"name": "adam", "learning_rate": 1e-3},
                    "outputs": {"*": {"loss": "sparse_categorical_crossentropy",
                                          "metrics": ["accuracy"]}}}})
    samples = ds.num_train * args.epochs
    print(f"shapes: {ds.num_train} training / {ds.num_val} validation images, "
          f"{args.epochs} epochs, batch 32, {args.runs} runs each, alternating")
    # Warm up both paths once (first-time TensorFlow initialisation is not what we measure).
    warm = TrainingSettings.from_dict({**settings.to_dict(), "epochs": 1})
    plain_run(ds, warm)
    events_run(ds, warm)

    plain, events, pairs, shares = [], [], [], []
    for i in range(args.runs):
        for name in ("plain", "events") if i % 2 == 0 else ("events", "plain"):
            if name == "plain":
                dt = plain_run(ds, settings)
                plain.append(samples / dt)
                print(f"run {i + 1} plain : {samples / dt:8.1f} samples/s ({dt:.2f} s)")
            else:
                dt, counts = events_run(ds, settings)
                events.append(samples / dt)
                insight_s = counts.pop("insight_s")
                shares.append(insight_s / dt)
                shown = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
                print(f"run {i + 1} events: {samples / dt:8.1f} samples/s ({dt:.2f} s, of which "
                      f"insights {insight_s:.2f} s; events: {shown})")
        pairs.append(events[-1] / plain[-1])
    print(f"insights took {100 * statistics.median(shares):.1f}% of an events run (median); "
          f"ratio of each adjacent pair: {', '.join(f'{r:.3f}' for r in pairs)}")
    ratio = statistics.median(pairs)
    print(f"median throughput plain={statistics.median(plain):.1f} "
          f"events={statistics.median(events):.1f} samples/s; "
          f"median paired throughput ratio (events / plain) ratio={ratio:.3f}")


if __name__ == "__main__":
    main()

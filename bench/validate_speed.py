"""How fast is shape checking compared with building the model in Keras?

Builds a residual CNN of 500+ layers in one process, then times, side by side:
  * a full analyze() (every node resolved and shape-checked from scratch),
  * an incremental analyze() after one param edit in the middle of the graph,
  * to_keras() on the same network.
Prints the ratios; goals: Keras construction / full analysis >= 500 and
incremental / full <= 0.2. Also checks that analysis never imports TensorFlow.
"""

from __future__ import annotations

import statistics
import sys
import time

from engine import Network


def residual_cnn(blocks: int = 90) -> Network:
    net = Network("deep-residual")
    x = net.add_node("Input", {"shape": [32, 32, 3]}, id="image")
    stem = net.add_node("Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same"})
    net.connect(x, stem)
    x = stem
    for i in range(blocks):
        g = f"block{i}"
        a = net.add_node("Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same", "use_bias": False}, group=g)
        b = net.add_node("BatchNormalization", {}, group=g)
        c = net.add_node("ReLU", {}, group=g)
        d = net.add_node("Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same", "use_bias": False}, group=g)
        e = net.add_node("BatchNormalization", {}, group=g)
        s = net.add_node("Add", {}, group=g)
        for u, v in ((x, a), (a, b), (b, c), (c, d), (d, e)):
            net.connect(u, v)
        net.connect(e, s, dst_port=0)
        net.connect(x, s, dst_port=1)
        x = s
    pool = net.add_node("GlobalAveragePooling2D", {})
    head = net.add_node("Dense", {"units": 10, "activation": "softmax"})
    net.connect(x, pool)
    net.connect(pool, head)
    return net


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main():
    net = residual_cnn()
    n = len(net.nodes)

    def full():
        net.invalidate_analysis()
        report = net.analyze()
        assert report.valid, report.errors[:1]

    middle = [nid for nid, node in net.nodes.items() if node.type == "Conv2D"][n // 12]
    toggle = [32, 16]

    def incremental():
        toggle.reverse()
        net.set_param(middle, "filters", toggle[0])  # changes one block's shapes, not the rest
        net.analyze()

    def incremental_noop_shapes():
        net.set_param(middle, "use_bias", not net.nodes[middle].params.get("use_bias", True))
        net.analyze()

    full_best, full_med = best_of(full, 15)
    incr_best, incr_med = best_of(incremental, 30)
    param_best, _ = best_of(incremental_noop_shapes, 30)
    tf_loaded = "tensorflow" in sys.modules
    net.set_param(middle, "filters", 16)
    net.analyze()

    import keras  # noqa: F401  (import time is not part of construction)
    keras_times = []
    for _ in range(2):
        t0 = time.perf_counter()
        model = net.to_keras()
        keras_times.append(time.perf_counter() - t0)
        assert model.count_params() == net.analyze().total_params
        keras.backend.clear_session()
    keras_best = min(keras_times)

    print(f"layers={n}")
    print(f"full_analyze_ms={full_best * 1e3:.2f} (median {full_med * 1e3:.2f})")
    print(f"incremental_after_shape_edit_ms={incr_best * 1e3:.2f} (median {incr_med * 1e3:.2f})")
    print(f"incremental_after_param_edit_ms={param_best * 1e3:.2f}")
    print(f"to_keras_ms={keras_best * 1e3:.0f}")
    print(f"tensorflow_imported_by_analysis={tf_loaded}")
    ratio_keras = keras_best / full_best
    ratio_incr = incr_best / full_best
    ok = ratio_keras >= 500 and ratio_incr <= 0.2 and not tf_loaded
    print(f"keras_over_full={ratio_keras:.0f} (goal >= 500) incremental_over_full={ratio_incr:.3f} "
          f"(goal <= 0.2) {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

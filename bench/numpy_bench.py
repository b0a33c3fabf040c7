"""numpy peer of rxgrad's benchmarks: the same workloads, data and initial weights, with
hand-written gradients. Usage: python3 numpy_bench.py DATA_DIR OUT_JSON

DATA_DIR is written by bench/data.ts (writeWorkloads): one folder per workload with raw
float64 arrays and their shapes. Prints nothing but errors; writes medians and minima (ms) and losses.
"""

import json
import os
import sys
import time

import numpy as np

TIME_BUDGET = {"tutorial": 2.0, "neuron": 1.5, "mlp": 2.5}
VERIFY_STEPS = {"tutorial": 20, "neuron": 50, "mlp": 5}
LR = {"tutorial": 1e-6, "neuron": 0.1, "mlp": 0.01}


def load(data_dir, name, dtype):
    folder = os.path.join(data_dir, name)
    with open(os.path.join(folder, "shapes.json")) as f:
        shapes = json.load(f)
    return {
        k: np.fromfile(os.path.join(folder, k + ".f64"), dtype=np.float64).reshape(s).astype(dtype)
        for k, s in shapes.items()
    }


def tutorial(d, lr):
    x, y, w1, w2 = d["x"], d["y"], d["w1"].copy(), d["w2"].copy()

    def step():
        h = x @ w1
        h_relu = np.maximum(h, 0)
        y_pred = h_relu @ w2
        loss = float(np.square(y_pred - y).sum())
        g_pred = 2.0 * (y_pred - y)
        g_w2 = h_relu.T @ g_pred
        g_h = (g_pred @ w2.T) * (h > 0)
        g_w1 = x.T @ g_h
        w1[...] -= lr * g_w1
        w2[...] -= lr * g_w2
        return loss

    return step


def neuron(d, lr):
    x, y, w, b = d["x"], d["y"], d["w"].copy(), d["b"].copy()
    n = x.shape[0]

    def step():
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        pos = y * np.log(np.maximum(p, 1e-12))
        neg = (1 - y) * np.log(np.maximum(1 - p, 1e-12))
        loss = float(-(pos + neg).mean())
        g_z = (p - y) / n
        w[...] -= lr * (x.T @ g_z)
        b[...] -= lr * g_z.sum(0)
        return loss

    return step


def mlp(d, lr):
    x = d["x"]
    labels = d["labels"].astype(np.int64)
    ps = [d[k].copy() for k in ("w1", "b1", "w2", "b2", "w3", "b3")]
    w1, b1, w2, b2, w3, b3 = ps
    n = x.shape[0]
    onehot = np.zeros((n, 10), dtype=x.dtype)
    onehot[np.arange(n), labels] = 1

    def step():
        h1 = np.maximum(x @ w1 + b1, 0)
        h2 = np.maximum(h1 @ w2 + b2, 0)
        z = h2 @ w3 + b3
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        s = e.sum(axis=1, keepdims=True)
        loss = float((np.log(s)[:, 0] - z[np.arange(n), labels]).mean())
        g_z = (e / s - onehot) / n
        g_w3, g_b3 = h2.T @ g_z, g_z.sum(0)
        g_h2 = (g_z @ w3.T) * (h2 > 0)
        g_w2, g_b2 = h1.T @ g_h2, g_h2.sum(0)
        g_h1 = (g_h2 @ w2.T) * (h1 > 0)
        g_w1, g_b1 = x.T @ g_h1, g_h1.sum(0)
        for p, g in zip(ps, (g_w1, g_b1, g_w2, g_b2, g_w3, g_b3)):
            p -= lr * g
        return loss

    return step


def median_ms(fn, budget, min_runs=5):
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < budget:
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return float(np.median(times)), float(np.min(times))


def main():
    data_dir, out = sys.argv[1], sys.argv[2]
    result = {"numpy": np.__version__, "workloads": {}, "matmul": {}}
    for name, make in (("tutorial", tutorial), ("neuron", neuron), ("mlp", mlp)):
        for dtype, tag in ((np.float64, "f64"), (np.float32, "f32")):
            d = load(data_dir, name, dtype)
            lr = LR[name]
            verify = make(d, lr)
            losses = [verify() for _ in range(VERIFY_STEPS[name])]
            ms, best = median_ms(make(d, lr), TIME_BUDGET[name])
            result["workloads"].setdefault(name, {})["numpy " + tag] = {
                "ms": ms,
                "min": best,
                "losses": losses,
            }
    for dtype, tag in ((np.float64, "float64"), (np.float32, "float32")):
        for n in (64, 128, 256, 512, 1024):
            i = np.arange(n * n, dtype=np.float64)
            a = np.sin(i * 0.37 + 1).reshape(n, n).astype(dtype)
            b = np.sin(i * 0.37 + 2).reshape(n, n).astype(dtype)
            for layout, fn in (
                ("A·B", lambda: a @ b),
                ("Aᵀ·B", lambda: a.T @ b),
                ("A·Bᵀ", lambda: a @ b.T),
            ):
                budget = 0.6 if n >= 512 else 0.3
                ms, best = median_ms(fn, budget)
                result["matmul"][f"matmul {n} {layout} {tag}"] = {"ms": ms, "min": best}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()

"""PyTorch peer of rxgrad's benchmarks: the tutorial network, the single neuron, the wider MLP
(float64 and float32) and the fashion demo's CNN (float32) on the same data and initial weights,
trained with PyTorch's autograd and SGD, written as a PyTorch user would write them.
Usage: python3 torch_bench.py DATA_DIR OUT_JSON

DATA_DIR is written by bench/data.ts (writeWorkloads). Uses
PyTorch's default number of threads (reported). Prints nothing but errors; writes medians and
minima (ms) and the losses of the first steps.
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

LR = {"tutorial": 1e-6, "neuron": 0.1, "mlp": 0.01, "cnn": 0.05}
VERIFY = {"tutorial": 20, "neuron": 50, "mlp": 5, "cnn": 5, "cnn-forward": 2}
BUDGET = {"tutorial": 2.0, "neuron": 1.5, "mlp": 2.5, "cnn": 4.0, "cnn-forward": 4.0}


def load(data_dir, name="cnn"):
    folder = os.path.join(data_dir, name)
    with open(os.path.join(folder, "shapes.json")) as f:
        shapes = json.load(f)
    return {
        k: np.fromfile(os.path.join(folder, k + ".f64"), dtype=np.float64).reshape(s)
        for k, s in shapes.items()
    }


def trainer(params, loss, lr):
    """One SGD step of `loss` over `params`; returns the loss before the update."""
    opt = torch.optim.SGD(params, lr=lr)

    def step():
        value = loss()
        opt.zero_grad()
        value.backward()
        opt.step()
        return float(value)

    return step


def tutorial(d, dtype):
    x, y = torch.tensor(d["x"], dtype=dtype), torch.tensor(d["y"], dtype=dtype)
    w1 = torch.tensor(d["w1"], dtype=dtype, requires_grad=True)
    w2 = torch.tensor(d["w2"], dtype=dtype, requires_grad=True)
    return trainer([w1, w2], lambda: (torch.relu(x @ w1) @ w2 - y).pow(2).sum(), LR["tutorial"])


def neuron(d, dtype):
    x, y = torch.tensor(d["x"], dtype=dtype), torch.tensor(d["y"], dtype=dtype)
    w = torch.tensor(d["w"], dtype=dtype, requires_grad=True)
    b = torch.tensor(d["b"], dtype=dtype, requires_grad=True)
    loss = lambda: F.binary_cross_entropy(torch.sigmoid(x @ w + b), y)  # noqa: E731
    return trainer([w, b], loss, LR["neuron"])


def mlp(d, dtype):
    x = torch.tensor(d["x"], dtype=dtype)
    labels = torch.tensor(d["labels"], dtype=torch.int64)
    ps = [torch.tensor(d[k], dtype=dtype, requires_grad=True) for k in ("w1", "b1", "w2", "b2", "w3", "b3")]
    w1, b1, w2, b2, w3, b3 = ps  # weights [in, out], as rxgrad's Linear stores them

    def loss():
        h = torch.relu(x @ w1 + b1)
        h = torch.relu(h @ w2 + b2)
        return F.cross_entropy(h @ w3 + b3, labels)

    return trainer(ps, loss, LR["mlp"])


def cnn(d):
    x = torch.tensor(d["x"], dtype=torch.float32)
    labels = torch.tensor(d["labels"], dtype=torch.int64)
    ps = [torch.tensor(d[k], dtype=torch.float32, requires_grad=True) for k in ("w1", "b1", "w2", "b2", "w3", "b3")]
    w1, b1, w2, b2, w3, b3 = ps  # w3 is [in, out], as rxgrad's Linear stores it

    def loss():
        h = F.max_pool2d(F.relu(F.conv2d(x, w1, b1, padding=1)), 2)
        h = F.max_pool2d(F.relu(F.conv2d(h, w2, b2, padding=1)), 2)
        return F.cross_entropy(torch.flatten(h, 1) @ w3 + b3, labels)

    def forward():
        with torch.no_grad():
            return float(loss())

    return trainer(ps, loss, LR["cnn"]), forward


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
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "workloads": {}}
    for name, make in (("tutorial", tutorial), ("neuron", neuron), ("mlp", mlp)):
        d = load(data_dir, name)
        for dtype, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
            verify = make(d, dtype)
            losses = [verify() for _ in range(VERIFY[name])]
            ms, best = median_ms(make(d, dtype), BUDGET[name])
            result["workloads"].setdefault(name, {})["pytorch " + tag] = {
                "ms": ms,
                "min": best,
                "losses": losses,
            }
    d = load(data_dir, "cnn")
    for name, pick in (("cnn", 0), ("cnn-forward", 1)):
        verify = cnn(d)[pick]
        losses = [verify() for _ in range(VERIFY[name])]
        ms, best = median_ms(cnn(d)[pick], BUDGET[name])
        result["workloads"][name] = {"pytorch f32": {"ms": ms, "min": best, "losses": losses}}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()

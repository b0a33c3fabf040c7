"""PyTorch peer of rxgrad's CNN benchmark: the fashion demo's network on the same batch and
initial weights, trained with PyTorch's autograd and SGD. Usage: python3 torch_bench.py DATA_DIR OUT_JSON

DATA_DIR is written by bench/data.ts (writeWorkloads); only its cnn folder is read. Uses
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

LR = 0.05
VERIFY = {"cnn": 5, "cnn-forward": 2}
BUDGET = 4.0


def load(data_dir):
    folder = os.path.join(data_dir, "cnn")
    with open(os.path.join(folder, "shapes.json")) as f:
        shapes = json.load(f)
    return {
        k: np.fromfile(os.path.join(folder, k + ".f64"), dtype=np.float64).reshape(s)
        for k, s in shapes.items()
    }


def model(d):
    x = torch.tensor(d["x"], dtype=torch.float32)
    labels = torch.tensor(d["labels"], dtype=torch.int64)
    ps = [torch.tensor(d[k], dtype=torch.float32, requires_grad=True) for k in ("w1", "b1", "w2", "b2", "w3", "b3")]
    w1, b1, w2, b2, w3, b3 = ps  # w3 is [in, out], as rxgrad's Linear stores it
    opt = torch.optim.SGD(ps, lr=LR)

    def loss():
        h = F.max_pool2d(F.relu(F.conv2d(x, w1, b1, padding=1)), 2)
        h = F.max_pool2d(F.relu(F.conv2d(h, w2, b2, padding=1)), 2)
        return F.cross_entropy(torch.flatten(h, 1) @ w3 + b3, labels)

    def step():
        value = loss()
        opt.zero_grad()
        value.backward()
        opt.step()
        return float(value)

    def forward():
        with torch.no_grad():
            return float(loss())

    return step, forward


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
    d = load(data_dir)
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "workloads": {}}
    for name, pick in (("cnn", 0), ("cnn-forward", 1)):
        verify = model(d)[pick]
        losses = [verify() for _ in range(VERIFY[name])]
        ms, best = median_ms(model(d)[pick], BUDGET)
        result["workloads"][name] = {"pytorch f32": {"ms": ms, "min": best, "losses": losses}}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()

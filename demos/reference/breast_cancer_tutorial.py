"""numpy reference for rxgrad's breast-cancer demo: the tutorial's single-layer-perceptron.py
(dguliani/neural-network-tutorials), its training loop unchanged, run for the 10 restarts of
breast-cancer-inputs.json. np.random.permutation and 2*np.random.random((30, 1)) - 1 are
replaced by the permutations and initial weights rxgrad drew for seeds 42..51 (written by
breastCancerInputs.ts), so that both train from the same start.

Usage (numpy only): python3 demos/reference/breast_cancer_tutorial.py
Reads   breast-cancer-inputs.json and lib/data/datasets/files/breast_cancer.csv
        (scikit-learn's file, which load_breast_cancer() reads the same way)
Writes  breast-cancer-numpy.json: per restart, the test and total accuracy and the final weights.
"""

import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "lib", "data", "datasets", "files", "breast_cancer.csv")


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def dsigmoid(y):
    return y * (1 - y)


def load_breast_cancer():
    """sklearn.datasets.load_breast_cancer()'s data and target, read from the same CSV file."""
    table = np.loadtxt(CSV, delimiter=",", skiprows=1)
    return {"data": table[:, :-1], "target": table[:, -1].astype(int)}


def tutorial(permutation, w0, epochs):
    """The tutorial's script from the shuffle to the end of training, plus the total accuracy."""
    bc = load_breast_cancer()
    x = bc["data"]
    y = bc["target"]

    shuffle_ind = np.array(permutation)  # was: np.random.permutation(len(x))
    x = np.array(x[shuffle_ind])
    y = np.array(y[shuffle_ind])[np.newaxis].T

    x /= np.max(x)

    train_fraction = 0.75
    train_idx = int(len(x) * train_fraction)

    x_train = x[:train_idx]
    y_train = y[:train_idx]

    x_val = x[train_idx:]
    y_val = y[train_idx:]

    W = np.array(w0, dtype=np.float64).reshape(-1, 1)  # was: 2*np.random.random((30, 1)) - 1

    lr = 0.5
    for _ in range(epochs):
        l0 = x_train
        l1 = sigmoid(np.matmul(l0, W))
        l1_error = l1 - y_train
        l1_gradient = dsigmoid(l1)
        l1_delta = np.multiply(l1_error, l1_gradient)
        l1_weight_delta = np.matmul(l0.T, l1_delta)
        W -= l1_weight_delta * lr

    val_pred = sigmoid(np.dot(x_val, W))
    all_pred = sigmoid(np.dot(x, W))
    # np.around rounds 0.5 to 0, rxgrad's binaryAccuracy to 1: count the ties that could differ
    ties = int(np.sum(all_pred == 0.5))
    return {
        "test": float(np.sum(y_val == np.around(val_pred)) / len(x_val)),
        "total": float(np.sum(y == np.around(all_pred)) / len(x)),
        "weights": W[:, 0].tolist(),
        "ties": ties,
    }


def main():
    with open(os.path.join(HERE, "breast-cancer-inputs.json")) as f:
        inputs = json.load(f)
    runs = [
        tutorial(p, w, inputs["epochs"])
        for p, w in zip(inputs["permutations"], inputs["initialWeights"])
    ]
    test = [r["test"] for r in runs]
    total = [r["total"] for r in runs]
    out = {
        "about": "numpy, the tutorial's update on rxgrad's permutations and initial weights "
        "(demos/reference/breast_cancer_tutorial.py, numpy " + np.__version__ + ")",
        "seeds": inputs["seeds"],
        "epochs": inputs["epochs"],
        "test": test,
        "total": total,
        "ties": sum(r["ties"] for r in runs),
        "testMean": float(np.mean(test)),
        "testStd": float(np.std(test)),
        "totalMean": float(np.mean(total)),
        "totalStd": float(np.std(total)),
        "weights": [r["weights"] for r in runs],
    }
    with open(os.path.join(HERE, "breast-cancer-numpy.json"), "w") as f:
        json.dump(out, f)
        f.write("\n")
    print(
        "test %.2f %% +- %.2f %%, total %.2f %% +- %.3f %%"
        % (100 * out["testMean"], 100 * out["testStd"], 100 * out["totalMean"], 100 * out["totalStd"])
    )


if __name__ == "__main__":
    main()

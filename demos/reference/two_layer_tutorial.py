"""The two-layer tutorial's numpy network, its code unchanged, run with 10 different random
draws: the tutorial calls np.random.randn without a seed, so each run of it starts from other
inputs, targets and weights and prints other losses. Here np.random.seed(s) for s = 0..9 makes
those draws repeatable, to show how far the printed losses move from one draw to the next.

Usage (numpy only): python3 demos/reference/two_layer_tutorial.py
Prints the loss at the loops the tutorial prints (and the last), the smallest and largest
over the 10 draws.
"""

import numpy as np

batch_size = 128
input_dim = 1000
hidden_dim = 100
output_dim = 1
num_loops = 500
learning_rate = 1e-6
REPORTED = [0, 10, 50, 100, 200, 300, 400, 499]


def relu(x):
    return np.maximum(x, 0)


def run(seed):
    np.random.seed(seed)
    input_values = np.random.randn(batch_size, input_dim)
    output_values = np.random.randn(batch_size, output_dim)
    weights1 = np.random.randn(input_dim, hidden_dim)
    weights2 = np.random.randn(hidden_dim, output_dim)
    losses = []
    for i in range(num_loops):
        activations = np.dot(input_values, weights1)
        relu_activations = relu(activations)
        predictions = np.dot(relu_activations, weights2)
        loss = np.sum(np.square(predictions - output_values))
        losses.append(loss)
        dloss_predictions = 2.0 * (predictions - output_values)
        dloss_weights2 = np.dot(relu_activations.T, dloss_predictions)
        dloss_relu_activations = np.dot(dloss_predictions, weights2.T)
        dloss_activations = dloss_relu_activations.copy()
        dloss_activations[activations < 0] = 0
        dloss_weights1 = np.dot(input_values.T, dloss_activations)
        weights1 -= learning_rate * dloss_weights1
        weights2 -= learning_rate * dloss_weights2
    return [losses[i] for i in REPORTED]


def main():
    table = np.array([run(seed) for seed in range(10)])
    print("numpy %s, the tutorial's network, np.random.seed(0..9)" % np.__version__)
    print("loop   smallest loss   largest loss")
    for k, loop in enumerate(REPORTED):
        print("%4d   %13.6g   %12.6g" % (loop, table[:, k].min(), table[:, k].max()))


if __name__ == "__main__":
    main()

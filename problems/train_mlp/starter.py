import numpy as np

HIDDEN = 16      # hidden units
STEPS = 1000     # full-batch gradient-descent steps
LR = 1.0         # learning rate


def train(X, y, seed):
    """Train a 2-layer ReLU MLP on (X, y) and return its parameters.

    X: (N, 2) points
    y: (N,) int labels in {0, 1, 2}
    seed: int, for np.random.default_rng(seed): the same seed must give the same parameters
    returns: (W1, b1, W2, b2, losses) with shapes (2, HIDDEN), (HIDDEN,), (HIDDEN, 3), (3,), for the model
        logits = relu(X @ W1 + b1) @ W2 + b2
    trained to minimize the mean cross-entropy of softmax(logits) against y; losses (STEPS,) is
    that mean cross-entropy at each step, before its update (the page draws it as a loss curve).
    """
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((2, HIDDEN)) * np.sqrt(2.0 / 2)      # He init: fan-in 2
    b1 = np.zeros(HIDDEN)
    W2 = rng.standard_normal((HIDDEN, 3)) * np.sqrt(1.0 / HIDDEN)
    b2 = np.zeros(3)
    losses = []  # the mean training loss at each step, for the loss curve
    for _ in range(STEPS):
        # Your forward pass, backward pass and update go here.
        pass
    return W1, b1, W2, b2, np.array(losses)

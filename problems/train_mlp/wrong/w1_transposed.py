# fails: Returns W1 (2, H), b1 (H,), W2 (H, 3), b2 (3,) and the losses
# says: W1 looks transposed
import numpy as np

HIDDEN = 16      # hidden units
STEPS = 1000     # full-batch gradient-descent steps
LR = 1.0         # learning rate


def train(X, y, seed):
    """Train a 2-layer ReLU MLP on (X, y) and return its parameters (W1, b1, W2, b2)."""
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((2, HIDDEN)) * np.sqrt(2.0 / 2)      # He init: fan-in 2
    b1 = np.zeros(HIDDEN)
    W2 = rng.standard_normal((HIDDEN, 3)) * np.sqrt(1.0 / HIDDEN)
    b2 = np.zeros(3)
    N = len(y)
    rows = np.arange(N)
    losses = []  # the mean training loss at each step, for the loss curve
    for _ in range(STEPS):
        # forward
        z1 = X @ W1 + b1                                  # (N, HIDDEN)
        h = np.maximum(z1, 0.0)
        logits = h @ W2 + b2                              # (N, 3)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        losses.append(float(np.mean(-np.log(p[np.arange(len(y)), y]))))
        # backward: mean cross-entropy, (softmax - one-hot) / N
        dlogits = p
        dlogits[rows, y] -= 1.0
        dlogits /= N
        dW2, db2 = h.T @ dlogits, dlogits.sum(axis=0)     # linear layer backward
        dz1 = (dlogits @ W2.T) * (z1 > 0)                 # ReLU passes gradient where z1 > 0
        dW1, db1 = X.T @ dz1, dz1.sum(axis=0)
        # gradient descent
        W1 -= LR * dW1
        b1 -= LR * db1
        W2 -= LR * dW2
        b2 -= LR * db2
    return W1.T.copy(), b1, W2, b2, np.array(losses)

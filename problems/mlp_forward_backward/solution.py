import numpy as np


def mlp_forward_backward(x, W1, b1, W2, b2, targets):
    """Loss and every gradient of x -> linear -> ReLU -> linear -> softmax cross-entropy (mean)."""
    B = x.shape[0]
    # forward, keeping what the backward pass needs
    h = x @ W1.T + b1                          # (B, H) pre-activations
    a = np.maximum(h, 0.0)                     # (B, H) ReLU
    z = a @ W2.T + b2                          # (B, C) logits
    m = z.max(axis=1, keepdims=True)           # subtract the row max: no overflow
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    rows = np.arange(B)
    loss = float(np.mean(m[:, 0] + np.log(s[:, 0]) - z[rows, targets]))
    # backward, layer by layer from the loss down
    dz = e / s                                 # softmax
    dz[rows, targets] -= 1.0                   # minus one-hot
    dz /= B                                    # the mean over the batch
    dW2 = dz.T @ a                             # (C, H)
    db2 = dz.sum(axis=0)                       # (C,)
    da = dz @ W2                               # (B, H)
    dh = da * (h > 0)                          # ReLU backward
    dW1 = dh.T @ x                             # (H, D)
    db1 = dh.sum(axis=0)                       # (H,)
    dx = dh @ W1                               # (B, D)
    return loss, dx, dW1, db1, dW2, db2

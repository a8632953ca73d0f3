# fails: loss is the mean cross-entropy of the network's logits
# says: That is the sum over the batch
import numpy as np


def mlp_forward_backward(x, W1, b1, W2, b2, targets):
    B = x.shape[0]
    h = x @ W1.T + b1
    a = np.maximum(h, 0.0)
    z = a @ W2.T + b2
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    p = e / e.sum(axis=1, keepdims=True)
    rows = np.arange(B)
    loss = float(np.sum(m[:, 0] + np.log(e.sum(axis=1)) - z[rows, targets]))
    dz = p.copy()
    dz[rows, targets] -= 1.0
    dz /= B
    dh = (dz @ W2) * (h > 0)
    return loss, dh @ W1, dh.T @ x, dh.sum(axis=0), dz.T @ a, dz.sum(axis=0)

# fails: dW2 and db2 match the output layer's gradients
# says: dW2 uses the pre-activation h
import numpy as np


def mlp_forward_backward(x, W1, b1, W2, b2, targets):
    B = x.shape[0]
    h = x @ W1.T + b1
    a = np.maximum(h, 0.0)
    z = a @ W2.T + b2
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    rows = np.arange(B)
    loss = float(np.mean(-np.log(p[rows, targets])))
    dz = p.copy()
    dz[rows, targets] -= 1.0
    dz /= B
    dh = (dz @ W2) * (h > 0)
    return loss, dh @ W1, dh.T @ x, dh.sum(axis=0), dz.T @ h, dz.sum(axis=0)

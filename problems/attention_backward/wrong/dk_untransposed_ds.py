# fails: dK matches dSᵀ @ Q / √d
# says: dS @ Q pairs each key with the wrong query
import numpy as np


def attention_backward(grad_out, Q, K, V, attn):
    d = Q.shape[-1]
    dV = attn.swapaxes(-1, -2) @ grad_out
    dA = grad_out @ V.swapaxes(-1, -2)
    dS = attn * (dA - (dA * attn).sum(axis=-1, keepdims=True))
    return dS @ K / np.sqrt(d), dS @ Q / np.sqrt(d), dV

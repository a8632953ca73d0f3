# fails: dV matches attnᵀ @ grad_out
# says: not attn @ grad_out
import numpy as np


def attention_backward(grad_out, Q, K, V, attn):
    d = Q.shape[-1]
    dV = attn @ grad_out
    dA = grad_out @ V.swapaxes(-1, -2)
    dS = attn * (dA - (dA * attn).sum(axis=-1, keepdims=True))
    return dS @ K / np.sqrt(d), dS.swapaxes(-1, -2) @ Q / np.sqrt(d), dV

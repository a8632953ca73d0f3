# fails: Returns dQ, dK, dV with the shapes of Q, K, V
# says: Qᵀ @ dS is (d, S)
import numpy as np


def attention_backward(grad_out, Q, K, V, attn):
    d = Q.shape[-1]
    dV = attn.swapaxes(-1, -2) @ grad_out
    dA = grad_out @ V.swapaxes(-1, -2)
    dS = attn * (dA - (dA * attn).sum(axis=-1, keepdims=True))
    return dS @ K / np.sqrt(d), Q.swapaxes(-1, -2) @ dS / np.sqrt(d), dV

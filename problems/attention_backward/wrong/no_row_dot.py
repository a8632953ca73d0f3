# fails: dQ matches dS @ K / √d
# says: no row-wise dot term
import numpy as np


def attention_backward(grad_out, Q, K, V, attn):
    d = Q.shape[-1]
    dV = attn.swapaxes(-1, -2) @ grad_out
    dA = grad_out @ V.swapaxes(-1, -2)
    dS = attn * dA
    return dS @ K / np.sqrt(d), dS.swapaxes(-1, -2) @ Q / np.sqrt(d), dV

import numpy as np


def attention_backward(grad_out, Q, K, V, attn):
    """Gradients of out = attn @ V, attn = softmax(Q Kᵀ / sqrt(d) [+ mask])."""
    d = Q.shape[-1]
    # out = A V: the matmul backward, batched (transpose the last two axes only).
    dV = attn.swapaxes(-1, -2) @ grad_out                       # (B, H, S, d_v)
    dA = grad_out @ V.swapaxes(-1, -2)                          # (B, H, T, S)
    # A = softmax(S), row by row: dS = A * (dA - <A, dA>) per row. Masked entries have A = 0.
    dS = attn * (dA - (dA * attn).sum(axis=-1, keepdims=True))
    # S = Q Kᵀ / √d: the matmul backward again, with the scale.
    dQ = dS @ K / np.sqrt(d)                                    # (B, H, T, d)
    dK = dS.swapaxes(-1, -2) @ Q / np.sqrt(d)                   # (B, H, S, d)
    return dQ, dK, dV

import numpy as np


def attention_backward(grad_out, Q, K, V, attn):
    """Gradients of out = attn @ V, attn = softmax(Q Kᵀ / sqrt(d) [+ mask]).

    grad_out: (B, H, T, d_v) gradient of the loss with respect to out
    Q: (B, H, T, d) queries
    K: (B, H, S, d) keys
    V: (B, H, S, d_v) values
    attn: (B, H, T, S) the attention weights saved by the forward pass (after any mask)
    returns: (dQ, dK, dV) with the shapes of Q, K and V
    """
    dQ = np.zeros_like(Q)
    dK = np.zeros_like(K)
    dV = np.zeros_like(V)
    return dQ, dK, dV

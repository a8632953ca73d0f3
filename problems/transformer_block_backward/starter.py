import numpy as np


def transformer_block_backward(grad_out, x, Wq, Wk, Wv, Wo, H):
    """Gradients of one pre-norm causal self-attention block (no MLP):

        h = LN(x)                      per token over the last axis, eps = 1e-5, no scale or shift
        q, k, v = split(h @ Wq, H), split(h @ Wk, H), split(h @ Wv, H)     (B, H, T, d), d = D // H
        o = softmax(q kᵀ / sqrt(d) + causal mask) @ v
        y = x + merge(o) @ Wo

    grad_out: (B, T, D) gradient of the loss with respect to y
    x: (B, T, D) the block's input
    Wq, Wk, Wv, Wo: (D, D) weights
    H: int, the number of heads (divides D)
    returns: (dx, dWq, dWk, dWv, dWo) with the shapes of x, Wq, Wk, Wv, Wo
    """
    dx = np.zeros_like(x)
    dWq, dWk, dWv, dWo = (np.zeros_like(W) for W in (Wq, Wk, Wv, Wo))
    return dx, dWq, dWk, dWv, dWo

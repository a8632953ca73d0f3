import numpy as np


def linear_backward(grad_out, x, W, b):
    """Gradients of y = x @ W + b with respect to x, W and b.

    grad_out: (B, D_out) gradient of the loss with respect to y
    x: (B, D_in)
    W: (D_in, D_out)
    b: (D_out,)
    returns: (dx, dW, db) with shapes (B, D_in), (D_in, D_out) and (D_out,)
    """
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    return dx, dW, db

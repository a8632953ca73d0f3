import numpy as np


def linear_layer(x, W, b, grad_out):
    """Forward and backward of y = x @ W.T + b, with W stored (D_out, D_in) as in torch.nn.Linear.

    x: (B, D_in)
    W: (D_out, D_in)
    b: (D_out,)
    grad_out: (B, D_out) gradient of the loss with respect to y
    returns: (y, dx, dW, db) with shapes (B, D_out), (B, D_in), (D_out, D_in), (D_out,)
    """
    y = np.zeros((x.shape[0], W.shape[0]))
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    return y, dx, dW, db

import numpy as np


def conv2d_backward(grad_out, x, w, stride, padding):
    """Gradients of y = conv2d(x, w, b, stride, padding) with respect to x, w and b.

    grad_out: (N, C_out, H_out, W_out) gradient of the loss with respect to y
    x: (N, C_in, H, W) the forward input
    w: (C_out, C_in, kh, kw) the filters
    stride, padding: ints, as in the forward pass
    returns: (dx, dw, db) with shapes (N, C_in, H, W), (C_out, C_in, kh, kw), (C_out,)
    """
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    db = np.zeros(w.shape[0])
    return dx, dw, db

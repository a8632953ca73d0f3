import numpy as np


def conv1d_backward(grad_out, x, w, stride, padding):
    """Gradients of y = conv1d(x, w, stride, padding) (cross-correlation, no bias).

    grad_out: (N, C_out, L_out) gradient of the loss with respect to y
    x: (N, C_in, L) the forward input
    w: (C_out, C_in, K) the filters
    stride, padding: ints, as in the forward pass
    returns: (dx, dw) with shapes (N, C_in, L) and (C_out, C_in, K)
    """
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    return dx, dw

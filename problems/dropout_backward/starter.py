import numpy as np


def dropout_backward(grad_out, mask, p):
    """Gradient of y = x * mask / p with respect to x.

    grad_out: (...) gradient of the loss with respect to y
    mask: (...) same shape, the forward pass's mask (1.0 kept, 0.0 dropped)
    p: float, the keep probability
    returns: dx, same shape as grad_out
    """
    dx = np.zeros_like(grad_out)
    return dx

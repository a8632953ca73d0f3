import numpy as np


def dropout(x, mask, p, grad_out):
    """Inverted dropout with a given keep-mask: the forward output and the gradient for x.

    x: (...) input
    mask: (...) same shape, 1.0 for kept units and 0.0 for dropped ones
    p: float in [0, 1), the probability of dropping a unit
    grad_out: (...) same shape, gradient of the loss with respect to the output y
    returns: (y, dx), both shaped like x
    """
    y = x * mask
    dx = np.zeros_like(x)
    return y, dx

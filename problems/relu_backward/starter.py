import numpy as np


def relu_backward(grad_out, x):
    """Gradient of y = max(x, 0) (entrywise) with respect to x.

    grad_out: (...) gradient of the loss with respect to y
    x: (...) the forward input, same shape
    returns: dx, same shape as x
    """
    dx = np.zeros_like(x)
    return dx

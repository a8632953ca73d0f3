import numpy as np


def gelu_backward(grad_out, x):
    """Gradient of y = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (entrywise) with respect to x.

    grad_out: (...) gradient of the loss with respect to y
    x: (...) the forward input, same shape
    returns: dx, same shape as x
    """
    dx = np.zeros_like(x)
    return dx

import numpy as np


def sigmoid_backward(grad_out, y):
    """Gradient of y = sigmoid(x) (entrywise) with respect to x, from the saved output y.

    grad_out: (...) gradient of the loss with respect to y
    y: (...) the sigmoid output saved by the forward pass, same shape, entries in [0, 1]
    returns: dx, same shape as y
    """
    dx = np.zeros_like(y)
    return dx

import numpy as np


def residual_backward(grad_out, x, W):
    """Gradients of y = x + x @ W: the skip path and the branch add up."""
    dx = grad_out + grad_out @ W.T  # identity path + linear branch
    dW = x.T @ grad_out
    return dx, dW

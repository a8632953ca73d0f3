import numpy as np


def relu_backward(grad_out, x):
    """Gradient of y = max(x, 0) (entrywise) with respect to x."""
    return grad_out * (x > 0)  # ReLU'(x) is 1 for x > 0, else 0 (also at x = 0)

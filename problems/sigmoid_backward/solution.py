import numpy as np


def sigmoid_backward(grad_out, y):
    """Gradient of y = sigmoid(x) (entrywise) with respect to x, from the saved output y."""
    return grad_out * y * (1.0 - y)  # sigmoid'(x) = sigmoid(x) (1 - sigmoid(x))

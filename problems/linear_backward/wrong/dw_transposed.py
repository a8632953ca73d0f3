# fails: Returns dx, dW, db shaped like x, W, b
# says: dW has shape (2, 3), expected (3, 2)
import numpy as np


def linear_backward(grad_out, x, W, b):
    """Gradients of y = x @ W + b with respect to x, W and b."""
    dx = grad_out @ W.T
    dW = grad_out.T @ x
    db = grad_out.sum(axis=0)  # b is broadcast over the batch: sum, not mean
    return dx, dW, db

# fails: Returns dx, dW, db shaped like x, W, b
# says: drop keepdims=True
import numpy as np


def linear_backward(grad_out, x, W, b):
    """Gradients of y = x @ W + b with respect to x, W and b."""
    dx = grad_out @ W.T
    dW = x.T @ grad_out
    db = grad_out.sum(axis=0, keepdims=True)  # b is broadcast over the batch: sum, not mean
    return dx, dW, db

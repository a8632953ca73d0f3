# fails: y matches x @ W.T + b
# says: The bias is missing
import numpy as np


def linear_layer(x, W, b, grad_out):
    return x @ W.T, grad_out @ W, grad_out.T @ x, grad_out.sum(axis=0)

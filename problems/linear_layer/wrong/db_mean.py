# fails: db sums grad_out over the batch
# says: That is the mean over the batch
import numpy as np


def linear_layer(x, W, b, grad_out):
    return x @ W.T + b, grad_out @ W, grad_out.T @ x, grad_out.mean(axis=0)

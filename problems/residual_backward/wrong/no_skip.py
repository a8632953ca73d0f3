# fails: dx adds the skip path and the branch
# says: x also reaches y through the skip connection
import numpy as np


def residual_backward(grad_out, x, W):
    return grad_out @ W.T, x.T @ grad_out

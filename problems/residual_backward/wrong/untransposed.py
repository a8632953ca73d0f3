# fails: dx adds the skip path and the branch
# says: W is not transposed
import numpy as np


def residual_backward(grad_out, x, W):
    return grad_out + grad_out @ W, x.T @ grad_out

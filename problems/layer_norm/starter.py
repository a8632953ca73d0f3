import numpy as np


def layer_norm(x, gamma, beta, eps):
    """Layer normalization of each row of x, then a per-feature scale and shift.

    x: (N, D) one example per row
    gamma: (D,) scale per feature
    beta: (D,) shift per feature
    eps: float added to the variance under the square root
    returns: y, shape (N, D)
    """
    y = np.zeros_like(x)
    return y

import numpy as np


def split_heads(x, H):
    """Split the feature axis into H heads and put the head axis before the tokens.

    x: (B, T, D) with D = H * d, one D-vector per token
    H: int, the number of heads
    returns: heads, shape (B, H, T, d), heads[b, h, t] = x[b, t, h*d:(h+1)*d]
    """
    B, T, D = x.shape
    d = D // H
    heads = np.zeros((B, H, T, d))
    return heads

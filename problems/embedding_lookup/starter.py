import numpy as np


def embedding_lookup(W, ids):
    """The rows of W selected by ids: equal to one_hot(ids) @ W, without the one-hot.

    W: (V, D) embedding table, one row per token of the vocabulary
    ids: (B,) or (B, T) integers in 0..V-1
    returns: out, shape ids.shape + (D,), i.e. (B, D) or (B, T, D)
    """
    out = np.zeros(ids.shape + W.shape[1:])
    return out

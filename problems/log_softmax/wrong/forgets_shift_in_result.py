# fails: Matches a reference log-softmax
# says: Every entry is off by the slice max m
import numpy as np


def log_softmax(x, axis):
    """log(softmax(x)) along axis, computed without ever forming the softmax."""
    z = x - x.max(axis=axis, keepdims=True)  # every exponent <= 0, one of them exactly 0
    return x - np.log(np.exp(z).sum(axis=axis, keepdims=True))

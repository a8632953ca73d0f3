# fails: Stable for values around +1000 (no overflow)
# says: exp(1000) overflows to inf
import numpy as np


def log_softmax(x, axis):
    """log(softmax(x)) along axis, computed without ever forming the softmax."""
    z = x
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))  # each sum >= 1: log is finite

# fails: Normalises along the requested axis
# says: use the axis argument in every reduction
import numpy as np


def softmax(x, axis):
    """Softmax of x along axis, computed stably."""
    z = x - x.max(axis=-1, keepdims=True)  # every exponent <= 0: no overflow
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)  # each sum >= 1: no 0/0

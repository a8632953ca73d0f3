# fails: Stable for values around ±1000
# says: The sum lost its axis
import numpy as np


def softmax(x, axis):
    """Softmax of x along axis, computed stably."""
    z = x - x.max(axis=axis, keepdims=True)  # every exponent <= 0: no overflow
    e = np.exp(z)
    return e / e.sum(axis=axis)  # each sum >= 1: no 0/0

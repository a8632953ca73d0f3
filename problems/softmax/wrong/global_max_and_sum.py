# fails: Entries are probabilities that sum to 1 along axis
# says: y.sum(axis=-1) is wrong at 4 of 4 entries
import numpy as np


def softmax(x, axis):
    """Softmax of x along axis, computed stably."""
    z = x - x.max()  # every exponent <= 0: no overflow
    e = np.exp(z)
    return e / e.sum()  # each sum >= 1: no 0/0

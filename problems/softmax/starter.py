import numpy as np


def softmax(x, axis):
    """Softmax of x along axis, computed stably.

    x: float array of any shape, e.g. (B, C) logits
    axis: int, the axis to normalise along (-1 for the last one)
    returns: y, same shape as x; along axis its entries are positive and sum to 1
    """
    y = np.zeros_like(x)
    return y

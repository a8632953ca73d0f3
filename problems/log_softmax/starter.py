import numpy as np


def log_softmax(x, axis):
    """log(softmax(x)) along axis, computed without ever forming the softmax.

    x: float array of any shape, e.g. (B, C) logits
    axis: int, the axis to normalise along (-1 for the last one)
    returns: y, same shape as x; along axis, exp(y) sums to 1
    """
    y = np.zeros_like(x)
    return y

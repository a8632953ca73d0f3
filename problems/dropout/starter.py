import numpy as np


def dropout(x, mask, p):
    """Inverted dropout with a given mask.

    x: (...) activations
    mask: (...) same shape, 1.0 where a unit is kept, 0.0 where it is dropped
    p: float, the probability of keeping a unit
    returns: y, same shape as x
    """
    y = np.zeros_like(x)
    return y

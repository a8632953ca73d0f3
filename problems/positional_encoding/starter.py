import numpy as np


def positional_encoding(T, D):
    """Sinusoidal positional encodings of "Attention Is All You Need".

    T: int, number of positions (0 .. T-1)
    D: int, model width, even
    returns: PE, shape (T, D), with
        PE[t, 2i]     = sin(t / 10000 ** (2i / D))
        PE[t, 2i + 1] = cos(t / 10000 ** (2i / D))
    """
    PE = np.zeros((T, D))
    return PE

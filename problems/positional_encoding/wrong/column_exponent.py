# fails: Matches sin/cos at 10000^(−2i/D) for every pair
# says: the two columns of a pair share one frequency
import numpy as np


def positional_encoding(T, D):
    j = np.arange(D)
    angles = np.arange(T)[:, None] * 10000.0 ** (-j / D)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))

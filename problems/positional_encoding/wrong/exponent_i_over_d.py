# fails: Matches sin/cos at 10000^(−2i/D) for every pair
# says: The exponent is 2i/D, not i/D
import numpy as np


def positional_encoding(T, D):
    angles = np.arange(T)[:, None] * 10000.0 ** (-np.arange(D // 2) / D)
    PE = np.zeros((T, D))
    PE[:, 0::2] = np.sin(angles)
    PE[:, 1::2] = np.cos(angles)
    return PE

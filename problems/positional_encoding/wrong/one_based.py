# fails: Position 0 is [0, 1, 0, 1, …]
# says: Positions start at 0, not 1
import numpy as np


def positional_encoding(T, D):
    angles = np.arange(1, T + 1)[:, None] * 10000.0 ** (-2 * np.arange(D // 2) / D)
    PE = np.zeros((T, D))
    PE[:, 0::2] = np.sin(angles)
    PE[:, 1::2] = np.cos(angles)
    return PE

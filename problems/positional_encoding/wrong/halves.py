# fails: Position 0 is [0, 1, 0, 1, …]
# says: All sines come first
import numpy as np


def positional_encoding(T, D):
    angles = np.arange(T)[:, None] * 10000.0 ** (-2 * np.arange(D // 2) / D)
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)

import numpy as np


def positional_encoding(T, D):
    """Sinusoidal positional encodings: sines in the even columns, cosines in the odd ones."""
    positions = np.arange(T)[:, None]                      # (T, 1)
    freqs = 10000.0 ** (-2 * np.arange(D // 2) / D)        # (D/2,): one frequency per pair
    angles = positions * freqs                             # (T, D/2)
    PE = np.zeros((T, D))
    PE[:, 0::2] = np.sin(angles)
    PE[:, 1::2] = np.cos(angles)
    return PE

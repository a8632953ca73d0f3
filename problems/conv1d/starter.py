import numpy as np


def conv1d(x, w, stride, padding):
    """1-D cross-correlation, as PyTorch's conv1d computes it (no bias).

    x: (N, C_in, L) input batch
    w: (C_out, C_in, K) filters
    stride: int, step between windows
    padding: int, zeros added at both ends of the length axis
    returns: y, shape (N, C_out, L_out) with L_out = (L + 2*padding - K) // stride + 1
    """
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    y = np.zeros((N, C_out, L))
    return y

import numpy as np


def im2col(x, kh, kw, stride, padding):
    """Every kh × kw patch of x (zero-padded), one flattened patch per column."""
    N, C, H, W = x.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    patches = np.zeros((N, C, kh, kw, H_out, W_out))
    for i in range(kh):
        for j in range(kw):
            # entry (i, j) of every patch, shape (N, C, H_out, W_out)
            patches[:, :, i, j] = xp[:, :, i : i + stride * (H_out - 1) + 1 : stride,
                                           j : j + stride * (W_out - 1) + 1 : stride]
    return patches.reshape(N, C * kh * kw, H_out * W_out)

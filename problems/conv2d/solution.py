import numpy as np


def im2col(x, kh, kw, stride, padding):
    """(N, C·kh·kw, H_out·W_out): every patch as a column, rows in (c, i, j) order."""
    N, C, H, W = x.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    patches = np.zeros((N, C, kh, kw, H_out, W_out))
    for i in range(kh):
        for j in range(kw):
            patches[:, :, i, j] = xp[:, :, i : i + stride * (H_out - 1) + 1 : stride,
                                           j : j + stride * (W_out - 1) + 1 : stride]
    return patches.reshape(N, C * kh * kw, H_out * W_out)


def conv2d(x, w, b, stride, padding):
    """2-D cross-correlation with bias, as PyTorch's conv2d computes it, through im2col."""
    N, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    cols = im2col(x, kh, kw, stride, padding)          # (N, C_in·kh·kw, H_out·W_out)
    y = w.reshape(C_out, -1) @ cols + b[:, None]        # (N, C_out, H_out·W_out)
    return y.reshape(N, C_out, H_out, W_out)

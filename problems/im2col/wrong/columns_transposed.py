# fails: Columns follow the output positions row by row
# says: column by column
import numpy as np


def im2col(x, kh, kw, stride, padding):
    N, C, H, W = x.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.zeros((N, C * kh * kw, H_out * W_out))
    p = 0
    for ow in range(W_out):          # columns before rows
        for oh in range(H_out):
            patch = xp[:, :, oh * stride : oh * stride + kh, ow * stride : ow * stride + kw]
            cols[:, :, p] = patch.reshape(N, -1)
            p += 1
    return cols

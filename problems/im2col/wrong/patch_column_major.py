# fails: Rows run over (channel, kernel row, kernel column), channel slowest
# says: flattened column by column
import numpy as np


def im2col(x, kh, kw, stride, padding):
    N, C, H, W = x.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.zeros((N, C * kh * kw, H_out * W_out))
    for oh in range(H_out):
        for ow in range(W_out):
            patch = xp[:, :, oh * stride : oh * stride + kh, ow * stride : ow * stride + kw]
            cols[:, :, oh * W_out + ow] = patch.swapaxes(-1, -2).reshape(N, -1)
    return cols

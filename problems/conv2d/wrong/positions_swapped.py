# fails: y matches the direct convolution on random inputs
# says: reshape to (N, C_out, H_out, W_out) directly
import numpy as np


def conv2d(x, w, b, stride, padding):
    N, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.zeros((N, C_in * kh * kw, H_out * W_out))
    for h in range(H_out):
        for v in range(W_out):
            patch = xp[:, :, h * stride : h * stride + kh, v * stride : v * stride + kw]
            cols[:, :, h * W_out + v] = patch.reshape(N, -1)
    y = w.reshape(C_out, -1) @ cols
    # reads the positions as if they were stored column by column
    return y.reshape(N, C_out, W_out, H_out).swapaxes(-1, -2) + b[:, None, None]

# fails: y matches the direct convolution on random inputs
# says: flattened in different orders
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
            cols[:, :, h * W_out + v] = patch.reshape(N, -1)            # (c, i, j) order
    w_flat = w.transpose(0, 2, 3, 1).reshape(C_out, -1)                 # (i, j, c) order
    return (w_flat @ cols + b[:, None]).reshape(N, C_out, H_out, W_out)

# fails: Each output channel gets its own bias
# says: The bias is missing
import numpy as np


def conv2d(x, w, b, stride, padding):
    N, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    y = np.zeros((N, C_out, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            patch = xp[:, :, h * stride : h * stride + kh, v * stride : v * stride + kw]
            y[:, :, h, v] = np.einsum("ncij,ocij->no", patch, w)
    return y

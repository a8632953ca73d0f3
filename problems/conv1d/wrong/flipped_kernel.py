# fails: Cross-correlation: the kernel is not flipped
# says: Your kernel is flipped
import numpy as np


def conv1d(x, w, stride, padding):
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    L_out = (L + 2 * padding - K) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    y = np.zeros((N, C_out, L_out))
    for t in range(L_out):
        window = xp[:, :, t * stride : t * stride + K]
        y[:, :, t] = np.einsum("ock,nck->no", w[:, :, ::-1], window)  # textbook convolution
    return y

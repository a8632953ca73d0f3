# fails: Output length is floor((L + 2P − K) / S) + 1
# says: the + 1 is missing
import numpy as np


def conv1d(x, w, stride, padding):
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    L_out = (L + 2 * padding - K) // stride
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    y = np.zeros((N, C_out, L_out))
    for t in range(L_out):
        y[:, :, t] = np.einsum("ock,nck->no", w, xp[:, :, t * stride : t * stride + K])
    return y

# fails: Output length is floor((L + 2P − K) / S) + 1
# says: the padding goes at both ends
import numpy as np


def conv1d(x, w, stride, padding):
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, 0)))
    L_out = (xp.shape[-1] - K) // stride + 1
    y = np.zeros((N, C_out, L_out))
    for t in range(L_out):
        y[:, :, t] = np.einsum("ock,nck->no", w, xp[:, :, t * stride : t * stride + K])
    return y

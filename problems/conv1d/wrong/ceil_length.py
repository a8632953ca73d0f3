# fails: Output length is floor((L + 2P − K) / S) + 1
# says: that is ceil
import numpy as np


def conv1d(x, w, stride, padding):
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    L_out = int(np.ceil((L + 2 * padding - K) / stride)) + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding + stride)))  # room for the extra window
    y = np.zeros((N, C_out, L_out))
    for t in range(L_out):
        y[:, :, t] = np.einsum("ock,nck->no", w, xp[:, :, t * stride : t * stride + K])
    return y

# fails: dx sends grad_out back through every window (the kernel flipped)
# says: add them with +=
import numpy as np


def conv1d_backward(grad_out, x, w, stride, padding):
    L, K, L_out = x.shape[2], w.shape[2], grad_out.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for t in range(L_out):
        window = slice(t * stride, t * stride + K)
        dw += np.einsum("no,nck->ock", grad_out[:, :, t], xp[:, :, window])
        dxp[:, :, window] = np.einsum("no,ock->nck", grad_out[:, :, t], w)
    return dxp[:, :, padding : padding + L], dw

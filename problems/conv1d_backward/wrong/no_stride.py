# fails: Inputs that no window reaches get zero gradient
# says: The stride is missing
import numpy as np


def conv1d_backward(grad_out, x, w, stride, padding):
    L, K, L_out = x.shape[2], w.shape[2], grad_out.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for t in range(L_out):
        dw += np.einsum("no,nck->ock", grad_out[:, :, t], xp[:, :, t * stride : t * stride + K])
        dxp[:, :, t : t + K] += np.einsum("no,ock->nck", grad_out[:, :, t], w)  # forgot the stride
    return dxp[:, :, padding : padding + L], dw

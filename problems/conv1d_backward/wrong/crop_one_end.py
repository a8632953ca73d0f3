# fails: dx sends grad_out back through every window (the kernel flipped)
# says: cut the padding off both ends
import numpy as np


def conv1d_backward(grad_out, x, w, stride, padding):
    L, K, L_out = x.shape[2], w.shape[2], grad_out.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for k in range(K):
        positions = slice(k, k + stride * (L_out - 1) + 1, stride)
        dw[:, :, k] = np.einsum("not,nct->oc", grad_out, xp[:, :, positions])
        dxp[:, :, positions] += np.einsum("not,oc->nct", grad_out, w[:, :, k])
    return dxp[:, :, :L], dw

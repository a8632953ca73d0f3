import numpy as np


def conv1d_backward(grad_out, x, w, stride, padding):
    """Gradients of y = conv1d(x, w, stride, padding) (cross-correlation, no bias)."""
    L = x.shape[2]
    K = w.shape[2]
    L_out = grad_out.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for k in range(K):
        positions = slice(k, k + stride * (L_out - 1) + 1, stride)  # entry k of every window
        dw[:, :, k] = np.einsum("not,nct->oc", grad_out, xp[:, :, positions])
        dxp[:, :, positions] += np.einsum("not,oc->nct", grad_out, w[:, :, k])
    dx = dxp[:, :, padding : padding + L]  # the padding's gradient is thrown away
    return dx, dw

# fails: dx sends grad_out back through every window (the kernel flipped)
# says: flip the kernel
import numpy as np


def conv1d_backward(grad_out, x, w, stride, padding):
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    L_out = grad_out.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    dw = np.zeros_like(w)
    for k in range(K):
        dw[:, :, k] = np.einsum("not,nct->oc", grad_out, xp[:, :, k : k + stride * (L_out - 1) + 1 : stride])
    # dilate grad_out, pad it by K - 1, and correlate with w (forgetting the flip)
    Lp = L + 2 * padding
    g = np.zeros((N, C_out, Lp + 2 * (K - 1)))
    g[:, :, K - 1 : K - 1 + stride * (L_out - 1) + 1 : stride] = grad_out
    dxp = np.zeros((N, C_in, Lp))
    for i in range(Lp):
        dxp[:, :, i] = np.einsum("nok,ock->nc", g[:, :, i : i + K], w)
    return dxp[:, :, padding : padding + L], dw

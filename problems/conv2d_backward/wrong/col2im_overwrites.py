# fails: Overlapping patches add their gradients
# says: never overwrite
import numpy as np


def conv2d_backward(grad_out, x, w, stride, padding):
    N, C, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out, W_out = grad_out.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for h in range(H_out):
        for v in range(W_out):
            rows, cols = slice(h * stride, h * stride + kh), slice(v * stride, v * stride + kw)
            dw += np.einsum("no,ncij->ocij", grad_out[:, :, h, v], xp[:, :, rows, cols])
            dxp[:, :, rows, cols] = np.einsum("no,ocij->ncij", grad_out[:, :, h, v], w)  # = instead of +=
    dx = dxp[:, :, padding : padding + H, padding : padding + W]
    return dx, dw, grad_out.sum(axis=(0, 2, 3))

# fails: Returns dx, dw and db shaped like x, w and the bias (C_out,)
# says: sum grad_out over the batch and every position
import numpy as np


def im2col(x, kh, kw, stride, padding):
    """(N, C·kh·kw, H_out·W_out): every patch as a column, rows in (c, i, j) order."""
    N, C, H, W = x.shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    patches = np.zeros((N, C, kh, kw, H_out, W_out))
    for i in range(kh):
        for j in range(kw):
            patches[:, :, i, j] = xp[:, :, i : i + stride * (H_out - 1) + 1 : stride,
                                           j : j + stride * (W_out - 1) + 1 : stride]
    return patches.reshape(N, C * kh * kw, H_out * W_out)


def col2im(dcols, x_shape, kh, kw, stride, padding):
    """The adjoint of im2col: add every column entry back to the pixel it was copied from."""
    N, C, H, W = x_shape
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    d = dcols.reshape(N, C, kh, kw, H_out, W_out)
    dxp = np.zeros((N, C, H + 2 * padding, W + 2 * padding))
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, i : i + stride * (H_out - 1) + 1 : stride,
                      j : j + stride * (W_out - 1) + 1 : stride] += d[:, :, i, j]  # += : patches overlap
    return dxp[:, :, padding : padding + H, padding : padding + W]
def conv2d_backward(grad_out, x, w, stride, padding):
    N = x.shape[0]
    C_out, _, kh, kw = w.shape
    cols = im2col(x, kh, kw, stride, padding)
    G = grad_out.reshape(N, C_out, -1)
    db = grad_out.sum(axis=0)  # only over the batch
    dw = np.einsum("nop,nrp->or", G, cols).reshape(w.shape)
    dx = col2im(w.reshape(C_out, -1).T @ G, x.shape, kh, kw, stride, padding)
    return dx, dw, db

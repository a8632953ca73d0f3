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
    """Gradients of y = conv2d(x, w, b, stride, padding) with respect to x, w and b."""
    N = x.shape[0]
    C_out, _, kh, kw = w.shape
    cols = im2col(x, kh, kw, stride, padding)      # (N, C_in·kh·kw, P)
    G = grad_out.reshape(N, C_out, -1)              # (N, C_out, P)
    db = grad_out.sum(axis=(0, 2, 3))
    dw = np.einsum("nop,nrp->or", G, cols).reshape(w.shape)    # Σ_n G_n @ cols_nᵀ
    dcols = w.reshape(C_out, -1).T @ G              # (N, C_in·kh·kw, P)
    dx = col2im(dcols, x.shape, kh, kw, stride, padding)
    return dx, dw, db

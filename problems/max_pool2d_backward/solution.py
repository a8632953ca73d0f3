import numpy as np


def max_pool2d_backward(grad_out, x, kernel_size, stride):
    """Gradient of y = max_pool2d(x, kernel_size, stride) (no padding) with respect to x."""
    N, C = x.shape[:2]
    k, s = kernel_size, stride
    H_out, W_out = grad_out.shape[2:]
    n, c = np.indices((N, C))  # (N, C) index grids, to address one entry per (n, c)
    dx = np.zeros_like(x)
    for h in range(H_out):
        for v in range(W_out):
            window = x[:, :, h * s : h * s + k, v * s : v * s + k].reshape(N, C, k * k)
            i, j = np.divmod(window.argmax(axis=-1), k)  # first maximum in row-major order
            dx[n, c, h * s + i, v * s + j] += grad_out[:, :, h, v]  # += : windows may overlap
    return dx

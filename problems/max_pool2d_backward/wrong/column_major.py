# fails: Ties: the gradient goes to the first maximum in row-major order
# says: scan row by row
import numpy as np


def max_pool2d_backward(grad_out, x, kernel_size, stride):
    N, C = x.shape[:2]
    k, s = kernel_size, stride
    n, c = np.indices((N, C))
    dx = np.zeros_like(x)
    for h in range(grad_out.shape[2]):
        for v in range(grad_out.shape[3]):
            window = x[:, :, h * s : h * s + k, v * s : v * s + k]
            flat = window.swapaxes(-1, -2).reshape(N, C, k * k)  # column by column
            j, i = np.divmod(flat.argmax(axis=-1), k)
            dx[n, c, h * s + i, v * s + j] += grad_out[:, :, h, v]
    return dx

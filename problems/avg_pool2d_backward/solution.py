import numpy as np


def avg_pool2d_backward(grad_out, x, kernel_size, stride):
    """Gradient of y = avg_pool2d(x, kernel_size, stride) (no padding) with respect to x."""
    k, s = kernel_size, stride
    H_out, W_out = grad_out.shape[2:]
    share = grad_out / (k * k)  # every entry of a window gets an equal share
    dx = np.zeros_like(x)
    for i in range(k):
        for j in range(k):
            dx[:, :, i : i + s * (H_out - 1) + 1 : s, j : j + s * (W_out - 1) + 1 : s] += share
    return dx

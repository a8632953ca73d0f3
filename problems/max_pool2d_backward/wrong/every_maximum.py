# fails: Ties: the gradient goes to the first maximum in row-major order
# says: Every tied maximum got the full gradient
import numpy as np


def max_pool2d_backward(grad_out, x, kernel_size, stride):
    k, s = kernel_size, stride
    dx = np.zeros_like(x)
    for h in range(grad_out.shape[2]):
        for v in range(grad_out.shape[3]):
            window = x[:, :, h * s : h * s + k, v * s : v * s + k]
            is_max = window == window.max(axis=(2, 3), keepdims=True)
            dx[:, :, h * s : h * s + k, v * s : v * s + k] += is_max * grad_out[:, :, h : h + 1, v : v + 1]
    return dx

import numpy as np


def avg_pool2d_backward(grad_out, x, kernel_size, stride):
    """Gradient of y = avg_pool2d(x, kernel_size, stride) (no padding) with respect to x.

    grad_out: (N, C, H_out, W_out) gradient of the loss with respect to y
    x: (N, C, H, W) the forward input (only its shape is needed)
    kernel_size, stride: ints
    returns: dx, shape (N, C, H, W)
    """
    dx = np.zeros_like(x)
    return dx

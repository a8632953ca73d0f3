import numpy as np


def max_pool2d_backward(grad_out, x, kernel_size, stride):
    """Gradient of y = max_pool2d(x, kernel_size, stride) (no padding) with respect to x.

    grad_out: (N, C, H_out, W_out) gradient of the loss with respect to y
    x: (N, C, H, W) the forward input
    kernel_size, stride: ints; windows are kernel_size × kernel_size
    ties: the first maximum in row-major order takes the gradient (as np.argmax does)
    returns: dx, shape (N, C, H, W)
    """
    dx = np.zeros_like(x)
    return dx

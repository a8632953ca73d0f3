import numpy as np


def avg_pool2d(x, kernel_size, stride):
    """Mean of every kernel_size × kernel_size window (no padding).

    x: (N, C, H, W) input batch
    kernel_size, stride: ints
    returns: y, shape (N, C, H_out, W_out) with H_out = (H - kernel_size) // stride + 1
    """
    N, C, H, W = x.shape
    y = np.zeros((N, C, H, W))
    return y

import numpy as np


def avg_pool2d(x, kernel_size, stride):
    """Mean of every kernel_size × kernel_size window (no padding)."""
    N, C, H, W = x.shape
    k, s = kernel_size, stride
    H_out, W_out = (H - k) // s + 1, (W - k) // s + 1
    total = np.zeros((N, C, H_out, W_out))
    for i in range(k):
        for j in range(k):
            total += x[:, :, i : i + s * (H_out - 1) + 1 : s, j : j + s * (W_out - 1) + 1 : s]
    return total / (k * k)

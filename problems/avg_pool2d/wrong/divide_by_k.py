# fails: y is the mean of each window on random inputs
# says: You divided by k
import numpy as np


def avg_pool2d(x, kernel_size, stride):
    N, C, H, W = x.shape
    k, s = kernel_size, stride
    H_out, W_out = (H - k) // s + 1, (W - k) // s + 1
    y = np.zeros((N, C, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            y[:, :, h, v] = x[:, :, h * s : h * s + k, v * s : v * s + k].sum(axis=(2, 3)) / k
    return y

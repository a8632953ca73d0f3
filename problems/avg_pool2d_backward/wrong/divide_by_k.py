# fails: The gradient's total is preserved, and uncovered entries get zero
# says: You divided by k
import numpy as np


def avg_pool2d_backward(grad_out, x, kernel_size, stride):
    k, s = kernel_size, stride
    dx = np.zeros_like(x)
    for h in range(grad_out.shape[2]):
        for v in range(grad_out.shape[3]):
            dx[:, :, h * s : h * s + k, v * s : v * s + k] += grad_out[:, :, h : h + 1, v : v + 1] / k
    return dx

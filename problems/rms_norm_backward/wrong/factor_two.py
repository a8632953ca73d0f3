# fails: With eps = 0, each row of dx is orthogonal to x
# says: twice too big
import numpy as np


def rms_norm_backward(grad_out, x, gamma, eps):
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    x_hat = x / rms
    g = grad_out * gamma
    # d(x²)/dx = 2x, and the 1/2 of the square root forgotten
    dx = (g - 2 * x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / rms
    return dx, (grad_out * x_hat).sum(axis=0)

# fails: dx includes the path through the rms, and no mean term
# says: RMSNorm subtracts no mean
import numpy as np


def rms_norm_backward(grad_out, x, gamma, eps):
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    x_hat = x / rms
    g = grad_out * gamma
    dx = (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / rms
    return dx, (grad_out * x_hat).sum(axis=0)

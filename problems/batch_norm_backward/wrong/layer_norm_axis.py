# fails: dx follows the batch mean and variance (training mode)
# says: that is layer norm
import numpy as np


def batch_norm_backward(grad_out, x, gamma, eps):
    r0 = 1.0 / np.sqrt(x.var(axis=0) + eps)
    dgamma = (grad_out * (x - x.mean(axis=0)) * r0).sum(axis=0)
    mean = x.mean(axis=1, keepdims=True)
    r = 1.0 / np.sqrt(x.var(axis=1, keepdims=True) + eps)
    x_hat = (x - mean) * r
    g = grad_out * gamma
    dx = r * (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True))
    return dx, dgamma, grad_out.sum(axis=0)

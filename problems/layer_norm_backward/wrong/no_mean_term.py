# fails: dx includes the mean and variance terms
# says: The mean term is missing
import numpy as np


def layer_norm_backward(grad_out, x, gamma, eps):
    mean = x.mean(axis=-1, keepdims=True)
    r = 1.0 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    x_hat = (x - mean) * r
    g = grad_out * gamma
    dx = r * (g - x_hat * (g * x_hat).mean(axis=-1, keepdims=True))
    return dx, (grad_out * x_hat).sum(axis=0), grad_out.sum(axis=0)

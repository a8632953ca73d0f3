# fails: Each column of dx sums to zero
# says: The mean term is missing
import numpy as np


def batch_norm_backward(grad_out, x, gamma, eps):
    r = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * r
    g = grad_out * gamma
    dx = r * (g - x_hat * (g * x_hat).mean(axis=0))
    return dx, (grad_out * x_hat).sum(axis=0), grad_out.sum(axis=0)

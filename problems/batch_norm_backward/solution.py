import numpy as np


def batch_norm_backward(grad_out, x, gamma, eps):
    """Gradients of training-mode batch norm: statistics per column, over the batch."""
    mean = x.mean(axis=0)
    r = 1.0 / np.sqrt(((x - mean) ** 2).mean(axis=0) + eps)  # biased: divide by N
    x_hat = (x - mean) * r

    dbeta = grad_out.sum(axis=0)
    dgamma = (grad_out * x_hat).sum(axis=0)

    g = grad_out * gamma  # dL/dx_hat
    dx = r * (g - g.mean(axis=0) - x_hat * (g * x_hat).mean(axis=0))
    return dx, dgamma, dbeta

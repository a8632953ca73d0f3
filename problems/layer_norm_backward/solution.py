import numpy as np


def layer_norm_backward(grad_out, x, gamma, eps):
    """Gradients of y = gamma * (x − mean) / sqrt(var + eps) + beta, statistics per row."""
    mean = x.mean(axis=-1, keepdims=True)
    r = 1.0 / np.sqrt(((x - mean) ** 2).mean(axis=-1, keepdims=True) + eps)
    x_hat = (x - mean) * r

    dbeta = grad_out.sum(axis=0)
    dgamma = (grad_out * x_hat).sum(axis=0)

    g = grad_out * gamma  # dL/dx_hat
    mean_term = g.mean(axis=-1, keepdims=True)
    var_term = x_hat * (g * x_hat).mean(axis=-1, keepdims=True)
    dx = r * (g - mean_term - var_term)
    return dx, dgamma, dbeta

import numpy as np


def rms_norm_backward(grad_out, x, gamma, eps):
    """Gradients of y = gamma * x / sqrt(mean(x**2) + eps), the mean per row."""
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    x_hat = x / rms
    dgamma = (grad_out * x_hat).sum(axis=0)
    g = grad_out * gamma  # dL/dx_hat
    dx = (g - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / rms
    return dx, dgamma

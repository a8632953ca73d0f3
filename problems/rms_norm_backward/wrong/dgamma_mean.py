# fails: dgamma is grad_out · x̂ summed over the batch
# says: every row uses the same gamma, so sum
import numpy as np


def rms_norm_backward(grad_out, x, gamma, eps):
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    x_hat = x / rms
    g = grad_out * gamma
    dx = (g - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / rms
    return dx, (grad_out * x_hat).mean(axis=0)

# fails: dx follows the batch mean and variance (training mode)
# says: evaluation-mode gradient
import numpy as np


def batch_norm_backward(grad_out, x, gamma, eps):
    r = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * r
    return grad_out * gamma * r, (grad_out * x_hat).sum(axis=0), grad_out.sum(axis=0)

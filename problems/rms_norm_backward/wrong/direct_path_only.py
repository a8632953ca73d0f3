# fails: dx includes the path through the rms, and no mean term
# says: only the direct path
import numpy as np


def rms_norm_backward(grad_out, x, gamma, eps):
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    return grad_out * gamma / rms, (grad_out * x / rms).sum(axis=0)

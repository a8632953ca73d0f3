# fails: Each row is normalized on its own
# says: that is batch norm
import numpy as np


def layer_norm(x, gamma, beta, eps):
    mean = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta

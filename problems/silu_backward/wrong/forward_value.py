# fails: dx matches grad_out · σ(x) (1 + x (1 − σ(x)))
# says: the forward value
import numpy as np


def silu_backward(grad_out, x):
    return grad_out * x / (1.0 + np.exp(-x))

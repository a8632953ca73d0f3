# fails: dx matches grad_out · σ(x) (1 + x (1 − σ(x)))
# says: That is the sigmoid's slope alone
import numpy as np


def silu_backward(grad_out, x):
    s = 1.0 / (1.0 + np.exp(-x))
    return grad_out * s * (1.0 - s)

# fails: dx matches grad_out · σ(x) (1 + x (1 − σ(x)))
# says: only the second term of the product rule
import numpy as np


def silu_backward(grad_out, x):
    s = 1.0 / (1.0 + np.exp(-x))
    return grad_out * x * s * (1.0 - s)

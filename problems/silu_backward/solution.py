import numpy as np


def silu_backward(grad_out, x):
    """Gradient of y = x * sigmoid(x) (SiLU, also called swish) with respect to x."""
    e = np.exp(-np.abs(x))                            # sigmoid without overflow
    s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # product rule: d/dx [x s(x)] = s + x s (1 - s)
    return grad_out * s * (1.0 + x * (1.0 - s))

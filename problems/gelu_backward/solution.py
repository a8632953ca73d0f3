import numpy as np


def gelu_backward(grad_out, x):
    """Gradient of the tanh-approximated GELU with respect to x."""
    c = np.sqrt(2.0 / np.pi)
    u = c * (x + 0.044715 * x**3)
    t = np.tanh(u)
    du_dx = c * (1.0 + 3 * 0.044715 * x**2)
    # gelu(x) = 0.5 x (1 + tanh u): product rule, then the chain rule through tanh and u
    dgelu = 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du_dx
    return grad_out * dgelu

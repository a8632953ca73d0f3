# fails: dx matches the derivative of the tanh-approximated GELU
# says: the product rule
import numpy as np


def gelu_backward(grad_out, x):
    t = np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x**3))
    return grad_out * 0.5 * (1.0 + t)

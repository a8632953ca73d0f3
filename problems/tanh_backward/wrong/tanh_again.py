# fails: Uses y as the output, not as the input x
# says: You applied tanh to y again
import numpy as np


def tanh_backward(grad_out, y):
    return grad_out * (1.0 - np.tanh(y) ** 2)

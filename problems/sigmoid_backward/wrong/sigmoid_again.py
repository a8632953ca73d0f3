# fails: Uses y as the output, not as the input x
# says: You applied the sigmoid to y again
import numpy as np


def sigmoid_backward(grad_out, y):
    s = 1.0 / (1.0 + np.exp(-y))
    return grad_out * s * (1.0 - s)

# fails: Uses y as the output, not as the input x
# says: (1 − y)² squares the wrong thing
import numpy as np


def tanh_backward(grad_out, y):
    return grad_out * (1.0 - y) ** 2

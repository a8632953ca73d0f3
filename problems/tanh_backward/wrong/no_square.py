# fails: dx matches grad_out * (1 − y²)
# says: The square is missing
import numpy as np


def tanh_backward(grad_out, y):
    return grad_out * (1.0 - y)

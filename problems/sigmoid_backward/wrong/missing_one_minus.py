# fails: dx matches grad_out * y * (1 − y)
# says: The factor (1 − y) is missing
import numpy as np


def sigmoid_backward(grad_out, y):
    return grad_out * y

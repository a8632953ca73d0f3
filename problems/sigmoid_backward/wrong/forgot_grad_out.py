# fails: dx matches grad_out * y * (1 − y)
# says: the chain rule multiplies it by grad_out
import numpy as np


def sigmoid_backward(grad_out, y):
    return y * (1.0 - y)

# fails: At x = 0 the gradient is 0
# says: not x >= 0
import numpy as np


def relu_backward(grad_out, x):
    return grad_out * (x >= 0)

# fails: dx passes grad_out where x > 0 and blocks it elsewhere
# says: the derivative of ReLU is the 0/1 mask
import numpy as np


def relu_backward(grad_out, x):
    return grad_out * np.maximum(x, 0)

# fails: Kept units' gradients are scaled by 1/p
# says: The 1/p is missing
import numpy as np


def dropout_backward(grad_out, mask, p):
    return grad_out * mask

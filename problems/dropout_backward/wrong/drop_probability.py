# fails: dx matches grad_out * mask / p
# says: You divided by 1 − p
import numpy as np


def dropout_backward(grad_out, mask, p):
    return grad_out * mask / (1 - p)

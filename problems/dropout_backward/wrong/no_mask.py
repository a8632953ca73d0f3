# fails: Dropped units get exactly zero gradient
# says: The mask is missing
import numpy as np


def dropout_backward(grad_out, mask, p):
    return grad_out / p

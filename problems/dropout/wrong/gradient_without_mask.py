# fails: dx passes grad_out through the same mask and scale
# says: The mask is missing
import numpy as np


def dropout(x, mask, p, grad_out):
    return x * mask / (1 - p), grad_out / (1 - p)

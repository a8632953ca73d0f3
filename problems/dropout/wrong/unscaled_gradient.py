# fails: dx passes grad_out through the same mask and scale
# says: The factor 1 / (1 − p) is missing
import numpy as np


def dropout(x, mask, p, grad_out):
    return x * mask / (1 - p), grad_out * mask

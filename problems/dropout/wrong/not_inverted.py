# fails: y keeps the masked units, scaled by 1 / (1 − p)
# says: The factor 1 / (1 − p) is missing
import numpy as np


def dropout(x, mask, p, grad_out):
    return x * mask, grad_out * mask

# fails: y keeps the masked units, scaled by 1 / (1 − p)
# says: You divided by p, the drop probability
import numpy as np


def dropout(x, mask, p, grad_out):
    return x * mask / p, grad_out * mask / p

# fails: Kept units are scaled by 1/p, with p the keep probability
# says: You divided by 1 − p
import numpy as np


def dropout(x, mask, p):
    return x * mask / (1 - p)

# fails: Kept units are scaled by 1/p, with p the keep probability
# says: not rescaled
import numpy as np


def dropout(x, mask, p):
    return x * mask

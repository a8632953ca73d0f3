# fails: Dropped units are exactly zero
# says: The mask is inverted
import numpy as np


def dropout(x, mask, p):
    return x * (1 - mask) / p

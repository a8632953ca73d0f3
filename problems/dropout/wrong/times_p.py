# fails: Diagnostic: on average over random masks, y equals x
# says: You multiplied by p
import numpy as np


def dropout(x, mask, p):
    return x * mask * p

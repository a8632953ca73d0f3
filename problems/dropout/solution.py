import numpy as np


def dropout(x, mask, p):
    """Inverted dropout with a given mask: kept units scaled by 1/p, dropped ones zero."""
    return x * mask / p

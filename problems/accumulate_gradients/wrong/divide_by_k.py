# fails: Unequal micro-batches are weighted by their sizes
# says: not by the number of micro-batches
import numpy as np


def accumulate_gradients(grads, sizes):
    return np.tensordot(sizes.astype(float), grads, axes=1) / len(sizes)

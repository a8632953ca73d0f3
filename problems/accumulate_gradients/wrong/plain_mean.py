# fails: Unequal micro-batches are weighted by their sizes
# says: That is the plain average of the rows
import numpy as np


def accumulate_gradients(grads, sizes):
    return grads.mean(axis=0)

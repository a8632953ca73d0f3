# fails: Equal micro-batches: the mean of their gradients
# says: That is the sum of the
import numpy as np


def accumulate_gradients(grads, sizes):
    return grads.sum(axis=0)

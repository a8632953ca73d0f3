# fails: Equal micro-batches: the mean of their gradients
# says: Weighted by sizes but not divided by the total
import numpy as np


def accumulate_gradients(grads, sizes):
    return np.tensordot(sizes.astype(float), grads, axes=1)

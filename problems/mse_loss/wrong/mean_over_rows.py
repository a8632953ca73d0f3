# fails: loss is the mean of (pred − target)² over every entry
# says: You divided by the number of rows
import numpy as np


def mse_loss(pred, target):
    diff = pred - target
    B = diff.shape[0]
    return float(np.sum(diff**2) / B), 2.0 * diff / B

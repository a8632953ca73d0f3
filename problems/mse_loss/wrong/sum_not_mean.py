# fails: loss is the mean of (pred − target)² over every entry
# says: That is the sum of the squares
import numpy as np


def mse_loss(pred, target):
    diff = pred - target
    return float(np.sum(diff**2)), 2.0 * diff

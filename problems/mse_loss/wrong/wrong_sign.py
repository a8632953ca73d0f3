# fails: dpred is 2 (pred − target) / N
# says: Wrong sign
import numpy as np


def mse_loss(pred, target):
    diff = target - pred
    return float(np.mean(diff**2)), 2.0 * diff / diff.size

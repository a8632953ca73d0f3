# fails: dpred is 2 (pred − target) / N
# says: The factor 2 is missing
import numpy as np


def mse_loss(pred, target):
    diff = pred - target
    return float(np.mean(diff**2)), diff / diff.size

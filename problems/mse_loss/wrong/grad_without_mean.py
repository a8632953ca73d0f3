# fails: dpred is 2 (pred − target) / N
# says: The mean's 1/N is missing
import numpy as np


def mse_loss(pred, target):
    diff = pred - target
    return float(np.mean(diff**2)), 2.0 * diff

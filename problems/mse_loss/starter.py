import numpy as np


def mse_loss(pred, target):
    """Mean squared error over every entry, and its gradient with respect to pred.

    pred: (...) predictions, e.g. (B, D)
    target: (...) targets, same shape
    returns: (loss, dpred): a float, and an array shaped like pred
    """
    loss = 0.0
    dpred = np.zeros_like(pred)
    return loss, dpred

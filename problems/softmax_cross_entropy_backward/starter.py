import numpy as np


def softmax_cross_entropy_backward(logits, targets):
    """Gradient of the mean cross-entropy of softmax(logits) with respect to the logits.

    logits: (B, C) unnormalised scores, one row per example
    targets: (B,) integers, the correct class of each example, in 0..C-1
    returns: dlogits, shape (B, C), the gradient of L = mean_b(-log softmax(logits[b])[targets[b]])
    """
    dlogits = np.zeros_like(logits)
    return dlogits

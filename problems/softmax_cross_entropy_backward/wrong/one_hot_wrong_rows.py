# fails: Each row of dlogits sums to zero
# says: each row of the gradient must sum to 0
import numpy as np


def softmax_cross_entropy_backward(logits, targets):
    """Gradient of the mean cross-entropy of softmax(logits) with respect to the logits."""
    B = logits.shape[0]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))  # stable softmax, row by row
    dlogits = e / e.sum(axis=1, keepdims=True)
    dlogits[:, targets] -= 1.0 / B  # softmax backward of -1/p_t collapses to p - one_hot
    return dlogits / B

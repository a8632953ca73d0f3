# fails: Matches the fused formula (softmax − one_hot) / B
# says: That is softmax alone
import numpy as np


def softmax_cross_entropy_backward(logits, targets):
    """Gradient of the mean cross-entropy of softmax(logits) with respect to the logits."""
    B = logits.shape[0]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))  # stable softmax, row by row
    dlogits = e / e.sum(axis=1, keepdims=True)
    return dlogits / B

# fails: Stable for logits of magnitude 1000
# says: never log(softmax)
import numpy as np


def label_smoothing_ce(logits, targets, epsilon):
    B, C = logits.shape
    q = np.full((B, C), epsilon / C)
    q[np.arange(B), targets] += 1.0 - epsilon
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.sum(q * np.log(p), axis=1))), (p - q) / B

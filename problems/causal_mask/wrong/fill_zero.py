# fails: Weights above the diagonal (future keys) are exactly 0
# says: The future scores were set to 0, not −∞
import numpy as np


def causal_softmax(scores):
    T = scores.shape[-1]
    masked = np.where(np.triu(np.ones((T, T), dtype=bool), k=1), 0.0, scores)
    e = np.exp(masked - masked.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)

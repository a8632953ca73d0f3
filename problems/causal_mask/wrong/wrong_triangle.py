# fails: Weights above the diagonal (future keys) are exactly 0
# says: You masked the wrong triangle
import numpy as np


def causal_softmax(scores):
    T = scores.shape[-1]
    masked = np.where(np.tril(np.ones((T, T), dtype=bool), k=-1), -np.inf, scores)
    e = np.exp(masked - masked.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)

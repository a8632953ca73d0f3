# fails: Stable when the masked (future) scores are the largest
# says: Subtract the row max of the MASKED scores
import numpy as np


def causal_softmax(scores):
    T = scores.shape[-1]
    m = scores.max(axis=-1, keepdims=True)
    masked = np.where(np.triu(np.ones((T, T), dtype=bool), k=1), -np.inf, scores)
    e = np.exp(masked - m)
    return e / e.sum(axis=-1, keepdims=True)

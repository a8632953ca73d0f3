import numpy as np


def causal_softmax(scores):
    """Attention weights of causal (decoder) attention: softmax with future keys masked out."""
    T = scores.shape[-1]
    future = np.triu(np.ones((T, T), dtype=bool), k=1)   # key s > query t
    masked = np.where(future, -np.inf, scores)           # mask BEFORE the softmax
    z = masked - masked.max(axis=-1, keepdims=True)      # the diagonal keeps every max finite
    e = np.exp(z)                                        # exp(-inf) = 0 above the diagonal
    return e / e.sum(axis=-1, keepdims=True)

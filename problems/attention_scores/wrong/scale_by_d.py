# fails: scores match Q Kᵀ / √d
# says: You divided by d = 8
import numpy as np


def attention_scores(Q, K, V):
    """Scaled dot-product attention for a batch of heads: (scores, out)."""
    d = Q.shape[-1]
    scores = np.einsum("bhtd,bhsd->bhts", Q, K) / d
    z = scores - scores.max(axis=-1, keepdims=True)  # stable softmax over the keys
    e = np.exp(z)
    attn = e / e.sum(axis=-1, keepdims=True)
    out = np.einsum("bhts,bhsd->bhtd", attn, V)
    return scores, out

# fails: out matches softmax(scores) V
# says: The softmax ran over axis -2, the queries
import numpy as np


def attention_scores(Q, K, V):
    """Scaled dot-product attention for a batch of heads: (scores, out)."""
    d = Q.shape[-1]
    scores = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(d)
    z = scores - scores.max(axis=-2, keepdims=True)  # stable softmax over the keys
    e = np.exp(z)
    attn = e / e.sum(axis=-2, keepdims=True)
    out = np.einsum("bhts,bhsd->bhtd", attn, V)
    return scores, out

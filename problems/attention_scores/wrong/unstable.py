# fails: Stable for scores in the thousands
# says: subtract each row's max
import numpy as np


def attention_scores(Q, K, V):
    """Scaled dot-product attention for a batch of heads: (scores, out)."""
    d = Q.shape[-1]
    scores = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(d)
    z = scores
    e = np.exp(z)
    attn = e / e.sum(axis=-1, keepdims=True)
    out = np.einsum("bhts,bhsd->bhtd", attn, V)
    return scores, out

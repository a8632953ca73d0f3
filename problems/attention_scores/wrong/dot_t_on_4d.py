# fails: Transposes only the last two axes of K
# says: K.T on a 4-D array reverses all four axes
import numpy as np


def attention_scores(Q, K, V):
    """Scaled dot-product attention for a batch of heads: (scores, out)."""
    d = Q.shape[-1]
    scores = (Q @ K.T) / np.sqrt(d)  # .T reverses all four axes
    z = scores - scores.max(axis=-1, keepdims=True)  # stable softmax over the keys
    e = np.exp(z)
    attn = e / e.sum(axis=-1, keepdims=True)
    out = np.einsum("bhts,bhsd->bhtd", attn, V)
    return scores, out

import numpy as np


def attention_forward(Q, K, V):
    """Causal scaled dot-product self-attention: (out, attn)."""
    T, d = Q.shape[-2], Q.shape[-1]
    scores = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(d)     # attention_scores
    future = np.triu(np.ones((T, T), dtype=bool), k=1)
    masked = np.where(future, -np.inf, scores)                    # causal_mask: before the softmax
    e = np.exp(masked - masked.max(axis=-1, keepdims=True))
    attn = e / e.sum(axis=-1, keepdims=True)
    out = attn @ V
    return out, attn

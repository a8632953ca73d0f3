import numpy as np


def causal_softmax(scores):
    """Attention weights of causal (decoder) attention: softmax with future keys masked out.

    scores: (B, H, T, T) attention scores, scores[..., t, s] for query t and key s
    returns: attn, shape (B, H, T, T): row t is the softmax of scores[..., t, :t+1],
        with zeros for the keys s > t
    """
    attn = np.zeros_like(scores)
    return attn

import numpy as np


def attention_forward(Q, K, V):
    """Causal scaled dot-product self-attention: (out, attn).

    Q: (B, H, T, d) queries
    K: (B, H, T, d) keys
    V: (B, H, T, d_v) values
    returns: (out, attn)
        out: (B, H, T, d_v), attn @ V
        attn: (B, H, T, T), the causal softmax of Q Kᵀ / sqrt(d) (zero above the diagonal)
    """
    B, H, T, d = Q.shape
    out = np.zeros(V.shape)
    attn = np.zeros((B, H, T, T))
    return out, attn

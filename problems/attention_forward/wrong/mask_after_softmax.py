# fails: attn is zero above the diagonal and each row sums to 1
# says: The mask was applied after the softmax
import numpy as np


def attention_forward(Q, K, V):
    T = Q.shape[-2]
    S = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(Q.shape[-1])
    e = np.exp(S - S.max(axis=-1, keepdims=True))
    attn = e / e.sum(axis=-1, keepdims=True)
    attn = np.where(np.triu(np.ones((T, T), dtype=bool), k=1), 0.0, attn)
    return attn @ V, attn

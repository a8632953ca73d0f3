# fails: attn is zero above the diagonal and each row sums to 1
# says: Nothing is masked
import numpy as np


def attention_forward(Q, K, V):
    S = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(Q.shape[-1])
    e = np.exp(S - S.max(axis=-1, keepdims=True))
    attn = e / e.sum(axis=-1, keepdims=True)
    return attn @ V, attn

# fails: dx matches grad_out + the LayerNorm backward of dh
# says: Only rstd · dh
import numpy as np

EPS = 1e-5


def split_heads(x, H):                        # (B, T, D) -> (B, H, T, d)
    B, T, D = x.shape
    return x.reshape(B, T, H, D // H).transpose(0, 2, 1, 3)


def merge_heads(x):                           # (B, H, T, d) -> (B, T, D)
    B, H, T, d = x.shape
    return x.transpose(0, 2, 1, 3).reshape(B, T, H * d)


def attention_forward(Q, K, V):               # causal: (out, attn)
    T, d = Q.shape[-2:]
    S = Q @ K.swapaxes(-1, -2) / np.sqrt(d)
    S = np.where(np.triu(np.ones((T, T), dtype=bool), k=1), -np.inf, S)
    e = np.exp(S - S.max(axis=-1, keepdims=True))
    attn = e / e.sum(axis=-1, keepdims=True)
    return attn @ V, attn


def attention_backward(G, Q, K, V, attn):     # (dQ, dK, dV)
    d = Q.shape[-1]
    dV = attn.swapaxes(-1, -2) @ G
    dA = G @ V.swapaxes(-1, -2)
    dS = attn * (dA - (dA * attn).sum(axis=-1, keepdims=True))
    return dS @ K / np.sqrt(d), dS.swapaxes(-1, -2) @ Q / np.sqrt(d), dV


def transformer_block_backward(grad_out, x, Wq, Wk, Wv, Wo, H):
    """Gradients of y = x + merge(attn(split(LN(x) Wq), …)) Wo, a pre-norm causal attention block."""
    B, T, D = x.shape
    flat = lambda a: a.reshape(B * T, D)      # weight gradients sum over every (b, t)

    # Forward again, keeping what the backward pass needs.
    mu = x.mean(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(x.var(axis=-1, keepdims=True) + EPS)
    h = (x - mu) * rstd                                            # LN(x), no scale or shift
    q, k, v = (split_heads(h @ W, H) for W in (Wq, Wk, Wv))
    o, attn = attention_forward(q, k, v)
    a = merge_heads(o)                                             # (B, T, D)

    # y = x + a Wo: the residual passes grad_out to x unchanged; a Wo is a linear layer.
    dWo = flat(a).T @ flat(grad_out)
    da = grad_out @ Wo.T
    # Backward through the merge is a split; through the attention, attention_backward.
    dq, dk, dv = (merge_heads(g) for g in attention_backward(split_heads(da, H), q, k, v, attn))
    dWq, dWk, dWv = (flat(h).T @ flat(g) for g in (dq, dk, dv))
    dh = dq @ Wq.T + dk @ Wk.T + dv @ Wv.T                         # h feeds three projections
    # LayerNorm backward, per token: remove the mean and the component along h.
    dx_ln = rstd * (dh - dh.mean(axis=-1, keepdims=True) - h * (dh * h).mean(axis=-1, keepdims=True))
    dx = grad_out + rstd * dh
    return dx, dWq, dWk, dWv, dWo

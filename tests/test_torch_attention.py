"""Track "attention": every reference solution agrees with PyTorch autograd in float64.

The problems' own tests compute expected values with NumPy, much as the references do; here
each reference is compared, to 1e-9 (``references.TOL``), with PyTorch: the gradients come from
autograd through ``torch.nn.functional`` (``embedding``, ``softmax``,
``scaled_dot_product_attention``, ``layer_norm``), never from a hand-written backward pass. The
inputs are seeded random arrays, with size-1 axes, square sizes and repeated token ids among them.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from references import check_agreement, load_reference

SEEDS = range(8)


def t(a, grad=False):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


def np_(x):
    return x.detach().numpy().copy()


def dims(g, *ranges):
    return tuple(int(g.integers(lo, hi + 1)) for lo, hi in ranges)


# --- embedding_backward: autograd through F.embedding ------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_embedding_backward(seed):
    g = np.random.default_rng(seed)
    V, D, B, T = dims(g, (1, 12), (1, 6), (1, 4), (1, 5))
    shape = (B,) if seed % 2 else (B, T)
    ids = g.integers(0, V, size=shape)
    ids.reshape(-1)[0] = ids.reshape(-1)[-1]                  # at least one repeat when N > 1
    G = g.standard_normal(shape + (D,))
    W = t(g.standard_normal((V, D)), grad=True)
    F.embedding(torch.from_numpy(ids), W).backward(t(G))
    ref = load_reference("embedding_backward", "embedding_backward")
    check_agreement("embedding_backward", ref, (G, ids, V), np_(W.grad), f"seed {seed}, ids {shape}")


# --- positional_encoding: the formula as PyTorch's own tutorial builds it ------------------

@pytest.mark.parametrize("T,D", [(1, 2), (5, 8), (16, 64), (7, 6), (50, 2), (3, 512)])
def test_positional_encoding(T, D):
    position = torch.arange(T, dtype=torch.float64).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, D, 2, dtype=torch.float64) * (-math.log(10000.0) / D))
    pe = torch.zeros(T, D, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    ref = load_reference("positional_encoding", "positional_encoding")
    check_agreement("positional_encoding", ref, (T, D), pe.numpy(), f"T={T}, D={D}")


# --- causal_mask: F.softmax of the masked scores -----------------------------------------

def causal(T, S=None):
    return torch.ones(T, S or T, dtype=torch.bool).triu(1)


@pytest.mark.parametrize("seed", SEEDS)
def test_causal_mask(seed):
    g = np.random.default_rng(seed)
    B, H, T = dims(g, (1, 3), (1, 3), (1, 8))
    scores = (30.0 if seed % 3 == 0 else 1.0) * g.standard_normal((B, H, T, T))
    want = F.softmax(t(scores).masked_fill(causal(T), float("-inf")), dim=-1)
    ref = load_reference("causal_mask", "causal_softmax")
    check_agreement("causal_mask", ref, (scores,), want.numpy(), f"seed {seed}, T={T}")


# --- attention_forward: F.scaled_dot_product_attention(is_causal=True) ---------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_attention_forward(seed):
    g = np.random.default_rng(seed)
    B, H, T, d, dv = dims(g, (1, 3), (1, 3), (1, 7), (1, 8), (1, 5))
    Q, K, V = (g.standard_normal((B, H, T, n)) for n in (d, d, dv))
    out = F.scaled_dot_product_attention(t(Q), t(K), t(V), is_causal=True)
    attn = F.softmax((t(Q) @ t(K).transpose(-1, -2) / math.sqrt(d)).masked_fill(causal(T), float("-inf")), dim=-1)
    ref = load_reference("attention_forward", "attention_forward")
    check_agreement("attention_forward", ref, (Q, K, V), (out.numpy(), attn.numpy()), f"seed {seed}")


# --- attention_backward: autograd through scaled_dot_product_attention ----------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_attention_backward(seed):
    g = np.random.default_rng(seed)
    B, H, T, S, d, dv = dims(g, (1, 3), (1, 3), (1, 6), (1, 6), (1, 8), (1, 5))
    is_causal = seed % 2 == 0
    if is_causal:
        S = T                                        # a causal mask here means self-attention
    Q, K, V = g.standard_normal((B, H, T, d)), g.standard_normal((B, H, S, d)), g.standard_normal((B, H, S, dv))
    G = g.standard_normal((B, H, T, dv))
    tQ, tK, tV = t(Q, True), t(K, True), t(V, True)
    F.scaled_dot_product_attention(tQ, tK, tV, is_causal=is_causal).backward(t(G))
    scores = t(Q) @ t(K).transpose(-1, -2) / math.sqrt(d)
    if is_causal:
        scores = scores.masked_fill(causal(T), float("-inf"))
    attn = F.softmax(scores, dim=-1).numpy()
    ref = load_reference("attention_backward", "attention_backward")
    check_agreement("attention_backward", ref, (G, Q, K, V, attn),
                    (np_(tQ.grad), np_(tK.grad), np_(tV.grad)), f"seed {seed}, causal={is_causal}, T={T}, S={S}")


# --- split_heads and merge_heads: view + transpose, as in every PyTorch attention module ----

@pytest.mark.parametrize("seed", SEEDS)
def test_split_and_merge_heads(seed):
    g = np.random.default_rng(seed)
    B, T, H, d = dims(g, (1, 3), (1, 5), (1, 4), (1, 4))
    x = g.standard_normal((B, T, H * d))
    heads = t(x).view(B, T, H, d).transpose(1, 2)
    split = load_reference("split_heads", "split_heads")
    check_agreement("split_heads", split, (x, H), heads.numpy(), f"seed {seed}")
    y = g.standard_normal((B, H, T, d))
    merged = t(y).transpose(1, 2).reshape(B, T, H * d)
    merge = load_reference("merge_heads", "merge_heads")
    check_agreement("merge_heads", merge, (y,), merged.numpy(), f"seed {seed}")


# --- transformer_block_backward: autograd through layer_norm and causal SDPA ----------------

@pytest.mark.parametrize("seed", SEEDS)
def test_transformer_block_backward(seed):
    g = np.random.default_rng(seed)
    B, T, H, d = dims(g, (1, 3), (1, 6), (1, 4), (1, 4))
    D = H * d
    if D < 2:
        D, d = 2 * H, 2
    x = 1.0 + 2.0 * g.standard_normal((B, T, D))
    Ws = [g.standard_normal((D, D)) / math.sqrt(D) for _ in range(4)]
    G = g.standard_normal((B, T, D))
    tx = t(x, True)
    tW = [t(W, True) for W in Ws]
    h = F.layer_norm(tx, (D,), eps=1e-5)
    q, k, v = ((h @ W).view(B, T, H, d).transpose(1, 2) for W in tW[:3])
    o = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    y = tx + o.transpose(1, 2).reshape(B, T, D) @ tW[3]
    y.backward(t(G))
    ref = load_reference("transformer_block_backward", "transformer_block_backward")
    want = (np_(tx.grad),) + tuple(np_(W.grad) for W in tW)
    check_agreement("transformer_block_backward", ref, (G, x, *Ws, H), want, f"seed {seed}, B={B} T={T} H={H} d={d}")

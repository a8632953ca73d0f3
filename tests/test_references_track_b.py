"""Track "matmul", part B: every reference solution agrees with an independent implementation.

Same idea as ``test_references.py``: each reference (softmax, log_softmax, embedding_lookup,
attention_scores, softmax_cross_entropy_backward) is compared, to 1e-9, with a slow,
obviously-correct version written differently (explicit loops over slices with math.exp,
math.log and math.fsum, one-hot products, explicit softmax Jacobians), on seeded random inputs
that include logits of magnitude 1000.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from references import check_agreement, load_reference

SEEDS = range(12)



def slices(shape, axis):
    """Every index tuple of a 1-D slice along ``axis``: (index with a slice(None) at axis)."""
    axis %= len(shape)
    others = [range(n) for i, n in enumerate(shape) if i != axis]
    for idx in itertools.product(*others):
        full = list(idx)
        full.insert(axis, slice(None))
        yield tuple(full)


def scaled_array(g):
    ndim = int(g.integers(1, 4))
    shape = tuple(int(n) for n in g.integers(1, 6, size=ndim))
    scale = [1.0, 5.0, 1000.0][int(g.integers(0, 3))]  # includes values that overflow exp
    axis = int(g.integers(-ndim, ndim))
    return scale * g.standard_normal(shape), axis


# --- softmax and log_softmax: one slice at a time, math.exp / math.log per element -------

def inputs_softmax(g):
    return scaled_array(g)


def independent_softmax(x, axis):
    y = np.empty_like(x)
    for idx in slices(x.shape, axis):
        v = [float(a) for a in x[idx]]
        m = max(v)
        total = math.fsum(math.exp(a - m) for a in v)
        y[idx] = [math.exp(a - m) / total for a in v]
    return y


def inputs_log_softmax(g):
    return scaled_array(g)


def independent_log_softmax(x, axis):
    y = np.empty_like(x)
    for idx in slices(x.shape, axis):
        v = [float(a) for a in x[idx]]
        m = max(v)
        lse = m + math.log(math.fsum(math.exp(a - m) for a in v))  # log-sum-exp
        y[idx] = [a - lse for a in v]
    return y


# --- embedding_lookup: an explicit one-hot matrix times W --------------------------------

def inputs_embedding_lookup(g):
    V, D = int(g.integers(1, 30)), int(g.integers(1, 9))
    ids_shape = tuple(int(n) for n in g.integers(1, 6, size=int(g.integers(1, 3))))
    return g.standard_normal((V, D)), g.integers(0, V, size=ids_shape)


def independent_embedding_lookup(W, ids):
    V, D = W.shape
    flat = ids.reshape(-1)
    X = np.zeros((flat.size, V))
    for b, i in enumerate(flat):
        X[b, int(i)] = 1.0
    out = np.array([[math.fsum(X[b, v] * W[v, d] for v in range(V)) for d in range(D)]
                    for b in range(flat.size)])
    return out.reshape(ids.shape + (D,))


# --- attention_scores: every score and every output entry as its own loop ----------------

def inputs_attention_scores(g):
    B, H, T, S, d, dv = (int(n) for n in g.integers(1, 5, size=6))
    scale = [1.0, 3.0, 40.0][int(g.integers(0, 3))]  # the last gives scores in the thousands
    return (scale * g.standard_normal((B, H, T, d)), scale * g.standard_normal((B, H, S, d)),
            g.standard_normal((B, H, S, dv)))


def independent_attention_scores(Q, K, V):
    B, H, T, d = Q.shape
    S, dv = V.shape[2], V.shape[3]
    scores = np.empty((B, H, T, S))
    out = np.empty((B, H, T, dv))
    for b, h, t in itertools.product(range(B), range(H), range(T)):
        row = [math.fsum(Q[b, h, t, i] * K[b, h, s, i] for i in range(d)) / math.sqrt(d)
               for s in range(S)]
        scores[b, h, t] = row
        m = max(row)
        total = math.fsum(math.exp(r - m) for r in row)
        weights = [math.exp(r - m) / total for r in row]
        for j in range(dv):
            out[b, h, t, j] = math.fsum(weights[s] * V[b, h, s, j] for s in range(S))
    return scores, out


# --- softmax_cross_entropy_backward: dL/dp through the explicit softmax Jacobian ---------

def inputs_softmax_cross_entropy_backward(g):
    b, c = int(g.integers(1, 9)), int(g.integers(2, 8))
    scale = [0.5, 1.0, 3.0][int(g.integers(0, 3))]  # the chained route needs p_target > 0
    return scale * g.standard_normal((b, c)), g.integers(0, c, size=b)


def independent_softmax_cross_entropy_backward(logits, targets):
    B, C = logits.shape
    grad = np.zeros((B, C))
    for b in range(B):
        row, t = [float(v) for v in logits[b]], int(targets[b])
        m = max(row)
        total = math.fsum(math.exp(v - m) for v in row)
        p = [math.exp(v - m) / total for v in row]
        g = [(-1.0 / (B * p[t]) if c == t else 0.0) for c in range(C)]  # dL/dp of the mean loss
        # J[i][j] = d p_i / d z_j = p_i (delta_ij - p_j); dz_j = sum_i g_i J[i][j]
        J = [[p[i] * ((1.0 if i == j else 0.0) - p[j]) for j in range(C)] for i in range(C)]
        grad[b] = [math.fsum(g[i] * J[i][j] for i in range(C)) for j in range(C)]
    return grad


def large_logits_fused(logits, targets):
    """For logits of magnitude 1000, where the chained route divides by 0: the log-sum-exp
    derivative, p_c = exp(z_c - lse), per element, minus the one-hot, over B."""
    B, C = logits.shape
    grad = np.zeros((B, C))
    for b in range(B):
        row = [float(v) for v in logits[b]]
        m = max(row)
        lse = m + math.log(math.fsum(math.exp(v - m) for v in row))
        grad[b] = [(math.exp(v - lse) - (1.0 if c == int(targets[b]) else 0.0)) / B
                   for c, v in enumerate(row)]
    return grad


REFERENCES = {
    # slug: (entry, make inputs from a Generator, independent implementation)
    "softmax": ("softmax", inputs_softmax, independent_softmax),
    "log_softmax": ("log_softmax", inputs_log_softmax, independent_log_softmax),
    "embedding_lookup": ("embedding_lookup", inputs_embedding_lookup, independent_embedding_lookup),
    "attention_scores": ("attention_scores", inputs_attention_scores, independent_attention_scores),
    "softmax_cross_entropy_backward": ("softmax_cross_entropy_backward",
                                       inputs_softmax_cross_entropy_backward,
                                       independent_softmax_cross_entropy_backward),
}




@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("slug", sorted(REFERENCES))
def test_reference_agrees_with_independent(slug, seed):
    entry, make_inputs, independent = REFERENCES[slug]
    reference = load_reference(slug, entry)
    inputs = make_inputs(np.random.default_rng(seed))
    check_agreement(slug, reference, inputs, independent(*inputs), f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_cross_entropy_backward_large_logits(seed):
    """Logits of magnitude 1000: the chained route breaks, the reference must not."""
    reference = load_reference("softmax_cross_entropy_backward", "softmax_cross_entropy_backward")
    g = np.random.default_rng(100 + seed)
    b, c = int(g.integers(1, 9)), int(g.integers(2, 8))
    logits, targets = 1000.0 * g.standard_normal((b, c)), g.integers(0, c, size=b)
    check_agreement("softmax_cross_entropy_backward", reference, (logits, targets),
                    large_logits_fused(logits, targets), f"large logits, seed {seed}")


@pytest.mark.parametrize("slug", ["softmax", "log_softmax"])
def test_extreme_slices(slug):
    """Slices entirely around +1000 or -1000, and ones mixing both, along either axis."""
    reference = load_reference(slug, slug)
    independent = REFERENCES[slug][2]
    x = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0], [0.0, 1000.0, -1000.0]])
    for arr, axis in ((x, -1), (x, 0), (x.T.copy(), 1)):
        check_agreement(slug, reference, (arr, axis), independent(arr, axis), f"axis {axis}")

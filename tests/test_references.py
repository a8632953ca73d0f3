"""Every reference solution agrees with an independent implementation, written differently.

The grader's check proves the reference passes its own tests, but those tests compute the
expected values much as the reference does, so a shared mistake would pass unnoticed. Here
each reference is compared, to 1e-9, with a slow, obviously-correct version (explicit loops,
explicit Jacobians, math.exp / math.log per element) on seeded random inputs.

To cover a new problem, write ``inputs_<slug>(g)`` and ``independent_<slug>(...)`` and add
them to ``REFERENCES``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from references import check_agreement, load_reference

SEEDS = range(6)



# --- matmul_backward: every entry of each gradient as its own sum -----------------------

def inputs_matmul_backward(g):
    m, k, n = (int(v) for v in g.integers(1, 7, size=3))
    return g.standard_normal((m, n)), g.standard_normal((m, k)), g.standard_normal((k, n))


def independent_matmul_backward(grad_out, A, B):
    M, K = A.shape
    N = B.shape[1]
    # C[i, j] = sum_k A[i, k] B[k, j], so dL/dA[i, k] = sum_j G[i, j] B[k, j]
    dA = [[math.fsum(grad_out[i, j] * B[k, j] for j in range(N)) for k in range(K)] for i in range(M)]
    # and dL/dB[k, j] = sum_i A[i, k] G[i, j]
    dB = [[math.fsum(A[i, k] * grad_out[i, j] for i in range(M)) for j in range(N)] for k in range(K)]
    return np.array(dA), np.array(dB)


# --- softmax_backward: the full Jacobian, entry by entry ---------------------------------

def inputs_softmax_backward(g):
    v = int(g.integers(1, 12))
    x = 3.0 * g.standard_normal(v)
    e = [math.exp(xi - max(x)) for xi in x]
    y = np.array([ei / math.fsum(e) for ei in e])
    return g.standard_normal(v), y


def independent_softmax_backward(grad_out, softmax_out):
    y, V = softmax_out, len(softmax_out)
    # J[i][j] = d y_i / d x_j = y_i (delta_ij - y_j); dx_j = sum_i grad_out_i J[i][j]
    J = [[y[i] * ((1.0 if i == j else 0.0) - y[j]) for j in range(V)] for i in range(V)]
    return np.array([math.fsum(grad_out[i] * J[i][j] for i in range(V)) for j in range(V)])


# --- cross_entropy: per-example log-sum-exp and softmax with math.exp / math.log ---------

def inputs_cross_entropy(g):
    b, c = int(g.integers(1, 9)), int(g.integers(2, 8))
    scale = [1.0, 5.0, 1000.0][int(g.integers(0, 3))]  # includes logits that overflow exp
    return scale * g.standard_normal((b, c)), g.integers(0, c, size=b)


def independent_cross_entropy(logits, targets):
    B, C = logits.shape
    losses, grad = [], np.zeros((B, C))
    for b in range(B):
        row, t = [float(v) for v in logits[b]], int(targets[b])
        m = max(row)
        total = math.fsum(math.exp(v - m) for v in row)
        losses.append(m + math.log(total) - row[t])  # log-sum-exp minus the target logit
        for c in range(C):
            grad[b, c] = (math.exp(row[c] - m) / total - (1.0 if c == t else 0.0)) / B
    return math.fsum(losses) / B, grad


REFERENCES = {
    # slug: (entry, make inputs from a Generator, independent implementation)
    "matmul_backward": ("matmul_backward", inputs_matmul_backward, independent_matmul_backward),
    "softmax_backward": ("softmax_backward", inputs_softmax_backward, independent_softmax_backward),
    "cross_entropy": ("cross_entropy", inputs_cross_entropy, independent_cross_entropy),
}



@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("slug", sorted(REFERENCES))
def test_reference_agrees_with_independent(slug, seed):
    entry, make_inputs, independent = REFERENCES[slug]
    reference = load_reference(slug, entry)
    inputs = make_inputs(np.random.default_rng(seed))
    check_agreement(slug, reference, inputs, independent(*inputs), f"seed {seed}")

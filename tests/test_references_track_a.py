"""Track "matmul": every reference solution agrees with an independent implementation.

Same idea as ``test_references.py``: each reference is compared, to 1e-9, with a slow,
obviously-correct version written differently (explicit loops with math.fsum, explicit
broadcast index mapping, FLOPs read off an actual np.matmul), on seeded random inputs.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from references import check_agreement, load_reference

SEEDS = range(12)



def fsum_product(A, B):
    """A @ B for 2-D arrays, each entry an exactly rounded math.fsum."""
    M, K = A.shape
    N = B.shape[1]
    return np.array([[math.fsum(A[i, k] * B[k, j] for k in range(K)) for j in range(N)]
                     for i in range(M)]).reshape(M, N)


# --- matmul and outer_product_sum: entry-by-entry sums --------------------------------------

def inputs_matmul(g):
    m, k, n = (int(v) for v in g.integers(1, 8, size=3))
    return g.standard_normal((m, k)), g.standard_normal((k, n))


def independent_matmul(A, B):
    return fsum_product(A, B)


# --- matmul_flops: count from an actual (small) np.matmul ---------------------------------

def random_shapes(g, compatible=True, min_nd=0, min_size=1):
    """Two small shapes for np.matmul; with compatible=False, usually not multipliable."""
    nd = int(g.integers(min_nd, 3))
    batch = [int(v) for v in g.integers(min_size, 4, size=nd)]
    batch_a, batch_b = list(batch), list(batch)
    for part in (batch_a, batch_b):
        for i in range(len(part)):
            if g.random() < 0.3:
                part[i] = 1
    batch_a = batch_a[int(g.integers(0, len(batch_a) + 1)):]  # drop some leading axes
    batch_b = batch_b[int(g.integers(0, len(batch_b) + 1)):]
    m, k, n = (int(v) for v in g.integers(1, 5, size=3))
    k2 = k
    if not compatible:
        if g.random() < 0.5 or not batch_a or not batch_b:
            k2 = k + int(g.integers(1, 3))
        else:
            i = -1
            batch_a[i], batch_b[i] = 2, 3
    return tuple(batch_a) + (m, k), tuple(batch_b) + (k2, n)


def independent_flops(shape_a, shape_b):
    """2·K multiply-adds per output entry of the real product; ValueError if there is none."""
    C = np.matmul(np.ones(shape_a), np.ones(shape_b))  # raises ValueError when incompatible
    return 2 * shape_a[-1] * C.size


@pytest.mark.parametrize("seed", range(40))
def test_matmul_flops_agrees(seed):
    reference = load_reference("matmul_flops", "matmul_flops")
    g = np.random.default_rng(seed)
    shape_a, shape_b = random_shapes(g, compatible=True)
    got = reference(shape_a, shape_b)
    assert type(got) is int, f"{shape_a} @ {shape_b}: the reference returned {type(got).__name__}, not int"
    assert got == independent_flops(shape_a, shape_b), f"{shape_a} @ {shape_b}"


@pytest.mark.parametrize("seed", range(40))
def test_matmul_flops_refuses_what_matmul_refuses(seed):
    reference = load_reference("matmul_flops", "matmul_flops")
    g = np.random.default_rng(1000 + seed)
    shape_a, shape_b = random_shapes(g, compatible=bool(seed % 2))
    try:
        want = independent_flops(shape_a, shape_b)
    except ValueError:
        with pytest.raises((AssertionError, ValueError)):
            reference(shape_a, shape_b)
    else:
        assert reference(shape_a, shape_b) == want


def test_matmul_flops_large_counts_are_exact():
    reference = load_reference("matmul_flops", "matmul_flops")
    assert reference((1, 32, 4096, 128), (1, 32, 128, 4096)) == 2 * 32 * 4096 * 128 * 4096
    assert reference((4096, 4096), (8, 4096, 4096)) == 2 * 8 * 4096 ** 3


def test_matmul_refuses_mismatched_inner_sizes():
    matmul = load_reference("matmul", "matmul")
    for sa, sb in [((2, 3), (4, 2)), ((3, 4), (2, 5))]:
        with pytest.raises((AssertionError, ValueError)):
            matmul(np.ones(sa), np.ones(sb))


# --- batched_matmul_backward: loops over the broadcast batch, explicit index mapping -------

def inputs_batched(g):
    shape_a, shape_b = random_shapes(g, compatible=True, min_nd=1, min_size=2)
    A, B = g.standard_normal(shape_a), g.standard_normal(shape_b)
    batch = np.broadcast_shapes(shape_a[:-2], shape_b[:-2])
    return g.standard_normal(batch + (shape_a[-2], shape_b[-1])), A, B


def source_index(index, shape):
    """The entry of a broadcast operand's batch that output batch index ``index`` used."""
    lead = len(index) - len(shape)
    return tuple(0 if n == 1 else index[lead + i] for i, n in enumerate(shape))


def independent_batched(grad_out, A, B):
    batch = grad_out.shape[:-2]
    dA, dB = np.zeros(A.shape), np.zeros(B.shape)
    terms_A = {}  # every contribution to each batch entry of A (or B), summed once at the end
    terms_B = {}
    for index in np.ndindex(*batch):
        ia, ib = source_index(index, A.shape[:-2]), source_index(index, B.shape[:-2])
        G, a, b = grad_out[index], A[ia], B[ib]
        terms_A.setdefault(ia, []).append(fsum_product(G, b.T))  # C = a b: da = G bᵀ
        terms_B.setdefault(ib, []).append(fsum_product(a.T, G))  # db = aᵀ G
    for ia, terms in terms_A.items():
        dA[ia] = np.array([[math.fsum(t[i, j] for t in terms) for j in range(A.shape[-1])]
                           for i in range(A.shape[-2])])
    for ib, terms in terms_B.items():
        dB[ib] = np.array([[math.fsum(t[i, j] for t in terms) for j in range(B.shape[-1])]
                           for i in range(B.shape[-2])])
    return dA, dB


# --- linear_backward: per-entry sums over the batch ---------------------------------------

def inputs_linear(g):
    n, d_in, d_out = (int(v) for v in g.integers(1, 8, size=3))
    return (g.standard_normal((n, d_out)), g.standard_normal((n, d_in)),
            g.standard_normal((d_in, d_out)), g.standard_normal(d_out))


def independent_linear(grad_out, x, W, b):
    n, d_in = x.shape
    d_out = W.shape[1]
    # y[i, j] = sum_k x[i, k] W[k, j] + b[j]
    dx = [[math.fsum(grad_out[i, j] * W[k, j] for j in range(d_out)) for k in range(d_in)] for i in range(n)]
    dW = [[math.fsum(x[i, k] * grad_out[i, j] for i in range(n)) for j in range(d_out)] for k in range(d_in)]
    db = [math.fsum(grad_out[i, j] for i in range(n)) for j in range(d_out)]
    return np.array(dx).reshape(n, d_in), np.array(dW).reshape(d_in, d_out), np.array(db)


REFERENCES = {
    # slug: (entry, make inputs from a Generator, independent implementation)
    "matmul": ("matmul", inputs_matmul, independent_matmul),
    "outer_product_sum": ("outer_product_sum", inputs_matmul, independent_matmul),
    "batched_matmul_backward": ("batched_matmul_backward", inputs_batched, independent_batched),
    "linear_backward": ("linear_backward", inputs_linear, independent_linear),
}



@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("slug", sorted(REFERENCES))
def test_reference_agrees_with_independent(slug, seed):
    entry, make_inputs, independent = REFERENCES[slug]
    reference = load_reference(slug, entry)
    inputs = make_inputs(np.random.default_rng(seed))
    check_agreement(slug, reference, inputs, independent(*inputs), f"seed {seed}")


def test_batched_inputs_cover_broadcasting():
    """The random batched cases include a shared operand and a stretched size-1 axis."""
    shapes = [tuple(a.shape for a in inputs_batched(np.random.default_rng(s))[1:]) for s in SEEDS]
    assert any(len(a) != len(b) for a, b in shapes)
    assert any(x == 1 and y > 1 for a, b in shapes for x, y in zip(a[-3::-1], b[-3::-1]))

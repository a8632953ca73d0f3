"""Track "conv": every reference solution agrees with PyTorch in float64, to 1e-9.

Forward passes come from torch.nn.functional (conv1d, conv2d, unfold, max_pool2d,
avg_pool2d), gradients from autograd (``y.backward(grad_out)``). Max pooling is also checked on
inputs full of ties, where PyTorch's rule (the first maximum of a window, scanning it row by row)
is the one the problem states.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from references import check_agreement, load_reference

SEEDS = range(12)


def t(a, grad=False):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


def grads(out, grad_out, *leaves):
    out.backward(t(grad_out))
    return tuple(leaf.grad.numpy() for leaf in leaves)


def conv1d_config(seed):
    """(N, C_in, C_out, L, K, S, P): edge cases first, then random ones."""
    fixed = [(1, 1, 1, 1, 1, 1, 0), (1, 1, 1, 1, 3, 1, 1), (2, 2, 3, 5, 5, 1, 0), (1, 2, 2, 7, 2, 3, 0)]
    if seed < len(fixed):
        return fixed[seed]
    g = np.random.default_rng(seed)
    K = int(g.integers(1, 5))
    P = int(g.integers(0, K))
    L = int(g.integers(max(1, K - 2 * P), 12))
    n, ci, co = (int(v) for v in g.integers(1, 4, size=3))
    return n, ci, co, L, K, int(g.integers(1, 4)), P


def conv2d_config(seed):
    """(N, C_in, C_out, H, W, kh, kw, S, P)."""
    fixed = [(1, 1, 1, 1, 1, 1, 1, 1, 0), (1, 2, 2, 3, 3, 3, 3, 1, 1), (2, 1, 3, 6, 5, 2, 3, 2, 1),
             (1, 3, 2, 4, 4, 4, 4, 1, 0)]
    if seed < len(fixed):
        return fixed[seed]
    g = np.random.default_rng(seed)
    kh, kw = (int(v) for v in g.integers(1, 5, size=2))
    P = int(g.integers(0, min(kh, kw)))
    H = int(g.integers(max(1, kh - 2 * P), 10))
    W = int(g.integers(max(1, kw - 2 * P), 10))
    n, ci, co = (int(v) for v in g.integers(1, 4, size=3))
    return n, ci, co, H, W, kh, kw, int(g.integers(1, 4)), P


def pool_config(seed):
    """(N, C, H, W, k, S), no padding."""
    fixed = [(1, 1, 1, 1, 1, 1), (1, 2, 4, 4, 2, 2), (2, 1, 5, 6, 3, 1), (1, 1, 7, 5, 2, 3)]
    if seed < len(fixed):
        return fixed[seed]
    g = np.random.default_rng(seed)
    k = int(g.integers(1, 5))
    H, W = (int(v) for v in g.integers(k, 10, size=2))
    return int(g.integers(1, 3)), int(g.integers(1, 4)), H, W, k, int(g.integers(1, 4))


@pytest.mark.parametrize("seed", SEEDS)
def test_conv1d(seed):
    n, ci, co, L, K, S, P = conv1d_config(seed)
    g = np.random.default_rng(100 + seed)
    x, w = g.standard_normal((n, ci, L)), g.standard_normal((co, ci, K))
    want = F.conv1d(t(x), t(w), stride=S, padding=P).numpy()
    check_agreement("conv1d", load_reference("conv1d", "conv1d"), (x, w, S, P), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_conv1d_backward(seed):
    n, ci, co, L, K, S, P = conv1d_config(seed)
    g = np.random.default_rng(200 + seed)
    x, w = g.standard_normal((n, ci, L)), g.standard_normal((co, ci, K))
    tx, tw = t(x, True), t(w, True)
    y = F.conv1d(tx, tw, stride=S, padding=P)
    G = g.standard_normal(tuple(y.shape))
    want = grads(y, G, tx, tw)
    check_agreement("conv1d_backward", load_reference("conv1d_backward", "conv1d_backward"),
                    (G, x, w, S, P), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_im2col(seed):
    n, ci, _, H, W, kh, kw, S, P = conv2d_config(seed)
    x = np.random.default_rng(300 + seed).standard_normal((n, ci, H, W))
    want = F.unfold(t(x), (kh, kw), padding=P, stride=S).numpy()
    check_agreement("im2col", load_reference("im2col", "im2col"), (x, kh, kw, S, P), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_conv2d(seed):
    n, ci, co, H, W, kh, kw, S, P = conv2d_config(seed)
    g = np.random.default_rng(400 + seed)
    x, w, b = g.standard_normal((n, ci, H, W)), g.standard_normal((co, ci, kh, kw)), g.standard_normal(co)
    want = F.conv2d(t(x), t(w), t(b), stride=S, padding=P).numpy()
    check_agreement("conv2d", load_reference("conv2d", "conv2d"), (x, w, b, S, P), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_conv2d_backward(seed):
    n, ci, co, H, W, kh, kw, S, P = conv2d_config(seed)
    g = np.random.default_rng(500 + seed)
    x, w, b = g.standard_normal((n, ci, H, W)), g.standard_normal((co, ci, kh, kw)), g.standard_normal(co)
    tx, tw, tb = t(x, True), t(w, True), t(b, True)
    y = F.conv2d(tx, tw, tb, stride=S, padding=P)
    G = g.standard_normal(tuple(y.shape))
    want = grads(y, G, tx, tw, tb)
    check_agreement("conv2d_backward", load_reference("conv2d_backward", "conv2d_backward"),
                    (G, x, w, S, P), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("ties", [False, True], ids=["distinct", "ties"])
def test_max_pool2d_backward(seed, ties):
    n, c, H, W, k, S = pool_config(seed)
    g = np.random.default_rng(600 + seed)
    # with ties, x holds only 0, 1 and 2: most windows have several maxima
    x = g.integers(0, 3, size=(n, c, H, W)).astype(np.float64) if ties else g.standard_normal((n, c, H, W))
    tx = t(x, True)
    y = F.max_pool2d(tx, k, stride=S)
    G = g.standard_normal(tuple(y.shape))
    want = grads(y, G, tx)
    check_agreement("max_pool2d_backward", load_reference("max_pool2d_backward", "max_pool2d_backward"),
                    (G, x, k, S), want, f"seed {seed}, ties {ties}")


def test_max_pool2d_tie_rule_is_first_in_row_major_order():
    """The rule the problem states, read off PyTorch directly: an all-equal window sends the
    gradient to its top-left entry, and [[1, 3], [3, 2]] to (0, 1), not (1, 0)."""
    for window, winner in ((np.zeros((2, 2)), (0, 0)), (np.array([[1.0, 3.0], [3.0, 2.0]]), (0, 1))):
        tx = t(window[None, None], True)
        F.max_pool2d(tx, 2).backward(torch.ones(1, 1, 1, 1, dtype=torch.float64))
        expected = np.zeros((2, 2))
        expected[winner] = 1.0
        np.testing.assert_array_equal(tx.grad.numpy()[0, 0], expected)


@pytest.mark.parametrize("seed", SEEDS)
def test_avg_pool2d(seed):
    n, c, H, W, k, S = pool_config(seed)
    x = np.random.default_rng(700 + seed).standard_normal((n, c, H, W))
    want = F.avg_pool2d(t(x), k, stride=S).numpy()
    check_agreement("avg_pool2d", load_reference("avg_pool2d", "avg_pool2d"), (x, k, S), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_avg_pool2d_backward(seed):
    n, c, H, W, k, S = pool_config(seed)
    g = np.random.default_rng(800 + seed)
    x = g.standard_normal((n, c, H, W))
    tx = t(x, True)
    y = F.avg_pool2d(tx, k, stride=S)
    G = g.standard_normal(tuple(y.shape))
    want = grads(y, G, tx)
    check_agreement("avg_pool2d_backward", load_reference("avg_pool2d_backward", "avg_pool2d_backward"),
                    (G, x, k, S), want, f"seed {seed}")

"""Track "norm": every reference solution agrees with PyTorch autograd in float64, to 1e-9.

The forward passes come from torch.nn.functional (layer_norm, batch_norm in training mode,
rms_norm, dropout); the gradients from autograd (``y.backward(grad_out)``), never from a
formula written here. Dropout draws its own mask in PyTorch, so the mask is read back from
its output (x has no zeros) and handed to our reference.
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


def shape(g, seed):
    """Small (N, D), with the edge cases first: a batch of one, one feature, square."""
    fixed = [(1, 5), (4, 1), (3, 3), (1, 1)]
    return fixed[seed] if seed < len(fixed) else tuple(int(v) for v in g.integers(1, 9, size=2))


def norm_case(seed, offset=0.0, min_n=1):
    g = np.random.default_rng(seed)
    n, d = shape(g, seed)
    n = max(n, min_n)
    x = 2.0 * g.standard_normal((n, d)) + offset * g.standard_normal((1, d))
    return g.standard_normal((n, d)), x, 1.0 + 0.5 * g.standard_normal(d), g.standard_normal(d)


def grads(out, grad_out, *leaves):
    out.backward(t(grad_out))
    return tuple(leaf.grad.numpy() for leaf in leaves)


@pytest.mark.parametrize("seed", SEEDS)
def test_layer_norm(seed):
    _, x, gamma, beta = norm_case(seed)
    eps = 1e-5
    want = F.layer_norm(t(x), (x.shape[1],), t(gamma), t(beta), eps).numpy()
    check_agreement("layer_norm", load_reference("layer_norm", "layer_norm"),
                    (x, gamma, beta, eps), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_layer_norm_backward(seed):
    G, x, gamma, beta = norm_case(seed)
    eps = 1e-5
    tx, tg, tb = t(x, True), t(gamma, True), t(beta, True)
    want = grads(F.layer_norm(tx, (x.shape[1],), tg, tb, eps), G, tx, tg, tb)
    check_agreement("layer_norm_backward", load_reference("layer_norm_backward", "layer_norm_backward"),
                    (G, x, gamma, eps), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_batch_norm_backward(seed):
    # PyTorch refuses training-mode batch norm on a batch of one ("more than 1 value per
    # channel"); the problem's own tests cover N = 1 (dx = 0).
    G, x, gamma, beta = norm_case(seed, offset=3.0, min_n=2)
    eps = 1e-5
    tx, tg, tb = t(x, True), t(gamma, True), t(beta, True)
    y = F.batch_norm(tx, None, None, tg, tb, training=True, eps=eps)  # batch statistics
    want = grads(y, G, tx, tg, tb)
    check_agreement("batch_norm_backward", load_reference("batch_norm_backward", "batch_norm_backward"),
                    (G, x, gamma, eps), want, f"seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_rms_norm_backward(seed):
    G, x, gamma, _ = norm_case(seed)
    eps = 1e-6
    tx, tg = t(x, True), t(gamma, True)
    want = grads(F.rms_norm(tx, (x.shape[1],), tg, eps), G, tx, tg)
    check_agreement("rms_norm_backward", load_reference("rms_norm_backward", "rms_norm_backward"),
                    (G, x, gamma, eps), want, f"seed {seed}")


def torch_dropout(seed, keep):
    """PyTorch's dropout on a random x: (x, the mask it drew, its output, d output / dx given G)."""
    g = np.random.default_rng(seed)
    n, d = shape(g, seed)
    x, G = g.standard_normal((n, d)), g.standard_normal((n, d))
    torch.manual_seed(seed)
    tx = t(x, True)
    y = F.dropout(tx, p=1.0 - keep, training=True)  # PyTorch's p is the drop probability
    mask = (y.detach().numpy() != 0).astype(np.float64)
    (dx,) = grads(y, G, tx)
    return x, G, mask, y.detach().numpy(), dx


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("keep", [0.5, 0.8, 1.0])
def test_dropout(seed, keep):
    x, _, mask, y, _ = torch_dropout(seed, keep)
    check_agreement("dropout", load_reference("dropout", "dropout"), (x, mask, keep), y,
                    f"seed {seed}, keep {keep}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("keep", [0.5, 0.8, 1.0])
def test_dropout_backward(seed, keep):
    _, G, mask, _, dx = torch_dropout(seed, keep)
    check_agreement("dropout_backward", load_reference("dropout_backward", "dropout_backward"),
                    (G, mask, keep), dx, f"seed {seed}, keep {keep}")


@pytest.mark.parametrize("seed", SEEDS)
def test_residual_backward(seed):
    G, x, _, _ = norm_case(seed)
    W = np.random.default_rng(100 + seed).standard_normal((x.shape[1], x.shape[1]))
    tx, tW = t(x, True), t(W, True)
    y = tx + F.linear(tx, tW.T)  # F.linear(x, A) = x @ A.T, so this is x + x @ W
    want = grads(y, G, tx, tW)
    check_agreement("residual_backward", load_reference("residual_backward", "residual_backward"),
                    (G, x, W), want, f"seed {seed}")

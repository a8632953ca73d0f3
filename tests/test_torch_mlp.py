"""Track "mlp": every reference solution agrees with PyTorch autograd, in float64, to 1e-9.

Each problem's reference (problems/<slug>/solution.py) is run on seeded random inputs (shapes
with size-1 and square axes, some large logits) and compared with the same computation written
with torch.nn.functional and differentiated by ``backward()``. torch is a test dependency: this
file must not be skipped when it is missing.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from references import check_agreement, load_reference

SEEDS = range(10)


def leaf(a):
    """A float64 torch tensor that collects its gradient."""
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


def grad_of(t):
    return t.grad.detach().numpy()


def random_shape(g):
    """1 to 3 axes of size 1 to 5; every third shape has equal sizes (square)."""
    nd = int(g.integers(1, 4))
    if g.random() < 0.33:
        return (int(g.integers(1, 6)),) * nd
    return tuple(int(v) for v in g.integers(1, 6, size=nd))


# --- activations: backward(grad_out) through F.relu, sigmoid, tanh, gelu and silu ------

@pytest.mark.parametrize("seed", SEEDS)
def test_relu_backward(seed):
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    x = 2 * g.standard_normal(shape)
    x[g.random(shape) < 0.2] = 0.0  # the kink: torch's convention is a zero gradient there
    G = g.standard_normal(shape)
    xt = leaf(x)
    F.relu(xt).backward(torch.tensor(G))
    check_agreement("relu_backward", load_reference("relu_backward", "relu_backward"), (G, x), grad_of(xt),
                    f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("name, fn", [("sigmoid_backward", torch.sigmoid), ("tanh_backward", torch.tanh)])
@pytest.mark.parametrize("seed", SEEDS)
def test_backward_from_saved_output(name, fn, seed):
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    xt = leaf(3 * g.standard_normal(shape))
    G = g.standard_normal(shape)
    y = fn(xt)
    y.backward(torch.tensor(G))
    check_agreement(name, load_reference(name, name), (G, y.detach().numpy()), grad_of(xt),
                    f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("seed", SEEDS)
def test_gelu_backward(seed):
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    x = 3 * g.standard_normal(shape)
    x.flat[0] = [40.0, -40.0, 0.0][seed % 3]  # saturated ends and the origin
    G = g.standard_normal(shape)
    xt = leaf(x)
    F.gelu(xt, approximate="tanh").backward(torch.tensor(G))
    check_agreement("gelu_backward", load_reference("gelu_backward", "gelu_backward"), (G, x), grad_of(xt),
                    f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("seed", SEEDS)
def test_silu_backward(seed):
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    x = 3 * g.standard_normal(shape)
    x.flat[0] = [1000.0, -1000.0, 0.0][seed % 3]
    G = g.standard_normal(shape)
    xt = leaf(x)
    F.silu(xt).backward(torch.tensor(G))
    check_agreement("silu_backward", load_reference("silu_backward", "silu_backward"), (G, x), grad_of(xt),
                    f"seed {seed}, shape {shape}")


# --- losses: F.mse_loss, F.binary_cross_entropy_with_logits, F.cross_entropy(label_smoothing)

@pytest.mark.parametrize("seed", SEEDS)
def test_mse_loss(seed):
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    p, t = g.standard_normal(shape), g.standard_normal(shape)
    pt = leaf(p)
    loss = F.mse_loss(pt, torch.tensor(t))
    loss.backward()
    check_agreement("mse_loss", load_reference("mse_loss", "mse_loss"), (p, t), (loss.item(), grad_of(pt)),
                    f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("seed", SEEDS)
def test_bce_with_logits(seed):
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    z = (1000.0 if seed % 3 == 0 else 3.0) * g.standard_normal(shape)  # some logits far out
    t = g.random(shape) if seed % 2 else (g.random(shape) < 0.5).astype(float)  # soft and hard targets
    zt = leaf(z)
    loss = F.binary_cross_entropy_with_logits(zt, torch.tensor(t))
    loss.backward()
    check_agreement("bce_with_logits", load_reference("bce_with_logits", "bce_with_logits"), (z, t),
                    (loss.item(), grad_of(zt)), f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("seed", SEEDS)
def test_label_smoothing_ce(seed):
    g = np.random.default_rng(seed)
    B, C = int(g.integers(1, 7)), int(g.integers(2, 8))
    scale = 1000.0 if seed % 3 == 0 else 2.0  # some logits far out
    Z, t = scale * g.standard_normal((B, C)), g.integers(0, C, size=B)
    eps = float(g.choice([0.0, 0.05, 0.1, 0.3]))
    Zt = leaf(Z)
    loss = F.cross_entropy(Zt, torch.tensor(t), label_smoothing=eps)
    loss.backward()
    check_agreement("label_smoothing_ce", load_reference("label_smoothing_ce", "label_smoothing_ce"), (Z, t, eps),
                    (loss.item(), grad_of(Zt)), f"seed {seed}, B={B}, C={C}, eps={eps}")


# --- layers: F.linear, and the whole two-layer network ---------------------------------

def layer_sizes(g, n):
    """n sizes in 1..6; every third draw makes them all equal (square weights)."""
    if g.random() < 0.33:
        return [int(g.integers(1, 7))] * n
    return [int(v) for v in g.integers(1, 7, size=n)]


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_layer(seed):
    g = np.random.default_rng(seed)
    B, d_in, d_out = layer_sizes(g, 3)
    x, W, b = g.standard_normal((B, d_in)), g.standard_normal((d_out, d_in)), g.standard_normal(d_out)
    G = g.standard_normal((B, d_out))
    xt, Wt, bt = leaf(x), leaf(W), leaf(b)
    y = F.linear(xt, Wt, bt)
    y.backward(torch.tensor(G))
    want = (y.detach().numpy(), grad_of(xt), grad_of(Wt), grad_of(bt))
    check_agreement("linear_layer", load_reference("linear_layer", "linear_layer"), (x, W, b, G), want,
                    f"seed {seed}, B={B}, D_in={d_in}, D_out={d_out}")


@pytest.mark.parametrize("seed", SEEDS)
def test_mlp_forward_backward(seed):
    g = np.random.default_rng(seed)
    B, D, H = layer_sizes(g, 3)
    C = int(g.integers(2, 6))
    scale = 500.0 if seed % 4 == 0 else 1.0  # logits in the thousands
    arrays = [g.standard_normal((B, D)), g.standard_normal((H, D)), g.standard_normal(H),
              scale * g.standard_normal((C, H)), g.standard_normal(C)]
    targets = g.integers(0, C, size=B)
    x, W1, b1, W2, b2 = (leaf(a) for a in arrays)
    loss = F.cross_entropy(F.linear(F.relu(F.linear(x, W1, b1)), W2, b2), torch.tensor(targets))
    loss.backward()
    want = (loss.item(), *(grad_of(t) for t in (x, W1, b1, W2, b2)))
    check_agreement("mlp_forward_backward", load_reference("mlp_forward_backward", "mlp_forward_backward"),
                    (*arrays, targets), want, f"seed {seed}, B={B}, D={D}, H={H}, C={C}")

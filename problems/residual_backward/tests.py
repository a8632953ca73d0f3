import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng

SHAPES = [(4, 3), (1, 5), (6, 6), (3, 1), (2, 2)]


def case(seed, n, d):
    g = rng(seed)
    return g.standard_normal((n, d)), g.standard_normal((n, d)), g.standard_normal((d, d))


def random_shapes(seed, k=3):
    g = rng(seed)
    return [tuple(int(v) for v in g.integers(1, 9, size=2)) for _ in range(k)]


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose_dx(dx, G, W):
    mistakes = [
        (G @ W.T, "That is only the branch's gradient, grad_out @ W.T: x also reaches y through the "
                  "skip connection, which adds grad_out."),
        (G, "That is only the skip path's gradient: the branch x @ W adds grad_out @ W.T."),
        (G + G @ W, "W is not transposed: with a square W both grad_out @ W and grad_out @ W.T fit, "
                    "but dL/dx[n, k] = Σ_j grad_out[n, j] W[k, j] is grad_out @ W.T."),
        (G @ (np.eye(len(W)) + W), "W is not transposed: the branch's gradient is grad_out @ W.T."),
        (G * (1 + W.sum(axis=1)), "Use a matrix product, grad_out @ W.T, not an elementwise one."),
    ]
    for wrong, hint in mistakes:
        if close(dx, wrong):
            return hint
    return "dx = grad_out + grad_out @ W.T: the skip path plus the branch."


def diagnose_dW(dW, G, x):
    mistakes = [
        (G.T @ x, "That is (xᵀ G)ᵀ: dL/dW[k, j] = Σ_n x[n, k] grad_out[n, j], which is x.T @ grad_out."),
        (x.T @ G + np.eye(len(dW)), "The identity has no weights: only the branch contributes to dW."),
        (x.T @ G / len(x), "That is the mean over the batch: dW sums every example's contribution."),
    ]
    for wrong, hint in mistakes:
        if close(dW, wrong):
            return hint
    return "dW = x.T @ grad_out, as for any matmul."


def test_shapes(f):
    """Returns dx shaped like x and dW shaped like W"""
    for seed, (n, d) in enumerate(SHAPES):
        G, x, W = case(seed, n, d)
        dx, dW = f(G, x, W)
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")
        assert_true(dW.shape == W.shape, f"dW has shape {dW.shape}, expected {W.shape} (the shape of W).")


def test_dx(f):
    """dx adds the skip path and the branch"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(9)):
        G, x, W = case(10 + seed, n, d)
        dx, _ = f(G, x, W)
        assert_close(dx, G + G @ W.T, "dx", hint=lambda: f"(shape {x.shape}) " + diagnose_dx(dx, G, W))


def test_identity_block(f):
    """With W = 0 the block is the identity, and dx = grad_out"""
    G, x, _ = case(20, 3, 4)
    dx, dW = f(G, x, np.zeros((4, 4)))
    assert_close(dx, G, "dx", hint="With W = 0, y = x: the gradient must pass through unchanged. "
                                   + diagnose_dx(dx, G, np.zeros((4, 4))))
    assert_close(dW, x.T @ G, "dW", hint="dW does not depend on W: it is x.T @ grad_out.")


def test_dW(f):
    """dW matches x.T @ grad_out"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(29)):
        G, x, W = case(30 + seed, n, d)
        _, dW = f(G, x, W)
        assert_close(dW, x.T @ G, "dW", hint=lambda: diagnose_dW(dW, G, x))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradients"""
    G, x, W = case(40, 3, 4)
    dx, dW = f(G, x, W)
    num_dx = numerical_gradient(lambda x_: np.sum(G * (x_ + x_ @ W)), x)
    num_dW = numerical_gradient(lambda W_: np.sum(G * (x + x @ W_)), W)
    assert_close(dx, num_dx, "dx", atol=1e-5, rtol=1e-5,
                 hint="Compared with a finite-difference estimate of L = sum(grad_out · (x + x @ W)). "
                      + diagnose_dx(dx, G, W))
    assert_close(dW, num_dW, "dW", atol=1e-5, rtol=1e-5, hint=diagnose_dW(dW, G, x))

import numpy as np

from grader.testing import assert_close, numerical_gradient, random_cases, rng

SHAPES = [(3, 4, 2), (1, 5, 1), (6, 2, 7)]


def case(seed, m, k, n):
    g = rng(seed)
    return g.standard_normal((m, n)), g.standard_normal((m, k)), g.standard_normal((k, n))


def make(g, m, k, n):
    """grad_out (m, n), A (m, k), B (k, n) for random_cases: sizes 1 and square among them."""
    return g.standard_normal((m, n)), g.standard_normal((m, k)), g.standard_normal((k, n))


def explain(name, value, grad_out, A, B):
    """The hint for a wrong output, for Run examples as for the hidden tests."""
    return {"dA": "dA should be grad_out @ B.T.", "dB": "dB should be A.T @ grad_out."}[name]


def test_shapes(f):
    """Returns two arrays with correct shapes"""
    for seed, (m, k, n) in enumerate(SHAPES):
        G, A, B = case(seed, m, k, n)
        dA, dB = f(G, A, B)
        if dA.shape != A.shape:
            hint = " — check which operand is transposed" if dA.shape == A.shape[::-1] else ""
            raise AssertionError(f"dA has shape {dA.shape}, expected {A.shape} (the shape of A){hint}.")
        if dB.shape != B.shape:
            hint = " — check which operand is transposed" if dB.shape == B.shape[::-1] else ""
            raise AssertionError(f"dB has shape {dB.shape}, expected {B.shape} (the shape of B){hint}.")


def test_dA(f):
    """dA matches grad_out @ B.T

    Derive: dA matches the true gradient on random inputs
    """
    random_cases(f, make, lambda got, G, A, B: assert_close(got[0], G @ B.T, "dA", hint="dA should be grad_out @ B.T."),
                 seed=10, dims="m k n")


def test_dB(f):
    """dB matches A.T @ grad_out

    Derive: dB matches the true gradient on random inputs
    """
    random_cases(f, make, lambda got, G, A, B: assert_close(got[1], A.T @ G, "dB", hint="dB should be A.T @ grad_out."),
                 seed=20, dims="m k n")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, A, B = case(30, 3, 4, 2)
    dA, dB = f(G, A, B)
    num_dA = numerical_gradient(lambda A_: np.sum(G * (A_ @ B)), A)
    num_dB = numerical_gradient(lambda B_: np.sum(G * (A @ B_)), B)
    assert_close(dA, num_dA, "dA", atol=1e-3, rtol=1e-3,
                 hint="Compared with a finite-difference estimate of dL/dA.")
    assert_close(dB, num_dB, "dB", atol=1e-3, rtol=1e-3,
                 hint="Compared with a finite-difference estimate of dL/dB.")


def test_zero_grad(f):
    """Zero grad_out gives zero gradients"""
    _, A, B = case(40, 4, 3, 5)
    dA, dB = f(np.zeros((4, 5)), A, B)
    assert_close(dA, np.zeros_like(A), "dA", atol=1e-12,
                 hint="With grad_out = 0 nothing depends on A: the gradient must be exactly zero.")
    assert_close(dB, np.zeros_like(B), "dB", atol=1e-12,
                 hint="With grad_out = 0 nothing depends on B: the gradient must be exactly zero.")

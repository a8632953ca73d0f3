import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(3, 4, 2), (1, 5, 1), (6, 2, 7)]  # (M, K, N), size-1 axes included


def value_shapes(seed: int) -> list:
    """SHAPES, a square A and B (a submission special-cased on square inputs is caught there)
    and one random shape: the values tests cover what the shapes alone cannot tell."""
    return SHAPES + [(4, 4, 4), tuple(int(v) for v in rng(seed).integers(1, 7, size=3))]


def case(seed, m, k, n):
    g = rng(seed)
    return g.standard_normal((m, n)), g.standard_normal((m, k)), g.standard_normal((k, n))


def transposed_hint(name: str, got, want) -> str:
    """A square gradient whose shape is right but whose entries are transposed."""
    if got.ndim == 2 and got.shape[0] == got.shape[1] > 1 and np.allclose(got, want.T):
        return (f"{name} is the transpose of the right answer: for a square {name[1:]} the shape cannot tell, "
                "the values can. ")
    return ""


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
    for seed, (m, k, n) in enumerate(value_shapes(5)):
        G, A, B = case(10 + seed, m, k, n)
        dA, _ = f(G, A, B)
        assert_close(dA, G @ B.T, "dA", hint=lambda: transposed_hint("dA", dA, G @ B.T) + "dA should be grad_out @ B.T.")


def test_dB(f):
    """dB matches A.T @ grad_out

    Derive: dB matches the true gradient on random inputs
    """
    for seed, (m, k, n) in enumerate(value_shapes(6)):
        G, A, B = case(20 + seed, m, k, n)
        _, dB = f(G, A, B)
        assert_close(dB, A.T @ G, "dB", hint=lambda: transposed_hint("dB", dB, A.T @ G) + "dB should be A.T @ grad_out.")


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

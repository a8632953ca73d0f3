import math

import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 5), (1,), (3, 3), (2, 1, 4)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(904).integers(1, 7, size=int(rng(954).integers(1, 4)))))
C = math.sqrt(2.0 / math.pi)
K = 0.044715


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(C * (x + K * x**3)))


def slope(x, dudx_three=3.0, chain=True, second_term=True):
    """GELU's derivative; the keyword arguments switch on the classic mistakes."""
    t = np.tanh(C * (x + K * x**3))
    dudx = C * (1.0 + dudx_three * K * x**2) if chain else 1.0
    return 0.5 * (1.0 + t) + (0.5 * x * (1.0 - t * t) * dudx if second_term else 0.0)


def exact_slope(x):
    """Derivative of the exact GELU, x Φ(x): Φ(x) + x φ(x)."""
    cdf = 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))
    return cdf + x * np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


def case(seed, shape, scale=2.0):
    g = rng(seed)
    return g.standard_normal(shape), scale * g.standard_normal(shape)


def diagnose(dx, grad_out, x):
    """Name the mistake if dx matches a known wrong formula; else say what dx should be."""
    mistakes = [
        (grad_out * slope(x, chain=False),
         "The factor du/dx is missing: after dt/du = 1 − t², the chain rule continues into "
         "u = √(2/π) (x + 0.044715 x³), whose derivative is √(2/π) (1 + 3 · 0.044715 x²)."),
        (grad_out * slope(x, dudx_three=1.0),
         "The derivative of 0.044715 x³ is 3 · 0.044715 x²: the factor 3 is missing."),
        (grad_out * slope(x, second_term=False),
         "Only 0.5 (1 + t) is there: GELU is the product of 0.5 x and (1 + t), and the product rule "
         "adds 0.5 x · d(1 + t)/dx."),
        (grad_out * exact_slope(x),
         "That is the derivative of the exact GELU, Φ(x) + x φ(x): the forward pass here is the tanh "
         "approximation, and its slope differs by up to about 1e-3."),
        (slope(x),
         "That is GELU's slope alone: the chain rule multiplies it by grad_out."),
        (grad_out * gelu(x),
         "That is grad_out times GELU(x), the forward value: the backward pass needs its derivative."),
    ]
    for wrong, hint in mistakes:
        if np.allclose(dx, wrong, atol=1e-10, rtol=1e-10):
            return hint
    return ("dx should be grad_out * (0.5 (1 + t) + 0.5 x (1 − t²) du/dx), with t = tanh(u) and "
            "du/dx = √(2/π) (1 + 3 · 0.044715 x²).")


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, shape in enumerate(SHAPES):
        G, x = case(seed, shape)
        dx = f(G, x)
        if dx.shape != shape:
            raise AssertionError(f"dx has shape {dx.shape}, expected {shape} (the shape of x): "
                                 "GELU works entry by entry.")


def test_values(f):
    """dx matches the derivative of the tanh-approximated GELU"""
    for seed, shape in enumerate(SHAPES):
        G, x = case(10 + seed, shape)
        dx = f(G, x)
        assert_close(dx, G * slope(x), "dx", hint=lambda: diagnose(dx, G, x))


def test_symmetry(f):
    """Slopes at x and −x add up to 1"""
    x = np.linspace(0.25, 3.0, 12)
    both = np.concatenate([x, -x])
    G = np.ones_like(both)
    dx = f(G, both)
    assert_close(dx[:12] + dx[12:], np.ones(12), "dx(x) + dx(−x)",
                 hint=lambda: "GELU(x) − GELU(−x) = x because tanh is odd, so the two slopes must "
                              "sum to 1. " + diagnose(dx, G, both))


def test_large_inputs(f):
    """Large |x|: slope 1 on the right, 0 on the left, no overflow"""
    x = np.array([50.0, 20.0, -20.0, -50.0])
    G = np.full(4, 3.0)
    dx = f(G, x)
    assert_close(dx, np.array([3.0, 3.0, 0.0, 0.0]), "dx", atol=1e-9,
                 hint=lambda: "For large positive x GELU is the identity, for large negative x it is 0. "
                              "If you wrote 1 − tanh² as 1 / cosh², cosh overflows here: use 1 − t * t. "
                              + diagnose(dx, G, x))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, x = case(30, (3, 4))
    dx = f(G, x)
    num = numerical_gradient(lambda x_: np.sum(G * gelu(x_)), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dx for "
                              "L = sum(grad_out * gelu(x)). " + diagnose(dx, G, x))

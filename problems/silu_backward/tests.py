import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 5), (1,), (3, 3), (2, 1, 4)]
SHAPES.append(tuple(int(n) for n in rng(916).integers(1, 7, size=int(rng(966).integers(1, 4)))))  # seeded random


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def silu(x):
    return x * sigmoid(x)


def slope(x):
    s = sigmoid(x)
    return s * (1.0 + x * (1.0 - s))


def case(seed, shape, scale=2.5):
    g = rng(seed)
    return g.standard_normal(shape), scale * g.standard_normal(shape)


def diagnose(dx, grad_out, x):
    s = sigmoid(x)
    mistakes = [
        (grad_out * s, "That is only σ(x), the first term of the product rule: add x · σ(x) (1 − σ(x))."),
        (grad_out * x * s * (1 - s), "That is only the second term of the product rule: add σ(x)."),
        (grad_out * s * (1 - s), "That is the sigmoid's slope alone: SiLU is x · σ(x), so use the product rule."),
        (grad_out * silu(x), "That is grad_out times SiLU(x), the forward value: the backward pass needs its slope."),
        (slope(x), "That is SiLU's slope alone: the chain rule multiplies it by grad_out."),
        (grad_out * s * (1 + x * s), "Inside the bracket it is 1 − σ(x): dx = grad_out · σ (1 + x (1 − σ))."),
    ]
    for wrong, hint in mistakes:
        if np.allclose(dx, wrong, atol=1e-10, rtol=1e-10):
            return hint
    return "dx should be grad_out * σ(x) * (1 + x * (1 − σ(x)))."


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, shape in enumerate(SHAPES):
        G, x = case(seed, shape)
        dx = f(G, x)
        if dx.shape != shape:
            raise AssertionError(f"dx has shape {dx.shape}, expected {shape} (the shape of x): "
                                 "SiLU works entry by entry.")


def test_values(f):
    """dx matches grad_out · σ(x) (1 + x (1 − σ(x)))"""
    for seed, shape in enumerate(SHAPES):
        G, x = case(10 + seed, shape)
        dx = f(G, x)
        assert_close(dx, G * slope(x), "dx", hint=lambda: diagnose(dx, G, x))


def test_symmetry(f):
    """Slopes at x and −x add up to 1"""
    x = np.linspace(0.25, 4.0, 10)
    both = np.concatenate([x, -x])
    G = np.ones_like(both)
    dx = f(G, both)
    assert_close(dx[:10] + dx[10:], np.ones(10), "dx(x) + dx(−x)",
                 hint=lambda: "SiLU(x) − SiLU(−x) = x because σ(−x) = 1 − σ(x), so the two slopes sum to 1. "
                              + diagnose(dx, G, both))


def test_large_inputs(f):
    """Large |x|: slope 1 on the right, 0 on the left, no overflow"""
    x = np.array([1000.0, 50.0, -50.0, -1000.0])
    G = np.full(4, 3.0)
    dx = f(G, x)
    assert_close(dx, np.array([3.0, 3.0, 0.0, 0.0]), "dx", atol=1e-9,
                 hint=lambda: "Far right SiLU is the identity, far left it is 0. Compute σ from exp(−|x|), "
                              "which never overflows. " + diagnose(dx, G, x))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, x = case(30, (3, 4))
    dx = f(G, x)
    num = numerical_gradient(lambda x_: np.sum(G * silu(x_)), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dx for "
                              "L = sum(grad_out * silu(x)). " + diagnose(dx, G, x))

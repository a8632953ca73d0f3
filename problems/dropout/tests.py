import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 5), (1,), (3, 3), (2, 1, 4)]
SHAPES.append(tuple(int(n) for n in rng(913).integers(1, 7, size=int(rng(963).integers(1, 4)))))  # seeded random
PS = [0.5, 0.1, 0.3, 0.8, 0.25]


def case(seed, shape, p):
    g = rng(seed)
    return g.standard_normal(shape), (g.random(shape) >= p).astype(float), g.standard_normal(shape)


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def diagnose(name, got, base, mask, p):
    """base is x (for y) or grad_out (for dx)."""
    mistakes = [
        (base * mask, f"The factor 1 / (1 − p) is missing: with p = {p:g} the kept units must be scaled by "
                      f"{1 / (1 - p):.4g}, so that on average the output equals the input."),
        (base * mask / p, f"You divided by p, the drop probability. Divide by 1 − p = {1 - p:g}, the keep "
                          "probability."),
        (base * mask * (1 - p), "You multiplied by 1 − p: inverted dropout divides by it during training."),
        (base / (1 - p), "The mask is missing: dropped units (mask 0) must output 0 and pass no gradient."),
        (base * (1 - mask) / (1 - p), "The mask is reversed: 1 means kept, 0 dropped."),
    ]
    for wrong, hint in mistakes:
        if close(got, wrong) and not close(wrong, base * mask / (1 - p)):
            return hint
    what = "x" if name == "y" else "grad_out"
    return f"{name} should be {what} * mask / (1 − p)."


def test_shapes(f):
    """Returns y and dx shaped like x"""
    for seed, shape in enumerate(SHAPES):
        x, m, G = case(seed, shape, 0.5)
        for name, got in zip(["y", "dx"], f(x, m, 0.5, G)):
            if got.shape != shape:
                raise AssertionError(f"{name} has shape {got.shape}, expected {shape} (the shape of x).")


def test_forward(f):
    """y keeps the masked units, scaled by 1 / (1 − p)"""
    for seed, (shape, p) in enumerate(zip(SHAPES, PS)):
        x, m, G = case(10 + seed, shape, p)
        y, _ = f(x, m, p, G)
        assert_close(y, x * m / (1 - p), "y", hint=lambda: diagnose("y", y, x, m, p))


def test_backward(f):
    """dx passes grad_out through the same mask and scale"""
    for seed, (shape, p) in enumerate(zip(SHAPES, PS)):
        x, m, G = case(20 + seed, shape, p)
        _, dx = f(x, m, p, G)
        assert_close(dx, G * m / (1 - p), "dx", hint=lambda: diagnose("dx", dx, G, m, p))


def test_expected_output(f):
    """On average the output equals the input"""
    g = rng(30)
    p = 0.3
    x = np.ones(20000)
    m = (g.random(20000) >= p).astype(float)
    y, _ = f(x, m, p, np.zeros(20000))
    mean = float(np.mean(y))
    assert_close(mean, 1.0, "mean of y over 20000 units of x = 1", atol=0.03, rtol=0,
                 hint=lambda: f"A fraction 1 − p = {1 - p:g} of the units survive, so their values must be "
                              f"divided by {1 - p:g} for the mean to stay 1. " + diagnose("y", y, x, m, p))


def test_no_dropout(f):
    """p = 0 with every unit kept is the identity"""
    x, _, G = case(40, (3, 4), 0.0)
    y, dx = f(x, np.ones((3, 4)), 0.0, G)
    assert_close(y, x, "y", hint="With p = 0 nothing is dropped and nothing is scaled.")
    assert_close(dx, G, "dx", hint="With p = 0 the gradient passes unchanged.")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    x, m, G = case(50, (3, 4), 0.4)
    _, dx = f(x, m, 0.4, G)
    num = numerical_gradient(lambda x_: np.sum(G * x_ * m / 0.6), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dx for "
                              "L = sum(grad_out * x * mask / (1 − p)). " + diagnose("dx", dx, G, m, 0.4))

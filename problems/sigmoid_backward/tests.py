import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 5), (1,), (3, 3), (2, 1, 4)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(902).integers(1, 7, size=int(rng(952).integers(1, 4)))))


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def case(seed, shape, scale=2.0):
    """grad_out, the saved output y and the input x it came from."""
    g = rng(seed)
    x = scale * g.standard_normal(shape)
    return g.standard_normal(shape), sigmoid(x), x


def diagnose(dx, grad_out, y):
    """Name the mistake if dx matches a known wrong formula; else say what dx should be."""
    s = sigmoid(y)
    mistakes = [
        (grad_out * s * (1 - s),
         "You applied the sigmoid to y again: y is already the output σ(x), so the slope is "
         "y * (1 − y), not σ(y) * (1 − σ(y))."),
        (grad_out * y,
         "The factor (1 − y) is missing: σ'(x) = y * (1 − y)."),
        (grad_out * (1 - y),
         "The factor y is missing: σ'(x) = y * (1 − y)."),
        (y * (1 - y),
         "That is σ'(x) alone: the chain rule multiplies it by grad_out."),
        (grad_out * y * (1 + y),
         "Sign slip: σ'(x) = y * (1 − y), with a minus."),
    ]
    for wrong, hint in mistakes:
        if np.allclose(dx, wrong, atol=1e-12, rtol=1e-12):
            return hint
    return "dx should be grad_out * y * (1 − y)."


def test_shape(f):
    """Returns an array shaped like y"""
    for seed, shape in enumerate(SHAPES):
        G, y, _ = case(seed, shape)
        dx = f(G, y)
        if dx.shape != shape:
            raise AssertionError(f"dx has shape {dx.shape}, expected {shape} (the shape of y): "
                                 "the sigmoid works entry by entry.")


def test_values(f):
    """dx matches grad_out * y * (1 − y)"""
    for seed, shape in enumerate(SHAPES):
        G, y, _ = case(10 + seed, shape)
        dx = f(G, y)
        assert_close(dx, G * y * (1 - y), "dx", hint=lambda: diagnose(dx, G, y))


def test_uses_saved_output(f):
    """Uses y as the output, not as the input x"""
    y = np.array([0.5, 0.1, 0.9, 0.99])
    G = np.ones(4)
    dx = f(G, y)
    assert_close(dx, y * (1 - y), "dx",
                 hint=lambda: "For y = 0.5 the slope is 0.25, for y = 0.9 it is 0.09. " + diagnose(dx, G, y))


def test_saturated(f):
    """A saturated sigmoid (y = 0 or 1) passes no gradient"""
    y = np.array([0.0, 1.0, 1.0 - 1e-12])
    G = np.array([5.0, -5.0, 5.0])
    dx = f(G, y)
    assert_close(dx, G * y * (1 - y), "dx", atol=1e-10,
                 hint=lambda: "Where the sigmoid is flat its slope y * (1 − y) is 0. " + diagnose(dx, G, y))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, y, x = case(30, (3, 4))
    dx = f(G, y)
    num = numerical_gradient(lambda x_: np.sum(G * sigmoid(x_)), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dx for "
                              "L = sum(grad_out * sigmoid(x)). " + diagnose(dx, G, y))

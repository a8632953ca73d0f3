import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 5), (1,), (3, 3), (2, 1, 4)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(903).integers(1, 7, size=int(rng(953).integers(1, 4)))))


def case(seed, shape, scale=1.5):
    """grad_out, the saved output y and the input x it came from."""
    g = rng(seed)
    x = scale * g.standard_normal(shape)
    return g.standard_normal(shape), np.tanh(x), x


def diagnose(dx, grad_out, y):
    """Name the mistake if dx matches a known wrong formula; else say what dx should be."""
    t = np.tanh(y)
    mistakes = [
        (grad_out * (1 - t * t),
         "You applied tanh to y again: y is already the output tanh(x), so the slope is "
         "1 − y², not 1 − tanh(y)²."),
        (grad_out * (1 - y),
         "The square is missing: tanh'(x) = 1 − y², which is even in y (as steep at −y as at y)."),
        (grad_out * (1 - y) ** 2,
         "(1 − y)² squares the wrong thing: tanh'(x) = 1 − y²."),
        (1 - y * y,
         "That is tanh'(x) alone: the chain rule multiplies it by grad_out."),
        (grad_out * (1 + y * y),
         "Sign slip: tanh'(x) = 1 − y², with a minus."),
    ]
    for wrong, hint in mistakes:
        if np.allclose(dx, wrong, atol=1e-12, rtol=1e-12):
            return hint
    return "dx should be grad_out * (1 − y²)."


def test_shape(f):
    """Returns an array shaped like y"""
    for seed, shape in enumerate(SHAPES):
        G, y, _ = case(seed, shape)
        dx = f(G, y)
        if dx.shape != shape:
            raise AssertionError(f"dx has shape {dx.shape}, expected {shape} (the shape of y): "
                                 "tanh works entry by entry.")


def test_values(f):
    """dx matches grad_out * (1 − y²)"""
    for seed, shape in enumerate(SHAPES):
        G, y, _ = case(10 + seed, shape)
        dx = f(G, y)
        assert_close(dx, G * (1 - y * y), "dx", hint=lambda: diagnose(dx, G, y))


def test_uses_saved_output(f):
    """Uses y as the output, not as the input x"""
    y = np.array([0.0, 0.5, -0.5, 0.9])
    G = np.ones(4)
    dx = f(G, y)
    assert_close(dx, 1 - y * y, "dx",
                 hint=lambda: "For y = ±0.5 the slope is 0.75, for y = 0.9 it is 0.19. " + diagnose(dx, G, y))


def test_saturated(f):
    """A saturated tanh (y = ±1) passes no gradient"""
    y = np.array([1.0, -1.0, 0.0])
    G = np.array([5.0, 5.0, 5.0])
    dx = f(G, y)
    assert_close(dx, np.array([0.0, 0.0, 5.0]), "dx", atol=1e-10,
                 hint=lambda: "At y = ±1 tanh is flat, and at y = 0 its slope is 1. " + diagnose(dx, G, y))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, y, x = case(30, (3, 4))
    dx = f(G, y)
    num = numerical_gradient(lambda x_: np.sum(G * np.tanh(x_)), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dx for "
                              "L = sum(grad_out * tanh(x)). " + diagnose(dx, G, y))

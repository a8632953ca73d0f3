import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 5), (1,), (3, 3), (2, 1, 4)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(901).integers(1, 7, size=int(rng(951).integers(1, 4)))))


def case(seed, shape):
    g = rng(seed)
    return g.standard_normal(shape), g.standard_normal(shape)


def diagnose(dx, grad_out, x):
    """Name the mistake if dx matches a known wrong formula; else say what dx should be."""
    mistakes = [
        (grad_out * np.maximum(x, 0),
         "That is grad_out * relu(x): the derivative of ReLU is the 0/1 mask (x > 0), not ReLU itself."),
        (np.maximum(grad_out, 0),
         "That is ReLU applied to grad_out: the mask comes from the sign of x (the forward input), "
         "not from the sign of the gradient."),
        ((x > 0).astype(float),
         "That is the mask alone: the chain rule multiplies it by grad_out."),
        (grad_out * (x < 0),
         "The mask is reversed: the gradient flows where x > 0, where ReLU is the identity."),
    ]
    for wrong, hint in mistakes:
        if np.allclose(dx, wrong, atol=1e-12, rtol=1e-12):
            return hint
    return "dx should be grad_out * (x > 0)."


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, shape in enumerate(SHAPES):
        G, x = case(seed, shape)
        dx = f(G, x)
        if dx.shape != shape:
            raise AssertionError(f"dx has shape {dx.shape}, expected {shape} (the shape of x): "
                                 "ReLU works entry by entry, so its gradient has the shape of its input.")


def test_values(f):
    """dx passes grad_out where x > 0 and blocks it elsewhere"""
    for seed, shape in enumerate(SHAPES):
        G, x = case(10 + seed, shape)
        dx = f(G, x)
        assert_close(dx, G * (x > 0), "dx", hint=lambda: diagnose(dx, G, x))


def test_zero_is_blocked(f):
    """At x = 0 the gradient is 0"""
    x = np.array([0.0, 0.0, 1.0, -1.0])
    G = np.array([3.0, -2.0, 1.0, 1.0])
    dx = f(G, x)
    assert_close(dx, np.array([0.0, 0.0, 1.0, 0.0]), "dx", atol=0, rtol=0,
                 hint="At x = 0 use ReLU'(0) = 0, as PyTorch does: the mask is x > 0, not x >= 0.")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    g = rng(30)
    x = g.standard_normal((3, 4))
    x += 0.5 * np.sign(x)  # keep every entry away from the kink at 0
    G = g.standard_normal((3, 4))
    dx = f(G, x)
    num = numerical_gradient(lambda x_: np.sum(G * np.maximum(x_, 0)), x)
    assert_close(dx, num, "dx", atol=1e-5, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dx for "
                              "L = sum(grad_out * relu(x)). " + diagnose(dx, G, x))

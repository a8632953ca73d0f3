import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng

SHAPES = [(4, 5), (1, 7), (6, 6), (3, 1), (9,), (2, 3, 4)]


def case(seed, shape, p):
    g = rng(seed)
    return g.standard_normal(shape), (g.random(shape) < p).astype(np.float64)


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-9)


def diagnose(dx, G, mask, p):
    mistakes = [
        (G * mask, "The 1/p is missing: the forward pass scaled kept units by 1/p, so their gradient is "
                   "scaled by 1/p too."),
        (G * mask / (1 - p) if p < 1 else None,
         "You divided by 1 − p: p is the keep probability, so divide by p."),
        (G * mask * p, "You multiplied by p; the forward pass divided by it, and so does the gradient."),
        (G / p, "The mask is missing: a dropped unit had no effect on the loss, so its gradient is 0."),
        (G * (1 - mask) / p, "The mask is inverted: 1.0 marks a kept unit."),
        (G, "dx = grad_out passes the gradient straight through: apply the mask and the 1/p."),
    ]
    for wrong, hint in mistakes:
        if wrong is not None and close(dx, wrong):
            return hint
    return "dx = grad_out * mask / p."


def test_shape(f):
    """Returns an array shaped like grad_out"""
    for seed, shape in enumerate(SHAPES):
        G, mask = case(seed, shape, 0.7)
        dx = f(G, mask, 0.7)
        assert_true(dx.shape == G.shape, f"dx has shape {dx.shape}, expected {G.shape} (the shape of grad_out).")


def test_values(f):
    """dx matches grad_out * mask / p"""
    ps = [0.5, 0.8, 0.9, 0.3, 0.65, 0.75]
    for seed, (shape, p) in enumerate(zip(SHAPES, ps)):
        G, mask = case(10 + seed, shape, p)
        dx = f(G, mask, p)
        assert_close(dx, G * mask / p, "dx", hint=lambda: f"(p = {p}) " + diagnose(dx, G, mask, p))


def test_dropped_get_no_gradient(f):
    """Dropped units get exactly zero gradient"""
    G, mask = case(20, (5, 6), 0.6)
    dx = f(G, mask, 0.6)
    assert_true(dx.shape == G.shape, f"dx has shape {dx.shape}, expected {G.shape}.")
    dropped = mask == 0
    assert_true(np.all(dx[dropped] == 0),
                f"{int(np.sum(dx[dropped] != 0))} of the {int(dropped.sum())} dropped units get a nonzero "
                "gradient. " + diagnose(dx, G, mask, 0.6))


def test_scale(f):
    """Kept units' gradients are scaled by 1/p"""
    G = np.arange(1.0, 7.0).reshape(2, 3)
    for p in (0.8, 0.25):
        dx = f(G, np.ones_like(G), p)
        assert_close(dx, G / p, "dx",
                     hint=f"Every unit kept, p = {p}: dx = grad_out / {p}. " + diagnose(dx, G, np.ones_like(G), p))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient of the forward pass"""
    G, mask = case(30, (3, 4), 0.6)
    x = rng(31).standard_normal((3, 4))
    p = 0.6
    dx = f(G, mask, p)
    num = numerical_gradient(lambda x_: np.sum(G * x_ * mask / p), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-6,
                 hint="Compared with a finite-difference estimate of L = sum(grad_out · x · mask / p). "
                      + diagnose(dx, G, mask, p))

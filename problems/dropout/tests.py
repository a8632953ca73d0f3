import numpy as np

from grader.testing import assert_close, assert_true, rng

SHAPES = [(4, 5), (1, 7), (6, 6), (3, 1), (9,)]


def case(seed, shape, p):
    g = rng(seed)
    return g.standard_normal(shape), (g.random(shape) < p).astype(np.float64)


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-9)


def diagnose(y, x, mask, p):
    mistakes = [
        (x * mask, "The kept units are not rescaled: divide them by the keep probability p."),
        (x * mask / (1 - p) if p < 1 else None,
         "You divided by 1 − p: here p is the probability of keeping a unit, so divide by p."),
        (x * mask * p, "You multiplied by p; inverted dropout divides by it."),
        (x * (1 - mask) / p, "The mask is inverted: 1.0 marks a unit that is kept."),
        (x / p, "The mask is not applied: units where mask is 0 must come out as 0."),
    ]
    for wrong, hint in mistakes:
        if wrong is not None and close(y, wrong):
            return hint
    return "y = x * mask / p."


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, shape in enumerate(SHAPES):
        x, mask = case(seed, shape, 0.7)
        y = f(x, mask, 0.7)
        assert_true(y.shape == x.shape, f"y has shape {y.shape}, expected {x.shape} (the shape of x).")


def test_values(f):
    """y matches x * mask / p"""
    for seed, (shape, p) in enumerate(zip(SHAPES, [0.5, 0.8, 0.9, 0.3, 0.65])):
        x, mask = case(10 + seed, shape, p)
        y = f(x, mask, p)
        assert_close(y, x * mask / p, "y", hint=lambda: f"(p = {p}) " + diagnose(y, x, mask, p))


def test_dropped_are_zero(f):
    """Dropped units are exactly zero"""
    x, mask = case(20, (5, 6), 0.6)
    y = f(x, mask, 0.6)
    assert_true(y.shape == x.shape, f"y has shape {y.shape}, expected {x.shape}.")
    dropped = mask == 0
    assert_true(np.all(y[dropped] == 0),
                f"{int(np.sum(y[dropped] != 0))} of the {int(dropped.sum())} dropped units (mask 0) are "
                "not zero. " + diagnose(y, x, mask, 0.6))


def test_scale(f):
    """Kept units are scaled by 1/p, with p the keep probability"""
    x = np.arange(1.0, 7.0).reshape(2, 3)
    for p in (0.8, 0.25):
        y = f(x, np.ones_like(x), p)
        assert_close(y, x / p, "y",
                     hint=f"With every unit kept and p = {p} the output is x / {p}. " + diagnose(y, x, np.ones_like(x), p))


def test_keep_all(f):
    """p = 1 with a full mask is the identity"""
    x, _ = case(30, (3, 4), 1.0)
    y = f(x, np.ones_like(x), 1.0)
    assert_close(y, x, "y", hint="Nothing is dropped and 1/p = 1: y must equal x.")


def test_expectation(f):
    """Diagnostic: on average over random masks, y equals x"""
    g = rng(40)
    n, p = 20000, 0.8
    x = np.full(n, 1.5)
    mask = (g.random(n) < p).astype(np.float64)
    y = f(x, mask, p)
    assert_true(y.shape == x.shape, f"y has shape {y.shape}, expected {x.shape}.")
    assert_close(y.mean(), 1.5, "the mean of y", atol=0.02, rtol=0,
                 hint=f"Every x is 1.5 and about {p:.0%} of {n} units are kept: inverted dropout keeps "
                      "the expected output equal to the input, so the mean of y must be about 1.5. "
                      + diagnose(y, x, mask, p))

import numpy as np

from grader.testing import assert_close, rng

# (H, D, C): size-1 axes and square weights
SHAPES = [(4, 3, 2), (1, 1, 1), (3, 3, 3), (5, 1, 4), (2, 6, 1)]
SHAPES.append(tuple(int(n) for n in rng(912).integers(1, 7, size=3)))  # and one drawn at random (seeded)
NAMES = ["dW1_clipped", "db1_clipped", "dW2_clipped", "db2_clipped"]


def case(seed, H, D, C, scale=1.0):
    g = rng(seed)
    return tuple(scale * g.standard_normal(s) for s in [(H, D), (H,), (C, H), (C,)])


def norm(grads):
    return float(np.sqrt(sum(np.sum(g * g) for g in grads)))


def reference(grads, max_norm):
    n = norm(grads)
    s = min(1.0, max_norm / (n + 1e-6))
    return [g * s for g in grads], n


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-9, rtol=1e-9)


def diagnose_clipped(out, grads, max_norm):
    per_tensor = [g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6)) for g in grads]
    if all(close(o, w) for o, w in zip(out, per_tensor)):
        return ("Each array was clipped to max_norm on its own. Clip by the global norm: one norm over all "
                "four arrays together, and the same factor for all of them, so the direction of the update "
                "is kept.")
    if all(close(o, np.clip(g, -max_norm, max_norm)) for o, g in zip(out, grads)):
        return ("That clips each entry to [−max_norm, max_norm] (clipping by value). Scale the arrays by "
                "max_norm / total_norm instead, which keeps their direction.")
    n = norm(grads)
    if all(close(o, g * max_norm / (n + 1e-6)) for o, g in zip(out, grads)):
        return ("The gradients were scaled up to length max_norm: clipping only shrinks. Use the factor "
                "min(1, max_norm / (total_norm + 1e-6)).")
    return ("Every array should be multiplied by the same factor min(1, max_norm / (total_norm + 1e-6)), with "
            "total_norm the norm over all four arrays together.")


def diagnose_norm(got, grads, clipped):
    n = norm(grads)
    if close(got, sum(float(np.linalg.norm(g)) for g in grads)):
        return ("That is the sum of the four arrays' norms. The global norm is the norm of all entries "
                "together: √(Σ of every squared entry).")
    if close(got, n * n):
        return "That is the squared norm: take the square root."
    if close(got, norm(clipped)):
        return "That is the norm after clipping: return the norm of the gradients you were given."
    return "total_norm should be √(Σ over all four arrays of the squared entries), before clipping."


def check(f, grads, max_norm, prefix=""):
    out = f(*grads, max_norm)
    want, n = reference(grads, max_norm)
    for name, got, w in zip(NAMES, out[:4], want):
        assert_close(got, w, name, hint=lambda: prefix + diagnose_clipped(out[:4], grads, max_norm))
    return out


def test_shapes(f):
    """Returns four arrays shaped like the inputs and one number"""
    for seed, shape in enumerate(SHAPES):
        grads = case(seed, *shape)
        out = f(*grads, 1.0)
        for name, got, g in zip(NAMES, out[:4], grads):
            if got.shape != g.shape:
                raise AssertionError(f"{name} has shape {got.shape}, expected {g.shape}: clipping scales "
                                     "each array, it does not reshape or concatenate them.")
        if np.ndim(out[4]) != 0:
            raise AssertionError(f"total_norm has shape {np.shape(out[4])}: it should be one number, the norm "
                                 "of all four arrays together.")


def test_total_norm(f):
    """total_norm is the global norm of all four gradients, before clipping"""
    for seed, shape in enumerate(SHAPES):
        grads = case(10 + seed, *shape, scale=2.0)
        out = f(*grads, 0.5)
        want, n = reference(grads, 0.5)
        assert_close(out[4], n, "total_norm", hint=lambda: diagnose_norm(out[4], grads, want))


def test_below_threshold(f):
    """Below max_norm the gradients pass unchanged"""
    for seed, shape in enumerate(SHAPES):
        grads = case(20 + seed, *shape, scale=0.1)
        check(f, grads, 2.0 * norm(grads) + 0.5,
              f"The global norm here is {norm(grads):.4g}, under max_norm: nothing should change. ")


def test_above_threshold(f):
    """Above max_norm all four are scaled by the same factor"""
    for seed, shape in enumerate(SHAPES):
        grads = case(30 + seed, *shape, scale=3.0)
        check(f, grads, 0.25 * norm(grads))


def test_one_large_layer(f):
    """A single large layer shrinks the others too"""
    g = rng(40)
    grads = (100.0 * g.standard_normal((3, 2)), 0.1 * g.standard_normal(3),
             0.1 * g.standard_normal((2, 3)), 0.1 * g.standard_normal(2))
    check(f, grads, 1.0, "Only dW1 is large, but the factor is global: the small gradients are scaled by "
                         "it too, so the update keeps its direction. ")


def test_clipped_norm(f):
    """After clipping the global norm is max_norm"""
    for seed, max_norm in enumerate([0.5, 1.0, 5.0]):
        grads = case(50 + seed, 4, 3, 2, scale=4.0)
        out = f(*grads, max_norm)
        assert_close(norm(out[:4]), max_norm * norm(grads) / (norm(grads) + 1e-6), "global norm after clipping",
                     hint=lambda: diagnose_clipped(out[:4], grads, max_norm))


def test_zero_gradients(f):
    """All-zero gradients stay zero, with no division by zero"""
    grads = tuple(np.zeros(s) for s in [(2, 3), (2,), (1, 2), (1,)])
    out = f(*grads, 1.0)
    for name, got in zip(NAMES, out[:4]):
        assert_close(got, np.zeros_like(got), name, atol=0,
                     hint="With a zero norm, max_norm / (0 + 1e-6) is large and the min with 1 keeps the "
                          "gradients as they are: zero.")
    assert_close(out[4], 0.0, "total_norm", atol=0, hint="Every entry is 0, so the norm is 0.")

import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 3), (1,), (5, 5), (2, 1, 3), (6, 1)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(905).integers(1, 7, size=int(rng(955).integers(1, 4)))))


def case(seed, shape):
    g = rng(seed)
    return g.standard_normal(shape), g.standard_normal(shape)


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def diagnose_loss(loss, pred, target):
    d = pred - target
    n, rows = d.size, d.shape[0]
    if n > 1 and close(loss, np.sum(d**2)):
        return f"That is the sum of the squares: divide by the number of entries, N = {n}."
    if rows != n and close(loss, np.sum(d**2) / rows):
        return (f"You divided by the number of rows ({rows}); the mean is over every entry, "
                f"N = pred.size = {n}.")
    if close(loss, np.mean(np.abs(d))):
        return "That is the mean absolute error: square the differences."
    if close(loss, np.mean(d) ** 2):
        return "That is the square of the mean difference: square each difference first, then average."
    return "loss should be np.mean((pred − target) ** 2)."


def diagnose_grad(dpred, pred, target):
    d = pred - target
    n, rows = d.size, d.shape[0]
    mistakes = [
        (d / n, "The factor 2 is missing: d/dp (p − t)² = 2 (p − t)."),
        (2 * d, f"The mean's 1/N is missing: every entry of the gradient is divided by N = {n}."),
        (2 * d / rows, f"You divided by the number of rows ({rows}); divide by N = pred.size = {n}."),
        (-2 * d / n, "Wrong sign: the derivative of (p − t)² with respect to p is +2 (p − t)."),
        (d, f"Both the 2 and the 1/N are missing: dpred = 2 (pred − target) / {n}."),
    ]
    for wrong, hint in mistakes:
        if close(dpred, wrong):
            return hint
    return "dpred should be 2 * (pred − target) / pred.size."


def test_shapes(f):
    """Returns a number and an array shaped like pred"""
    for seed, shape in enumerate(SHAPES):
        p, t = case(seed, shape)
        loss, dpred = f(p, t)
        if np.ndim(loss) != 0:
            raise AssertionError(f"loss has shape {np.shape(loss)}: it should be one number, the mean over "
                                 "every entry.")
        if dpred.shape != shape:
            raise AssertionError(f"dpred has shape {dpred.shape}, expected {shape} (the shape of pred).")


def test_loss(f):
    """loss is the mean of (pred − target)² over every entry"""
    for seed, shape in enumerate(SHAPES):
        p, t = case(10 + seed, shape)
        loss, _ = f(p, t)
        assert_close(loss, np.mean((p - t) ** 2), "loss", hint=lambda: diagnose_loss(loss, p, t))


def test_gradient(f):
    """dpred is 2 (pred − target) / N"""
    for seed, shape in enumerate(SHAPES):
        p, t = case(20 + seed, shape)
        _, dpred = f(p, t)
        assert_close(dpred, 2 * (p - t) / p.size, "dpred", hint=lambda: diagnose_grad(dpred, p, t))


def test_perfect_prediction(f):
    """pred equal to target gives zero loss and zero gradient"""
    p, _ = case(30, (3, 4))
    loss, dpred = f(p, p.copy())
    assert_close(loss, 0.0, "loss", atol=1e-12, hint="No miss, no loss.")
    assert_close(dpred, np.zeros_like(p), "dpred", atol=1e-12,
                 hint="At the minimum the gradient is zero.")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    p, t = case(40, (3, 4))
    _, dpred = f(p, t)
    num = numerical_gradient(lambda p_: np.mean((p_ - t) ** 2), p)
    assert_close(dpred, num, "dpred", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dpred. "
                              + diagnose_grad(dpred, p, t))

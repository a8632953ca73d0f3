import numpy as np

from grader.testing import assert_close, rng

# (k, parameter shape): one micro-batch, square parameters, size-1 axes
CASES = [(4, (3,)), (1, (2, 2)), (3, (3, 3)), (6, (1,)), (2, (2, 1, 3))]
CASES.append((int(rng(918).integers(1, 8)), tuple(int(n) for n in rng(968).integers(1, 5, size=2))))  # seeded random


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def expected(grads, sizes):
    n = sizes.astype(float)
    return np.tensordot(n / n.sum(), grads, axes=1)


def diagnose(got, grads, sizes):
    k, N = len(sizes), int(sizes.sum())
    n = sizes.astype(float)
    mistakes = [
        (grads.sum(axis=0), f"That is the sum of the {k} micro-batch gradients: each is already a mean, so the "
                            "sum is about k times the whole batch's gradient. Weight each by sizes[i] / N."),
        (grads.mean(axis=0), "That is the plain average of the rows: it counts every micro-batch equally, but "
                             "they have different sizes. Weight row i by sizes[i] / sizes.sum()."),
        (np.tensordot(n, grads, axes=1), f"Weighted by sizes but not divided by the total, N = {N}: that is "
                                         "the gradient of the summed loss, not of the mean."),
        (np.tensordot(n, grads, axes=1) / k, f"Divide the weighted sum by the number of examples, N = {N}, not "
                                             f"by the number of micro-batches, k = {k}."),
    ]
    for wrong, hint in mistakes:
        if close(got, wrong) and not close(wrong, expected(grads, sizes)):
            return hint
    return "grad should be Σ_i sizes[i] · grads[i] / Σ_i sizes[i]."


def make(seed, k, shape, equal=False):
    g = rng(seed)
    sizes = np.full(k, 8) if equal else g.integers(1, 20, size=k)
    return g.standard_normal((k,) + shape), sizes.astype(np.int64)


def test_shape(f):
    """Returns one gradient, shaped like a single micro-batch's"""
    for seed, (k, shape) in enumerate(CASES):
        grads, sizes = make(seed, k, shape)
        got = f(grads, sizes)
        if got.shape != shape:
            hint = (" It still has the micro-batch axis: combine along axis 0." if got.shape == grads.shape
                    else "")
            raise AssertionError(f"grad has shape {got.shape}, expected {shape} (grads.shape[1:]).{hint}")


def test_equal_sizes(f):
    """Equal micro-batches: the mean of their gradients"""
    for seed, (k, shape) in enumerate(CASES):
        grads, sizes = make(10 + seed, k, shape, equal=True)
        got = f(grads, sizes)
        assert_close(got, grads.mean(axis=0), "grad", hint=lambda: diagnose(got, grads, sizes))


def test_unequal_sizes(f):
    """Unequal micro-batches are weighted by their sizes"""
    for seed, (k, shape) in enumerate(CASES):
        grads, sizes = make(20 + seed, k, shape)
        got = f(grads, sizes)
        assert_close(got, expected(grads, sizes), "grad", hint=lambda: diagnose(got, grads, sizes))


def test_short_last_batch(f):
    """A short last micro-batch counts only for its examples"""
    grads = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [-5.0, 3.0]])
    sizes = np.array([32, 32, 32, 4])
    got = f(grads, sizes)
    assert_close(got, np.array([0.76, 0.12]), "grad",
                 hint=lambda: "The last micro-batch has 4 of the 100 examples, so it weighs 4 %, not 25 %. "
                              + diagnose(got, grads, sizes))


def test_whole_batch(f):
    """Equals the gradient of the whole batch's mean loss"""
    g = rng(40)
    N, D = 23, 3
    X, y, w = g.standard_normal((N, D)), g.standard_normal(N), g.standard_normal(D)
    full = 2 * X.T @ (X @ w - y) / N  # gradient of mean((X w − y)²) over all N examples
    bounds = [0, 8, 16, 23]           # micro-batches of 8, 8 and 7
    grads = np.array([2 * X[a:b].T @ (X[a:b] @ w - y[a:b]) / (b - a) for a, b in zip(bounds, bounds[1:])])
    sizes = np.diff(bounds).astype(np.int64)
    got = f(grads, sizes)
    assert_close(got, full, "grad",
                 hint=lambda: "Here each row is the gradient of a linear regression's mean squared error on "
                              "8, 8 and 7 of 23 examples; combined, they must give the gradient on all 23. "
                              + diagnose(got, grads, sizes))

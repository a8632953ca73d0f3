import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng

SHAPES = [(5, 4), (1, 3), (6, 6), (4, 1), (2, 2), (8, 3)]


def stats(x, eps, axis=0, ddof=0):
    mean = x.mean(axis=axis, keepdims=True)
    var = ((x - mean) ** 2).sum(axis=axis, keepdims=True) / max(x.shape[axis] - ddof, 1)
    r = 1.0 / np.sqrt(var + eps)
    return r, (x - mean) * r


def forward(x, gamma, beta, eps):
    return gamma * stats(x, eps)[1] + beta


def reference(G, x, gamma, eps, axis=0, mean_term=True, var_term=True, ddof=0):
    r, x_hat = stats(x, eps, axis, ddof)
    g = G * gamma
    dx = r * g
    if mean_term:
        dx = dx - r * g.mean(axis=axis, keepdims=True)
    if var_term:
        dx = dx - r * x_hat * (g * x_hat).mean(axis=axis, keepdims=True)
    return dx, (G * x_hat).sum(axis=0), G.sum(axis=0)


def case(seed, n, d, eps=1e-5):
    g = rng(seed)
    x = 2.0 * g.standard_normal((n, d)) + 3.0 * g.standard_normal((1, d))
    return g.standard_normal((n, d)), x, 1.0 + 0.5 * g.standard_normal(d), eps


def random_shapes(seed, k=3):
    g = rng(seed)
    return [tuple(int(v) for v in g.integers(1, 9, size=2)) for _ in range(k)]


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose_dx(dx, G, x, gamma, eps):
    mistakes = [
        (reference(G, x, gamma, eps, mean_term=False, var_term=False)[0],
         "That is the evaluation-mode gradient, r · grad_out · gamma, which treats the batch mean and "
         "variance as constants. In training mode they are computed from x: subtract "
         "r · mean(g) and r · x̂ · mean(g · x̂), means over the batch."),
        (reference(G, x, gamma, eps, mean_term=False)[0],
         "The mean term is missing: the batch mean depends on every x in the column, which subtracts "
         "r · mean(g, axis=0). Each column of dx must sum to zero."),
        (reference(G, x, gamma, eps, var_term=False)[0],
         "The variance term is missing: the batch variance depends on x too, which subtracts "
         "r · x̂ · mean(g · x̂, axis=0)."),
        (reference(G, x, gamma, eps, axis=1)[0],
         "You took the statistics per row (axis=-1): that is layer norm. Batch norm takes them per "
         "column, over the batch (axis 0)."),
        (reference(G, x, gamma, eps, ddof=1)[0],
         "You used the unbiased variance (N − 1); the normalization divides by N."),
    ]
    for wrong, hint in mistakes:
        if close(dx, wrong):
            return hint
    return "dx = r · (g − mean(g) − x̂ · mean(g · x̂)), means over the batch (axis 0), g = grad_out · gamma."


def test_shapes(f):
    """Returns dx shaped like x, dgamma and dbeta shaped like gamma"""
    for seed, (n, d) in enumerate(SHAPES):
        G, x, gamma, eps = case(seed, n, d)
        dx, dgamma, dbeta = f(G, x, gamma, eps)
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")
        for name, v in (("dgamma", dgamma), ("dbeta", dbeta)):
            extra = (" — one row per example: gamma and beta are shared by the whole batch, so sum "
                     "over axis 0." if v.shape == x.shape and n > 1 else "")
            assert_true(v.shape == gamma.shape,
                        f"{name} has shape {v.shape}, expected {gamma.shape} (the shape of gamma){extra}")


def test_dgamma_dbeta(f):
    """dgamma and dbeta are sums over the batch"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(19)):
        G, x, gamma, eps = case(20 + seed, n, d)
        _, dgamma, dbeta = f(G, x, gamma, eps)
        x_hat = stats(x, eps)[1]
        assert_close(dbeta, G.sum(axis=0), "dbeta",
                     hint="dbeta = grad_out.sum(axis=0): a sum over the batch, not a mean.")
        assert_close(dgamma, (G * x_hat).sum(axis=0), "dgamma",
                     hint=lambda: ("That is the mean over the batch: sum instead."
                                   if close(dgamma, (G * x_hat).mean(axis=0)) else
                                   "dgamma = (grad_out · x̂).sum(axis=0), with x̂ normalized per column."))


def test_dx(f):
    """dx follows the batch mean and variance (training mode)"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(29)):
        G, x, gamma, eps = case(30 + seed, n, d)
        dx, _, _ = f(G, x, gamma, eps)
        assert_close(dx, reference(G, x, gamma, eps)[0], "dx",
                     hint=lambda: f"(shape {x.shape}) " + diagnose_dx(dx, G, x, gamma, eps))


def test_columns_sum_to_zero(f):
    """Each column of dx sums to zero"""
    G, x, gamma, eps = case(40, 7, 5)
    dx, _, _ = f(G, x, gamma, eps)
    assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape}.")
    assert_close(dx.sum(axis=0), np.zeros(5), "dx.sum(axis=0)", atol=1e-8,
                 hint="Shifting a whole feature by a constant does not change its normalization, so "
                      "every column of dx must sum to 0. " + diagnose_dx(dx, G, x, gamma, eps))


def test_batch_of_one(f):
    """A batch of one example gives dx = 0"""
    G, x, gamma, eps = case(50, 1, 4)
    dx, dgamma, dbeta = f(G, x, gamma, eps)
    assert_close(dx, np.zeros_like(x), "dx", atol=1e-9,
                 hint="With N = 1 every x equals its batch mean, so x̂ = 0 and y = beta whatever x is: "
                      "the gradient must be 0. " + diagnose_dx(dx, G, x, gamma, eps))
    assert_close(dbeta, G[0], "dbeta")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradients"""
    G, x, gamma, eps = case(60, 5, 3, eps=1e-3)
    beta = rng(61).standard_normal(3)
    dx, dgamma, dbeta = f(G, x, gamma, eps)
    hint = "Compared with a finite-difference estimate of L = sum(grad_out · batch_norm(x))."
    num_dx = numerical_gradient(lambda x_: np.sum(G * forward(x_, gamma, beta, eps)), x)
    assert_close(dx, num_dx, "dx", atol=1e-5, rtol=1e-4,
                 hint=lambda: hint + " " + diagnose_dx(dx, G, x, gamma, eps))
    num_dgamma = numerical_gradient(lambda g_: np.sum(G * forward(x, g_, beta, eps)), gamma)
    assert_close(dgamma, num_dgamma, "dgamma", atol=1e-5, rtol=1e-4, hint=hint)
    num_dbeta = numerical_gradient(lambda b_: np.sum(G * forward(x, gamma, b_, eps)), beta)
    assert_close(dbeta, num_dbeta, "dbeta", atol=1e-5, rtol=1e-4, hint=hint)

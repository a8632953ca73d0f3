import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng

SHAPES = [(4, 5), (1, 6), (5, 5), (3, 1), (2, 2), (7, 3)]


def stats(x, eps, ddof=0):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).sum(axis=-1, keepdims=True) / max(x.shape[-1] - ddof, 1)
    r = 1.0 / np.sqrt(var + eps)
    return mean, r, (x - mean) * r


def forward(x, gamma, beta, eps):
    _, _, x_hat = stats(x, eps)
    return gamma * x_hat + beta


def reference(G, x, gamma, eps, mean_term=True, var_term=True, ddof=0):
    _, r, x_hat = stats(x, eps, ddof)
    g = G * gamma
    dx = r * g
    if mean_term:
        dx = dx - r * g.mean(axis=-1, keepdims=True)
    if var_term:
        dx = dx - r * x_hat * (g * x_hat).mean(axis=-1, keepdims=True)
    return dx, (G * x_hat).sum(axis=0), G.sum(axis=0)


def case(seed, n, d, eps=1e-5):
    g = rng(seed)
    x = 2.0 * g.standard_normal((n, d)) + g.standard_normal((n, 1))
    return g.standard_normal((n, d)), x, 1.0 + 0.5 * g.standard_normal(d), eps


def random_shapes(seed, k=3):
    g = rng(seed)
    return [tuple(int(v) for v in g.integers(1, 9, size=2)) for _ in range(k)]


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose_dx(dx, G, x, gamma, eps):
    mistakes = [
        (reference(G, x, gamma, eps, mean_term=False)[0],
         "The mean term is missing: μ depends on every x in the row, which subtracts "
         "r · mean(g) from every entry (g = grad_out · gamma). Each row of dx must sum to zero."),
        (reference(G, x, gamma, eps, var_term=False)[0],
         "The variance term is missing: σ² depends on every x in the row too, which subtracts "
         "r · x̂ · mean(g · x̂)."),
        (reference(G, x, gamma, eps, mean_term=False, var_term=False)[0],
         "That is only the direct path, r · grad_out · gamma: the mean and the variance of the "
         "row depend on x as well (subtract r · mean(g) and r · x̂ · mean(g · x̂))."),
        (reference(G, x, np.ones_like(gamma), eps)[0],
         "gamma is missing: the gradient reaching x̂ is g = grad_out · gamma."),
        (reference(G, x, gamma, eps, ddof=1)[0],
         "You used the unbiased variance (D − 1); layer norm divides by D."),
    ]
    for wrong, hint in mistakes:
        if close(dx, wrong):
            return hint
    return "dx = r · (g − mean(g) − x̂ · mean(g · x̂)), means per row, with g = grad_out · gamma."


def test_shapes(f):
    """Returns dx shaped like x, dgamma and dbeta shaped like gamma"""
    for seed, (n, d) in enumerate(SHAPES):
        G, x, gamma, eps = case(seed, n, d)
        dx, dgamma, dbeta = f(G, x, gamma, eps)
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")
        for name, v in (("dgamma", dgamma), ("dbeta", dbeta)):
            extra = (" — that is one row per example: gamma and beta are shared by every row, so "
                     "sum over the batch (axis 0)." if v.shape == x.shape and n > 1 else "")
            assert_true(v.shape == gamma.shape,
                        f"{name} has shape {v.shape}, expected {gamma.shape} (the shape of gamma){extra}")


def test_dbeta(f):
    """dbeta is grad_out summed over the batch"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(19)):
        G, x, gamma, eps = case(20 + seed, n, d)
        _, _, dbeta = f(G, x, gamma, eps)
        assert_close(dbeta, G.sum(axis=0), "dbeta",
                     hint="Every row adds beta, so every row's gradient adds up: sum over the batch, "
                          "not a mean.")


def test_dgamma(f):
    """dgamma is grad_out · x̂ summed over the batch"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(29)):
        G, x, gamma, eps = case(30 + seed, n, d)
        _, dgamma, _ = f(G, x, gamma, eps)
        _, _, x_hat = stats(x, eps)
        want = (G * x_hat).sum(axis=0)

        def hint():
            if close(dgamma, (G * x_hat).mean(axis=0)):
                return "That is the mean over the batch: every row uses the same gamma, so sum over the batch."
            if close(dgamma, (G * x).sum(axis=0)):
                return "You multiplied grad_out by x; gamma multiplies the normalized x̂."
            if close(dgamma, G.sum(axis=0)):
                return "That is dbeta: gamma multiplies x̂, so dgamma = sum(grad_out · x̂, axis=0)."
            return "dgamma = sum over rows of grad_out · x̂."
        assert_close(dgamma, want, "dgamma", hint=hint)


def test_dx(f):
    """dx includes the mean and variance terms"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(39)):
        G, x, gamma, eps = case(40 + seed, n, d)
        dx, _, _ = f(G, x, gamma, eps)
        assert_close(dx, reference(G, x, gamma, eps)[0], "dx",
                     hint=lambda: f"(shape {x.shape}) " + diagnose_dx(dx, G, x, gamma, eps))


def test_rows_sum_to_zero(f):
    """Each row of dx sums to zero and is orthogonal to x̂"""
    G, x, gamma, _ = case(50, 6, 8)
    eps = 0.0
    dx, _, _ = f(G, x, gamma, eps)
    assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape}.")
    _, _, x_hat = stats(x, eps)
    assert_close(dx.sum(axis=-1), np.zeros(6), "dx.sum(axis=-1)", atol=1e-8,
                 hint="Adding a constant to a row does not change its normalization, so the gradient "
                      "has no component along (1, …, 1): every row of dx must sum to 0. "
                      + diagnose_dx(dx, G, x, gamma, eps))
    assert_close((dx * x_hat).sum(axis=-1), np.zeros(6), "(dx · x̂).sum(axis=-1)", atol=1e-8,
                 hint="With eps = 0, scaling a row does not change its normalization either, so dx "
                      "must be orthogonal to x̂ in every row. " + diagnose_dx(dx, G, x, gamma, eps))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradients"""
    G, x, gamma, eps = case(60, 3, 4, eps=1e-3)
    beta = rng(61).standard_normal(4)
    dx, dgamma, dbeta = f(G, x, gamma, eps)
    num_dx = numerical_gradient(lambda x_: np.sum(G * forward(x_, gamma, beta, eps)), x)
    num_dgamma = numerical_gradient(lambda g_: np.sum(G * forward(x, g_, beta, eps)), gamma)
    num_dbeta = numerical_gradient(lambda b_: np.sum(G * forward(x, gamma, b_, eps)), beta)
    hint = "Compared with a finite-difference estimate of L = sum(grad_out · layer_norm(x))."
    assert_close(dx, num_dx, "dx", atol=1e-5, rtol=1e-4,
                 hint=lambda: hint + " " + diagnose_dx(dx, G, x, gamma, eps))
    assert_close(dgamma, num_dgamma, "dgamma", atol=1e-5, rtol=1e-4, hint=hint)
    assert_close(dbeta, num_dbeta, "dbeta", atol=1e-5, rtol=1e-4, hint=hint)

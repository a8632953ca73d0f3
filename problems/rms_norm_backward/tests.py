import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng

SHAPES = [(4, 5), (1, 6), (5, 5), (3, 1), (2, 2), (6, 3)]


def forward(x, gamma, eps):
    return gamma * x / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)


def reference(G, x, gamma, eps, var_factor=1.0, mean_term=False):
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    x_hat = x / rms
    g = G * gamma
    dx = (g - var_factor * x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / rms
    if mean_term:
        dx = dx - g.mean(axis=-1, keepdims=True) / rms
    return dx, (G * x_hat).sum(axis=0)


def case(seed, n, d, eps=1e-6):
    g = rng(seed)
    x = 2.0 * g.standard_normal((n, d)) + g.standard_normal((n, 1))
    return g.standard_normal((n, d)), x, 1.0 + 0.5 * g.standard_normal(d), eps


def random_shapes(seed, k=3):
    g = rng(seed)
    return [tuple(int(v) for v in g.integers(1, 9, size=2)) for _ in range(k)]


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose_dx(dx, G, x, gamma, eps):
    rms = np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    mistakes = [
        (reference(G, x, gamma, eps, var_factor=0.0)[0],
         "That is only the direct path, grad_out · gamma / rms: the rms depends on every x in "
         "the row, which subtracts x̂ · mean(g · x̂) / rms."),
        (reference(G, x, gamma, eps, mean_term=True)[0],
         "You subtracted mean(g) as in layer norm: RMSNorm subtracts no mean in the forward pass, "
         "so there is no mean path in the backward pass."),
        (reference(G, x, gamma, eps, var_factor=2.0)[0],
         "The second term is twice too big: the 2 from differentiating x² cancels the 1/2 from "
         "the square root. d rms / d x_j = x_j / (D · rms)."),
        (reference(G, x, gamma, eps, var_factor=float(x.shape[1]))[0],
         "The second term is D times too big: it uses the mean of g · x̂ over the row, not its sum."),
        (reference(G, x, np.ones_like(gamma), eps)[0],
         "gamma is missing: the gradient reaching x̂ is g = grad_out · gamma."),
        (reference(G, x, gamma, eps)[0] * rms,
         "You forgot to divide by rms at the end (or multiplied by it)."),
    ]
    for wrong, hint in mistakes:
        if close(dx, wrong):
            return hint
    return "dx = (g − x̂ · mean(g · x̂)) / rms, per row, with g = grad_out · gamma and x̂ = x / rms."


def test_shapes(f):
    """Returns dx shaped like x and dgamma shaped like gamma"""
    for seed, (n, d) in enumerate(SHAPES):
        G, x, gamma, eps = case(seed, n, d)
        dx, dgamma = f(G, x, gamma, eps)
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")
        extra = (" — one row per example: gamma is shared by every row, so sum over the batch (axis 0)."
                 if dgamma.shape == x.shape and n > 1 else "")
        assert_true(dgamma.shape == gamma.shape,
                    f"dgamma has shape {dgamma.shape}, expected {gamma.shape} (the shape of gamma){extra}")


def test_dgamma(f):
    """dgamma is grad_out · x̂ summed over the batch"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(19)):
        G, x, gamma, eps = case(20 + seed, n, d)
        _, dgamma = f(G, x, gamma, eps)
        want = reference(G, x, gamma, eps)[1]
        x_hat = x / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)

        def hint():
            if close(dgamma, (G * x_hat).mean(axis=0)):
                return "That is the mean over the batch: every row uses the same gamma, so sum."
            if close(dgamma, (G * x).sum(axis=0)):
                return "gamma multiplies the normalized x̂ = x / rms, not x."
            return "dgamma = (grad_out · x̂).sum(axis=0) with x̂ = x / rms."
        assert_close(dgamma, want, "dgamma", hint=hint)


def test_dx(f):
    """dx includes the path through the rms, and no mean term"""
    for seed, (n, d) in enumerate(SHAPES + random_shapes(29)):
        G, x, gamma, eps = case(30 + seed, n, d)
        dx, _ = f(G, x, gamma, eps)
        assert_close(dx, reference(G, x, gamma, eps)[0], "dx",
                     hint=lambda: f"(shape {x.shape}) " + diagnose_dx(dx, G, x, gamma, eps))


def test_orthogonal_to_x(f):
    """With eps = 0, each row of dx is orthogonal to x"""
    G, x, gamma, _ = case(40, 5, 7)
    dx, _ = f(G, x, gamma, 0.0)
    assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape}.")
    assert_close((dx * x).sum(axis=-1), np.zeros(5), "(dx · x).sum(axis=-1)", atol=1e-8,
                 hint="With eps = 0, scaling a row by any c > 0 leaves x / rms unchanged, so the "
                      "gradient has no component along x: every row of dx is orthogonal to x. "
                      + diagnose_dx(dx, G, x, gamma, 0.0))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradients"""
    G, x, gamma, eps = case(50, 3, 4, eps=1e-3)
    dx, dgamma = f(G, x, gamma, eps)
    hint = "Compared with a finite-difference estimate of L = sum(grad_out · rms_norm(x))."
    num_dx = numerical_gradient(lambda x_: np.sum(G * forward(x_, gamma, eps)), x)
    assert_close(dx, num_dx, "dx", atol=1e-5, rtol=1e-4,
                 hint=lambda: hint + " " + diagnose_dx(dx, G, x, gamma, eps))
    num_dgamma = numerical_gradient(lambda g_: np.sum(G * forward(x, g_, eps)), gamma)
    assert_close(dgamma, num_dgamma, "dgamma", atol=1e-5, rtol=1e-4, hint=hint)

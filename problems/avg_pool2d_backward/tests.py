import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng


def forward(x, k, s):
    N, C, H, W = x.shape
    H_out, W_out = (H - k) // s + 1, (W - k) // s + 1
    y = np.zeros((N, C, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            y[:, :, h, v] = x[:, :, h * s : h * s + k, v * s : v * s + k].mean(axis=(2, 3))
    return y


def spread(G, x, k, s, scale=None, accumulate=True):
    """dx by an explicit loop over the windows."""
    scale = 1.0 / (k * k) if scale is None else scale
    dx = np.zeros_like(x)
    for h in range(G.shape[2]):
        for v in range(G.shape[3]):
            part = scale * G[:, :, h : h + 1, v : v + 1]
            if accumulate:
                dx[:, :, h * s : h * s + k, v * s : v * s + k] += part
            else:
                dx[:, :, h * s : h * s + k, v * s : v * s + k] = part
    return dx


FIXED = [(2, 3, 4, 4, 2, 2), (1, 1, 1, 1, 1, 1), (1, 2, 5, 5, 3, 1), (2, 1, 6, 7, 3, 2),
         (1, 3, 4, 6, 2, 1), (3, 2, 7, 5, 2, 3), (1, 1, 5, 5, 2, 2)]


def configs(seed, k=4):
    g = rng(seed)
    out = list(FIXED)
    for _ in range(k):
        ks = int(g.integers(1, 5))
        H, W = (int(v) for v in g.integers(ks, 9, size=2))
        out.append((int(g.integers(1, 3)), int(g.integers(1, 3)), H, W, ks, int(g.integers(1, 4))))
    return out


def case(seed, N, C, H, W, k, s):
    g = rng(seed)
    return g.standard_normal((N, C, (H - k) // s + 1, (W - k) // s + 1)), g.standard_normal((N, C, H, W))


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-9)


def diagnose(dx, G, x, k, s):
    want = spread(G, x, k, s)
    mistakes = [
        (spread(G, x, k, s, scale=1.0), f"The 1/k² is missing: each entry of a window gets 1/{k * k} of its gradient."),
        (spread(G, x, k, s, scale=1.0 / k), f"You divided by k = {k}: a window has k² = {k * k} entries."),
        (spread(G, x, k, s, accumulate=False),
         "Where windows overlap, an entry collects a share from each of them: add with +=, do not overwrite."),
    ]
    for wrong, hint in mistakes:
        if close(dx, wrong) and not close(wrong, want):
            return hint
    return "Each output spreads grad_out / k² over its k × k window, and overlapping shares add up."


def test_shape(f):
    """Returns dx shaped like x"""
    for seed, cfg in enumerate(configs(1)):
        G, x = case(seed, *cfg)
        dx = f(G, x, cfg[4], cfg[5])
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")


def test_values(f):
    """dx spreads grad_out / k² over each window"""
    for seed, cfg in enumerate(configs(2)):
        G, x = case(100 + seed, *cfg)
        k, s = cfg[4], cfg[5]
        dx = f(G, x, k, s)
        assert_close(dx, spread(G, x, k, s), "dx",
                     hint=lambda: f"(x {x.shape}, kernel_size = {k}, stride = {s}) " + diagnose(dx, G, x, k, s))


def test_overlap(f):
    """Overlapping windows add their shares"""
    G, x = np.ones((1, 1, 2, 2)), np.zeros((1, 1, 3, 3))
    dx = f(G, x, 2, 1)
    want = np.array([[[[1.0, 2, 1], [2, 4, 2], [1, 2, 1]]]]) / 4
    assert_close(dx, want, "dx",
                 hint="Four 2 × 2 windows with gradient 1 each: the centre is in all four and gets 4 · 1/4 = 1. "
                      + diagnose(dx, G, x, 2, 1))


def test_total_preserved(f):
    """The gradient's total is preserved, and uncovered entries get zero"""
    G, x = case(200, 2, 2, 7, 5, 2, 2)  # the last row of x is in no window
    dx = f(G, x, 2, 2)
    assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape}.")
    assert_close(dx.sum(), G.sum(), "dx.sum()",
                 hint="Each output's gradient is split into k² equal shares that all land in x, so "
                      "sum(dx) = sum(grad_out). " + diagnose(dx, G, x, 2, 2))
    assert_close(dx[:, :, 6], np.zeros((2, 2, 5)), "dx[:, :, 6]",
                 hint="With H = 7, kernel 2 and stride 2 the windows cover rows 0–5: row 6 was never "
                      "used, so its gradient is 0.")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, x = case(300, 1, 2, 5, 4, 3, 1)
    dx = f(G, x, 3, 1)
    num = numerical_gradient(lambda x_: np.sum(G * forward(x_, 3, 1)), x)
    assert_close(dx, num, "dx", atol=1e-6, rtol=1e-6,
                 hint="Compared with a finite-difference estimate of L = sum(grad_out · avg_pool2d(x)). "
                      + diagnose(dx, G, x, 3, 1))

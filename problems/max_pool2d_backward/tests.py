import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng


def forward(x, k, s):
    N, C, H, W = x.shape
    H_out, W_out = (H - k) // s + 1, (W - k) // s + 1
    y = np.zeros((N, C, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            y[:, :, h, v] = x[:, :, h * s : h * s + k, v * s : v * s + k].max(axis=(2, 3))
    return y


def route(G, x, k, s, rule="first", accumulate=True):
    """dx with an explicit loop over every (n, c) and window; rule names how ties are broken."""
    N, C = x.shape[:2]
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for h in range(G.shape[2]):
                for v in range(G.shape[3]):
                    win = x[n, c, h * s : h * s + k, v * s : v * s + k]
                    at = np.argwhere(win == win.max())  # tied maxima, row-major order
                    if rule == "first":
                        winners, share = at[:1], 1.0
                    elif rule == "last":
                        winners, share = at[-1:], 1.0
                    elif rule == "column-major":
                        winners, share = at[np.lexsort((at[:, 0], at[:, 1]))][:1], 1.0
                    elif rule == "all":
                        winners, share = at, 1.0
                    else:  # "split"
                        winners, share = at, 1.0 / len(at)
                    for i, j in winners:
                        if accumulate:
                            dx[n, c, h * s + i, v * s + j] += share * G[n, c, h, v]
                        else:
                            dx[n, c, h * s + i, v * s + j] = share * G[n, c, h, v]
    return dx


FIXED = [  # N, C, H, W, k, s: non-overlapping, overlapping, tails, size-1 axes, square and not
    (2, 3, 4, 4, 2, 2), (1, 1, 1, 1, 1, 1), (1, 2, 5, 5, 3, 1), (2, 1, 6, 7, 3, 2),
    (1, 3, 4, 6, 2, 1), (3, 2, 7, 5, 2, 3), (1, 1, 3, 3, 3, 3),
]


def configs(seed, k=4):
    g = rng(seed)
    out = list(FIXED)
    for _ in range(k):
        ks = int(g.integers(1, 4))
        H, W = (int(v) for v in g.integers(ks, 8, size=2))
        out.append((int(g.integers(1, 3)), int(g.integers(1, 3)), H, W, ks, int(g.integers(1, 4))))
    return out


def case(seed, N, C, H, W, k, s, ties=False):
    g = rng(seed)
    x = g.integers(0, 3, size=(N, C, H, W)).astype(float) if ties else g.standard_normal((N, C, H, W))
    H_out, W_out = (H - k) // s + 1, (W - k) // s + 1
    return g.standard_normal((N, C, H_out, W_out)), x


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-9)


def diagnose(dx, G, x, k, s):
    mistakes = [
        (route(G, x, k, s, "all"),
         "Every tied maximum got the full gradient: that multiplies it by the number of ties. Only the "
         "first maximum in row-major order (np.argmax of the flattened window) gets it."),
        (route(G, x, k, s, "split"),
         "You split the gradient evenly among tied maxima: a valid subgradient, but not the rule here. "
         "The first maximum in row-major order takes it all, as in PyTorch."),
        (route(G, x, k, s, "last"),
         "Ties went to the last maximum: the rule is the first one in row-major order."),
        (route(G, x, k, s, "column-major"),
         "Ties went to the first maximum scanning column by column: scan row by row (row-major), "
         "as argmax of window.reshape(-1) does."),
        (route(G, x, k, s, accumulate=False),
         "An entry that wins several overlapping windows must receive the sum of their gradients: "
         "use += into dx, not =."),
    ]
    for wrong, hint in mistakes:
        if close(dx, wrong) and not close(wrong, route(G, x, k, s)):
            return hint
    return ("Each output sends grad_out[n, c, h, v] to the first maximum of its window, and an entry "
            "that wins several windows adds them up.")


def test_shape(f):
    """Returns dx shaped like x"""
    for seed, (N, C, H, W, k, s) in enumerate(configs(1)):
        G, x = case(seed, N, C, H, W, k, s)
        dx = f(G, x, k, s)
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")


def test_values(f):
    """dx routes each gradient to its window's maximum (no ties)"""
    for seed, (N, C, H, W, k, s) in enumerate(configs(2)):
        G, x = case(100 + seed, N, C, H, W, k, s)
        dx = f(G, x, k, s)
        assert_close(dx, route(G, x, k, s), "dx",
                     hint=lambda: f"(x {x.shape}, kernel_size = {k}, stride = {s}) " + diagnose(dx, G, x, k, s))


def test_ties(f):
    """Ties: the gradient goes to the first maximum in row-major order"""
    for seed, (N, C, H, W, k, s) in enumerate([(2, 2, 4, 4, 2, 2), (1, 3, 6, 6, 3, 3), (2, 1, 4, 6, 2, 2)]):
        G, x = case(200 + seed, N, C, H, W, k, s, ties=True)
        dx = f(G, x, k, s)
        assert_close(dx, route(G, x, k, s), "dx",
                     hint=lambda: "(x holds only 0, 1 and 2, so most windows tie) " + diagnose(dx, G, x, k, s))
    x = np.zeros((1, 1, 2, 2))
    dx = f(np.ones((1, 1, 1, 1)), x, 2, 2)
    assert_close(dx, np.array([[[[1.0, 0.0], [0.0, 0.0]]]]), "dx",
                 hint="An all-zero window (common after a ReLU) ties four ways: the first entry, (0, 0), "
                      "takes the whole gradient. " + diagnose(dx, np.ones((1, 1, 1, 1)), x, 2, 2))


def test_overlap(f):
    """An entry that wins overlapping windows adds their gradients"""
    x = np.array([[[[0.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 0.0]]]])
    G = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    dx = f(G, x, 2, 1)
    assert_close(dx, route(G, x, 2, 1), "dx",
                 hint="With kernel 2 and stride 1 the centre 9 is the maximum of all four windows: it "
                      "receives 1 + 2 + 3 + 4 = 10. " + diagnose(dx, G, x, 2, 1))
    G, x = case(300, 2, 2, 6, 5, 3, 1)
    dx = f(G, x, 3, 1)
    assert_close(dx, route(G, x, 3, 1), "dx", hint=lambda: diagnose(dx, G, x, 3, 1))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient (no ties)"""
    G, x = case(400, 1, 2, 5, 4, 2, 1)
    dx = f(G, x, 2, 1)
    num = numerical_gradient(lambda x_: np.sum(G * forward(x_, 2, 1)), x)
    assert_close(dx, num, "dx", atol=1e-5, rtol=1e-5,
                 hint="Compared with a finite-difference estimate of L = sum(grad_out · max_pool2d(x)). "
                      + diagnose(dx, G, x, 2, 1))

import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng


def forward(x, w, b, S, P):
    N, C, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out, W_out = (H + 2 * P - kh) // S + 1, (W + 2 * P - kw) // S + 1
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    y = np.zeros((N, C_out, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            y[:, :, h, v] = np.einsum("ncij,ocij->no", xp[:, :, h * S : h * S + kh, v * S : v * S + kw], w)
    return y + b[:, None, None]


def padded_grads(G, x, w, S, P, accumulate=True):
    """Gradient of the padded input and dw, one output pixel at a time."""
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for h in range(G.shape[2]):
        for v in range(G.shape[3]):
            rows, cols = slice(h * S, h * S + kh), slice(v * S, v * S + kw)
            dw += np.einsum("no,ncij->ocij", G[:, :, h, v], xp[:, :, rows, cols])
            contribution = np.einsum("no,ocij->ncij", G[:, :, h, v], w)
            if accumulate:
                dxp[:, :, rows, cols] += contribution
            else:
                dxp[:, :, rows, cols] = contribution
    return dxp, dw


def reference(G, x, w, S, P):
    dxp, dw = padded_grads(G, x, w, S, P)
    H, W = x.shape[2:]
    return dxp[:, :, P : P + H, P : P + W], dw, G.sum(axis=(0, 2, 3))


FIXED = [  # N, C_in, C_out, H, W, kh, kw, S, P
    (2, 3, 2, 5, 4, 2, 3, 1, 0), (1, 1, 1, 1, 1, 1, 1, 1, 0), (1, 2, 3, 3, 3, 3, 3, 1, 1),
    (2, 1, 2, 6, 7, 3, 2, 2, 1), (1, 3, 1, 4, 4, 4, 4, 1, 0), (3, 2, 2, 7, 5, 2, 2, 3, 1),
    (2, 2, 2, 5, 5, 3, 3, 1, 2),
]


def configs(seed, k=2):
    g = rng(seed)
    out = list(FIXED)
    for _ in range(k):
        kh, kw = (int(v) for v in g.integers(1, 5, size=2))
        P = int(g.integers(0, min(kh, kw)))
        H = int(g.integers(max(1, kh - 2 * P), 9))
        W = int(g.integers(max(1, kw - 2 * P), 9))
        ci, co, n = (int(v) for v in g.integers(1, 4, size=3))
        out.append((n, ci, co, H, W, kh, kw, int(g.integers(1, 4)), P))
    return out


def case(seed, N, C_in, C_out, H, W, kh, kw, S, P):
    g = rng(seed)
    H_out, W_out = (H + 2 * P - kh) // S + 1, (W + 2 * P - kw) // S + 1
    return (g.standard_normal((N, C_out, H_out, W_out)), g.standard_normal((N, C_in, H, W)),
            g.standard_normal((C_out, C_in, kh, kw)))


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose_dx(dx, G, x, w, S, P):
    H, W = x.shape[2:]
    dxp = padded_grads(G, x, w, S, P)[0]
    mistakes = [
        (padded_grads(G, x, w, S, P, accumulate=False)[0][:, :, P : P + H, P : P + W],
         "Where patches overlap, a pixel was copied into several columns: add the gradients of all "
         "its copies with +=, never overwrite."),
        (dxp[:, :, :H, :W] if P else None,
         "Your dx is shifted: cut `padding` rows and columns off each side, "
         "dx_padded[:, :, P : P + H, P : P + W]."),
        (reference(G, x, w[:, :, ::-1, ::-1], S, P)[0],
         "Your kernel is flipped: each output pixel sends grad_out · w[o, c, i, j] back to the pixel "
         "at offset (i, j) of its own patch."),
    ]
    for wrong, hint in mistakes:
        if wrong is not None and close(dx, wrong):
            return hint
    return ("dcols = w.reshape(C_out, -1).T @ grad_out (per image), then col2im: add every column "
            "entry back to the pixel it was copied from, and cut the padding off.")


def diagnose_dw(dw, G, x, w, S, P):
    want = reference(G, x, w, S, P)[1]
    mistakes = [
        (want / G.shape[0], "That is the mean over the batch: every image uses the same filters, so sum."),
        (want[:, :, ::-1, ::-1], "Your dw is flipped: dw[o, c, i, j] pairs grad_out[n, o, h, v] with "
                                 "x_padded[n, c, h·stride + i, v·stride + j]."),
    ]
    for wrong, hint in mistakes:
        if close(dw, wrong):
            return hint
    return "dw = Σ_n grad_out_n @ cols_nᵀ, reshaped to w's shape (C_out, C_in, kh, kw)."


def test_shapes(f):
    """Returns dx, dw and db shaped like x, w and the bias (C_out,)"""
    for seed, cfg in enumerate(configs(1)):
        G, x, w = case(seed, *cfg)
        dx, dw, db = f(G, x, w, cfg[7], cfg[8])
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x).")
        assert_true(dw.shape == w.shape, f"dw has shape {dw.shape}, expected {w.shape} (the shape of w).")
        if db.shape != (w.shape[0],):
            hint = (" The bias is added at every position of every example: sum grad_out over the batch "
                    "and every position, axis=(0, 2, 3)." if db.ndim > 1 else "")
            raise AssertionError(f"db has shape {db.shape}, expected {(w.shape[0],)} (one per output channel).{hint}")


def test_db(f):
    """db sums grad_out over the batch and every position"""
    for seed, cfg in enumerate(configs(2)):
        G, x, w = case(100 + seed, *cfg)
        _, _, db = f(G, x, w, cfg[7], cfg[8])
        assert_close(db, G.sum(axis=(0, 2, 3)), "db",
                     hint="db[o] = grad_out[:, o].sum(): a sum over the batch and every pixel, not a mean.")


def test_dw(f):
    """dw matches Σ grad_out · patch over the batch and every position"""
    for seed, cfg in enumerate(configs(3)):
        G, x, w = case(200 + seed, *cfg)
        S, P = cfg[7], cfg[8]
        _, dw, _ = f(G, x, w, S, P)
        assert_close(dw, reference(G, x, w, S, P)[1], "dw",
                     hint=lambda: f"(x {x.shape}, w {w.shape}, stride = {S}, padding = {P}) "
                                  + diagnose_dw(dw, G, x, w, S, P))


def test_dx(f):
    """dx matches col2im of the column gradients"""
    for seed, cfg in enumerate(configs(4)):
        G, x, w = case(300 + seed, *cfg)
        S, P = cfg[7], cfg[8]
        dx, _, _ = f(G, x, w, S, P)
        assert_close(dx, reference(G, x, w, S, P)[0], "dx",
                     hint=lambda: f"(x {x.shape}, w {w.shape}, stride = {S}, padding = {P}) "
                                  + diagnose_dx(dx, G, x, w, S, P))


def test_overlap(f):
    """Overlapping patches add their gradients"""
    x = np.ones((1, 1, 4, 4))
    w = np.ones((1, 1, 3, 3))
    G = np.ones((1, 1, 2, 2))
    dx, _, _ = f(G, x, w, 1, 0)
    want = np.array([[[[1.0, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]]]])
    assert_close(dx, want, "dx",
                 hint="With a 3 × 3 kernel of ones and stride 1 the four patches overlap: the centre "
                      "pixels are in all four, so their gradient is 4. " + diagnose_dx(dx, G, x, w, 1, 0))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradients"""
    G, x, w = case(400, 2, 2, 2, 4, 5, 3, 2, 2, 1)
    b = rng(401).standard_normal(2)
    dx, dw, db = f(G, x, w, 2, 1)
    hint = "Compared with a finite-difference estimate of L = sum(grad_out · conv2d(x, w, b)). "
    num = numerical_gradient(lambda x_: np.sum(G * forward(x_, w, b, 2, 1)), x)
    assert_close(dx, num, "dx", atol=1e-5, rtol=1e-5, hint=lambda: hint + diagnose_dx(dx, G, x, w, 2, 1))
    num = numerical_gradient(lambda w_: np.sum(G * forward(x, w_, b, 2, 1)), w)
    assert_close(dw, num, "dw", atol=1e-5, rtol=1e-5, hint=lambda: hint + diagnose_dw(dw, G, x, w, 2, 1))
    num = numerical_gradient(lambda b_: np.sum(G * forward(x, w, b_, 2, 1)), b)
    assert_close(db, num, "db", atol=1e-5, rtol=1e-5, hint=hint)

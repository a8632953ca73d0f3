import numpy as np

from grader.testing import assert_close, assert_true, rng


def reference(x, w, b, S, P):
    """Direct: one patch · filter sum per output pixel."""
    N, C, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out, W_out = (H + 2 * P - kh) // S + 1, (W + 2 * P - kw) // S + 1
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    y = np.zeros((N, C_out, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            y[:, :, h, v] = np.einsum("ncij,ocij->no", xp[:, :, h * S : h * S + kh, v * S : v * S + kw], w)
    return y + b[:, None, None]


FIXED = [  # N, C_in, C_out, H, W, kh, kw, S, P
    (2, 3, 2, 5, 4, 2, 3, 1, 0), (1, 1, 1, 1, 1, 1, 1, 1, 0), (1, 2, 3, 3, 3, 3, 3, 1, 1),
    (2, 1, 2, 6, 7, 3, 2, 2, 1), (1, 3, 1, 4, 4, 4, 4, 1, 0), (3, 2, 2, 7, 5, 2, 2, 3, 1),
    (1, 2, 4, 5, 6, 3, 1, 2, 0),
]


def configs(seed, k=4):
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


def case(seed, N, C_in, C_out, H, W, kh, kw):
    g = rng(seed)
    return g.standard_normal((N, C_in, H, W)), g.standard_normal((C_out, C_in, kh, kw)), g.standard_normal(C_out)


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose(y, x, w, b, S, P):
    want = reference(x, w, b, S, P)
    N, C_out, H_out, W_out = want.shape
    mistakes = [
        (reference(x, w[:, :, ::-1, ::-1], b, S, P),
         "Your kernel is flipped: the layer is a cross-correlation, w applied as it is."),
        (want - b[:, None, None], "The bias is missing: add b[o] to every pixel of output channel o."),
        ((want - b[:, None, None]).reshape(N, C_out, -1).reshape(N, C_out, W_out, H_out).swapaxes(-1, -2)
         + b[:, None, None] if H_out != W_out else None,
         "The output positions come out of the matmul row by row: reshape to (N, C_out, H_out, W_out) "
         "directly, with no swap."),
    ]
    # filters flattened as (i, j, c) against columns in (c, i, j) order
    w_mixed = w.transpose(0, 2, 3, 1).reshape(w.shape)
    mistakes.append((reference(x, w_mixed, b, S, P),
                     "Your filters and your columns are flattened in different orders: use "
                     "w.reshape(C_out, -1), whose (c, i, j) order matches im2col's rows."))
    for wrong, hint in mistakes:
        if wrong is not None and close(y, wrong):
            return hint
    return "y[n, o] = w.reshape(C_out, -1) @ cols[n] + b[o], reshaped to (H_out, W_out)."


def test_shape(f):
    """y has shape (N, C_out, H_out, W_out)"""
    for seed, (N, ci, co, H, W, kh, kw, S, P) in enumerate(configs(1)):
        x, w, b = case(seed, N, ci, co, H, W, kh, kw)
        y = f(x, w, b, S, P)
        want = (N, co, (H + 2 * P - kh) // S + 1, (W + 2 * P - kw) // S + 1)
        assert_true(y.shape == want,
                    f"For x {x.shape}, w {w.shape}, stride = {S}, padding = {P}: y has shape {y.shape}, "
                    f"expected {want}, with H_out = (H + 2·padding − kh) // stride + 1 = {want[2]} and "
                    f"W_out = (W + 2·padding − kw) // stride + 1 = {want[3]}.")


def test_no_flip(f):
    """Cross-correlation: the kernel is not flipped"""
    x = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    w = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])
    b = np.zeros(1)
    y = f(x, w, b, 1, 0)
    assert_close(y, reference(x, w, b, 1, 0), "y",
                 hint="The first patch [[1, 2], [4, 5]] against w = [[1, 2], [0, −1]] gives 1 + 4 − 5 = 0. "
                      + diagnose(y, x, w, b, 1, 0))


def test_bias(f):
    """Each output channel gets its own bias"""
    x, w, _ = case(10, 2, 2, 3, 4, 5, 2, 2)
    b = np.array([1.0, -2.0, 30.0])
    y = f(x, w, b, 1, 0)
    assert_close(y, reference(x, w, b, 1, 0), "y",
                 hint="b[o] is added to every pixel of output channel o: b[:, None] before the reshape, "
                      "or b[:, None, None] after it. " + diagnose(y, x, w, b, 1, 0))


def test_values(f):
    """y matches the direct convolution on random inputs"""
    for seed, (N, ci, co, H, W, kh, kw, S, P) in enumerate(configs(2)):
        x, w, b = case(100 + seed, N, ci, co, H, W, kh, kw)
        y = f(x, w, b, S, P)
        assert_close(y, reference(x, w, b, S, P), "y",
                     hint=lambda: f"(x {x.shape}, w {w.shape}, stride = {S}, padding = {P}) "
                                  + diagnose(y, x, w, b, S, P))


def test_channels_mix(f):
    """Filters sum over every input channel"""
    x, w, b = case(200, 1, 3, 2, 4, 4, 3, 2)
    y = f(x, w, b, 1, 1)
    per_channel = sum(reference(x[:, c:c + 1], w[:, c:c + 1], np.zeros(2), 1, 1) for c in range(3))
    assert_close(y, per_channel + b[:, None, None], "y",
                 hint="Output channel o sums filter o's response over every input channel, then adds "
                      "b[o]. " + diagnose(y, x, w, b, 1, 1))

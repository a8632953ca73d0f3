import numpy as np

from grader.testing import assert_close, assert_true, rng


def out_size(H, W, kh, kw, S, P):
    return (H + 2 * P - kh) // S + 1, (W + 2 * P - kw) // S + 1


def patches(x, kh, kw, S, P):
    """(N, H_out, W_out, C, kh, kw): the patch at every output position, by slicing."""
    N, C, H, W = x.shape
    H_out, W_out = out_size(H, W, kh, kw, S, P)
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    out = np.zeros((N, H_out, W_out, C, kh, kw))
    for h in range(H_out):
        for v in range(W_out):
            out[:, h, v] = xp[:, :, h * S : h * S + kh, v * S : v * S + kw]
    return out


def reference(x, kh, kw, S, P):
    p = patches(x, kh, kw, S, P)
    N, H_out, W_out = p.shape[:3]
    return p.reshape(N, H_out * W_out, -1).transpose(0, 2, 1)


FIXED = [  # N, C, H, W, kh, kw, S, P: non-square images and kernels, size-1 axes, stride tails
    (2, 3, 5, 4, 2, 3, 1, 0), (1, 1, 1, 1, 1, 1, 1, 0), (1, 2, 3, 3, 3, 3, 1, 1), (2, 1, 6, 7, 3, 2, 2, 1),
    (1, 3, 4, 4, 4, 4, 1, 0), (3, 2, 7, 5, 2, 2, 3, 1), (1, 1, 3, 5, 3, 1, 1, 0),
]


def configs(seed, k=4):
    g = rng(seed)
    out = list(FIXED)
    for _ in range(k):
        kh, kw = (int(v) for v in g.integers(1, 5, size=2))
        P = int(g.integers(0, min(kh, kw)))
        H = int(g.integers(max(1, kh - 2 * P), 9))
        W = int(g.integers(max(1, kw - 2 * P), 9))
        out.append((int(g.integers(1, 4)), int(g.integers(1, 4)), H, W, kh, kw, int(g.integers(1, 4)), P))
    return out


def case(seed, N, C, H, W):
    return rng(seed).standard_normal((N, C, H, W))


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=0)


def diagnose(cols, x, kh, kw, S, P):
    p = patches(x, kh, kw, S, P)  # (N, H_out, W_out, C, kh, kw)
    N, H_out, W_out, C = p.shape[:4]
    order = lambda axes: p.transpose(axes).reshape(N, H_out * W_out, -1).transpose(0, 2, 1)
    mistakes = [
        (order((0, 1, 2, 4, 5, 3)),
         "Your rows run over (kernel row, kernel column, channel), channel fastest: the channel must "
         "vary slowest, row (c·kh + i)·kw + j, to match w.reshape(C_out, -1)."),
        (order((0, 2, 1, 3, 4, 5)),
         "Your columns run over the output positions column by column: column p must be the position "
         "(p // W_out, p % W_out), row by row."),
        (order((0, 1, 2, 3, 5, 4)),
         "Inside a channel your patch is flattened column by column: flatten it row by row, "
         "index i·kw + j."),
        (reference(x, kh, kw, S, 0) if P else None,
         "The padding is missing: pad H and W with `padding` zeros on every side first."),
    ]
    for wrong, hint in mistakes:
        if wrong is not None and close(cols, wrong):
            return hint
    return ("cols[n, (c·kh + i)·kw + j, oh·W_out + ow] = x_padded[n, c, oh·stride + i, ow·stride + j].")


def test_shape(f):
    """cols has shape (N, C·kh·kw, H_out·W_out)"""
    for seed, (N, C, H, W, kh, kw, S, P) in enumerate(configs(1)):
        x = case(seed, N, C, H, W)
        cols = f(x, kh, kw, S, P)
        H_out, W_out = out_size(H, W, kh, kw, S, P)
        want = (N, C * kh * kw, H_out * W_out)
        if cols.shape == want:
            continue
        if cols.shape == (N, H_out * W_out, C * kh * kw) and want[1] != want[2]:
            hint = " — transposed: one column per patch, one row per (channel, i, j)."
        elif cols.ndim == 3 and P and cols.shape[2] == np.prod(out_size(H, W, kh, kw, S, 0)):
            hint = " — that is the count without padding: pad H and W with `padding` zeros on every side first."
        elif cols.ndim == 3 and cols.shape[2] == H * W and H_out * W_out != H * W:
            hint = " — H_out·W_out counts the patches: (H + 2·padding − kh) // stride + 1 times (W + 2·padding − kw) // stride + 1."
        else:
            hint = ""
        raise AssertionError(
            f"For x {x.shape}, kh = {kh}, kw = {kw}, stride = {S}, padding = {P}: cols has shape "
            f"{cols.shape}, expected {want}, with H_out = {H_out} and W_out = {W_out}.{hint}")


def test_row_order(f):
    """Rows run over (channel, kernel row, kernel column), channel slowest"""
    x = np.arange(2 * 2 * 3, dtype=float).reshape(1, 2, 2, 3)
    cols = f(x, 2, 3, 1, 0)
    assert_close(cols, reference(x, 2, 3, 1, 0), "cols",
                 hint="One patch: the single column must be x[0].ravel(), channel 0's 2 × 3 block row "
                      "by row, then channel 1's. " + diagnose(cols, x, 2, 3, 1, 0))


def test_column_order(f):
    """Columns follow the output positions row by row"""
    x = np.arange(3 * 4, dtype=float).reshape(1, 1, 3, 4)
    cols = f(x, 1, 1, 1, 0)
    assert_close(cols, reference(x, 1, 1, 1, 0), "cols",
                 hint="With a 1 × 1 kernel every pixel is a patch, so cols must be x.reshape(1, 1, 12): "
                      "the positions in row-major order. " + diagnose(cols, x, 1, 1, 1, 0))


def test_values(f):
    """cols matches the patches on random inputs"""
    for seed, (N, C, H, W, kh, kw, S, P) in enumerate(configs(2)):
        x = case(100 + seed, N, C, H, W)
        cols = f(x, kh, kw, S, P)
        assert_close(cols, reference(x, kh, kw, S, P), "cols",
                     hint=lambda: f"(x {x.shape}, kh = {kh}, kw = {kw}, stride = {S}, padding = {P}) "
                                  + diagnose(cols, x, kh, kw, S, P))


def test_padding(f):
    """Padding puts zeros on all four sides"""
    x = np.ones((1, 1, 2, 2))
    cols = f(x, 2, 2, 1, 1)
    assert_close(cols, reference(x, 2, 2, 1, 1), "cols",
                 hint="A 2 × 2 image of ones padded to 4 × 4: the corner patches hold a single 1, the "
                      "middle one four. " + diagnose(cols, x, 2, 2, 1, 1))


def test_matmul_is_convolution(f):
    """Diagnostic: w.reshape(C_out, -1) @ cols is the convolution"""
    g = rng(300)
    x, w = g.standard_normal((2, 3, 5, 6)), g.standard_normal((4, 3, 2, 3))
    cols = f(x, 2, 3, 2, 1)
    H_out, W_out = out_size(5, 6, 2, 3, 2, 1)
    assert_true(cols.shape == (2, 18, H_out * W_out), f"cols has shape {cols.shape}, expected {(2, 18, H_out * W_out)}.")
    got = (w.reshape(4, -1) @ cols).reshape(2, 4, H_out, W_out)
    want = np.einsum("nhvcij,ocij->nohv", patches(x, 2, 3, 2, 1), w)
    assert_close(got, want, "w.reshape(C_out, -1) @ cols",
                 hint="Your cols, multiplied by the flattened filters, do not give the convolution: the "
                      "rows must follow w.reshape(C_out, -1)'s (c, i, j) order. " + diagnose(cols, x, 2, 3, 2, 1))

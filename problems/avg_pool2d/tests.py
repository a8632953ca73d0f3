import numpy as np

from grader.testing import assert_close, assert_true, rng


def reference(x, k, s):
    N, C, H, W = x.shape
    H_out, W_out = (H - k) // s + 1, (W - k) // s + 1
    y = np.zeros((N, C, H_out, W_out))
    for h in range(H_out):
        for v in range(W_out):
            y[:, :, h, v] = x[:, :, h * s : h * s + k, v * s : v * s + k].mean(axis=(2, 3))
    return y


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


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-9)


def diagnose(y, x, k, s):
    want = reference(x, k, s)
    mistakes = [
        (want * k * k, f"That is the window's sum: divide it by k·k = {k * k} to get the mean."),
        (want * k, f"You divided by k = {k}: a k × k window has k·k = {k * k} entries."),
    ]
    for wrong, hint in mistakes:
        if k > 1 and close(y, wrong):
            return hint
    return "y[n, c, h, v] = mean of x[n, c, h·stride : h·stride + k, v·stride : v·stride + k]."


def test_shape(f):
    """Output shape is (N, C, (H − k) // S + 1, (W − k) // S + 1)"""
    for seed, (N, C, H, W, k, s) in enumerate(configs(1)):
        x = rng(seed).standard_normal((N, C, H, W))
        y = f(x, k, s)
        want = (N, C, (H - k) // s + 1, (W - k) // s + 1)
        if y.shape != want:
            hint = ""
            if y.ndim == 4 and y.shape[2:] == (H - k + 1, W - k + 1) and s > 1:
                hint = " — that is stride 1: windows start every `stride` rows and columns."
            elif y.ndim == 4 and y.shape[2:] == (-(-(H - k) // s) + 1, -(-(W - k) // s) + 1):
                hint = " — that is ceil: a window that would run past the edge is dropped (floor, //)."
            elif y.ndim == 4 and y.shape[2:] == ((H - k) // s, (W - k) // s):
                hint = " — the + 1 is missing: the first window counts too."
            raise AssertionError(f"For x {x.shape}, kernel_size = {k}, stride = {s}: y has shape {y.shape}, "
                                 f"expected {want}.{hint}")


def test_values(f):
    """y is the mean of each window on random inputs"""
    for seed, (N, C, H, W, k, s) in enumerate(configs(2)):
        x = rng(100 + seed).standard_normal((N, C, H, W))
        y = f(x, k, s)
        assert_close(y, reference(x, k, s), "y",
                     hint=lambda: f"(x {x.shape}, kernel_size = {k}, stride = {s}) " + diagnose(y, x, k, s))


def test_mean_not_sum(f):
    """A window of ones averages to one"""
    x = np.ones((1, 2, 4, 6))
    y = f(x, 3, 1)
    assert_close(y, np.ones((1, 2, 2, 4)), "y",
                 hint="The mean of nine ones is 1. " + diagnose(y, x, 3, 1))


def test_channels_separate(f):
    """Each channel is pooled on its own"""
    x = np.stack([np.full((4, 4), 1.0), np.full((4, 4), 10.0)])[None]
    y = f(x, 2, 2)
    assert_true(y.shape == (1, 2, 2, 2), f"y has shape {y.shape}, expected (1, 2, 2, 2).")
    assert_close(y, reference(x, 2, 2), "y",
                 hint="Channel 0 is all 1 and channel 1 all 10: pooling never mixes channels. "
                      + diagnose(y, x, 2, 2))

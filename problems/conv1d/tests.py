import numpy as np

from grader.testing import assert_close, assert_true, rng


def reference(x, w, stride, padding):
    """One dot product per output entry."""
    N, C_in, L = x.shape
    C_out, _, K = w.shape
    L_out = (L + 2 * padding - K) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    y = np.zeros((N, C_out, L_out))
    for t in range(L_out):
        y[:, :, t] = np.einsum("ock,nck->no", w, xp[:, :, t * stride : t * stride + K])
    return y


def config(g, n=None):
    """A random (N, C_in, C_out, L, K, S, P) with L + 2P >= K and P < K."""
    k = int(g.integers(1, 5))
    p = int(g.integers(0, k))
    s = int(g.integers(1, 4))
    length = int(g.integers(max(1, k - 2 * p), 11))
    n = int(g.integers(1, 4)) if n is None else n
    return n, int(g.integers(1, 4)), int(g.integers(1, 4)), length, k, s, p


FIXED = [  # N, C_in, C_out, L, K, S, P: size-1 axes, K = L, strides that leave a tail
    (2, 3, 2, 7, 3, 1, 0), (1, 1, 1, 1, 1, 1, 0), (1, 1, 1, 1, 3, 1, 1), (3, 2, 2, 5, 5, 1, 0),
    (2, 2, 3, 8, 3, 2, 1), (1, 3, 1, 9, 2, 3, 1), (2, 1, 2, 6, 4, 2, 3), (1, 2, 2, 4, 4, 4, 0),
]


def configs(seed, k=6):
    g = rng(seed)
    return FIXED + [config(g) for _ in range(k)]


def case(seed, n, c_in, c_out, length, k):
    g = rng(seed)
    return g.standard_normal((n, c_in, length)), g.standard_normal((c_out, c_in, k))


def length_hint(got, L, K, S, P):
    want = (L + 2 * P - K) // S + 1
    wrong = [
        ((L + 2 * P - K) // S, "the + 1 is missing: the first window counts too"),
        (-(-(L + 2 * P - K) // S) + 1, "that is ceil; a window that would run past the end is dropped, so use floor (//)"),
        ((L + P - K) // S + 1, "the padding goes at both ends: L + 2·padding"),
        ((L - K) // S + 1, "the padding is missing: pad both ends with `padding` zeros first"),
        (L + 2 * P - K + 1, "the stride is missing: windows start every `stride` positions"),
        (L, "the output is not as long as the input in general"),
    ]
    whys = [why for length, why in wrong if got == length != want]
    if not whys:
        return ""
    return f" Your length {got}: " + "; or ".join(whys) + "."


def diagnose(y, x, w, stride, padding):
    mistakes = [
        (reference(x, w[:, :, ::-1], stride, padding),
         "Your kernel is flipped: deep learning's convolution is a cross-correlation, "
         "y[t] = Σ_k w[k] · x[t·stride + k], with w as it is."),
        (reference(x, w.transpose(1, 0, 2), stride, padding) if w.shape[0] == w.shape[1] else None,
         "w is indexed as (C_in, C_out, K); it is (C_out, C_in, K): w[o, c, k]."),
    ]
    for wrong, hint in mistakes:
        if wrong is not None and wrong.shape == y.shape and np.allclose(y, wrong, atol=1e-9, rtol=1e-7):
            return hint
    return "y[n, o, t] = Σ_c Σ_k w[o, c, k] · x_padded[n, c, t·stride + k]."


def test_output_shape(f):
    """Output length is floor((L + 2P − K) / S) + 1"""
    for seed, (n, ci, co, L, K, S, P) in enumerate(configs(1)):
        x, w = case(seed, n, ci, co, L, K)
        y = f(x, w, S, P)
        want = (n, co, (L + 2 * P - K) // S + 1)
        if y.shape != want:
            hint = length_hint(y.shape[-1], L, K, S, P) if y.ndim == 3 else ""
            raise AssertionError(
                f"For L = {L}, K = {K}, stride = {S}, padding = {P}: y has shape {y.shape}, expected "
                f"{want} = (N, C_out, L_out) with L_out = (L + 2·padding − K) // stride + 1.{hint}")


def test_no_flip(f):
    """Cross-correlation: the kernel is not flipped"""
    x = np.array([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
    w = np.array([[[1.0, 0.0, -1.0]]])
    y = f(x, w, 1, 0)
    assert_close(y, reference(x, w, 1, 0), "y",
                 hint="With w = [1, 0, −1] every window gives x[t] − x[t + 2] = −2. " + diagnose(y, x, w, 1, 0))


def test_values(f):
    """y matches the sliding dot product on random inputs"""
    for seed, (n, ci, co, L, K, S, P) in enumerate(configs(2)):
        x, w = case(100 + seed, n, ci, co, L, K)
        y = f(x, w, S, P)
        assert_close(y, reference(x, w, S, P), "y",
                     hint=lambda: f"(L = {L}, K = {K}, stride = {S}, padding = {P}) " + diagnose(y, x, w, S, P))


def test_channels(f):
    """Each filter sums over every input channel"""
    x, w = case(200, 2, 3, 2, 6, 2)
    y = f(x, w, 1, 0)
    assert_true(y.shape == (2, 2, 5), f"y has shape {y.shape}, expected (2, 2, 5).")
    per_channel = sum(reference(x[:, c:c + 1], w[:, c:c + 1], 1, 0) for c in range(3))
    assert_close(y, per_channel, "y",
                 hint="Output channel o is the sum over input channels c of x[:, c] correlated with "
                      "w[o, c]. " + diagnose(y, x, w, 1, 0))


def test_padding_is_zero(f):
    """Padding adds zeros at both ends"""
    x = np.array([[[1.0, 2.0, 3.0]]])
    w = np.array([[[1.0, 10.0, 100.0]]])
    y = f(x, w, 1, 2)
    assert_close(y, reference(x, w, 1, 2), "y",
                 hint="Padded with 2 zeros at each end, x becomes [0, 0, 1, 2, 3, 0, 0]: the first window "
                      "[0, 0, 1] gives 100, the last [3, 0, 0] gives 3. " + diagnose(y, x, w, 1, 2))

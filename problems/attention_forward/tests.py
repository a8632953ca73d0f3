import numpy as np

from grader.testing import assert_close, assert_true, rng


def case(seed, b, h, t, d, dv, scale=1.0):
    g = rng(seed)
    return (scale * g.standard_normal((b, h, t, d)), scale * g.standard_normal((b, h, t, d)),
            g.standard_normal((b, h, t, dv)))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def future(T):
    return np.triu(np.ones((T, T), dtype=bool), k=1)


def reference(Q, K, V, scale=None, causal=True, after=False):
    """The forward pass; the keyword variants rebuild the classic mistakes for diagnose()."""
    T, d = Q.shape[-2], Q.shape[-1]
    S = np.einsum("bhtd,bhsd->bhts", Q, K) / (np.sqrt(d) if scale is None else scale)
    if causal and not after:
        S = np.where(future(T), -np.inf, S)
    A = softmax(S)
    if after:
        A = np.where(future(T), 0.0, A)
    return A @ V, A


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-9, equal_nan=True)


SWAP = ("K.T on a 4-D array reverses all four axes, and @ then pairs up the wrong ones: swap only the last "
        "two, K.swapaxes(-1, -2), or np.einsum('bhtd,bhsd->bhts', Q, K).")


def diagnose(out, A, Q, K, V):
    """Name the mistake if (out, attn) match a known wrong forward pass; else say what they should be."""
    d = Q.shape[-1]
    with np.errstate(all="ignore"):
        if close(A, reference(Q, K, V, causal=False)[1]):
            return ("Nothing is masked: query t must not see the keys s > t. Set those scores to −∞ before the "
                    "softmax (the causal_mask problem).")
        if close(A, reference(Q, K, V, after=True)[1]):
            return ("The mask was applied after the softmax: the rows of attn no longer sum to 1. Mask the "
                    "scores to −∞, then take the softmax.")
        if d > 1 and close(A, reference(Q, K, V, scale=1.0)[1]):
            return f"The scale 1/√d is missing: divide the scores by √d = √{d}, with d = Q.shape[-1]."
        if d > 1 and close(A, reference(Q, K, V, scale=d)[1]):
            return f"You divided by d = {d}; the scale is 1/√d."
        try:
            S = np.matmul(Q, K.T) / np.sqrt(d)
            T = Q.shape[-2]
            if S.shape[-2:] == (T, T) and close(A, softmax(np.where(future(T), -np.inf, S))):
                return SWAP
        except ValueError:
            pass
        want_out, want_A = reference(Q, K, V)
        if close(A, want_A):
            if close(out, A.swapaxes(-1, -2) @ V):
                return "attn is right but out used its transpose: out = attn @ V (row t of attn weights the values for query t)."
            return "attn is right; out should be attn @ V."
    return ("attn should be the causal softmax of Q @ K.swapaxes(-1, -2) / √d, and out = attn @ V.")


def check_shapes(out, A, Q, V):
    b, h, t, _ = Q.shape
    if A.shape != (b, h, t, t):
        raise AssertionError(f"attn has shape {A.shape}; expected (B, H, T, T) = {(b, h, t, t)}: one weight "
                             "per query and key in every batch element and head.")
    if out.shape != V.shape:
        raise AssertionError(f"out has shape {out.shape}; expected (B, H, T, d_v) = {V.shape}, one weighted "
                             "average of value rows per query.")


def test_shapes(f):
    """Returns out (B, H, T, d_v) and attn (B, H, T, T)"""
    for seed, dims in enumerate([(2, 3, 4, 5, 6), (1, 1, 1, 1, 1), (2, 2, 3, 3, 2), (1, 2, 5, 4, 1)]):
        Q, K, V = case(seed, *dims)
        out, A = f(Q, K, V)
        check_shapes(out, A, Q, V)


def test_causal(f):
    """attn is zero above the diagonal and each row sums to 1"""
    Q, K, V = case(10, 2, 2, 5, 4, 3)
    out, A = f(Q, K, V)
    check_shapes(out, A, Q, V)
    T = Q.shape[-2]
    leak = np.abs(np.where(future(T), A, 0.0)).max()
    assert_true(leak == 0, f"attn is nonzero above the diagonal (up to {leak:.3g}): query t reads a future key. "
                           + diagnose(out, A, Q, K, V))
    assert_close(A.sum(axis=-1), np.ones(A.shape[:-1]), "attn.sum(axis=-1)",
                 hint=lambda: diagnose(out, A, Q, K, V))


def test_first_query(f):
    """Query 0 sees only key 0: out[..., 0, :] equals V[..., 0, :]"""
    Q, K, V = case(20, 2, 3, 4, 4, 5)
    out, A = f(Q, K, V)
    check_shapes(out, A, Q, V)
    assert_close(out[..., 0, :], V[..., 0, :], "out[..., 0, :]",
                 hint=lambda: "The first position has one visible key, itself, with weight 1. " + diagnose(out, A, Q, K, V))


def test_future_does_not_leak(f):
    """Changing the last key and value leaves earlier outputs unchanged"""
    Q, K, V = case(30, 1, 2, 6, 4, 3)
    out1, A1 = f(Q, K, V)
    check_shapes(out1, A1, Q, V)
    K2, V2 = K.copy(), V.copy()
    K2[..., -1, :] += 5.0
    V2[..., -1, :] -= 7.0
    out2, _ = f(Q, K2, V2)
    assert_close(out2[..., :-1, :], out1[..., :-1, :], "out[..., :T-1, :] after changing position T-1",
                 hint=lambda: "Positions before T − 1 must not depend on the last key or value: they are their "
                              "future. " + diagnose(out1, A1, Q, K, V))


def test_attn(f):
    """attn matches the causal softmax of Q Kᵀ / √d"""
    # The first case has B = H = T = d = 2, where Q @ K.T runs (and is wrong) instead of raising.
    for seed, dims in enumerate([(2, 2, 2, 2, 2), (2, 3, 4, 8, 8), (1, 2, 5, 16, 3), (3, 1, 3, 1, 2)]):
        Q, K, V = case(40 + seed, *dims)
        out, A = f(Q, K, V)
        check_shapes(out, A, Q, V)
        assert_close(A, reference(Q, K, V)[1], "attn", hint=lambda: diagnose(out, A, Q, K, V))


def test_out(f):
    """out matches attn @ V"""
    for seed, dims in enumerate([(2, 3, 4, 8, 8), (1, 2, 5, 4, 6), (2, 2, 3, 3, 3)]):
        Q, K, V = case(50 + seed, *dims, scale=1.5)
        out, A = f(Q, K, V)
        check_shapes(out, A, Q, V)
        assert_close(out, reference(Q, K, V)[0], "out", hint=lambda: diagnose(out, A, Q, K, V))


def test_large_scores(f):
    """Stable for scores in the thousands"""
    Q, K, V = case(60, 2, 2, 5, 4, 3, scale=40.0)
    with np.errstate(all="ignore"):
        out, A = f(Q, K, V)
    check_shapes(out, A, Q, V)
    for name, x in (("attn", A), ("out", out)):
        bad = ~np.isfinite(x)
        if bad.any():
            raise AssertionError(f"{name} has {int(bad.sum())} NaN or inf entries for scores of a few thousand: "
                                 "subtract each row's max of the masked scores before np.exp.")
    want_out, want_A = reference(Q, K, V)
    assert_close(A, want_A, "attn", hint=lambda: diagnose(out, A, Q, K, V))
    assert_close(out, want_out, "out", hint=lambda: diagnose(out, A, Q, K, V))

import numpy as np

from grader.testing import assert_close, rng


def case(seed, b, h, t, s, d, dv, scale=1.0):
    g = rng(seed)
    return (scale * g.standard_normal((b, h, t, d)), scale * g.standard_normal((b, h, s, d)),
            g.standard_normal((b, h, s, dv)))


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def reference(Q, K, V):
    scores = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(Q.shape[-1])
    return scores, np.einsum("bhts,bhsd->bhtd", softmax(scores), V)


def close(a, b, tol=1e-9):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=tol, rtol=tol, equal_nan=True)


SWAP = ("K.T on a 4-D array reverses all four axes, (B, H, S, d) → (d, S, H, B), and @ then pairs "
        "up the wrong axes. Transpose only the last two: Q @ K.swapaxes(-1, -2), or "
        "np.einsum('bhtd,bhsd->bhts', Q, K).")


def diagnose_scores(scores, Q, K, V):
    """Name the mistake if scores matches a known wrong formula; else say what it should be."""
    T, d, S, dv = Q.shape[-2], Q.shape[-1], K.shape[-2], V.shape[-1]
    raw = np.einsum("bhtd,bhsd->bhts", Q, K)
    want = raw / np.sqrt(d)
    with np.errstate(all="ignore"):
        try:
            dotT = np.matmul(Q, K.T)
        except ValueError:
            dotT = None
        if dotT is not None and (close(scores, dotT / np.sqrt(d)) or close(scores, dotT)):
            return SWAP
        if d > 1 and close(scores, raw):
            return (f"The scaling is missing: divide the dot products by √d = √{d}, where d = "
                    "Q.shape[-1] is the length of the query and key vectors.")
        if d > 1 and close(scores, raw / d):
            return f"You divided by d = {d}; the scale is 1/√d = 1/√{d}."
        if d > 1 and close(scores, raw * np.sqrt(d)):
            return f"You multiplied by √d = √{d}; divide by it."
        if not close(scores, want):
            dims = [f"{name} = {n}" for name, n in (("T = Q.shape[-2]", T), ("S = K.shape[-2]", S),
                                                    ("d_v = V.shape[-1]", dv))
                    if n != d and close(scores, raw / np.sqrt(n))]
            if dims:
                return (f"You divided by the square root of {' or '.join(dims)}: the scale is 1/√d with "
                        f"d = Q.shape[-1] = {d}, the length of the vectors in each dot product.")
        if close(scores, softmax(want)):
            return ("Those are the attention weights, after the softmax: return scores as they are "
                    "before it, and use the weights only to compute out.")
        if T != S and close(scores, want.swapaxes(-1, -2)):
            return ("That is K Qᵀ, shape (…, S, T): scores[…, t, s] compares query t with key s, "
                    "so it is Q @ K.swapaxes(-1, -2).")
    return ("scores should be Q @ K.swapaxes(-1, -2) / √d, or "
            "np.einsum('bhtd,bhsd->bhts', Q, K) / np.sqrt(d), with d = Q.shape[-1].")


def diagnose_out(out, Q, K, V, scores=None):
    """Name the mistake if out matches a known wrong formula; else say what it should be."""
    d = Q.shape[-1]
    raw = np.einsum("bhtd,bhsd->bhts", Q, K)
    want = raw / np.sqrt(d)
    with np.errstate(all="ignore"):
        if (scores is not None and scores.shape == want.shape and not close(scores, want)
                and close(out, softmax(scores) @ V)):
            return ("out is right for your scores, but the scores themselves are wrong. "
                    + diagnose_scores(scores, Q, K, V))
        if close(out, want @ V):
            return "The softmax is missing: out = softmax(scores) @ V, not scores @ V."
        if Q.shape[-2] > 1 and close(out, softmax(want, axis=-2) @ V):
            return ("The softmax ran over axis -2, the queries: each query's weights over the keys must "
                    "sum to 1, so normalise along the last axis, with keepdims=True.")
        if d > 1 and close(out, softmax(raw) @ V):
            return "The softmax was applied to unscaled dot products: divide by √d first."
        e = np.exp(want)
        if close(out, (e / e.sum(axis=-1, keepdims=True)) @ V) and not close(out, softmax(want) @ V):
            return ("np.exp overflows to inf for scores this large, and inf / inf is NaN: subtract each "
                    "row's max, scores.max(axis=-1, keepdims=True), before exp.")
    return ("out should be softmax(scores, axis=-1) @ V, or "
            "np.einsum('bhts,bhsd->bhtd', attn, V) with attn the softmax of scores over the keys.")


def test_shapes(f):
    """Returns scores (B, H, T, S) and out (B, H, T, d_v)"""
    # The first case has B = H = S = d = 2, where Q @ K.T runs (and is wrong) instead of raising.
    for seed, dims in enumerate([(2, 2, 3, 2, 2, 3), (2, 3, 4, 5, 6, 7), (1, 1, 3, 3, 2, 2),
                                 (2, 2, 1, 6, 4, 3)]):
        Q, K, V = case(seed, *dims)
        b, h, t, s, d, dv = dims
        scores, out = f(Q, K, V)
        if seed == 0 and diagnose_scores(scores, Q, K, V) == SWAP:
            raise AssertionError("scores has the right shape here only by coincidence (B = H = S = d = 2). "
                                 + SWAP)
        if scores.shape != (b, h, t, s):
            hint = ""
            if scores.shape == (b, h, s, t):
                hint = " Queries and keys are swapped: scores[…, t, s] compares query t with key s, so Q comes first."
            raise AssertionError(f"scores has shape {scores.shape} for Q {Q.shape}, K {K.shape}; expected "
                                 f"(B, H, T, S) = {(b, h, t, s)}: one score per query and key, in every "
                                 f"batch element and head.{hint}")
        if out.shape != (b, h, t, dv):
            raise AssertionError(f"out has shape {out.shape}; expected (B, H, T, d_v) = {(b, h, t, dv)}: "
                                 "one weighted average of value vectors per query.")


def test_batched_transpose(f):
    """Transposes only the last two axes of K"""
    # B = H = S = d = 2: here K.T has the same shape as K, so Q @ K.T runs, with the wrong numbers.
    Q, K, V = case(10, 2, 2, 3, 2, 2, 3)
    scores, out = f(Q, K, V)
    want_scores, want_out = reference(Q, K, V)
    assert_close(scores, want_scores, "scores", hint=lambda: diagnose_scores(scores, Q, K, V))
    assert_close(out, want_out, "out", hint=lambda: diagnose_out(out, Q, K, V, scores))


def test_scores(f):
    """scores match Q Kᵀ / √d"""
    for seed, dims in enumerate([(2, 3, 4, 4, 8, 8), (1, 2, 5, 5, 4, 6), (3, 1, 2, 2, 9, 1)]):
        Q, K, V = case(20 + seed, *dims)
        scores, _ = f(Q, K, V)
        want, _ = reference(Q, K, V)
        assert_close(scores, want, "scores", hint=lambda: diagnose_scores(scores, Q, K, V))


def test_scale(f):
    """scores are scaled by 1/√d"""
    Q, K, V = case(30, 1, 2, 3, 5, 16, 7)  # d = 16: √d = 4
    scores, _ = f(Q, K, V)
    want, _ = reference(Q, K, V)
    assert_close(scores, want, "scores",
                 hint="With d = 16 the dot products must be divided by √16 = 4. "
                      + diagnose_scores(scores, Q, K, V))


def test_out(f):
    """out matches softmax(scores) V"""
    for seed, dims in enumerate([(2, 3, 4, 4, 8, 8), (1, 2, 5, 5, 4, 6), (3, 1, 2, 2, 9, 1)]):
        Q, K, V = case(40 + seed, *dims, scale=1.5)
        scores, out = f(Q, K, V)
        _, want = reference(Q, K, V)
        assert_close(out, want, "out", hint=lambda: diagnose_out(out, Q, K, V, scores))


def test_cross_attention(f):
    """Cross-attention: T ≠ S, d ≠ d_v"""
    for seed, dims in enumerate([(2, 2, 3, 7, 5, 2), (1, 3, 6, 2, 3, 8)]):
        Q, K, V = case(50 + seed, *dims)
        scores, out = f(Q, K, V)
        want_scores, want_out = reference(Q, K, V)
        assert_close(scores, want_scores, "scores", hint=lambda: diagnose_scores(scores, Q, K, V))
        assert_close(out, want_out, "out", hint=lambda: diagnose_out(out, Q, K, V, scores))


def test_large_scores(f):
    """Stable for scores in the thousands"""
    Q, K, V = case(60, 2, 2, 4, 5, 4, 3, scale=40.0)  # scores of several hundred to a few thousand
    scores, out = f(Q, K, V)
    want_scores, want_out = reference(Q, K, V)
    assert_close(scores, want_scores, "scores", hint=lambda: diagnose_scores(scores, Q, K, V))
    bad = ~np.isfinite(out)
    if bad.any():
        raise AssertionError(f"out has {int(bad.sum())} NaN or inf entries out of {out.size} for scores up "
                             f"to {np.abs(want_scores).max():.0f} in magnitude. " + diagnose_out(out, Q, K, V))
    assert_close(out, want_out, "out", hint=lambda: diagnose_out(out, Q, K, V, scores))

import numpy as np

from grader.testing import assert_close, assert_true, rng


def case(seed, b, h, t, scale=1.0):
    return scale * rng(seed).standard_normal((b, h, t, t))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def future(T, k=1):
    return np.triu(np.ones((T, T), dtype=bool), k=k)


def reference(S):
    """Row by row: the softmax of the visible prefix, then zeros."""
    A = np.zeros_like(S)
    for t in range(S.shape[-1]):
        A[..., t, : t + 1] = softmax(S[..., t, : t + 1])
    return A


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-9, equal_nan=True)


def diagnose(A, S):
    """Name the mistake if attn matches a known wrong masking; else say what it should be."""
    T = S.shape[-1]
    with np.errstate(all="ignore"):
        mistakes = [
            (softmax(S), "Nothing is masked: query t must not see the keys s > t. Set those scores to "
                         "−∞ before the softmax: np.where(np.triu(np.ones((T, T), bool), k=1), -np.inf, scores)."),
            (np.where(future(T), 0.0, softmax(S)),
             "The mask was applied after the softmax: the future keys still took their share of the "
             "denominator, so the rows no longer sum to 1. Mask the scores (to −∞), then take the softmax."),
            (softmax(np.where(future(T), 0.0, S)),
             "The future scores were set to 0, not −∞: e⁰ = 1 is a real weight. Fill them with -np.inf."),
            (softmax(np.where(future(T).T & ~np.eye(T, dtype=bool), -np.inf, S)),
             "You masked the wrong triangle: the hidden keys are s > t, above the diagonal (np.triu(…, k=1)); "
             "query t sees keys 0..t, below and on the diagonal."),
        ]
        if T > 1:
            for fill in (-np.inf, -1e9):  # row 0 is then NaN, or uniform
                mistakes.append((softmax(np.where(future(T, 0), fill, S)),
                                 "The diagonal is masked too (np.triu with k=0): a token must be allowed to "
                                 "attend to itself, and row 0 is then left with no key at all. Use k=1."))
        for wrong, hint in mistakes:
            if close(A, wrong):
                return hint
    if not np.all(np.isfinite(A)):
        return ("NaN or inf appeared. Subtract the row max of the MASKED scores: the max of the raw row can be a "
                "huge future score, and subtracting it underflows every visible entry to 0, then 0/0.")
    return "Row t of attn should be softmax(scores[..., t, :t+1]) followed by zeros."


def check_shape(A, S):
    if A.shape != S.shape:
        raise AssertionError(f"attn has shape {A.shape}; expected the shape of scores, (B, H, T, T) = {S.shape}.")


def test_shape(f):
    """Returns attn shaped like scores"""
    for seed, dims in enumerate([(2, 3, 4), (1, 1, 1), (1, 2, 6), (3, 1, 2)]):
        S = case(seed, *dims)
        check_shape(f(S), S)


def test_future_is_zero(f):
    """Weights above the diagonal (future keys) are exactly 0"""
    for seed, dims in enumerate([(2, 2, 5), (1, 3, 3), (2, 1, 8)]):
        S = case(10 + seed, *dims)
        A = f(S)
        check_shape(A, S)
        T = S.shape[-1]
        leak = np.abs(np.where(future(T), A, 0.0))
        assert_true(np.all(leak == 0),
                    f"attn is nonzero above the diagonal (largest {leak.max():.3g} at "
                    f"{list(np.unravel_index(leak.argmax(), leak.shape))}): query t reads key s > t, a future "
                    "token. " + diagnose(A, S))


def test_rows_sum_to_one(f):
    """Each row of weights sums to 1"""
    for seed, dims in enumerate([(2, 2, 5), (1, 1, 4)]):
        S = case(20 + seed, *dims)
        A = f(S)
        check_shape(A, S)
        assert_close(A.sum(axis=-1), np.ones(S.shape[:-1]), "attn.sum(axis=-1)",
                     hint=lambda: "Each query's weights over the keys it may see are a softmax: they sum to 1. "
                                  + diagnose(A, S))


def test_diagonal_kept(f):
    """A token attends to itself: query 0 puts all its weight on key 0"""
    S = case(30, 2, 2, 4)
    A = f(S)
    check_shape(A, S)
    assert_close(A[..., 0, 0], np.ones((2, 2)), "attn[..., 0, 0]",
                 hint=lambda: "Query 0 sees only key 0, itself, so its single weight is 1. " + diagnose(A, S))


def test_values(f):
    """Row t is the softmax of scores[..., t, :t+1]"""
    for seed, dims in enumerate([(2, 3, 4), (1, 2, 7), (2, 2, 2), (1, 1, 1), (3, 2, 3)]):
        S = case(40 + seed, *dims, scale=2.0)
        A = f(S)
        check_shape(A, S)
        assert_close(A, reference(S), "attn", hint=lambda: diagnose(A, S))


def test_masked_scores_largest(f):
    """Stable when the masked (future) scores are the largest"""
    T = 5
    S = case(50, 2, 2, T)
    S = np.where(future(T), 1000.0, S)   # the future dominates every raw row max
    with np.errstate(all="ignore"):
        A = f(S)
    check_shape(A, S)
    bad = ~np.isfinite(A)
    if bad.any():
        raise AssertionError(f"attn has {int(bad.sum())} NaN or inf entries when the future scores are 1000 and the "
                             "visible ones about 0. " + diagnose(A, S))
    assert_close(A, reference(S), "attn", hint=lambda: diagnose(A, S))


def test_large_scores(f):
    """Stable for scores in the thousands"""
    S = case(60, 2, 2, 6, scale=1000.0)
    with np.errstate(all="ignore"):
        A = f(S)
    check_shape(A, S)
    bad = ~np.isfinite(A)
    if bad.any():
        raise AssertionError(f"attn has {int(bad.sum())} NaN or inf entries for scores up to "
                             f"{np.abs(S).max():.0f} in magnitude: e^1000 overflows. Subtract each row's max "
                             "(of the masked scores, keepdims=True) before np.exp.")
    assert_close(A, reference(S), "attn", hint=lambda: diagnose(A, S))

import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 3), (1, 5), (8, 10), (3, 2), (4, 4)]


def case(seed, b, c, scale=1.0):
    g = rng(seed)
    return scale * g.standard_normal((b, c)), g.integers(0, c, size=b)


def softmax_rows(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def fused(Z, t):
    B = len(t)
    grad = softmax_rows(Z)
    grad[np.arange(B), t] -= 1.0
    return grad / B


def composed(Z, t):
    """Loss backward, then softmax backward row by row: what an autograd framework would run."""
    B, rows = len(t), np.arange(len(t))
    p = softmax_rows(Z)
    G = np.zeros_like(p)
    G[rows, t] = -1.0 / (B * p[rows, t])  # dL/dp: nonzero only at each row's target
    return p * (G - (p * G).sum(axis=1, keepdims=True))


def mean_loss(Z, t):
    m = Z.max(axis=1)
    lse = m + np.log(np.exp(Z - m[:, None]).sum(axis=1))
    return np.mean(lse - Z[np.arange(len(t)), t])


def close(a, b, tol=1e-9):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=tol, rtol=tol, equal_nan=True)


def diagnose(dlogits, Z, t):
    """Name the mistake if dlogits matches a known wrong formula; else say what it should be."""
    B, C = Z.shape
    rows = np.arange(B)
    want = fused(Z, t)
    p = softmax_rows(Z)
    with np.errstate(all="ignore"):
        G = np.zeros_like(p)
        G[rows, t] = -1.0 / (B * p[rows, t])
        wrong_cols = p.copy()
        wrong_cols[:, t] -= 1.0
        p0 = np.exp(Z - Z.max(axis=0, keepdims=True))
        p0 /= p0.sum(axis=0, keepdims=True)
        p0[rows, t] -= 1.0
        G_all = -1.0 / (B * p)
        if B > 1 and close(dlogits, B * want):
            return (f"dlogits is B = {B} times too big: that is the gradient of the sum over the batch. "
                    "The loss is a mean, so ∂L/∂p carries 1/B, and so does every row of dlogits.")
        if B > 1 and close(dlogits, want / B):
            return f"You divided by B = {B} twice: once is enough, in ∂L/∂p or at the end, not both."
        if close(dlogits, p / B) or close(dlogits, p):
            return ("That is softmax alone: subtract 1 at each example's target, "
                    "dlogits[np.arange(B), targets] -= 1, before dividing by B.")
        if B > 1 and len(np.unique(t)) > 1 and (close(dlogits, wrong_cols / B) or close(dlogits, wrong_cols)):
            return ("p[:, targets] -= 1 subtracts 1 in every row at every target: use "
                    "p[np.arange(B), targets] -= 1, one entry per row.")
        if B > 1 and (close(dlogits, p0 / B) or close(dlogits, p0)):
            return ("The softmax ran down the columns (axis 0): each example's probabilities are its row, "
                    "so take the max and the sum along axis=1, with keepdims=True.")
        if B > 1 and close(dlogits, p * (G - (p * G).sum())):
            return ("In the softmax backward pass the sum Σ_k p_k G_k is per row: (p * G).sum(axis=1, "
                    "keepdims=True). Summed over the whole batch it is −1 instead of −1/B in every row.")
        if B == C and B > 1 and close(dlogits, p * (G - (p * G).sum(axis=1)[None, :])):
            return ("The per-row sum lost its axis: (p * G).sum(axis=1) has shape (B,) and broadcasts "
                    "along the columns. Add keepdims=True.")
        if close(dlogits, p * (G_all - (p * G_all).sum(axis=1, keepdims=True))):
            return ("∂L/∂p is nonzero only at the target: the loss reads p[b, t_b] and nothing else, so "
                    "G is −1/(B p) at [np.arange(B), targets] and 0 elsewhere.")
    return "dlogits should be (softmax(logits) − one_hot(targets)) / B, with the softmax taken row by row."


def check_finite(dlogits, Z, t):
    """A NaN or inf message that names the cause (assert_close would only say that there is one)."""
    bad = ~np.isfinite(dlogits)
    if not bad.any():
        return
    zero_target = softmax_rows(Z)[np.arange(len(t)), t] == 0.0
    if not zero_target.any():
        raise AssertionError(
            f"dlogits has {int(bad.sum())} NaN or inf entries for logits up to {np.abs(Z).max():.0f} in "
            "magnitude: np.exp(1000.0) overflows to inf, and inf / inf is NaN. Subtract each row's max, "
            "logits.max(axis=1, keepdims=True), before exp.")
    if bad.any(axis=1)[~zero_target].any():
        raise AssertionError(
            f"dlogits has {int(bad.sum())} NaN or inf entries for logits up to {np.abs(Z).max():.0f} in "
            "magnitude. Two things break here: np.exp(1000.0) overflows to inf unless each row's max is "
            "subtracted first (inf / inf is NaN), and some target probabilities are exactly 0 in float64, "
            "so any division by them (−1/p) gives −inf. (softmax(logits) − one_hot(targets)) / B, with "
            "the shifted softmax, avoids both.")
    raise AssertionError(
        f"dlogits has {int(bad.sum())} NaN or inf entries, all in rows whose target probability is exactly 0 "
        "in float64 (e⁻¹⁰⁰⁰ underflows): the chained route divides by it, so −1/p is −inf, and "
        "p · (−inf) is NaN. Simplify the composition first: it is (softmax(logits) − one_hot(targets)) / B, "
        "which never divides by p.")


def test_shape(f):
    """dlogits has the shape of logits"""
    for seed, (b, c) in enumerate(SHAPES):
        Z, t = case(seed, b, c)
        dlogits = f(Z, t)
        if dlogits.shape != Z.shape:
            raise AssertionError(f"dlogits has shape {dlogits.shape}, expected {Z.shape} (the shape of logits): "
                                 "one partial derivative per logit.")


def test_fused(f):
    """Matches the fused formula (softmax − one_hot) / B"""
    for seed, (b, c) in enumerate(SHAPES):
        Z, t = case(10 + seed, b, c, scale=2.0)
        dlogits = f(Z, t)
        assert_close(dlogits, fused(Z, t), "dlogits", hint=lambda: diagnose(dlogits, Z, t))


def test_composition(f):
    """Matches softmax backward applied to the loss gradient"""
    for seed, (b, c) in enumerate(SHAPES):
        Z, t = case(20 + seed, b, c)
        dlogits = f(Z, t)
        assert_close(dlogits, composed(Z, t), "dlogits",
                     hint="Compared with the chain: G = ∂L/∂p (−1/(B p) at each target, 0 elsewhere), then "
                          "p ⊙ (G − Σ_k p_k G_k) per row. " + diagnose(dlogits, Z, t))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    Z, t = case(30, 3, 4)
    dlogits = f(Z, t)
    num = numerical_gradient(lambda Z_: mean_loss(Z_, t), Z)
    assert_close(dlogits, num, "dlogits", atol=1e-5, rtol=1e-5,
                 hint="Compared with a finite-difference estimate of dL/dlogits, with L the mean "
                      "cross-entropy. " + diagnose(dlogits, Z, t))


def test_rows_sum_to_zero(f):
    """Each row of dlogits sums to zero"""
    for seed, (b, c) in enumerate(SHAPES):
        Z, t = case(40 + seed, b, c, scale=2.0)
        dlogits = f(Z, t)
        if dlogits.shape != Z.shape:
            raise AssertionError(f"dlogits has shape {dlogits.shape}, expected {Z.shape} (the shape of logits).")
        assert_close(dlogits.sum(axis=1), np.zeros(b), "dlogits.sum(axis=1)",
                     hint="Adding a constant to a row of logits changes no probability, hence not the loss, "
                          "so each row of the gradient must sum to 0: softmax and one_hot both sum to 1. "
                          + diagnose(dlogits, Z, t))


def test_mean_not_sum(f):
    """Gradient of the mean over the batch, not the sum"""
    Z, t = case(50, 8, 5, scale=2.0)
    dlogits = f(Z, t)
    want = fused(Z, t)
    if close(dlogits, 8 * want):
        raise AssertionError(
            "dlogits is exactly 8 times too big for a batch of 8: that is the gradient of the summed loss. "
            "The loss is a mean, so every row carries 1/B; otherwise the step size would grow with the "
            "batch size.")
    assert_close(dlogits, want, "dlogits", hint=lambda: diagnose(dlogits, Z, t))
    # The same examples twice: a mean's gradient halves per row.
    Z2, t2 = np.concatenate([Z, Z]), np.concatenate([t, t])
    dlogits2 = f(Z2, t2)
    assert_close(dlogits2, fused(Z2, t2), "dlogits (batch repeated twice)",
                 hint="Repeating the batch leaves the mean loss unchanged, so each row's gradient must "
                      "halve. " + diagnose(dlogits2, Z2, t2))


def test_large_logits(f):
    """Stable and correct for logits of magnitude 1000"""
    Z = np.array([[1000.0, 1001.0, 1002.0],     # exp overflows unless shifted
                  [-1000.0, -1001.0, -1002.0],  # exp underflows to 0 unless shifted
                  [0.0, 1000.0, -1000.0],       # the target's probability is exactly 0 in float64
                  [1000.0, 0.0, -1000.0]])
    t = np.array([2, 0, 0, 1])
    g = rng(60)
    Z2, t2 = 1000.0 * g.standard_normal((5, 6)), g.integers(0, 6, size=5)
    for Z_, t_ in ((Z, t), (Z2, t2)):
        dlogits = f(Z_, t_)
        check_finite(dlogits, Z_, t_)
        assert_close(dlogits, fused(Z_, t_), "dlogits", hint=lambda: diagnose(dlogits, Z_, t_))

import numpy as np

from grader.testing import assert_close, numerical_gradient, random_cases, rng

SHAPES = [(4, 3), (1, 5), (8, 10), (3, 2)]


def case(seed, b, c, scale=2.0):
    g = rng(seed)
    return scale * g.standard_normal((b, c)), g.integers(0, c, size=b)


def softmax_rows(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def per_example_loss(Z, t):
    m = Z.max(axis=1)
    lse = m + np.log(np.exp(Z - m[:, None]).sum(axis=1))
    return lse - Z[np.arange(len(t)), t]


def expected(Z, t):
    B = len(t)
    grad = softmax_rows(Z)
    grad[np.arange(B), t] -= 1.0
    return float(np.mean(per_example_loss(Z, t))), grad / B


def close(a, b, tol=1e-9):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=tol, rtol=tol)


def diagnose_loss(loss, Z, t):
    """Name the mistake if loss matches a known wrong formula; else say what loss should be."""
    B, rows = len(t), np.arange(len(t))
    want = float(np.mean(per_example_loss(Z, t)))
    lse = per_example_loss(Z, t) + Z[rows, t]
    if B > 1 and close(loss, B * want):
        return (f"That is the sum over the batch, B = {B} times the mean: the loss is an average "
                "(np.mean, or divide by B), so it does not grow with the batch size.")
    if close(loss, float(np.mean(lse))):
        return ("That is the mean log-sum-exp alone: subtract each example's target logit, "
                "logits[b, targets[b]].")
    if B > 1 and close(loss, float(np.mean(lse) - np.mean(Z[:, t]))):
        return ("logits[:, targets] is a B × B matrix (every row at every target): pick one entry "
                "per row with logits[np.arange(B), targets].")
    return ("loss should be the mean over the batch of log Σ_c exp(logits[b, c]) − logits[b, targets[b]], "
            "with the log-sum-exp computed after subtracting the row max.")


def diagnose_grad(dlogits, Z, t):
    """Name the mistake if dlogits matches a known wrong formula; else say what it should be."""
    B = len(t)
    _, want = expected(Z, t)
    p = softmax_rows(Z)
    wrong_cols = p.copy()
    wrong_cols[:, t] -= 1.0
    if B > 1 and close(dlogits, B * want):
        return (f"The factor 1/B is missing (dlogits is B = {B} times too big): the loss is a mean "
                "over the batch, so each example's gradient is divided by B.")
    if close(dlogits, p / B) or close(dlogits, p):
        return ("That is softmax alone: subtract 1 at each example's target, "
                "dlogits[np.arange(B), targets] -= 1, before dividing by B.")
    if B > 1 and (close(dlogits, wrong_cols / B) or close(dlogits, wrong_cols)):
        return ("p[:, targets] -= 1 subtracts 1 in every row at every target: use "
                "p[np.arange(B), targets] -= 1, one entry per row.")
    return "dlogits should be (softmax(logits) − one_hot(targets)) / B."


def explain(name, value, logits, targets):
    """The diagnosis of a wrong output, for Run examples as for the hidden tests."""
    if name == "loss":
        return diagnose_loss(value, logits, targets)
    return diagnose_grad(value, logits, targets) if value.shape == logits.shape else ""


def test_loss(f):
    """Loss matches the mean negative log-likelihood"""
    for seed, (b, c) in enumerate(SHAPES):
        Z, t = case(seed, b, c)
        loss, _ = f(Z, t)
        want, _ = expected(Z, t)
        assert_close(loss, want, "loss", hint=lambda: diagnose_loss(loss, Z, t))


def test_gradient(f):
    """dlogits matches (softmax − one_hot) / B

    Derive: dlogits matches the true gradient on random inputs
    """
    def make(g, b, c):
        return 2.0 * g.standard_normal((b, c)), g.integers(0, c, size=b)

    def check(got, Z, t):
        dlogits = got[1]
        assert_close(dlogits, expected(Z, t)[1], "dlogits", hint=lambda: diagnose_grad(dlogits, Z, t))

    random_cases(f, make, check, seed=10, dims="b c")


def test_finite_differences(f):
    """Diagnostic: dlogits matches finite-difference gradient of the loss"""
    Z, t = case(20, 3, 4)
    _, dlogits = f(Z, t)
    num = numerical_gradient(lambda Z_: np.mean(per_example_loss(Z_, t)), Z)
    assert_close(dlogits, num, "dlogits", atol=1e-5, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dlogits. "
                              + diagnose_grad(dlogits, Z, t))


def test_large_logits(f):
    """Stable and correct for logits of magnitude 1000"""
    Z = np.array([[1000.0, 1001.0, 1002.0],     # exp overflows unless shifted
                  [-1000.0, -1001.0, -1002.0],  # exp underflows to 0 unless shifted
                  [0.0, 1000.0, -1000.0],       # the target's probability underflows to 0
                  [1000.0, 0.0, -1000.0]])
    t = np.array([2, 0, 0, 1])
    g = rng(30)
    Z2, t2 = 1000.0 * g.standard_normal((5, 6)), g.integers(0, 6, size=5)
    fix = ("Subtract each row's max before exp, and compute log-softmax directly as "
           "(logits − max) − log Σ exp(logits − max) instead of taking the log of a softmax, "
           "whose entries can round to exactly 0.")
    small, small_t = case(31, 4, 3)
    small_loss, small_grad = f(small, small_t)
    want_small_loss, want_small_grad = expected(small, small_t)
    if not (close(small_loss, want_small_loss, 1e-6) and close(small_grad, want_small_grad, 1e-6)):
        raise AssertionError("The loss or gradient is already wrong for ordinary logits (of size about 1): "
                             "fix the tests above first; this one adds logits of size 1000.")
    for Z_, t_ in ((Z, t), (Z2, t2)):
        loss, dlogits = f(Z_, t_)
        want_loss, want_grad = expected(Z_, t_)
        if not np.isfinite(loss):
            raise AssertionError(
                f"loss is {loss} for logits around ±1000: np.exp(1000.0) overflows to inf, and "
                f"np.exp(-1000.0) underflows to 0, whose log is -inf. {fix}")
        assert_close(loss, want_loss, "loss",
                     hint="With logits this large a target probability can underflow to 0; clipping "
                          f"it (log(p + eps)) hides the inf but gives the wrong loss. {fix}")
        assert_close(dlogits, want_grad, "dlogits",
                     hint="Build softmax from the shifted logits, exp(logits − max) / Σ exp(logits − max): "
                          "without the shift exp overflows to inf, and inf / inf is NaN.")


def test_rows_sum_to_zero(f):
    """Each row of dlogits sums to zero"""
    for seed, (b, c) in enumerate(SHAPES):
        Z, t = case(40 + seed, b, c)
        _, dlogits = f(Z, t)
        if dlogits.shape != Z.shape:
            raise AssertionError(f"dlogits has shape {dlogits.shape}, expected {Z.shape} (the shape of logits).")
        assert_close(dlogits.sum(axis=1), np.zeros(b), "row sums of dlogits",
                     hint=lambda: "softmax(logits[b]) sums to 1 and so does one_hot(targets[b]), so each row "
                                  "of their difference sums to 0. A nonzero sum means the −1 at the target is "
                                  "missing, doubled or in the wrong place. " + diagnose_grad(dlogits, Z, t))


def test_mean_not_sum(f):
    """Loss is a mean over the batch, not a sum"""
    Z, t = case(50, 6, 4)
    loss, dlogits = f(Z, t)
    want, want_grad = expected(Z, t)
    if close(loss, 6 * want):
        raise AssertionError(
            f"loss is {loss:.6g} for a batch of 6, exactly 6 times the expected mean {want:.6g}: you "
            "summed over the batch. Average instead (np.mean, or divide by B), so that the loss, and the "
            "step size it implies, does not depend on the batch size.")
    assert_close(loss, want, "loss", hint=lambda: diagnose_loss(loss, Z, t))
    assert_close(dlogits, want_grad, "dlogits", hint=lambda: diagnose_grad(dlogits, Z, t))

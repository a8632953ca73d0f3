import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

# (B, C): one example, two classes, square, and more classes than examples
SHAPES = [(4, 3), (1, 5), (3, 3), (2, 2), (6, 10)]
SHAPES.append((int(rng(919).integers(1, 8)), int(rng(969).integers(2, 8))))  # seeded random
EPS = [0.1, 0.2, 0.05, 0.3, 0.1, 0.15]


def case(seed, B, C, scale=2.0):
    g = rng(seed)
    return scale * g.standard_normal((B, C)), g.integers(0, C, size=B)


def log_softmax(Z):
    m = Z.max(axis=1, keepdims=True)
    return Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))


def smoothed(t, C, eps, spread_over_others=False):
    B = len(t)
    if spread_over_others:
        q = np.full((B, C), eps / (C - 1))
        q[np.arange(B), t] = 1.0 - eps
        return q
    q = np.full((B, C), eps / C)
    q[np.arange(B), t] += 1.0 - eps
    return q


def expected(Z, t, eps, **kw):
    q = smoothed(t, Z.shape[1], eps, **kw)
    return float(-np.mean(np.sum(q * log_softmax(Z), axis=1))), (np.exp(log_softmax(Z)) - q) / len(t)


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-9, rtol=1e-9)


def diagnose(k, got, Z, t, eps):
    """k = 0 for the loss, 1 for the gradient."""
    B, C = Z.shape
    want = expected(Z, t, eps)[k]
    onehot = smoothed(t, C, 0.0)
    candidates = [
        (expected(Z, t, eps, spread_over_others=True)[k],
         "That spreads ε over the other C − 1 classes (target 1 − ε, others ε / (C − 1)). PyTorch spreads it over "
         "all C classes: every class gets ε / C and the target 1 − ε + ε / C."),
        (expected(Z, t, 0.0)[k], "That is plain cross-entropy: the smoothing ε is missing (subtract the smoothed "
                                 "target q, not the one-hot)."),
    ]
    if k == 0:
        candidates += [(B * want, f"That is the sum over the batch: the loss is the mean (divide by B = {B}).")]
        q_bad = onehot + eps / C  # rows sum to 1 + ε
        candidates += [(float(-np.mean(np.sum(q_bad * log_softmax(Z), axis=1))),
                        "The target keeps a full 1 and gains ε / C on top: give it 1 − ε + ε / C, so each row of "
                        "the smoothed target sums to 1.")]
    else:
        candidates += [(B * want, f"The 1/B of the mean is missing: dlogits = (softmax − q) / B, B = {B}.")]
    for wrong, hint in candidates:
        if close(got, wrong) and not close(wrong, want):
            return hint
    return ("loss should be −mean over rows of Σ_c q · log_softmax(logits), with q = (1 − ε) · one-hot + ε / C."
            if k == 0 else "dlogits should be (softmax(logits) − q) / B.")


def test_shapes(f):
    """Returns a number and an array shaped like logits"""
    for seed, (B, C) in enumerate(SHAPES):
        Z, t = case(seed, B, C)
        loss, dZ = f(Z, t, 0.1)
        if np.ndim(loss) != 0:
            raise AssertionError(f"loss has shape {np.shape(loss)}: it should be one number, the mean over the batch.")
        if dZ.shape != (B, C):
            raise AssertionError(f"dlogits has shape {dZ.shape}, expected {(B, C)} (the shape of logits).")


def test_loss(f):
    """loss is the mean cross-entropy against the smoothed target"""
    for seed, ((B, C), eps) in enumerate(zip(SHAPES, EPS)):
        Z, t = case(10 + seed, B, C)
        loss, _ = f(Z, t, eps)
        assert_close(loss, expected(Z, t, eps)[0], "loss", hint=lambda: diagnose(0, loss, Z, t, eps))


def test_gradient(f):
    """dlogits is (softmax − smoothed target) / B"""
    for seed, ((B, C), eps) in enumerate(zip(SHAPES, EPS)):
        Z, t = case(20 + seed, B, C)
        _, dZ = f(Z, t, eps)
        assert_close(dZ, expected(Z, t, eps)[1], "dlogits", hint=lambda: diagnose(1, dZ, Z, t, eps))


def test_no_smoothing(f):
    """epsilon = 0 is plain cross-entropy"""
    Z, t = case(30, 4, 5)
    loss, dZ = f(Z, t, 0.0)
    want_loss, want_grad = expected(Z, t, 0.0)
    assert_close(loss, want_loss, "loss", hint="With ε = 0 the smoothed target is the one-hot.")
    assert_close(dZ, want_grad, "dlogits", hint="With ε = 0 the gradient is (softmax − one-hot) / B.")


def test_minimum(f):
    """The gradient vanishes where the softmax equals the smoothed target"""
    t, eps, C = np.array([2, 0, 1]), 0.3, 4
    Z = np.log(smoothed(t, C, eps)) + 5.0  # softmax(Z) is exactly q (a shift changes nothing)
    _, dZ = f(Z, t, eps)
    assert_close(dZ, np.zeros((3, C)), "dlogits", atol=1e-9,
                 hint=lambda: "Here softmax(logits) equals q = (1 − ε) · one-hot + ε / C row by row, so the loss is "
                              "at its minimum. " + diagnose(1, dZ, Z, t, eps))


def test_large_logits(f):
    """Stable for logits of magnitude 1000"""
    Z = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0]])
    t = np.array([1, 1])
    loss, dZ = f(Z, t, 0.1)
    want_loss, want_grad = expected(Z, t, 0.1)
    advice = (" With smoothing every class enters the loss, so a single log(0) in a row ruins it: compute "
              "log-softmax as (z − max) − log Σ exp(z − max), never log(softmax).")
    assert_close(loss, want_loss, "loss", hint=lambda: "A confidently wrong row costs about 1000 here." + advice)
    assert_close(dZ, want_grad, "dlogits", hint=lambda: advice)


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    Z, t = case(40, 3, 4)
    _, dZ = f(Z, t, 0.2)
    q = smoothed(t, 4, 0.2)
    num = numerical_gradient(lambda Z_: -np.mean(np.sum(q * log_softmax(Z_), axis=1)), Z)
    assert_close(dZ, num, "dlogits", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dlogits. " + diagnose(1, dZ, Z, t, 0.2))

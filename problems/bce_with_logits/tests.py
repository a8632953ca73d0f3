import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(6,), (1,), (4, 4), (3, 1), (2, 5)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(906).integers(1, 7, size=int(rng(956).integers(1, 4)))))


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def per_entry(z, t):
    return np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))


def case(seed, shape, scale=3.0, soft=False):
    g = rng(seed)
    z = scale * g.standard_normal(shape)
    t = g.random(shape) if soft else (g.random(shape) < 0.5).astype(float)
    return z, t


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-9, rtol=1e-9)


def diagnose_loss(loss, z, t):
    want = per_entry(z, t)
    n = z.size
    if n > 1 and close(loss, np.sum(want)):
        return f"That is the sum over the entries: the loss is their mean (divide by N = {n})."
    if close(loss, np.mean(np.maximum(z, 0.0) - z * t)):
        return "The log1p(exp(−|z|)) term is missing: it is what remains of log(1 + e^z) after taking max(z, 0) out."
    if close(loss, np.mean(np.log1p(np.exp(-np.abs(z))) - z * t)):
        return "The max(z, 0) term is missing: log(1 + e^z) = max(z, 0) + log1p(exp(−|z|))."
    if close(loss, np.mean(np.maximum(z, 0.0) + z * t + np.log1p(np.exp(-np.abs(z))))):
        return "Sign slip: the loss has − z · t."
    return "loss should be the mean of max(z, 0) − z · t + log1p(exp(−|z|))."


def diagnose_grad(dlogits, z, t):
    s, n = sigmoid(z), z.size
    mistakes = [
        (s - t, f"The mean's 1/N is missing: divide σ(z) − t by N = {n}."),
        ((t - s) / n, "Wrong sign: the gradient is (σ(z) − t) / N, prediction minus target."),
        (s * (1 - s) * (s - t) / n,
         "The extra factor σ(z)(1 − σ(z)) is the sigmoid's own slope: fused with the loss it cancels, "
         "and the gradient is just (σ(z) − t) / N."),
        ((s - t) / z.shape[0],
         f"You divided by the number of rows ({z.shape[0]}); the mean is over every entry, N = {n}."),
    ]
    for wrong, hint in mistakes:
        if close(dlogits, wrong):
            return hint
    return "dlogits should be (σ(z) − t) / N."


def test_shapes(f):
    """Returns a number and an array shaped like logits"""
    for seed, shape in enumerate(SHAPES):
        z, t = case(seed, shape)
        loss, dz = f(z, t)
        if np.ndim(loss) != 0:
            raise AssertionError(f"loss has shape {np.shape(loss)}: it should be one number, the mean "
                                 "over every entry.")
        if dz.shape != shape:
            raise AssertionError(f"dlogits has shape {dz.shape}, expected {shape} (the shape of logits).")


def test_loss(f):
    """loss is the mean binary cross-entropy"""
    for seed, shape in enumerate(SHAPES):
        z, t = case(10 + seed, shape, soft=seed % 2 == 1)
        loss, _ = f(z, t)
        assert_close(loss, np.mean(per_entry(z, t)), "loss", hint=lambda: diagnose_loss(loss, z, t))


def test_gradient(f):
    """dlogits is (σ(z) − t) / N"""
    for seed, shape in enumerate(SHAPES):
        z, t = case(20 + seed, shape, soft=seed % 2 == 0)
        _, dz = f(z, t)
        assert_close(dz, (sigmoid(z) - t) / z.size, "dlogits", hint=lambda: diagnose_grad(dz, z, t))


def test_large_logits(f):
    """Stable for logits of magnitude 1000"""
    z = np.array([1000.0, -1000.0, 800.0, -800.0, 0.0])
    t = np.array([1.0, 1.0, 0.0, 0.0, 1.0])
    loss, dz = f(z, t)
    advice = (" Never compute log(sigmoid(z)): σ(−1000) rounds to 0 and its log is −inf. Use the form "
              "max(z, 0) − z · t + log1p(exp(−|z|)), whose exponent is never positive, and compute σ "
              "from exp(−|z|).")
    assert_close(loss, np.mean(per_entry(z, t)), "loss",
                 hint=lambda: "Confidently right costs 0, confidently wrong costs |z|." + advice)
    assert_close(dz, (sigmoid(z) - t) / z.size, "dlogits",
                 hint=lambda: "σ(1000) is exactly 1 and σ(−1000) exactly 0 in float64." + advice)


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    z, t = case(40, (3, 4), soft=True)
    _, dz = f(z, t)
    num = numerical_gradient(lambda z_: np.mean(per_entry(z_, t)), z)
    assert_close(dz, num, "dlogits", atol=1e-6, rtol=1e-5,
                 hint=lambda: "Compared with a finite-difference estimate of dL/dlogits. "
                              + diagnose_grad(dz, z, t))

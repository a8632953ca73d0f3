import numpy as np

from grader.testing import assert_close, assert_true, rng

SHAPES = [(4, 5), (1, 7), (6, 6), (3, 1), (2, 2)]


def reference(x, gamma, beta, eps, axis=-1, ddof=0, eps_outside=False):
    mean = x.mean(axis=axis, keepdims=True)
    n = x.shape[axis]
    with np.errstate(divide="ignore", invalid="ignore"):
        var = ((x - mean) ** 2).sum(axis=axis, keepdims=True) / (n - ddof)
        scale = np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps)
        return gamma * (x - mean) / scale + beta


def case(seed, n, d, eps=1e-5):
    g = rng(seed)
    x = 3.0 * g.standard_normal((n, d)) + g.standard_normal((1, d))
    return x, 1.0 + 0.5 * g.standard_normal(d), g.standard_normal(d), eps


def diagnose(y, x, gamma, beta, eps):
    """Name the classic mistake y matches, if any."""
    mistakes = [
        (reference(x, gamma, beta, eps, ddof=1),
         "You used the unbiased variance (dividing by D − 1): layer norm divides by D, "
         "np.var's default."),
        (reference(x, gamma, beta, eps, axis=0),
         "You normalized each column (over the batch, axis 0): that is batch norm. Layer norm "
         "takes the mean and variance of each row, over its features (axis=-1)."),
        (reference(x, gamma, beta, eps, eps_outside=True),
         "eps was added to the standard deviation; it belongs inside the square root: "
         "sqrt(var + eps)."),
        (reference(x, np.ones_like(gamma), np.zeros_like(beta), eps),
         "That is the normalized x̂ alone: multiply by gamma and add beta."),
        (reference(x, gamma, np.zeros_like(beta), eps),
         "beta is missing: y = gamma * x̂ + beta."),
        (gamma * (x - x.mean(axis=-1, keepdims=True)) + beta,
         "You subtracted the mean but did not divide by sqrt(var + eps)."),
    ]
    for wrong, hint in mistakes:
        if wrong.shape == y.shape and np.all(np.isfinite(wrong)) and np.allclose(y, wrong, atol=1e-9, rtol=1e-7):
            return hint
    return "y = gamma * (x − mean) / sqrt(var + eps) + beta, with mean and var taken over each row."


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, (n, d) in enumerate(SHAPES):
        x, gamma, beta, eps = case(seed, n, d)
        y = f(x, gamma, beta, eps)
        assert_true(y.shape == x.shape,
                    f"y has shape {y.shape}, expected {x.shape} (the shape of x): the mean and "
                    "variance are per row, kept as (N, 1) columns with keepdims=True so they "
                    "broadcast back over the features.")


def test_values(f):
    """y matches layer norm on random batches"""
    g = rng(10)
    shapes = SHAPES + [tuple(int(v) for v in g.integers(1, 9, size=2)) for _ in range(3)]
    for seed, (n, d) in enumerate(shapes):
        x, gamma, beta, eps = case(10 + seed, n, d)
        y = f(x, gamma, beta, eps)
        assert_close(y, reference(x, gamma, beta, eps), "y",
                     hint=lambda: f"(shape {x.shape}) " + diagnose(y, x, gamma, beta, eps))


def test_biased_variance(f):
    """Uses the biased variance (divides by D)"""
    x = np.array([[1.0, 3.0], [0.0, 4.0], [-2.0, 2.0]])
    gamma, beta, eps = np.ones(2), np.zeros(2), 1e-12
    y = f(x, gamma, beta, eps)
    assert_close(y, reference(x, gamma, beta, eps), "y",
                 hint="With two features the normalized row is always [−1, 1] when the variance "
                      "divides by D = 2. Dividing by D − 1 gives ±0.7071 instead: use the biased "
                      "variance, the mean of the squared deviations.")


def test_eps_inside_sqrt(f):
    """eps goes under the square root"""
    x = np.array([[1.0, 3.0], [2.0, 2.0], [0.0, 0.5]])
    gamma, beta, eps = np.ones(2), np.zeros(2), 3.0
    y = f(x, gamma, beta, eps)
    assert_close(y, reference(x, gamma, beta, eps), "y",
                 hint="With eps = 3 and variance 1 the first row must be (x − 2) / sqrt(1 + 3) = "
                      "[−0.5, 0.5]. " + diagnose(y, x, gamma, beta, eps))


def test_rows_independent(f):
    """Each row is normalized on its own"""
    g = rng(30)
    x = g.standard_normal((5, 4)) * np.array([[0.1], [1.0], [10.0], [100.0], [1.0]])
    x[4] += 50.0
    gamma, beta, eps = np.ones(4), np.zeros(4), 1e-8
    y = f(x, gamma, beta, eps)
    assert_close(y, reference(x, gamma, beta, eps), "y",
                 hint="Rows of very different scales must all come out with mean 0 and variance 1: "
                      "take the statistics along axis=-1 with keepdims=True. "
                      + diagnose(y, x, gamma, beta, eps))
    alone = f(x[2:3], gamma, beta, eps)
    assert_close(alone, y[2:3], "y of one row",
                 hint="Normalizing a row alone must give what it gets inside the batch: layer norm "
                      "never looks at the other examples.")


def test_gamma_beta(f):
    """gamma scales and beta shifts each feature"""
    x, _, _, eps = case(40, 3, 5)
    gamma = np.array([1.0, 2.0, -1.0, 0.0, 0.5])
    beta = np.array([0.0, 1.0, 2.0, 3.0, -4.0])
    y = f(x, gamma, beta, eps)
    assert_close(y, reference(x, gamma, beta, eps), "y",
                 hint="Column j is gamma[j] * x̂[:, j] + beta[j]; a zero gamma leaves only beta. "
                      + diagnose(y, x, gamma, beta, eps))


def test_constant_row(f):
    """A constant row gives beta, not NaN"""
    x = np.array([[2.0, 2.0, 2.0], [1.0, 2.0, 4.0]])
    gamma, beta, eps = np.array([1.0, 2.0, 3.0]), np.array([0.5, -0.5, 1.0]), 1e-5
    y = f(x, gamma, beta, eps)
    assert_close(y, reference(x, gamma, beta, eps), "y",
                 hint="A constant row has variance 0: x − mean is 0 and eps keeps the division "
                      "finite, so the row comes out as beta. " + diagnose(y, x, gamma, beta, eps))

import numpy as np

from grader.testing import assert_close, rng

# (shape, axis): rows, columns, the middle of a 3-D array, a 1-D vector, length-1 slices.
CASES = [((4, 5), -1), ((4, 5), 0), ((3, 4, 6), 1), ((7,), 0), ((2, 3, 4), -1),
         ((5, 5), 1), ((6, 1), 0), ((1, 6), -1)]


def reference(x, axis):
    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def case(seed, shape, scale=2.0):
    return scale * rng(seed).standard_normal(shape)


def close(a, b, tol=1e-9):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=tol, rtol=tol, equal_nan=True)


def diagnose(y, x, axis):
    """Name the mistake if y matches a known wrong formula; else say what y should be."""
    ax = axis % x.ndim
    want = reference(x, axis)
    m = x.max(axis=axis, keepdims=True)
    with np.errstate(all="ignore"):
        for other in range(x.ndim):
            if other != ax and x.shape[other] > 1 and close(y, reference(x, other)):
                return (f"You normalised along axis {other}, but axis={axis} asks for axis {ax}: use the "
                        "axis argument in every reduction (max and sum, both with keepdims=True).")
        if close(y, np.exp(want)):
            return "That is the softmax itself: return its log, x − logsumexp(x), without forming it."
        if close(y, want + m):
            return ("Every entry is off by the slice max m: logsumexp(x) = m + log Σ exp(x − m), so "
                    "subtract log Σ exp(z) from z = x − m, not from x (or add m back to the log-sum-exp).")
        z = x - m
        try:
            no_keepdims = z - np.log(np.exp(z).sum(axis=axis))
        except ValueError:
            no_keepdims = None
        if no_keepdims is not None and x.ndim > 1 and close(y, no_keepdims):
            return ("The log-sum-exp lost its axis: without keepdims=True it broadcasts against the wrong "
                    "axis of x (silently, when the array is square). Add keepdims=True.")
        e = np.exp(z)
        p = e / e.sum(axis=axis, keepdims=True)
        if close(y, np.log(p)) and not close(y, want):
            return ("That is the log of a softmax: a probability below about e⁻⁷⁴⁵ rounds to 0 in float64 "
                    "and log(0) = −inf, while the true value is finite (here down to "
                    f"{want.min():.0f}). Compute z − log Σ exp(z) with z = x − max instead.")
        z_global = x - x.max()
        if close(y, z_global - np.log(np.exp(z_global).sum(axis=axis, keepdims=True))) and not close(y, want):
            return ("You subtracted the max of the whole array: in a slice far below the global max "
                    "every exp underflows to 0, and log(0) = −inf. Subtract each slice's own max, "
                    "x.max(axis=axis, keepdims=True).")
        if close(y, x - np.log(np.exp(x).sum(axis=axis, keepdims=True))) and not close(y, want):
            return ("Without the shift, exp(1000) overflows to inf and a sum of exp(−1000)s underflows "
                    "to 0: log-sum-exp = m + log Σ exp(x − m) with m = x.max(axis=axis, keepdims=True).")
        ok = want > -20
        if ok.any() and not ok.all() and close(y[ok], want[ok], 1e-6) and np.all(np.isfinite(y)):
            return ("Right wherever the probability is not tiny, wrong where it is: clipping the "
                    "probability (log(p + eps), np.clip) caps log p near log(eps) instead of the true "
                    f"value (here as low as {want.min():.0f}). Compute z − log Σ exp(z), with "
                    "z = x − max, and never form p.")
    return ("y should be z − log(np.exp(z).sum(axis=axis, keepdims=True)), with "
            "z = x − x.max(axis=axis, keepdims=True).")


def check_finite(y, x, axis):
    """A NaN or inf message that names the cause (assert_close would only say that there is one)."""
    bad = ~np.isfinite(y)
    if bad.any():
        raise AssertionError(f"y (axis={axis}) has {int(bad.sum())} NaN or inf entries out of {y.size}, "
                             f"for inputs as large as {np.abs(x).max():.0f} in magnitude; every true "
                             "value is finite. " + diagnose(y, x, axis))


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, (shape, axis) in enumerate(CASES):
        x = case(seed, shape)
        y = f(x, axis)
        if y.shape != x.shape:
            hint = ""
            if y.size < x.size:
                hint = (" An axis was reduced away: that is the log-sum-exp alone; subtract it from "
                        "every entry of the slice.")
            raise AssertionError(f"y has shape {y.shape} for x of shape {x.shape} and axis={axis}; "
                                 f"expected {x.shape} (log-softmax keeps the shape of x).{hint}")


def test_reference(f):
    """Matches a reference log-softmax"""
    for seed, (shape, axis) in enumerate(CASES):
        x = case(10 + seed, shape)
        y = f(x, axis)
        assert_close(y, reference(x, axis), "y", hint=lambda: diagnose(y, x, axis))


def test_exp_sums_to_one(f):
    """exp(y) sums to 1 along axis"""
    for seed, (shape, axis) in enumerate(CASES):
        x = case(20 + seed, shape)
        y = f(x, axis)
        check_finite(y, x, axis)
        assert_close(np.exp(y).sum(axis=axis), np.ones(np.delete(x.shape, axis % x.ndim)),
                     f"np.exp(y).sum(axis={axis})",
                     hint="exp(y) is the softmax, a probability distribution along the axis. "
                          + diagnose(y, x, axis))


def test_axis(f):
    """Normalises along the requested axis"""
    for seed, (shape, axis) in enumerate([((3, 4), 0), ((3, 4), 1), ((2, 3, 4), 0),
                                          ((2, 3, 4), 1), ((2, 3, 4), -2), ((4, 4), 0)]):
        x = case(30 + seed, shape)
        y = f(x, axis)
        assert_close(y, reference(x, axis), f"y (axis={axis})", hint=lambda: diagnose(y, x, axis))


def test_large_positive(f):
    """Stable for values around +1000 (no overflow)"""
    x = np.array([[1000.0, 1001.0, 1002.0],
                  [1000.0, 1000.0, 1000.0],
                  [990.0, 1000.0, 995.0]])
    for x_, axis in ((x, -1), (x.T.copy(), 0), (1000.0 + 5.0 * rng(40).standard_normal((4, 6)), 1)):
        y = f(x_, axis)
        check_finite(y, x_, axis)
        assert_close(y, reference(x_, axis), f"y (axis={axis})", hint=lambda: diagnose(y, x_, axis))


def test_large_negative(f):
    """Finite for values around −1000 and tiny probabilities (no log(0))"""
    x = np.array([[-1000.0, -1001.0, -1002.0],   # every exp underflows to 0 unless shifted
                  [0.0, 1000.0, -1000.0],        # probabilities e^-1000 and e^-2000: y = -1000, -2000
                  [1000.0, -1000.0, 0.0]])
    cases = [(x, -1), (x.T.copy(), 0),
             (1000.0 * rng(50).standard_normal((5, 6)), 1),
             (np.array([[-1000.0, -1000.5], [-999.0, -1003.0]]), 0)]
    for x_, axis in cases:
        y = f(x_, axis)
        check_finite(y, x_, axis)
        assert_close(y, reference(x_, axis), f"y (axis={axis})", hint=lambda: diagnose(y, x_, axis))

import numpy as np

from grader.testing import assert_close, assert_true, rng

# (shape, axis): rows, columns, the middle of a 3-D array, a 1-D vector, length-1 slices.
CASES = [((4, 5), -1), ((4, 5), 0), ((3, 4, 6), 1), ((7,), 0), ((2, 3, 4), -1),
         ((5, 5), 1), ((6, 1), 0), ((1, 6), -1)]


def reference(x, axis):
    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def case(seed, shape, scale=2.0):
    return scale * rng(seed).standard_normal(shape)


def close(a, b, tol=1e-9):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=tol, rtol=tol, equal_nan=True)


def diagnose(y, x, axis):
    """Name the mistake if y matches a known wrong formula; else say what y should be."""
    ax = axis % x.ndim
    with np.errstate(all="ignore"):
        for other in range(x.ndim):
            if other != ax and x.shape[other] > 1 and close(y, reference(x, other)):
                return (f"You normalised along axis {other}, but axis={axis} asks for axis {ax}: "
                        "use the axis argument in every reduction, x.max(axis=axis, keepdims=True) "
                        "and e.sum(axis=axis, keepdims=True), rather than a fixed axis.")
        e = np.exp(x - x.max(axis=axis, keepdims=True))
        if x.ndim > 1 and close(y, e / e.sum()):
            return ("You divided by the sum of the whole array: each slice must be divided by its own "
                    "sum, e.sum(axis=axis, keepdims=True).")
        try:
            no_keepdims = e / e.sum(axis=axis)
        except ValueError:
            no_keepdims = None
        if no_keepdims is not None and x.ndim > 1 and close(y, no_keepdims):
            return ("The sum lost its axis: without keepdims=True, e.sum(axis=axis) broadcasts against "
                    "the wrong axis of e (silently, when the array is square). Add keepdims=True.")
        e_global = np.exp(x - x.max())
        if close(y, e_global / e_global.sum(axis=axis, keepdims=True)) and not close(y, reference(x, axis)):
            return ("You subtracted the max of the whole array: a slice far below the global max "
                    "underflows to all zeros, and 0 / 0 is NaN. Subtract each slice's own max, "
                    "x.max(axis=axis, keepdims=True).")
        e_raw = np.exp(x)
        if close(y, e_raw / e_raw.sum(axis=axis, keepdims=True)) and not close(y, reference(x, axis)):
            return ("np.exp(1000.0) overflows to inf and inf / inf is NaN: subtract the max of each "
                    "slice before exp, x − x.max(axis=axis, keepdims=True), which leaves softmax unchanged.")
        if close(y, x / x.sum(axis=axis, keepdims=True)):
            return "The exp is missing: normalise e = exp(x − max), not x itself."
    return ("y should be e / e.sum(axis=axis, keepdims=True), with e = exp(x − x.max(axis=axis, "
            "keepdims=True)).")


def check_finite(y, x, axis):
    """A NaN or inf message that names the cause (assert_close would only say that there is one)."""
    bad = ~np.isfinite(y)
    if bad.any():
        raise AssertionError(f"y (axis={axis}) has {int(bad.sum())} NaN or inf entries out of {y.size}, "
                             f"for inputs as large as {np.abs(x).max():.0f} in magnitude. " + diagnose(y, x, axis))


def test_shape(f):
    """Returns an array shaped like x"""
    for seed, (shape, axis) in enumerate(CASES):
        x = case(seed, shape)
        y = f(x, axis)
        if y.shape != x.shape:
            hint = ""
            if y.size < x.size:
                hint = (" An axis was reduced away: softmax divides by the sum, it does not return it. "
                        "The normalised array keeps the shape of x.")
            raise AssertionError(f"y has shape {y.shape} for x of shape {x.shape} and axis={axis}; "
                                 f"expected {x.shape} (softmax keeps the shape of x).{hint}")


def test_sums_to_one(f):
    """Entries are probabilities that sum to 1 along axis"""
    for seed, (shape, axis) in enumerate(CASES):
        x = case(10 + seed, shape)
        y = f(x, axis)
        assert_close(y.sum(axis=axis), np.ones(np.delete(x.shape, axis % x.ndim)),
                     f"y.sum(axis={axis})", hint=lambda: diagnose(y, x, axis))
        assert_true(np.all(y >= 0), "y has negative entries, but e^v is always positive: "
                    + diagnose(y, x, axis))


def test_reference(f):
    """Matches a reference softmax"""
    for seed, (shape, axis) in enumerate(CASES):
        x = case(20 + seed, shape)
        y = f(x, axis)
        assert_close(y, reference(x, axis), "y", hint=lambda: diagnose(y, x, axis))


def test_axis(f):
    """Normalises along the requested axis"""
    for seed, (shape, axis) in enumerate([((3, 4), 0), ((3, 4), 1), ((2, 3, 4), 0),
                                          ((2, 3, 4), 1), ((2, 3, 4), -2), ((4, 4), 0)]):
        x = case(30 + seed, shape)
        y = f(x, axis)
        assert_close(y, reference(x, axis), f"y (axis={axis})", hint=lambda: diagnose(y, x, axis))


def test_large_values(f):
    """Stable for values around ±1000"""
    x = np.array([[1000.0, 1001.0, 1002.0],     # exp overflows unless shifted
                  [-1000.0, -1001.0, -1002.0],  # exp underflows to 0 unless shifted: 0 / 0
                  [0.0, 1000.0, -1000.0]])
    cases = [(x, -1), (x.T.copy(), 0), (1000.0 * rng(40).standard_normal((5, 6)), 1)]
    for x_, axis in cases:
        y = f(x_, axis)
        check_finite(y, x_, axis)
        assert_close(y, reference(x_, axis), f"y (axis={axis})", hint=lambda: diagnose(y, x_, axis))


def test_shift_invariance(f):
    """Unchanged when each slice is shifted by its own constant"""
    for seed, (shape, axis) in enumerate([((4, 5), -1), ((4, 5), 0), ((3, 2, 4), 1)]):
        x = case(50 + seed, shape)
        g = rng(60 + seed)
        c_shape = list(shape)
        c_shape[axis] = 1
        c = g.choice([-1500.0, -700.0, 0.0, 700.0, 1500.0], size=c_shape)
        c.reshape(-1)[0], c.reshape(-1)[-1] = -1500.0, 1500.0
        y = f(x + c, axis)
        check_finite(y, x + c, axis)
        assert_close(y, reference(x, axis), f"softmax(x + c) (axis={axis})",
                     hint="Adding a constant to every entry of a slice must not change its softmax; here "
                          "the slices are shifted by different constants between −1500 and 1500. "
                          + diagnose(y, x + c, axis))

"""Helpers for test authors: comparisons whose failure messages teach, gradient checks, RNG.

A hidden test is a plain function ``def test_x(f):`` taking the learner's function. Each
call ``f(*args)`` runs in the learner's own interpreter on copies of plain data, and its
result is type-checked against the problem's ``returns`` before the test sees it. A test
fails by raising ``Failure`` (any AssertionError works); the message is shown to the
learner verbatim, so write it for them. Everything here runs in the checker only.
"""

from __future__ import annotations

import numpy as np

from .wire import Opaque, describe as describe_type

# The checker sets these from problem.yaml's `tolerance` at the start of each run.
TOLERANCE = {"atol": 1e-6, "rtol": 1e-6}
DIFF_WINDOW = 8  # expected-vs-got tables show at most this many rows and columns


class Failure(AssertionError):
    """A test failed; ``diff`` optionally holds an expected-vs-got table for the page."""

    def __init__(self, message: str, diff: dict | None = None):
        super().__init__(message)
        self.diff = diff


class LearnerRaised(Exception):
    """The learner's function raised while a test called it. ``kind`` is the exception's
    class name (e.g. "MemoryError"), ``message`` the explanation shown to the learner,
    ``line`` their line, ``traceback`` theirs, trimmed. A test may catch it to explain a
    failure better (softmax_backward turns a MemoryError into a lesson about the Jacobian);
    uncaught, it fails the test with that message."""

    def __init__(self, kind: str, message: str, line: int | None = None, traceback: str = ""):
        super().__init__(message)
        self.kind, self.message, self.line, self.traceback = kind, message, line, traceback

    @classmethod
    def from_reply(cls, raised) -> "LearnerRaised":
        """From the learner side's description, every field checked (it is untrusted)."""
        d = raised if type(raised) is dict else {}
        text = lambda k: d[k] if type(d.get(k)) is str else ""
        line = d.get("line") if type(d.get("line")) is int else None
        return cls(text("kind")[:100], text("message") or "Your function raised an exception.", line,
                   text("traceback"))


def rng(seed: int = 0) -> np.random.Generator:
    """A seeded generator: tests must give the same verdict every run."""
    return np.random.default_rng(seed)


def _fmt(x) -> str:
    x = float(x)
    return f"{x:.6g}"


def _index(idx) -> str:
    return "[" + ", ".join(str(int(i)) for i in idx) + "]"


def as_array(value, name: str = "result") -> np.ndarray:
    """``value`` as a plain float64 ndarray, or a Failure that says what it was instead.

    Accepts exact ndarrays and real numbers (for scalars); refuses subclasses, lists,
    None, generators and object/complex/string dtypes, whose comparisons could lie.
    """
    if value is None:
        raise Failure(f"{name} is None: did you forget a `return`?")
    if type(value) in (float, int) or isinstance(value, (np.floating, np.integer)):
        return np.array(value, dtype=np.float64)
    if type(value) is not np.ndarray:
        if type(value) is Opaque:
            raise Failure(f"{name} is {value.description}; expected a NumPy array.")
        if isinstance(value, (list, tuple)):
            raise Failure(f"{name} is {describe_type(value)}, not a NumPy array: "
                          "build it with NumPy operations (or wrap it in np.array(...)).")
        raise Failure(f"{name} is {describe_type(value)}; expected a NumPy array.")
    if value.dtype.kind not in "fiu":
        raise Failure(f"{name} has dtype {value.dtype}; expected real numbers (float64).")
    return np.array(value, dtype=np.float64, copy=True)


def _shape_hint(got: tuple, want: tuple) -> str:
    if len(got) == len(want) == 2 and got == want[::-1]:
        return ": it looks transposed, check which operand needs a .T"
    if len(got) >= 2 and sorted(got) == sorted(want) and got != want:
        return ": the axes are in the wrong order (for batched arrays use swapaxes(-1, -2), not .T)"
    if int(np.prod(got)) == int(np.prod(want)):
        if len(got) > len(want):
            return ": an extra length-1 axis (from [:, None] or keepdims=True?)"
        if len(got) < len(want):
            return ": a length-1 axis is missing (keepdims=True, or a reshape?)"
        return ": same number of entries, different shape (a reshape where a transpose belongs?)"
    if len(got) < len(want):
        return ": an axis is missing (summed over the wrong axis?)"
    if len(got) > len(want):
        return ": an extra axis (a sum over the broadcast axes is missing?)"
    return ""


def _diff_table(name: str, got: np.ndarray, want: np.ndarray, bad: np.ndarray, worst) -> dict | None:
    """A small window of the arrays around the worst entry, for the page's table."""
    if got.ndim == 0:  # the message already says both numbers
        return None
    lead = tuple(worst[:-2]) if got.ndim > 2 else ()
    g, w, b = got[lead], want[lead], bad[lead]
    if g.ndim == 1:
        g, w, b = g[None, :], w[None, :], b[None, :]
        r0, c0 = 0, max(0, min(int(worst[-1]) - DIFF_WINDOW // 2, g.shape[1] - DIFF_WINDOW))
    else:
        r0 = max(0, min(int(worst[-2]) - DIFF_WINDOW // 2, g.shape[0] - DIFF_WINDOW))
        c0 = max(0, min(int(worst[-1]) - DIFF_WINDOW // 2, g.shape[1] - DIFF_WINDOW))
    sl = (slice(r0, r0 + DIFF_WINDOW), slice(c0, c0 + DIFF_WINDOW))
    tolist = lambda a: [[float(v) if np.isfinite(v) else str(v) for v in row] for row in a]
    return {"name": name, "lead": [int(i) for i in lead], "origin": [r0, c0],
            "vector": got.ndim == 1, "got": tolist(g[sl]), "expected": tolist(w[sl]),
            "bad": b[sl].tolist()}


def assert_close(got, expected, name: str = "result", atol: float | None = None,
                 rtol: float | None = None, hint="") -> None:
    """Fail unless ``got`` matches ``expected`` entry by entry within tolerance.

    The message names the first thing wrong, in the order a learner should fix it:
    type, shape, NaN/inf, then values (with the worst entry, a sign or scale hint).
    ``hint`` (appended to value messages) may be a string, or a function returning one,
    called only when the comparison fails: diagnoses that cost time stay off the pass path.
    """
    lazy_hint = hint if callable(hint) else (lambda: hint)
    atol = TOLERANCE["atol"] if atol is None else atol
    rtol = TOLERANCE["rtol"] if rtol is None else rtol
    want = np.asarray(expected, dtype=np.float64)
    g = as_array(got, name)
    if g.shape != want.shape:
        what = "is a scalar" if g.ndim == 0 else f"has shape {g.shape}"
        exp = "a scalar" if want.ndim == 0 else str(want.shape)
        raise Failure(f"{name} {what}, expected {exp}{_shape_hint(g.shape, want.shape)}.")
    finite = np.isfinite(g)
    if not finite.all() and np.isfinite(want).all():
        kind = "NaN" if np.isnan(g).any() else "inf"
        advice = "an overflow or 0/0 — with exp(), subtract the max first; with log(), avoid log(0)."
        hint = lazy_hint()
        extra = f" {hint}" if hint else ""
        if g.ndim == 0:
            raise Failure(f"{name} is {float(g)}, expected {_fmt(want)}: {advice}{extra}")
        first = np.argwhere(~finite)[0]
        raise Failure(f"{name} contains {kind} at {int((~finite).sum())} of {g.size} entries "
                      f"(first at {_index(first)}): {advice}{extra}",
                      _diff_table(name, g, want, ~finite, tuple(first)))
    err = np.abs(g - want)
    allowed = atol + rtol * np.abs(want)
    bad = ~(err <= allowed)
    if not bad.any():
        return
    worst = np.unravel_index(int(np.argmax(np.where(bad, err - allowed, -np.inf))), g.shape)
    at = f" at {_index(worst)}" if g.ndim else ""
    msg = (f"{name} is wrong at {int(bad.sum())} of {g.size} entries. Worst{at}: got "
           f"{_fmt(g[worst])}, expected {_fmt(want[worst])} (off by {_fmt(err[worst])}; "
           f"allowed {_fmt(allowed[worst])}).") if g.ndim else (
           f"{name} is {_fmt(g)}, expected {_fmt(want)} (off by {_fmt(err)}).")
    denom = float(np.sum(want * want))
    if denom > 0 and g.size > 1:  # any wrong scalar is "a multiple" of the right one
        scale = float(np.sum(g * want)) / denom
        if abs(scale - 1) > 1e-6 and np.allclose(g, scale * want, atol=atol, rtol=max(rtol, 1e-9)):
            if abs(scale) < 1e-12:
                msg += f" {name} is zero everywhere: is the placeholder still in place?"
            elif abs(scale + 1) < 1e-6:
                msg += f" {name} has the right size but the wrong sign."
            elif scale > 1:
                msg += (f" {name} is the expected value times {_fmt(scale)} everywhere: "
                        "a sum where a mean belongs, or an extra factor?")
            else:
                msg += (f" {name} is the expected value times {_fmt(scale)} everywhere: "
                        "a mean where a sum belongs, or a missing factor?")
    hint = lazy_hint()
    if hint:
        msg += " " + hint
    raise Failure(msg, _diff_table(name, g, want, bad, worst))


def assert_true(condition, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds."""
    if not bool(condition):
        raise Failure(message)


def numerical_gradient(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central finite differences of a scalar function ``f`` at ``x`` (float64), same shape.

    Uses only the test's own ``f`` (a reference forward pass), never learner code.
    """
    x = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        hi = float(f(x))
        flat[i] = old - eps
        lo = float(f(x))
        flat[i] = old
        gflat[i] = (hi - lo) / (2 * eps)
    return grad

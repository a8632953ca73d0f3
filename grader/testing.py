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
    """A test failed; ``diff`` optionally holds an expected-vs-got table for the page, and
    ``case`` (set by ``random_cases``) the failing inputs, for the learner to replay."""

    def __init__(self, message: str, diff: dict | None = None):
        super().__init__(message)
        self.diff = diff
        self.case = None


class LearnerRaised(Exception):
    """The learner's function raised while a test called it. ``kind`` is the exception's
    class name (e.g. "MemoryError"), ``message`` the explanation shown to the learner,
    ``line`` their line, ``traceback`` theirs, trimmed. A test may catch it to explain a
    failure better (softmax_backward turns a MemoryError into a lesson about the Jacobian);
    uncaught, it fails the test with that message."""

    def __init__(self, kind: str, message: str, line: int | None = None, traceback: str = ""):
        super().__init__(message)
        self.kind, self.message, self.line, self.traceback = kind, message, line, traceback
        self.case = None

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
    table = {"name": name, "lead": [int(i) for i in lead], "origin": [r0, c0],
             "vector": got.ndim == 1, "got": tolist(g[sl]), "expected": tolist(w[sl]),
             "bad": b[sl].tolist()}
    if max(got[lead].shape) > DIFF_WINDOW:
        table["full"] = _overview(got[lead], want[lead], worst[len(lead):])
    return table


OVERVIEW_2D, OVERVIEW_1D = 32, 256  # cells of the page's heatmap / points of its line chart


def _overview(got: np.ndarray, want: np.ndarray, worst) -> dict:
    """The whole (2-D or 1-D) arrays, block-averaged down to a heatmap's or a chart's size
    (4 significant digits; non-finite entries as 0), with the worst entry's block."""
    limit = OVERVIEW_1D if got.ndim == 1 else OVERVIEW_2D
    blocks = [max(1, -(-n // limit)) for n in got.shape]

    def shrink(a):
        a = np.where(np.isfinite(a), a, 0.0)
        for axis, k in enumerate(blocks):
            n = a.shape[axis]
            pad = (-n) % k
            if pad:
                a = np.concatenate([a, np.repeat(np.take(a, [-1], axis=axis), pad, axis=axis)], axis=axis)
            a = a.reshape(a.shape[:axis] + (a.shape[axis] // k, k) + a.shape[axis + 1:]).mean(axis=axis + 1)
        return [float(f"{v:.4g}") for v in a.ravel()] if a.ndim == 1 else [[float(f"{v:.4g}") for v in row] for row in a]

    return {"got": shrink(got), "expected": shrink(want), "shape": list(got.shape),
            "worst": [int(i) // k for i, k in zip(worst, blocks)], "block": blocks}


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
    hint = lazy_hint()
    denom = float(np.sum(want * want))
    if denom > 0 and g.size > 1:  # any wrong scalar is "a multiple" of the right one
        scale = float(np.sum(g * want)) / denom
        if abs(scale - 1) > 1e-6 and np.allclose(g, scale * want, atol=atol, rtol=max(rtol, 1e-9)):
            if abs(scale) < 1e-12:
                msg += f" {name} is zero everywhere: is the placeholder still in place?"
            elif abs(scale + 1) < 1e-6:
                msg += f" {name} has the right size but the wrong sign."
            elif not _explains_scale(hint):  # one explanation: a hint that names the factor wins
                more = "a sum where a mean belongs, or an extra factor?" if scale > 1 else \
                       "a mean where a sum belongs, or a missing factor?"
                msg += f" {name} is the expected value times {_fmt(scale)} everywhere: {more}"
    if hint:
        msg += " " + hint
    raise Failure(msg, _diff_table(name, g, want, bad, worst))


def _explains_scale(hint: str) -> bool:
    """Whether a test's hint already explains a wrong scale ("the factor 1/B is missing")."""
    return any(w in hint.lower() for w in ("times", "factor", "mean", "sum"))


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


# --- random cases, shrunk on failure ---------------------------------------------------------

CASE_SIZES = (1, 2, 3, 4, 5, 7, 8, 12)
SHRINK_CALLS = 12  # at most this many extra calls to find a smaller failing case


def random_cases(f, make, check, *, seed: int, dims, count: int = 6) -> None:
    """Check ``f`` on ``count`` random cases; on a failure, report the smallest one found.

    ``dims`` names the sizes (``"m k n"``); ``make(g, **sizes)`` builds the arguments from a
    seeded generator ``g``; ``check(got, *args)`` raises ``Failure`` when ``got = f(*args)``
    is wrong. Case 0 has every size 1, case 1 every size equal (square matrices), the rest
    are drawn from ``CASE_SIZES`` (the random ones run first). When a case fails, its sizes
    are shrunk (to 1, halved, minus one) while it keeps failing with the same message (up to
    its numbers: a smaller case must not lose the diagnosis), and the failure raised carries
    ``case``: a label (seed and sizes) and the arguments as Python source, to replay it."""
    names = dims.split() if isinstance(dims, str) else list(dims)
    g0 = rng(seed)
    plans = [{d: int(g0.choice(CASE_SIZES)) for d in names} for _ in range(max(0, count - 2))]
    plans += [dict.fromkeys(names, int(g0.choice(CASE_SIZES[2:]))), dict.fromkeys(names, 1)]
    for i, sizes in enumerate(plans[:count]):
        case_seed = seed * 1000 + i
        error = _attempt(f, make, check, case_seed, sizes)
        if error is None:
            continue
        small, small_error = _shrink(f, make, check, case_seed, sizes, error)
        args = make(rng(case_seed), **small)
        shrunk = "" if small == sizes else " (shrunk from " + ", ".join(f"{d}={v}" for d, v in sizes.items()) + ")"
        small_error.case = {
            "label": f"seed {case_seed}: " + ", ".join(f"{d}={v}" for d, v in small.items()) + shrunk,
            "args": "\n".join(f"{n} = {_source(a)}" for n, a in zip(_arg_names(f, len(args)), args)),
        }
        raise small_error


def _attempt(f, make, check, case_seed: int, sizes: dict):
    args = make(rng(case_seed), **sizes)
    try:
        check(f(*args), *args)
    except (Failure, LearnerRaised) as e:
        return e
    except AssertionError as e:
        return Failure(str(e) or "An assertion in this test failed.")
    return None


def _template(error) -> str:
    """A failure message with its numbers blanked: what a smaller case must still say."""
    import re
    return re.sub(r"\d+(\.\d+)?(e[-+]?\d+)?", "#", str(getattr(error, "message", None) or error))


def _shrink(f, make, check, case_seed: int, sizes: dict, error):
    calls, template = 0, _template(error)
    improved = True
    while improved and calls < SHRINK_CALLS:
        improved = False
        # Each size alone, and each group of equal sizes together (a square stays square).
        groups = [[d] for d in sizes] + [[d for d in sizes if sizes[d] == v] for v in set(sizes.values())]
        for group in sorted((g for g in groups if len(g) > 1), key=len, reverse=True) + [g for g in groups if len(g) == 1]:
            v = sizes[group[0]]
            for smaller in sorted({1, v // 2, v - 1}):
                if not 1 <= smaller < v or calls >= SHRINK_CALLS:
                    continue
                trial = {**sizes, **dict.fromkeys(group, smaller)}
                calls += 1
                e = _attempt(f, make, check, case_seed, trial)
                if e is not None and _template(e) == template:
                    sizes, error, improved = trial, e, True
                    break
    return sizes, error


def _arg_names(f, n: int) -> list[str]:
    names = list(getattr(f, "arg_names", []))[:n]
    return names + [f"arg{i + 1}" for i in range(len(names), n)]


def _source(value) -> str:
    """A Python expression that rebuilds ``value`` exactly (NumPy as ``np``)."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "iu":
            return f"np.array({value.tolist()!r}, dtype=np.int64)"
        return f"np.array({value.astype(np.float64).tolist()!r})"
    return repr(value)


# --- pictures a test attaches to its result ---------------------------------------------------

_PICTURES: list = []


def attach(picture: dict) -> None:
    """Attach a picture to the running test's result (shown on the page, pass or fail):
    ``{"kind": "line", "title", "x_label", "y_label", "series": [{"name", "y": [...]}]}`` or
    ``{"kind": "scatter", "title", "points": [[x, y, cls], ...], "grid": {"x0", "x1", "y0",
    "y1", "values": [[cls, ...], ...]}}`` (a decision boundary)."""
    if picture.get("kind") not in ("line", "scatter"):
        raise ValueError(f"attach(): kind must be 'line' or 'scatter', not {picture.get('kind')!r}")
    _PICTURES.append(picture)


def take_pictures() -> list:
    """The pictures attached since the last call (the checker calls it after each test)."""
    out = list(_PICTURES)
    _PICTURES.clear()
    return out

"""The learner's side of the boundary: load ``main.py``, answer calls, run snippets.

Runs in the learner's own interpreter (a Pyodide worker, or a CPython child process),
which is thrown away after one run. It guards nothing: whatever learner code does here can
only change the answers sent back, and the checker validates and compares those itself.
Every request and reply is ``wire`` bytes; a request is a dict with an ``op``:

    {"op": "load", "source": str, "entry": str}  -> {"output"} | {"error": {message, line, column}, "output"}
    {"op": "call", "args": [...], "kwargs": {}}  -> {"value", "output", "mutated": [[i, changed, size]]}
                                                   | {"raised": {kind, message, line, traceback}, "output"}
    {"op": "snippet", "source": str}             -> {"status": ok|error, "message", "output"}
    {"op": "try", "source", "entry", "args": str, "arg_names": [...], "return_names": [...]}
                                                 -> {"status": ok|error, "values": [{name, repr, shape, dtype}],
                                                     "output", "message", "line"}
"""

from __future__ import annotations

import sys

import numpy as np

from .. import wire
from ..capture import Captured
from .explain import FILENAME, LoadError, describe, load

RECURSION_HEADROOM = 400  # frames learner code may use; deeper is a RecursionError, not a
                          # fatal JS stack overflow in Pyodide
TEXT_CAP = 16 * 1024      # messages and tracebacks; the checker caps again (it trusts nothing)


def _depth() -> int:
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n


def with_recursion_cap(call):
    """Run ``call()`` with the recursion limit a fixed headroom above the current depth."""
    saved = sys.getrecursionlimit()
    sys.setrecursionlimit(_depth() + RECURSION_HEADROOM)
    try:
        return call()
    finally:
        sys.setrecursionlimit(saved)


def _copy(value):
    """A copy of plain argument data, to tell afterwards whether the call changed it."""
    if type(value) is np.ndarray:
        return value.copy()
    if type(value) in (tuple, list):
        return [_copy(v) for v in value]
    return value


def _changed(now, before) -> tuple[int, int]:
    """(entries changed, entries in all) between an argument after the call and its copy."""
    if type(before) is np.ndarray:
        if type(now) is not np.ndarray or now.shape != before.shape or now.dtype != before.dtype:
            return before.size or 1, before.size or 1
        same = (now == before) | (np.isnan(now) & np.isnan(before)) if now.dtype.kind == "f" else now == before
        return int(before.size - np.count_nonzero(same)), int(before.size)
    if type(before) is list:
        if type(now) not in (tuple, list) or len(now) != len(before):
            return 1, 1
        parts = [_changed(a, b) for a, b in zip(now, before)]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)
    return 0, 1


def _cap(text: str) -> str:
    return text if len(text) <= TEXT_CAP else text[:TEXT_CAP] + "\n… (cut)"


class Session:
    """One run's learner: a loaded module and its entry function."""

    def __init__(self):
        self.fn = None
        self.entry = ""

    def handle(self, request: bytes) -> bytes:
        """Answer one request; never raises (a failure is described in the reply)."""
        try:
            msg = wire.decode(request)
            op = msg.get("op") if type(msg) is dict else None
            handler = {"load": self.load, "call": self.call, "snippet": self.snippet, "try": self.try_input}.get(op)
            reply = handler(msg) if handler else {"error": {"message": f"unknown request {op!r}"}}
        except BaseException as e:  # learner code may raise anything, even from __del__
            reply = {"error": {"message": _cap(f"The learner runtime failed: {type(e).__name__}: {e}")}}
        try:
            data = wire.encode(reply, lenient=True)
        except BaseException as e:
            data = wire.encode({"error": {"message": f"The reply could not be encoded: {type(e).__name__}"}})
        if len(data) > wire.MAX_FRAME:
            data = wire.encode({"error": {"message": f"The result is too large to check "
                                                     f"({len(data) / 1e6:.0f} MB)."}})
        return data

    def load(self, msg: dict) -> dict:
        self.entry = msg["entry"]
        with Captured() as out:
            try:
                _, self.fn = load(msg["source"], self.entry)
            except LoadError as e:
                return {"error": {"message": _cap(e.message), "line": e.line, "column": e.column},
                        "output": out.getvalue()}
        return {"output": out.getvalue()}

    def call(self, msg: dict) -> dict:
        if self.fn is None:
            return {"error": {"message": "no code loaded"}}
        args, kwargs = list(msg.get("args") or []), dict(msg.get("kwargs") or {})
        before = [_copy(a) for a in args]
        batched = any(type(a) is np.ndarray and a.ndim > 2 for a in args)
        fn = self.fn
        with Captured() as out:
            try:
                value = with_recursion_cap(lambda: fn(*args, **kwargs))
            except BaseException as e:
                message, line, tb = describe(e, f"in {self.entry}", batched)
                return {"raised": {"kind": type(e).__name__, "message": _cap(message), "line": line,
                                   "traceback": _cap(tb)}, "output": out.getvalue()}
        mutated = [[i, *_changed(a, b)] for i, (a, b) in enumerate(zip(args, before))]
        return {"value": value, "output": out.getvalue(), "mutated": [m for m in mutated if m[1]]}

    def snippet(self, msg: dict) -> dict:
        """A theory page's or lesson's code block: what it printed, or the error it raised."""
        with Captured() as out:
            try:
                code = compile(msg["source"], FILENAME, "exec", dont_inherit=True)
                with_recursion_cap(lambda: exec(code, {"__name__": "__main__"}))
            except SyntaxError as e:
                return {"status": "error", "message": f"{type(e).__name__} on line {e.lineno}: {e.msg}",
                        "output": out.getvalue()}
            except BaseException as e:
                _, _, tb = describe(e, "")
                return {"status": "error", "message": _cap(tb.strip()), "output": out.getvalue()}
        return {"status": "ok", "message": "", "output": out.getvalue()}


    def try_input(self, msg: dict) -> dict:
        """"Try my input": define the arguments from the learner's Python source (``np`` is
        NumPy), call the entry function once, and describe what came back. Ungraded."""
        loaded = self.load(msg)
        if "error" in loaded:
            e = loaded["error"]
            return {"status": "error", "values": [], "output": loaded["output"], "message": e["message"],
                    "line": e.get("line")}
        names, fn = list(msg["arg_names"]), self.fn
        with Captured() as out:
            scope = {"np": np, "numpy": np}
            try:
                exec(compile(msg["args"], "input", "exec", dont_inherit=True), scope)
            except BaseException as e:
                return {"status": "error", "values": [], "output": out.getvalue(), "line": None,
                        "message": _cap(f"Your input did not run: {type(e).__name__}: {e}")}
            missing = [n for n in names if n not in scope]
            if missing:
                return {"status": "error", "values": [], "output": out.getvalue(), "line": None,
                        "message": "Define every argument in your input: " + ", ".join(missing) + " missing."}
            args = [scope[n] for n in names]
            try:
                value = with_recursion_cap(lambda: fn(*args))
            except BaseException as e:
                message, line, tb = describe(e, f"in {self.entry}", any(getattr(a, "ndim", 0) > 2 for a in args))
                return {"status": "error", "values": [], "output": out.getvalue() + tb, "message": _cap(message),
                        "line": line}
        returns = list(msg.get("return_names") or ["result"])
        parts = value if len(returns) > 1 and type(value) in (tuple, list) else (value,)
        labels = returns if len(parts) == len(returns) else [f"value {i + 1}" for i in range(len(parts))]
        return {"status": "ok", "output": out.getvalue(), "message": "", "line": None,
                "values": [_describe_value(n, v) for n, v in zip(labels, parts)]}


def _describe_value(name: str, value) -> dict:
    """A returned value for the page: its repr (NumPy's, short), shape and dtype."""
    with np.printoptions(precision=6, threshold=200, edgeitems=4, linewidth=100):
        text = repr(value)
    shape = list(value.shape) if isinstance(value, np.ndarray) else None
    dtype = str(value.dtype) if isinstance(value, (np.ndarray, np.generic)) else type(value).__name__
    return {"name": name, "repr": _cap(text), "shape": shape, "dtype": dtype}


def warm_up() -> None:
    """Run NumPy's common paths once at boot, so a fresh interpreter's first real call does
    not pay for them while a Submit waits."""
    a = np.arange(12.0).reshape(3, 4)
    b = (a @ a.T).sum(axis=1, keepdims=True)
    np.exp(a - a.max(axis=1, keepdims=True)) / b
    np.log(np.abs(a) + 1).mean(), np.maximum(a, 0), np.add.at(np.zeros(3), [0, 0], 1.0)
    wire.decode(wire.encode({"op": "call", "args": [a, (a, 1.0)], "kwargs": {}}))

"""The learner's entry function as tests see it: inputs copied, world restored, outputs checked.

Tests call ``f(*args)``. Each call gets deep copies of the arguments (so mutating them
cannot change what the test compares against), runs under a recursion cap, restores
NumPy/builtins/grader namespaces afterwards, and checks the returned value against the
problem's declared ``returns`` before a test ever looks at it.
"""

from __future__ import annotations

import copy
import sys
import types
from weakref import getweakrefcount

import numpy as np

from . import learner
from .testing import Failure, as_array, describe_type

RECURSION_HEADROOM = 400  # frames learner code may use; deeper is a RecursionError,
                           # not a fatal JS stack overflow in Pyodide


def _depth() -> int:
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n


def with_recursion_cap(call):
    """Run ``call()`` with the recursion limit set a fixed headroom above the current depth."""
    saved = sys.getrecursionlimit()
    sys.setrecursionlimit(_depth() + RECURSION_HEADROOM)
    try:
        return call()
    finally:
        sys.setrecursionlimit(saved)


def check_value(value, kind: str, name: str):
    """One returned value, checked against its declared kind and returned as a safe copy."""
    if kind == "array":
        if isinstance(value, types.GeneratorType):
            raise Failure(f"{name} is a generator; return a NumPy array (a generator "
                          "expression needs np.array([...]) around a list instead).")
        return as_array(value, name)
    if kind == "int_array":
        if type(value) is not np.ndarray or value.dtype.kind not in "iu":
            raise Failure(f"{name} is {describe_type(value)}; expected a NumPy array of integers.")
        return np.array(value, copy=True)
    if kind == "float":
        if type(value) is np.ndarray and value.shape == ():
            value = value[()]
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise Failure(f"{name} is {describe_type(value)}; expected a single number "
                          "(a Python float or a 0-d array): reduce it to one number.")
        return float(value)
    if kind == "int":
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            hint = " (np.prod and friends return floats: wrap the result in int(...))" if isinstance(value, (float, np.floating)) else ""
            raise Failure(f"{name} is {describe_type(value)}; expected a Python int{hint}.")
        return int(value)
    if kind == "literal":
        return copy.deepcopy(value)
    raise ValueError(f"unknown return kind {kind!r}")


class Submission:
    """Callable wrapper around the learner's entry function."""

    def __init__(self, fn, entry: str, returns: list[dict], world, timed_out):
        self.fn, self.entry, self.returns, self.world, self.timed_out = fn, entry, returns, world, timed_out
        self.calls = 0

    def raw(self, *args, **kwargs):
        """Call the learner function with copied inputs; return its unchecked result."""
        args, kwargs = tuple(map(_copied, args)), {k: _copied(v) for k, v in kwargs.items()}
        self.calls += 1
        try:
            return with_recursion_cap(lambda: self.fn(*args, **kwargs))
        except BaseException as e:
            if isinstance(e, KeyboardInterrupt) and self.timed_out():
                raise
            message, line, tb = learner.describe(e, f"in {self.entry}")
            raise learner.LearnerRaised(message, line, tb) from None
        finally:
            self.world(None)

    def __call__(self, *args, **kwargs):
        result = self.raw(*args, **kwargs)
        try:
            return self._checked(result)
        finally:
            if not _plain(result):
                # Checking it may have run learner code (``__float__`` of a float subclass,
                # a metaclass's ``__eq__``), and dropping it may yet (``__del__`` of an
                # array's buffer): after both, restore again, before the test compares.
                del result
                self.world(None)

    def _checked(self, result):
        names = [r["name"] for r in self.returns]
        if len(self.returns) == 1:
            return check_value(result, self.returns[0]["type"], names[0])
        want = "(" + ", ".join(names) + ")"
        if type(result) is not tuple and type(result) is not list:
            raise Failure(f"{self.entry} should return a tuple {want}; got {describe_type(result)}.")
        if len(result) != len(self.returns):
            raise Failure(f"{self.entry} should return {len(self.returns)} values {want}; "
                          f"got {len(result)}.")
        return tuple(check_value(v, r["type"], r["name"]) for v, r in zip(result, self.returns))


def _copied(value):
    """A copy the learner may mutate freely: numeric arrays by ``ndarray.copy`` (what
    deepcopy would do, without its dispatch), anything else by ``copy.deepcopy``."""
    if type(value) is np.ndarray and value.dtype.kind in "biuf":
        return value.copy(order="K")
    return copy.deepcopy(value)


# Exact types whose instances hold no reference to anything else. Looked up only for classes
# whose metaclass is exactly ``type``: a learner metaclass's __hash__ and __eq__ never run.
_PLAIN_TYPES = frozenset((type(None), bool, int, float, str, bytes, np.bool_, np.float64, np.float32,
                          np.float16, np.int64, np.int32, np.int16, np.int8, np.uint64,
                          np.uint32, np.uint16, np.uint8))


def _plain(value) -> bool:
    """Whether a returned value certainly holds nothing of the learner's that code could run
    from: a plain number or numeric ndarray, or an exact tuple or list of them. Looks only
    at exact types and at attributes of exact ndarrays, so it runs no learner code itself."""
    if type(value) is tuple or type(value) is list:
        return all(map(_plain_item, value))
    return _plain_item(value)


def _plain_item(value) -> bool:
    """A plain number, or an exact numeric ndarray whose dtype carries no metadata, with no
    weak references (``weakref.finalize`` runs code when it dies) and whose memory belongs
    to NumPy (or to bytes), through any chain of views."""
    t = type(value)
    if type(t) is type and t in _PLAIN_TYPES:
        return True
    while t is np.ndarray:
        if value.dtype.kind not in "biuf" or value.dtype.metadata is not None or getweakrefcount(value):
            return False
        value = value.base
        t = type(value)
    return value is None or t is bytes

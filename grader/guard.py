"""Put the interpreter back the way the grader found it, after learner code has run.

Learner code can monkeypatch NumPy (``np.allclose = lambda *a, **k: True``), builtins,
``sys.modules`` entries or the grader's own modules. Rather than chase each trick, the
grader snapshots the namespaces it relies on once, before any learner code runs, and
restores them after every call into learner code — so every comparison the grader makes
runs against pristine NumPy and builtins. Pure Python: works in CPython and Pyodide.
"""

from __future__ import annotations

import copy
import gc
import importlib
import sys
import types
import warnings

import numpy as np

# Imported up front so their namespaces are in the snapshot (some load lazily).
_EAGER = ("numpy.linalg", "numpy.testing", "numpy.random", "numpy.fft", "numpy.lib",
          "numpy.ma", "numpy.exceptions", "copy", "json", "traceback", "io", "time")
for _name in _EAGER:
    importlib.import_module(_name)

_PREFIXES = ("numpy", "grader", "builtins", "math", "sys", "copy", "json", "traceback",
             "io", "time", "warnings", "functools", "operator", "types", "contextlib")


def _guarded(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in _PREFIXES)


class World:
    """A snapshot of module namespaces and interpreter settings that can be restored."""

    def __init__(self, extra_namespaces: tuple[dict, ...] = ()):
        self.modules = {n: m for n, m in list(sys.modules.items()) if _guarded(n) and m is not None}
        self.namespaces = [(m.__dict__, dict(m.__dict__)) for m in self.modules.values()
                           if m is not sys]  # sys: restored selectively below
        self.namespaces += [(ns, dict(ns)) for ns in extra_namespaces]
        # Function bodies can be swapped in place (``f.__code__ = ...``), and the grader's
        # own classes and module-level dicts/lists mutated: snapshot those too.
        self.functions = [(f, f.__code__, f.__defaults__, f.__kwdefaults__)
                          for _, saved in self.namespaces for f in saved.values()
                          if type(f) is types.FunctionType]
        own = [m.__dict__ for n, m in self.modules.items() if n.startswith("grader")]
        own += list(extra_namespaces)
        self.classes = [(c, dict(c.__dict__)) for ns in own for c in ns.values()
                        if type(c) is type and c.__module__.startswith(("grader", "hidden_tests"))]
        self.containers = [(v, copy.copy(v)) for ns in own for v in ns.values()
                           if type(v) in (dict, list)]
        self.sys_attrs = {k: getattr(sys, k) for k in
                          ("stdout", "stderr", "stdin", "displayhook", "excepthook",
                           "breakpointhook", "modules", "path", "meta_path", "path_hooks")}
        self.recursion_limit = sys.getrecursionlimit()
        self.np_err = np.geterr()
        self.np_print = np.get_printoptions()
        self.warning_filters = list(warnings.filters)

    def restore(self) -> None:
        """Undo whatever learner code changed in the snapshotted namespaces."""
        sys.settrace(None)
        sys.setprofile(None)
        for name, value in self.sys_attrs.items():
            if getattr(sys, name, None) is not value:
                setattr(sys, name, value)
        for name, mod in self.modules.items():
            if sys.modules.get(name) is not mod:
                sys.modules[name] = mod
        for live, saved in self.namespaces:
            if len(live) != len(saved) or any(live.get(k, _MISSING) is not v for k, v in saved.items()):
                live.clear()
                live.update(saved)
        for f, code, defaults, kwdefaults in self.functions:
            if f.__code__ is not code:
                f.__code__ = code
            if f.__defaults__ is not defaults:
                f.__defaults__ = defaults
            if f.__kwdefaults__ is not kwdefaults:
                f.__kwdefaults__ = kwdefaults
        for cls, saved in self.classes:
            for k in [k for k in cls.__dict__ if k not in saved]:
                delattr(cls, k)
            for k, v in saved.items():
                if cls.__dict__.get(k, _MISSING) is not v and k not in ("__dict__", "__weakref__"):
                    setattr(cls, k, v)
        for live, saved in self.containers:
            if live != saved:
                if type(live) is dict:
                    live.clear()
                    live.update(saved)
                else:
                    live[:] = saved
        sys.setrecursionlimit(self.recursion_limit)
        np.seterr(**self.np_err)
        np.set_printoptions(**self.np_print)
        warnings.filters[:] = self.warning_filters


_MISSING = object()


def collect() -> None:
    """Run pending finalizers of young objects now (a learner ``__del__`` in a reference
    cycle), so they run before a restore rather than after. Generation 0 only: a full
    collection costs ~20 ms with NumPy loaded."""
    gc.collect(0)

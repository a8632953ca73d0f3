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
import operator
import sys
import types
import warnings
from itertools import repeat

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
        # Live namespaces and their saved copies, as parallel lists for restore() to map over.
        self.lives = [m.__dict__ for m in self.modules.values() if m is not sys]  # sys: restored selectively below
        self.lives += extra_namespaces
        self.saveds = list(map(dict, self.lives))
        self.lengths = list(map(len, self.saveds))
        self.namespace_ids = frozenset(map(id, self.lives))
        # Function bodies can be swapped in place (``f.__code__ = ...``), and the grader's
        # own classes and module-level dicts/lists mutated: snapshot those too.
        functions = list({id(f): f for saved in self.saveds for f in saved.values()
                          if type(f) is types.FunctionType}.values())  # once each, however often named
        self.function_set = frozenset(functions)  # functions hash and compare by identity
        self.function_parts = _function_parts(functions)
        own = [m.__dict__ for n, m in self.modules.items() if n.startswith("grader")]
        own += list(extra_namespaces)
        self.classes = _classes(own)
        self.class_columns = _class_columns(self.classes)
        self.containers = _containers(own, self.namespace_ids)
        self.known_modules = set(sys.modules)
        self.sys_attrs = {k: getattr(sys, k) for k in
                          ("stdout", "stderr", "stdin", "displayhook", "excepthook",
                           "breakpointhook", "modules", "path", "meta_path", "path_hooks")}
        self.recursion_limit = sys.getrecursionlimit()
        self.np_err = np.geterr()
        self.np_extobj = _EXTOBJ.get() if _EXTOBJ is not None else None
        self.np_print = np.get_printoptions()
        self.np_print_items = dict(_PRINT) if _PRINT is not None else None
        self.warning_filters = list(warnings.filters)

    def extended(self, namespace: dict) -> "World":
        """This snapshot plus one more namespace (a run's tests), without re-snapshotting
        everything else. Falls back to a full snapshot if modules were imported since."""
        if sys.modules.keys() != self.known_modules:  # a set comparison, in C
            new = [n for n in list(sys.modules) if n not in self.known_modules]
            if any(_guarded(n) for n in new):  # e.g. numpy.polynomial, first imported by a test
                return World(extra_namespaces=(namespace,))
            self.known_modules = set(sys.modules)  # only unguarded ones (pyodide.ffi, …) came
        w = copy.copy(self)
        fns = [f for f in namespace.values() if type(f) is types.FunctionType and f not in self.function_set]
        snapshot = dict(namespace)
        w.lives, w.saveds, w.lengths = self.lives + [namespace], self.saveds + [snapshot], self.lengths + [len(snapshot)]
        w.namespace_ids = self.namespace_ids | {id(namespace)}
        w.function_set = self.function_set.union(fns)
        w.function_parts = [(attr, get, old + new, saved + new_saved) for (attr, get, old, saved), (_, _, new, new_saved)
                            in zip(self.function_parts, _function_parts(fns))]
        w.classes = self.classes + _classes((namespace,))
        w.class_columns = _class_columns(w.classes)
        w.containers = self.containers + _containers((namespace,), w.namespace_ids)
        return w

    def restore(self) -> None:
        """Undo whatever learner code changed in the snapshotted namespaces."""
        sys.settrace(None)
        sys.setprofile(None)
        for name, value in self.sys_attrs.items():
            if getattr(sys, name, None) is not value:
                setattr(sys, name, value)
        if not all(map(operator.is_, map(sys.modules.get, self.modules), self.modules.values())):
            for name, mod in self.modules.items():
                if sys.modules.get(name) is not mod:
                    sys.modules[name] = mod
        # Writing every saved entry back (in C, over all namespaces at once: a Python loop
        # over ~130 of them costs more than the writes) is cheaper than comparing each one;
        # update() never removes a key, so a length left longer means a learner added one
        # (say ``abs``, shadowing the builtin): start that namespace afresh.
        any(map(dict.update, self.lives, self.saveds))  # update() returns None: any() runs them all
        if not all(map(operator.eq, map(len, self.lives), self.lengths)):
            for live, saved in zip(self.lives, self.saveds):
                if len(live) != len(saved):
                    live.clear()
                    live.update(saved)
        for attr, get, functions, saved in self.function_parts:
            if not all(map(operator.is_, map(get, functions), saved)):
                for f, v in zip(functions, saved):
                    if get(f) is not v:
                        setattr(f, attr, v)
        proxies, lengths, gets, keys, values = self.class_columns
        if not (all(map(operator.eq, map(len, proxies), lengths))  # no key missing, so none added
                and all(map(operator.is_, map(operator.call, gets, keys, repeat(_MISSING)), values))):
            self._restore_classes()
        for live, saved in self.containers:
            if not _same(live, saved):
                if type(live) is dict:
                    live.clear()
                    live.update(saved)
                else:
                    live[:] = saved
        sys.setrecursionlimit(self.recursion_limit)
        if _EXTOBJ is None:
            np.seterr(**self.np_err)
        elif _EXTOBJ.get() is not self.np_extobj:
            _EXTOBJ.set(self.np_extobj)
        if _PRINT is None or not _same(_PRINT, self.np_print_items):
            np.set_printoptions(**self.np_print)
        warnings.filters[:] = self.warning_filters

    def _restore_classes(self) -> None:
        for cls, saved in self.classes:
            for k in [k for k in cls.__dict__ if k not in saved]:
                delattr(cls, k)
            for k, v in saved.items():
                if cls.__dict__.get(k, _MISSING) is not v and k not in ("__dict__", "__weakref__"):
                    setattr(cls, k, v)


_MISSING = object()

# NumPy 2's own state behind np.seterr and np.set_printoptions, when it has the expected
# shape: restoring the ufunc state object in one step is cheaper than np.seterr (~0.05 ms
# in Pyodide, per restore) and also puts back np.seterrcall's callback and the buffer size;
# the print options are re-set (~0.1 ms) only when their dict has changed. Otherwise: the
# public functions, every time.
try:
    from numpy._core._ufunc_config import _extobj_contextvar as _EXTOBJ
except ImportError:
    _EXTOBJ = None
try:
    from numpy._core.arrayprint import _format_options as _PRINT
    if type(_PRINT) is not dict:
        _PRINT = None
except ImportError:
    _PRINT = None


def _classes(namespaces) -> list:
    return [(c, dict(c.__dict__)) for ns in namespaces for c in ns.values()
            if type(c) is type and c.__module__.startswith(("grader", "hidden_tests"))]


def _class_columns(classes) -> tuple:
    """The classes' live ``__dict__`` proxies and lengths, and every saved (proxy.get, key,
    value) as parallel lists: restore() checks them all in one C-level pass."""
    proxies = [cls.__dict__ for cls, _ in classes]  # a mappingproxy is a live view
    gets = [proxy.get for proxy, (_, saved) in zip(proxies, classes) for _ in saved]
    keys = [k for _, saved in classes for k in saved]
    values = [v for _, saved in classes for v in saved.values()]
    return proxies, [len(saved) for _, saved in classes], gets, keys, values


def _function_parts(functions) -> list:
    """(attribute, getter, functions, their saved values) for each attribute a learner could
    swap to change what a function does. ``__kwdefaults__`` only of functions that have
    keyword-only parameters (or kwdefaults anyway): on any other function it is never read
    by a call, and skipping ~90% of the functions saves a third of this check."""
    kw = [f for f in functions if f.__code__.co_kwonlyargcount or f.__kwdefaults__ is not None]
    parts = [("__code__", functions), ("__defaults__", functions), ("__kwdefaults__", kw)]
    return [(attr, get, fns, list(map(get, fns))) for attr, fns in parts for get in (operator.attrgetter(attr),)]


def _containers(namespaces, skip: set) -> list:
    """Module-level dicts and lists, once each, less those whose id is in ``skip``: the
    namespaces, restored already (every module's ``__builtins__`` is the builtins one)."""
    found = {id(v): v for ns in namespaces for v in ns.values() if type(v) in (dict, list)}
    return [(v, copy.copy(v)) for i, v in found.items() if i not in skip]


def _same(live, saved) -> bool:
    """Whether a dict (or list) still holds the very same keys and values, in order.

    Identity, never ``==``: a learner's object whose ``__eq__`` always says True must not
    pass for the original."""
    if len(live) != len(saved):
        return False
    if type(live) is dict:
        return all(map(operator.is_, live, saved)) and all(map(operator.is_, live.values(), saved.values()))
    return all(map(operator.is_, live, saved))


def collect() -> None:
    """Run pending finalizers of young objects now (a learner ``__del__`` in a reference
    cycle), so they run before a restore rather than after. Generation 0 only: a full
    collection costs ~20 ms with NumPy loaded."""
    gc.collect(0)

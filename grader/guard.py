"""Put the interpreter back the way the grader found it, after learner code has run.

Learner code can monkeypatch NumPy (``np.allclose = lambda *a, **k: True``), builtins,
``sys.modules`` entries or the grader's own modules. Rather than chase each trick, the
grader snapshots the namespaces it relies on once, before any learner code runs, and
restores them after every call into learner code — so every comparison the grader makes
runs against pristine NumPy and builtins. Pure Python: works in CPython and Pyodide.

The guard also guards itself: the saved copies live in a generator's frame that learner
code cannot reach, and the audit hook (``grader.audit``) refuses what would reach them or
swap the grader's code.
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

from . import audit

# Imported up front so their namespaces are in the snapshot (some load lazily).
_EAGER = ("numpy.linalg", "numpy.testing", "numpy.random", "numpy.fft", "numpy.lib",
          "numpy.ma", "numpy.exceptions", "copy", "json", "traceback", "io", "time")
for _name in _EAGER:
    importlib.import_module(_name)

_PREFIXES = ("numpy", "grader", "builtins", "math", "sys", "copy", "json", "traceback",
             "io", "time", "warnings", "functools", "operator", "types", "contextlib")


def _guarded(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in _PREFIXES)


def snapshot(namespace: dict | None = None, name: str | None = None):
    """Snapshot the guarded namespaces now; return the *world*, a callable.

    ``world(None)`` restores everything to this snapshot (function bodies need no check:
    ``audit.seal()``, called first, makes swapping them impossible); ``world(ns)`` returns a
    new world that also covers the namespace ``ns`` (a run's tests), without re-snapshotting
    the rest. ``namespace[name]`` is bound to the world before the copies are taken, so a
    module can keep its own world in a global that restores to itself.

    The world calls ``send`` of a generator (the warden) whose frame holds the saved copies
    and every function restore uses, bound before any learner code ran. Learner code can
    reach the world (it is in ``grader.runner``) but not what is inside: patching this module
    or a class cannot change how a restore runs, and the frame is out of reach once
    ``audit.seal()`` has run (no ``gi_frame``, no ``gc.get_referents``). ``.throw()`` on the
    warden is shrugged off; ``.close()`` ends it, after which every run crashes (and the page
    replaces the worker): never a pass.
    """
    audit.seal()
    gc.freeze()  # what exists now lives as long as the process: no collection need visit it
    warden = _warden(())
    world = _world(warden)
    if namespace is not None:
        namespace[name] = world
    next(warden)  # runs up to the first yield: the snapshot is taken there
    return world


def _warden(extra_namespaces: tuple, base: dict | None = None):
    """The generator behind a world (see ``snapshot``): snapshot, then serve commands."""
    # Everything restore calls, bound now: learner code may shadow any of these names in
    # this module or in builtins before a restore, and the restore must not look them up.
    update, clear, any_, all_, map_, len_, zip_, type_ = dict.update, dict.clear, any, all, map, len, zip, type
    is_, eq, call, getattr_, setattr_, repeat_ = operator.is_, operator.eq, operator.call, getattr, setattr, repeat
    same, restore_classes, collect, gc_disable, modules_get, guarded = _same, _restore_classes, gc.collect, gc.disable, sys.modules.get, _guarded
    make_world, INTERRUPTED, missing, sys_, restore_cells = _world, _INTERRUPTED, _MISSING, sys, _restore_cells
    setrecursionlimit, set_printoptions, seterr = sys.setrecursionlimit, np.set_printoptions, np.seterr
    cell_contents = operator.attrgetter("cell_contents")
    extobj, print_items, warning_filters_list = _EXTOBJ, _PRINT, warnings.filters

    if base is None:
        modules = {n: m for n, m in list(sys.modules.items()) if _guarded(n) and m is not None}
        lives = [m.__dict__ for m in modules.values() if m is not sys]  # sys: selectively, below
        own = [m.__dict__ for n, m in modules.items() if n.startswith("grader")]
        known_modules = set(sys.modules)
        sys_attrs = [(k, getattr(sys, k)) for k in _SYS_ATTRS]
        audit.protect(lives)
        np_state = (sys.getrecursionlimit(), np.geterr(), _EXTOBJ.get() if _EXTOBJ is not None else None,
                    np.get_printoptions(), dict(_PRINT) if _PRINT is not None else None, list(warnings.filters))
    else:
        modules, lives, own, known_modules, sys_attrs, np_state = (
            base["modules"], list(base["lives"]), [], base["known_modules"], base["sys_attrs"], base["np_state"])
    lives += extra_namespaces
    own += extra_namespaces
    module_names, module_objects = list(modules), list(modules.values())
    saveds = list(map(dict, lives))
    lengths = list(map(len, saveds))
    namespace_ids = base["namespace_ids"].union(map(id, extra_namespaces)) if base else frozenset(map(id, lives))
    cells, cell_values = (base["cells"], base["cell_values"]) if base else _closure_cells(modules)
    classes = (base["classes"] if base else []) + _classes(own)
    class_columns = _class_columns(classes)
    containers = (base["containers"] if base else []) + _containers(own, namespace_ids)
    recursion_limit, np_err, np_extobj, np_print, np_print_items, warning_filters = np_state
    mine = {"namespace_ids": namespace_ids, "modules": modules, "lives": lives, "known_modules": known_modules, "sys_attrs": sys_attrs,
            "np_state": np_state, "classes": classes, "containers": containers, "cells": cells,
            "cell_values": cell_values}
    del base, own

    def extend(namespace):
        """A world that also covers ``namespace``."""
        nonlocal known_modules
        if sys.modules.keys() != known_modules:  # a set comparison, in C
            new = [n for n in list(sys.modules) if n not in known_modules]
            if any_(map_(guarded, new)):  # e.g. numpy.polynomial, first imported by a test
                return snapshot_with(namespace)
            known_modules = set(sys.modules)  # only unguarded ones (pyodide.ffi, …) came
            mine["known_modules"] = known_modules
        child = _warden((namespace,), mine)
        next(child)
        return make_world(child)

    def restore():
        # Run pending finalizers of young objects now (a learner ``__del__`` in a reference
        # cycle), so they run before the restore rather than after; then no automatic
        # collection until the runner says so (after its last restore), so that none can run
        # a finalizer in the middle of a test's comparisons. Generation 0 only: the runner
        # does one full collection per run, before its last restore.
        collect(0)
        gc_disable()
        for name, value in sys_attrs:
            if getattr_(sys_, name, None) is not value:
                setattr_(sys_, name, value)
        if not all_(map_(is_, map_(modules_get, module_names), module_objects)):
            for name, mod in zip_(module_names, module_objects):
                if modules_get(name) is not mod:
                    sys_.modules[name] = mod
        # Writing every saved entry back (in C, over all namespaces at once: a Python loop
        # over ~130 of them costs more than the writes) is cheaper than comparing each one;
        # update() never removes a key, so a length left longer means a learner added one
        # (say ``abs``, shadowing the builtin): start that namespace afresh.
        any_(map_(update, lives, saveds))  # update() returns None: any() runs them all
        if not all_(map_(eq, map_(len_, lives), lengths)):
            for live, saved in zip_(lives, saveds):
                if len_(live) != len_(saved):
                    clear(live)
                    update(live, saved)
        # Closure cells (~270 of them, of NumPy's and the grader's functions and methods) are
        # writable from anywhere (``f.__closure__[0].cell_contents = ...``): checked by identity.
        try:
            cells_same = all_(map_(is_, map_(cell_contents, cells), cell_values))
        except ValueError:  # a cell emptied (``del cell.cell_contents``)
            cells_same = False
        if not cells_same:
            restore_cells(cells, cell_values)
        proxies, class_lengths, gets, keys, values = class_columns
        if not (all_(map_(eq, map_(len_, proxies), class_lengths))  # no key missing, so none added
                and all_(map_(is_, map_(call, gets, keys, repeat_(missing)), values))):
            restore_classes(classes)
        for live, saved in containers:
            if not same(live, saved):
                if type_(live) is dict:
                    clear(live)
                    update(live, saved)
                else:
                    live[:] = saved
        setrecursionlimit(recursion_limit)
        if extobj is None:
            seterr(**np_err)
        elif extobj.get() is not np_extobj:
            extobj.set(np_extobj)
        if print_items is None or not same(print_items, np_print_items):
            set_printoptions(**np_print)
        warning_filters_list[:] = warning_filters

    result = None
    while True:
        try:
            command = yield result
        except GeneratorExit:  # close(), or the world is being freed: nothing to keep
            return
        except BaseException:  # throw(), from learner code: shrugged off
            result = None
            continue
        interrupted = False
        while True:
            try:
                result = restore() if command is None else extend(command)
                break
            except KeyboardInterrupt:  # the time limit (SIGINT, Pyodide's interrupt buffer)
                interrupted = True     # arrived mid-restore: finish, then tell the caller
        if interrupted:
            result = INTERRUPTED


def snapshot_with(namespace: dict):
    """A fresh full snapshot that also covers ``namespace`` (modules were imported since)."""
    warden = _warden((namespace,))
    next(warden)
    return _world(warden)


_INTERRUPTED = object()


def _world(warden):
    """The callable handed out for a warden. A time-limit interrupt that lands inside a
    restore is held until the restore is done (a generator that raised would be finished,
    and every later restore with it), then raised here, in the caller's frame."""
    def world(command, send=warden.send, interrupted=_INTERRUPTED, stop=KeyboardInterrupt):
        result = send(command)
        if result is interrupted:
            raise stop
        return result
    return world


_SYS_ATTRS = ("stdout", "stderr", "stdin", "displayhook", "excepthook", "breakpointhook",
              "modules", "path", "meta_path", "path_hooks")


def _restore_classes(classes) -> None:
    for cls, saved in classes:
        for k in [k for k in cls.__dict__ if k not in saved]:
            delattr(cls, k)
        for k, v in saved.items():
            if cls.__dict__.get(k, _MISSING) is not v and k not in ("__dict__", "__weakref__"):
                setattr(cls, k, v)


def _closure_cells(modules: dict) -> tuple[list, list]:
    """The non-empty closure cells of the functions in these modules, module-level and in
    their classes (methods, class- and static methods), and what each holds now."""
    functions = {}
    for m in modules.values():
        for v in list(vars(m).values()):
            members = list(vars(v).values()) if type(v) is type and getattr(v, "__module__", None) == m.__name__ else [v]
            for f in members:
                f = getattr(f, "__func__", f) if type(f) in (classmethod, staticmethod) else f
                if type(f) is types.FunctionType and f.__closure__:
                    functions[id(f)] = f
    cells = []
    for f in functions.values():
        for c in f.__closure__:
            try:
                c.cell_contents
            except ValueError:  # empty until the function's scope assigns it
                continue
            cells.append(c)
    return cells, [c.cell_contents for c in cells]


def _restore_cells(cells, values) -> None:
    for c, v in zip(cells, values):
        try:
            if c.cell_contents is v:
                continue
        except ValueError:
            pass
        c.cell_contents = v


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

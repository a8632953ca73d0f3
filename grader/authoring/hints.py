"""Hint coverage: ``grader check`` makes every ``hint=`` function of a tests.py run.

A hint function runs only when its comparison fails, so one that raises would surface first
in front of a learner. While ``grader check`` runs the reference it *forces* every callable
hint of every ``assert_close`` the reference reaches (its text is thrown away); the starter
and the mutants reach the hints of failure paths. Hints no run reached are reported with
their line, so an author can add a mutant that gets there.

Tests run in this process (the checker side), so the recorder wraps ``testing.assert_close``
once; with no recorder active on the thread it is exactly the original.
"""

from __future__ import annotations

import ast
import threading
from contextlib import contextmanager

from .. import testing
from ..checker.run import TESTS_FILE

_state = threading.local()
_original = testing.assert_close


def _wrapped(*args, **kwargs):
    rec = getattr(_state, "recorder", None)
    hint = kwargs.get("hint", args[5] if len(args) > 5 else "")
    if rec is not None and callable(hint):
        inner = hint
        code = getattr(inner, "__code__", None)
        if code is not None and code.co_filename == TESTS_FILE:
            def hint():
                rec["ran"].add(code.co_firstlineno)
                return inner()
            if rec["force"]:
                hint()  # raises here if the hint is broken: the test is then reported broken
            if "hint" in kwargs:
                kwargs["hint"] = hint
            else:
                args = args[:5] + (hint,) + args[6:]
    return _original(*args, **kwargs)


_wrapped.__doc__ = _original.__doc__
testing.assert_close = _wrapped


@contextmanager
def recording(ran: set, force: bool = False):
    """Record (into ``ran``) the tests.py line of every hint function that runs on this
    thread; with ``force``, call each one even when its comparison passes."""
    _state.recorder = {"ran": ran, "force": force}
    try:
        yield ran
    finally:
        _state.recorder = None


def hint_sites(tests_source: str) -> list[int]:
    """Lines of the ``hint=lambda: …`` (and ``hint=<function defined in tests.py>``) arguments."""
    tree = ast.parse(tests_source)
    defs = {n.name: n.lineno for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda)) and hasattr(n, "name")}
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg != "hint":
                    continue
                if isinstance(kw.value, ast.Lambda):
                    lines.add(kw.value.lineno)
                elif isinstance(kw.value, ast.Name) and kw.value.id in defs:
                    lines.add(defs[kw.value.id])
    return sorted(lines)

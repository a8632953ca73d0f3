"""The audit hook that keeps learner code away from the grader's own state.

A snapshot (``grader.guard``) undoes what learner code changed in namespaces; some things
it cannot undo, or would have to check at every restore, and some would reach the guard's
own saved state. This hook refuses those outright, the moment learner code tries them:
see ``seal``. Pure Python (``sys.addaudithook``): works in CPython and Pyodide.
"""

from __future__ import annotations

import sys
import types

from .learner import FILENAME

SEALED = [False]
PROTECT = [lambda namespaces: None]  # seal() puts the hook's "protect these namespaces" here


def protect(namespaces) -> None:
    """Refuse, from now on, body swaps of every function whose globals is one of these."""
    PROTECT[0](namespaces)


FRAME_ATTRS = frozenset(("tb_frame", "gi_frame", "cr_frame", "ag_frame"))
BODY_ATTRS = frozenset(("__code__", "__defaults__", "__kwdefaults__"))
STACK_EVENTS = frozenset(("sys._getframe", "sys._current_frames", "sys._current_exceptions",
                           "gc.get_objects", "gc.get_referrers", "gc.get_referents"))
TRACE_EVENTS = frozenset(("sys.settrace", "sys.setprofile", "sys.monitoring.register_callback",
                           "sys.monitoring.set_events", "sys.monitoring.set_local_events"))


# Modules that reach past the interpreter, to the page (Pyodide's bridge to JavaScript):
# hidden from ``sys.modules`` during a run, and refused to learner imports. Without this,
# ``from pyodide.code import run_js`` could post a made-up report to the page.
HOST_MODULES = frozenset(("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip"))


def hide_host() -> tuple[dict, list]:
    """Take the host bridge out of reach for a run: its modules out of ``sys.modules`` and
    its import finder (which holds the JavaScript global object) out of ``sys.meta_path``.
    Returns what ``show_host`` puts back. Nothing to do in CPython."""
    modules = {n: sys.modules.pop(n) for n in list(sys.modules) if n.partition(".")[0] in HOST_MODULES}
    finders = [f for f in sys.meta_path if type(f).__module__.partition(".")[0] in HOST_MODULES]
    for f in finders:
        sys.meta_path.remove(f)
    return modules, finders


def show_host(hidden: tuple[dict, list]) -> None:
    modules, finders = hidden
    sys.modules.update(modules)
    sys.meta_path.extend(f for f in finders if f not in sys.meta_path)


class Refused(ValueError):
    """Learner code asked for something that would reach the grader's own state.

    A ValueError because that is what ``sys._getframe`` raises when there is no such frame,
    and the standard library's callers (``namedtuple``, ``typing``) expect and handle it."""


def seal(learner_file: str = FILENAME) -> None:
    """Install (once per process; audit hooks cannot be removed) a hook that refuses:

    - swapping ``__code__``/``__defaults__``/``__kwdefaults__`` of any function defined in a
      snapshotted module (NumPy's, the grader's, the standard library's that the grader
      uses; told by the function's ``__globals__``, which cannot be reassigned), so restores
      need not check ~1000 function bodies each time (that was ~30 % of a restore), and the
      guard's own code cannot be swapped out. New functions (``namedtuple`` sets defaults on
      one it just made) and the learner's own are not affected;
    - frames (``sys._getframe``, ``tb_frame``, ``gi_frame``, …) and the heap (``gc.get_objects``,
      ``get_referrers``, ``get_referents``) while learner code is on the stack: they lead to the
      grader's locals (results, the world) and to the warden's saved copies;
    - importing Pyodide's bridge to the page (``js``, ``pyodide``, …) while learner code is
      on the stack (the runner also hides the already imported ones during a run);
    - tracing and profiling hooks (which are handed every frame), from anyone: code the
      learner leaves behind can call ``sys.settrace`` from a C callback, with no learner
      frame on the stack. So restores need not reset them either.

    Refused operations raise ``Refused`` in the learner's code, which reports it as an error.
    """
    if SEALED[0]:
        return
    # Only locals from here on: learner code may rebind any global of this module.
    getframe, busy, type_, getattr_, id_ = sys._getframe, [False], type, getattr, id
    protected = set()  # ids of the namespaces whose functions' bodies may not change

    def protector():  # adds namespaces, never removes: harmless in anyone's hands
        while True:
            protected.update(map(id_, (yield)))
    protect = protector()
    next(protect)
    function_type, refused = types.FunctionType, Refused
    frame_attrs, body_attrs, stack_events, trace_events = FRAME_ATTRS, BODY_ATTRS, STACK_EVENTS, TRACE_EVENTS
    host_modules = HOST_MODULES

    def learner_on_stack() -> bool:
        f = getframe(2)
        while f is not None:
            if f.f_code.co_filename == learner_file:
                return True
            f = f.f_back
        return False

    def hook(event, args):
        if busy[0]:
            return
        if event == "object.__getattr__":
            if args[1] not in frame_attrs:
                return
        elif event == "object.__setattr__":
            if args[1] not in body_attrs or type_(args[0]) is not function_type:
                return
        elif event == "import":
            if type_(args[0]) is not str or args[0].partition(".")[0] not in host_modules:
                return
        elif event not in stack_events and event not in trace_events:
            return
        busy[0] = True
        try:
            if event == "object.__setattr__":
                why = None if id_(args[0].__globals__) not in protected else (
                    f"Replacing {args[1]} of {getattr_(args[0], '__qualname__', 'a function')} is refused: "
                    "the grader checks answers with these functions, so submissions may not rewrite them.")
            elif event in trace_events:
                why = f"{event} is refused in submissions: a trace function is handed the grader's frames."
            elif not learner_on_stack():
                why = None
            elif event == "import":
                why = (f"import {args[0]} is refused in submissions: it reaches past the grader, "
                       "to the page. NumPy and the standard library are all a solution needs.")
            elif event.startswith("gc."):
                why = f"{event} is refused in submissions: the heap leads into the grader."
            else:
                what = args[1] if event == "object.__getattr__" else event
                why = (f"{what} is refused in submissions: frames lead into the grader. To see where an "
                       "error comes from, let it propagate: the report shows its traceback.")
        finally:
            busy[0] = False
        if why is not None:
            raise refused(why)

    sys.addaudithook(hook)
    PROTECT[0] = protect.send
    SEALED[0] = True

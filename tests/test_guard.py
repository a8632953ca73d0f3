"""grader.guard: what a restore puts back, the shortcuts it takes for speed, and what the
audit hook refuses. Importing the runner seals this process, as in the real runtimes."""

from __future__ import annotations

import builtins
import gc
import signal
import sys

import numpy as np
import pytest

from grader import audit, guard, runner

SOURCE = '''
def kw(a, *, scale=2):
    return a * scale

def plain(a, b=1):
    return a + b

class Helper:
    x = 1
    y = 2
'''


def world():
    ns = {"__name__": "hidden_tests"}
    exec(SOURCE, ns)
    return ns, runner.PRISTINE(ns)


def as_learner(source: str):
    """Run ``source`` as if it were the learner's file (the hook tells learner code by its
    file name); returns its namespace."""
    ns = {"__name__": "main"}
    exec(compile(source, "main.py", "exec"), ns)
    return ns


def test_function_bodies_of_snapshotted_modules_cannot_be_swapped():
    from grader import testing
    for f, attr, value in ((testing.assert_close, "__code__", (lambda *a, **k: None).__code__),
                           (testing.assert_close, "__defaults__", (None, None, None)),
                           (np.testing.assert_allclose, "__kwdefaults__", {}),
                           (guard.snapshot, "__code__", (lambda *a: 0).__code__)):
        with pytest.raises(audit.Refused, match=attr):
            setattr(f, attr, value)


def test_new_functions_may_have_their_defaults_set():
    """namedtuple sets ``__defaults__`` on a function it has just made, in anyone's code."""
    from collections import namedtuple
    assert namedtuple("P", "x y", defaults=(0,))(1).y == 0
    ns = as_learner("from collections import namedtuple\nP = namedtuple('P', 'x y', defaults=(0,))\n")
    assert ns["P"](1).y == 0


def test_learner_may_swap_its_own_function_bodies():
    ns = as_learner("def f(a=1):\n    return a\nf.__defaults__ = (5,)\nresult = f()\n")
    assert ns["result"] == 5


def test_frames_and_heap_are_refused_to_learner_code_only():
    for call in ("sys._getframe()", "gc.get_objects()", "gc.get_referents(sys)",
                 "(lambda: (yield))().gi_frame", "sys.settrace(None)"):
        with pytest.raises(audit.Refused):
            as_learner(f"import sys, gc\n{call}\n")
    assert sys._getframe() is not None and gc.get_referents([1]) == [1]  # the grader's own code may


def test_the_saved_copies_are_out_of_reach():
    warden = runner.PRISTINE.__defaults__[0].__self__
    with pytest.raises(audit.Refused):
        as_learner("import sys\nsys.modules['grader.runner'].PRISTINE.__defaults__[0].__self__.gi_frame\n")
    with pytest.raises(audit.Refused):
        runner.PRISTINE.__defaults__ = (print,) + runner.PRISTINE.__defaults__[1:]
    assert warden.gi_suspended


def test_class_attribute_swapped_for_another_is_restored():
    ns, w = world()
    del ns["Helper"].x
    ns["Helper"].z = 3  # same number of attributes as before
    w(None)
    assert ns["Helper"].x == 1 and not hasattr(ns["Helper"], "z")


def test_shadowing_what_restore_uses_does_not_stop_it():
    """Restore looks nothing up at run time: rebinding ``any``, ``map`` or a helper of the
    guard module (or the builtins) before a restore changes nothing."""
    _, w = world()
    saved = np.allclose
    np.allclose = lambda *a, **k: True
    guard.any = guard.map = guard._same = lambda *a, **k: True
    builtins.any = lambda *a: True
    try:
        w(None)
        assert np.allclose is saved and "any" not in vars(guard) and builtins.any is any
    finally:
        vars(guard).pop("any", None), vars(guard).pop("map", None)
        w(None)


def test_namespace_key_swapped_for_another_is_restored():
    _, w = world()
    saved = np.allclose
    del np.allclose
    np.fake_allclose = lambda *a, **k: True  # same number of names as before
    builtins.sneaky = 1
    w(None)
    assert np.allclose is saved and not hasattr(np, "fake_allclose") and not hasattr(builtins, "sneaky")


def test_numpy_error_state_and_print_options_are_restored():
    """The whole ufunc error state (modes, the np.seterrcall callback, the buffer size) and
    the print options, whichever way they were changed."""
    _, w = world()
    err, call, bufsize, opts = np.geterr(), np.geterrcall(), np.getbufsize(), np.get_printoptions()
    try:
        np.seterr(all="call")
        np.seterrcall(lambda *a: None)
        np.setbufsize(2 ** 12)
        np.set_printoptions(precision=1, threshold=5)
        w(None)
        assert (np.geterr(), np.geterrcall(), np.getbufsize()) == (err, call, bufsize)
        assert np.get_printoptions() == opts
        from numpy._core import arrayprint  # numpy's own dict, changed in place
        arrayprint._format_options["precision"] = 0
        w(None)
        assert np.get_printoptions()["precision"] == opts["precision"]
    finally:
        np.seterr(**err)
        np.seterrcall(call)
        np.setbufsize(bufsize)
        np.set_printoptions(**opts)


def test_an_interrupt_inside_a_restore_is_raised_once_it_is_done():
    """The time limit's KeyboardInterrupt can land inside a restore: the restore finishes,
    the interrupt reaches the caller, and the world keeps working (a generator that raised
    would be finished, and every later restore would fail)."""
    _, w = world()
    hits = []

    def interrupt(signum, frame):
        if frame.f_code.co_name == "restore":  # only inside a restore, never in this test
            hits.append(1)
            raise KeyboardInterrupt

    old = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.0003, 0.0003)
    try:
        raised = 0
        for _ in range(3000):
            try:
                w(None)
            except KeyboardInterrupt:
                raised += 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    saved = np.allclose
    np.allclose = None
    w(None)
    assert 0 < raised <= len(hits) and np.allclose is saved  # several can land in one call


TIME_BOMB = '''
import numpy as np

_zeros_like = np.zeros_like


class Bomb:
    def __init__(self):
        self.me = self  # a reference cycle: only a collection frees it, at some later time

    def __del__(self):
        np.__dict__["abs"] = lambda x: _zeros_like(x)  # every error would look like 0
        Bomb()  # and another, for the collection after that


bomb = Bomb()


def matmul_backward(grad_out, A, B):
    return np.zeros_like(A), np.zeros_like(B)
'''


def test_a_finalizer_cannot_go_off_during_a_later_run():
    """A self-renewing ``__del__`` in a reference cycle, left behind by one run, must not
    go off in the middle of a later run's comparisons, however often the collector runs:
    during a run, collections happen only right before a restore."""
    from grader.problem import load_problem
    from conftest import CASE_PROBLEM
    bundle = load_problem(CASE_PROBLEM).bundle()
    starter = (CASE_PROBLEM / "starter.py").read_text()
    real_abs, threshold = np.abs, gc.get_threshold()
    gc.set_threshold(5)  # automatic collections every few allocations
    try:
        verdicts = [runner.run(bundle, TIME_BOMB).status.value]
        verdicts += [runner.run(bundle, starter).status.value for _ in range(10)]
    finally:
        gc.set_threshold(*threshold)
        gc.collect()
        np.abs = real_abs
    assert verdicts == ["fail"] * 11


def test_closure_cells_of_numpy_functions_are_restored():
    """``f.__closure__[i].cell_contents`` is writable from anywhere; a restore puts back
    what each cell of NumPy's and the grader's functions held."""
    from numpy._core import arrayprint
    _, w = world()
    cell = arrayprint._array2string.__closure__[0]
    saved = cell.cell_contents
    cell.cell_contents = lambda *a, **k: "looks right"
    w(None)
    assert cell.cell_contents is saved
    del cell.cell_contents  # emptied, even
    w(None)
    assert cell.cell_contents is saved

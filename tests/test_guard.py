"""grader.guard: what a restore puts back, including the shortcuts it takes for speed."""

from __future__ import annotations

import builtins

import numpy as np

from grader import guard

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
    return ns, guard.World().extended(ns)


def test_kwdefaults_of_keyword_only_functions_are_restored():
    ns, w = world()
    ns["kw"].__kwdefaults__ = {"scale": 0}
    w.restore()
    assert ns["kw"](3) == 6


def test_code_and_defaults_are_restored():
    ns, w = world()
    code, defaults = ns["plain"].__code__, ns["plain"].__defaults__
    ns["plain"].__code__ = (lambda a, b=1: 0).__code__
    ns["plain"].__defaults__ = (100,)
    w.restore()
    assert ns["plain"].__code__ is code and ns["plain"].__defaults__ is defaults


def test_class_attribute_swapped_for_another_is_restored():
    ns, w = world()
    del ns["Helper"].x
    ns["Helper"].z = 3  # same number of attributes as before
    w.restore()
    assert ns["Helper"].x == 1 and not hasattr(ns["Helper"], "z")


def test_namespace_key_swapped_for_another_is_restored():
    _, w = world()
    saved = np.allclose
    del np.allclose
    np.fake_allclose = lambda *a, **k: True  # same number of names as before
    builtins.sneaky = 1
    w.restore()
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
        w.restore()
        assert (np.geterr(), np.geterrcall(), np.getbufsize()) == (err, call, bufsize)
        assert np.get_printoptions() == opts
        from numpy._core import arrayprint  # numpy's own dict, changed in place
        arrayprint._format_options["precision"] = 0
        w.restore()
        assert np.get_printoptions()["precision"] == opts["precision"]
    finally:
        np.seterr(**err)
        np.seterrcall(call)
        np.setbufsize(bufsize)
        np.set_printoptions(**opts)

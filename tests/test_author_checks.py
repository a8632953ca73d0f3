"""The author's mistakes that used to pass silently or be blamed on the wrong file: each one is
made here, and `grader check` (or the build) must name the file and line and say what is wrong.
The pattern (a one-problem copy of matmul_backward, edited) is test_author_errors.py's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_author_errors import build, check, line_of, make, sub

SOLUTION_HEADER = "# fails: dA matches grad_out @ B.T\n# says: dA is wrong\n"


def hidden_of(root: Path) -> Path:
    return root / "matmul_backward" / "tests.py"


# 1. Errors in tests.py are the author's, at tests.py:LINE, with a traceback; never solution.py.

def test_tests_py_that_fails_at_import(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "tests.py", "SHAPES = [", "import nosuch_module_xyz\nSHAPES = ["))
    code, out = check(root)
    t = hidden_of(root)
    assert code == 1
    assert out.startswith(f"{t}:{line_of(t, 'import nosuch_module_xyz')}: tests.py raised while loading: "
                          "ModuleNotFoundError: No module named 'nosuch_module_xyz'\n"), out
    assert f'File "tests.py", line {line_of(t, "import nosuch_module_xyz")}, in <module>' in out
    assert "solution.py" not in out


def test_bug_in_a_test_body(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "tests.py", "f(np.zeros((4, 5)), A, B)", "f(np.zeroes((4, 5)), A, B)"))
    code, out = check(root)
    t = hidden_of(root)
    line = line_of(t, "np.zeroes")
    assert code == 1
    assert f"{t}:{line}: this test raised: AttributeError: module 'numpy' has no attribute 'zeroes'" in out, out
    assert f'File "tests.py", line {line}, in test_zero_grad' in out
    assert "solution.py" not in out and "the reference does not pass" not in out


def test_hint_that_raises_is_run_by_check(tmp_path):
    """The hint's comparison passes on the reference, yet check calls the hint and finds the bug."""
    root = make(tmp_path, lambda f: sub(f, "tests.py", 'hint="dA should be grad_out @ B.T."',
                                        'hint=lambda: "dA should be " + dA.tolist()'))
    code, out = check(root)
    t = hidden_of(root)
    line = line_of(t, 'hint=lambda: "dA should be')
    assert code == 1
    assert (f"{t}:{line}: this test raised: TypeError: can only concatenate str (not \"list\") to str") in out, out
    assert "solution.py" not in out


def test_hint_that_no_run_reaches_is_a_warning(tmp_path):
    def edit(f):
        sub(f, "tests.py", '        assert_close(dA, G @ B.T, "dA", hint="dA should be grad_out @ B.T.")',
            '        assert_close(dA, G @ B.T, "dA", hint="dA should be grad_out @ B.T.")\n'
            '        if dA.sum() > 1e9:\n'
            '            assert_close(dA, 0 * dA, "dA", hint=lambda: "never reached")')
    root = make(tmp_path, edit)
    code, out = check(root)
    t = hidden_of(root)
    assert code == 0, out
    assert (f"{t}:{line_of(t, 'never reached')}: warning: this hint never ran: neither the reference, "
            "the starter nor a mutant reaches it; add a mutant in wrong/ that fails there") in out


def test_build_reports_a_broken_tests_py_the_same_way(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "tests.py", "SHAPES = [", "import nosuch_module_xyz\nSHAPES = ["))
    built = build(root, tmp_path / "dist")
    t = hidden_of(root)
    assert built.returncode == 1
    assert f"{t}:{line_of(t, 'import nosuch_module_xyz')}: tests.py raised while loading: ModuleNotFoundError" in built.stderr

"""Every problem in problems/ is sound: `grader check` (schema, files, reference passes,
starter fails, examples agree with the reference, deterministic tests) finds nothing."""

from conftest import ROOT

from grader.check import check_all


def test_grader_check_passes_on_all_problems():
    """No error and no warning (a hint no run reaches, raw HTML, no mutants, ...) but
    translations still to write (tests/test_i18n.py covers those)."""
    findings = check_all(ROOT / "problems", log=lambda s: None)
    assert [f for f in findings if "translation" not in f] == []


def test_softmax_backward_refuses_the_full_jacobian():
    """Right values, wrong method: only the memory test fails, and it says why."""
    from conftest import JACOBIAN_SOFTMAX_BACKWARD, MEMORY_TEST
    from grader.problem import load_problem
    from grader.cpython import run_isolated
    report = run_isolated(load_problem(ROOT / "problems" / "softmax_backward").bundle(), JACOBIAN_SOFTMAX_BACKWARD)
    failed = [t for t in report.tests if t.status.value != "pass"]
    assert [t.name for t in failed] == [MEMORY_TEST]
    assert "ran out of memory" in failed[0].message and "y * (grad_out − dot(y, grad_out))" in failed[0].message

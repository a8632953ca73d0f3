"""Every problem in problems/ is sound: `grader check` (schema, files, reference passes,
starter fails, examples agree with the reference, deterministic tests) finds nothing."""

from conftest import ROOT

from grader.check import check_all


def test_grader_check_passes_on_all_problems():
    errors = check_all(ROOT / "problems", log=lambda s: None)
    assert errors == []

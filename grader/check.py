"""``grader check``: prove every problem is sound before it is published.

Static checks (``problem.load_all``) plus, for each problem, run in child processes:
the reference passes every test and every example (so each example's expected output
equals the reference's), the starter fails at least one test, and the tests give the
same verdicts twice.
"""

from __future__ import annotations

from pathlib import Path

from .problem import Problem, load_all
from .report import Status
from .cpython import run_isolated


def _verdicts(report) -> list:
    return [(t.name, t.status.value, t.message) for t in report.tests] or [(report.status.value, report.message)]


def check_problem(p: Problem) -> list[str]:
    errors = []
    bundle = p.bundle()
    sol, starter, tests = p.path / "solution.py", p.path / "starter.py", p.path / "tests.py"
    ref = run_isolated(bundle, p.solution, "tests")
    if ref.status is not Status.PASS:
        bad = [t for t in ref.tests if t.status is not Status.PASS]
        detail = "; ".join(f"“{t.name}”: {t.status.value}: {t.message}" for t in bad) or ref.message
        errors.append(f"{sol}:{ref.line or 1}: the reference does not pass: {detail}")
    ex = run_isolated(bundle, p.solution, "examples")
    if ex.status is not Status.PASS:
        for i, t in enumerate(ex.tests):
            if t.status is not Status.PASS:
                errors.append(f"{p.path / 'problem.yaml'}:1: examples[{i}]: the reference disagrees with the expected output: {t.message}")
        if not ex.tests:
            errors.append(f"{sol}:{ex.line or 1}: examples: {ex.message}")
    st = run_isolated(bundle, p.starter, "tests")
    if st.status is Status.PASS:
        errors.append(f"{starter}:1: the starter passes every test; it must fail at least one")
    if ref.status is Status.PASS and _verdicts(run_isolated(bundle, p.solution, "tests")) != _verdicts(ref):
        errors.append(f"{tests}:1: the tests gave different results on two runs of the reference: seed every random choice")
    if _verdicts(run_isolated(bundle, p.starter, "tests")) != _verdicts(st):
        errors.append(f"{tests}:1: the tests gave different results on two runs of the starter: seed every random choice")
    return errors


def check_all(root: Path, log=print) -> list[str]:
    problems, errors = load_all(root)
    for p in problems:
        try:
            errs = check_problem(p)
        except RuntimeError as e:  # the grader itself could not start: say so, per problem
            errs = [f"{p.path / 'tests.py'}:1: could not run: {e}"]
        log(f"{'ok  ' if not errs else 'FAIL'} {p.slug}")
        errors += errs
    return errors


def translation_warnings(root: Path) -> tuple[list[str], list[str]]:
    """Translations (grader/translations.py): missing or out-of-date ones are warnings,
    malformed ones errors."""
    from .translations import LANGUAGES, load_translations
    warnings, errors = [], []
    for lang in LANGUAGES:
        _, w, e = load_translations(root, lang)
        warnings += w
        errors += e
    return warnings, errors

"""``grader check``: prove every problem is sound before it is published.

Static checks (``builder.content``, the loader the build uses too) plus, for each problem,
run in child processes: the reference passes every test and every example (each example's
expected output equals the reference's, reported at the example's line), the starter fails
at least one test, every mutant in ``wrong/`` fails the test it names with the message it
promises (``grader.authoring.mutants``), and the tests give the same verdicts twice.

Errors in tests.py are the author's and are reported at ``tests.py:LINE`` with the
traceback of tests.py's frames: at import, in a test body, in a hint. Every ``hint=``
function runs at least once: forced on the reference's run, reached by the starter's and
the mutants' failures; one that no run reached is a warning at its line.

Every finding is ``path:line: message``; a warning is ``path:line: warning: message`` and
does not fail the check.
"""

from __future__ import annotations

from pathlib import Path

from .authoring import broken, hints, mutants
from .cpython import run_isolated
from .problem import Problem
from .report import Status
from .yamlpos import line_of


def is_warning(finding: str) -> bool:
    return ": warning: " in finding.split("\n", 1)[0]


def _verdicts(report) -> list:
    return [(t.name, t.status.value, t.message) for t in report.tests] or [(report.status.value, report.message)]


class _Runs:
    """Runs submissions against one problem, recording hints reached and broken tests."""

    def __init__(self, p: Problem):
        self.p, self.bundle = p, p.bundle()
        self.hints_ran: set[int] = set()
        self.broken: dict[str, tuple[str, bool]] = {}  # test name -> (source that broke it, forced)

    def __call__(self, source: str, mode: str = "tests", force_hints: bool = False):
        with hints.recording(self.hints_ran, force_hints):
            report = run_isolated(self.bundle, source, mode)
        for t in report.tests:
            if t.status is Status.BROKEN and mode == "tests":
                self.broken.setdefault(t.name, (source, force_hints))
        return report

    def broken_errors(self) -> list[str]:
        errors = []
        tests_py = self.p.path / "tests.py"
        for name, (source, forced) in self.broken.items():
            e = broken.rerun(self.bundle, source, name, hints.recording(set(), forced))
            errors.append(broken.describe(tests_py, e) if e else f"{tests_py}:1: “{name}” is broken (it raised)")
        return errors


def check_problem(p: Problem) -> list[str]:
    tests_py, yaml_path = p.path / "tests.py", p.path / "problem.yaml"
    failed_import = broken.import_error(p.tests_source)
    if failed_import:
        return [broken.describe(tests_py, failed_import)]
    errors: list[str] = []
    runs = _Runs(p)
    sol, starter = p.path / "solution.py", p.path / "starter.py"

    ref = runs(p.solution, force_hints=True)
    bad = [t for t in ref.tests if t.status not in (Status.PASS, Status.BROKEN)]
    if bad or (ref.status is not Status.PASS and not ref.tests):
        detail = "; ".join(f"“{t.name}”: {t.status.value}: {t.message}" for t in bad) or ref.message
        errors.append(f"{sol}:{ref.line or 1}: the reference does not pass: {detail}")
    ex = run_isolated(runs.bundle, p.solution, "examples")
    if ex.status is not Status.PASS:
        yaml_text = yaml_path.read_text(encoding="utf-8")
        for i, t in enumerate(ex.tests):
            if t.status is not Status.PASS:
                errors.append(f"{yaml_path}:{line_of(yaml_text, ('examples', i))}: examples[{i}]: "
                              f"the reference disagrees with the expected output: {t.message}")
        if not ex.tests:
            errors.append(f"{sol}:{ex.line or 1}: examples: {ex.message}")
    st = runs(p.starter)
    if st.status is Status.PASS:
        errors.append(f"{starter}:1: the starter passes every test; it must fail at least one")

    found = mutants.load(p.path)
    for m in found:
        head = mutants.header_errors(m)
        errors += head or mutants.judge(m, runs(m.source), p.test_names)
    if not found:
        errors.append(f"{tests_py}:1: warning: no mutants: add wrong/<mistake>.py files, each a classic mistake "
                      "that names the test it must fail (docs/authoring.md, “Mutants”)")

    if not runs.broken:
        if ref.status is Status.PASS and _verdicts(runs(p.solution)) != _verdicts(ref):
            errors.append(f"{tests_py}:1: the tests gave different results on two runs of the reference: seed every random choice")
        if _verdicts(runs(p.starter)) != _verdicts(st):
            errors.append(f"{tests_py}:1: the tests gave different results on two runs of the starter: seed every random choice")
    errors += runs.broken_errors()
    for line in hints.hint_sites(p.tests_source):
        if line not in runs.hints_ran:
            errors.append(f"{tests_py}:{line}: warning: this hint never ran: neither the reference, the starter "
                          "nor a mutant reaches it; add a mutant in wrong/ that fails there")
    return errors


def check_all(root: Path, log=print) -> list[str]:
    """Every finding for ``root``: a problems folder, one problem folder, or a slug."""
    from builder.checkcache import check_cached
    from builder.content import ContentError, load_content
    try:
        content = load_content(root)
    except ContentError as e:
        return e.errors
    findings = list(content.warnings)
    findings += check_cached(content.problems, log=log)
    return findings


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

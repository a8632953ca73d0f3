"""Mutants: known-wrong submissions in ``problems/<slug>/wrong/*.py`` that prove the hidden
tests bite. Each starts with a header::

    # fails: <display name of the test it must fail (its docstring's first line)>
    # says: <a fragment of the message that test must give>

A mutant holds when, run as a learner's submission, the test it names has status ``fail``
and that test's message contains the fragment. Other tests may fail too (a transposed
gradient also breaks the finite-difference test); the named one is the promise. It does not
hold when it passes, when its code does not load, when the named test does not exist,
passes, is broken or times out, or when the message lacks the fragment. (A failure repeated
in later tests is told once; their "The same failure as “first”." stands for the first one's
message, which is what the learner reads.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..report import Report, Status

WRONG_DIR = "wrong"
HEADER = re.compile(r"#\s*(fails|says):\s*(.*?)\s*$")
SAME = re.compile(r"The same failure as “(.*)”\.")


@dataclass
class Mutant:
    path: Path
    source: str
    fails: str | None
    says: str | None

    @property
    def name(self) -> str:
        return self.path.stem


def parse(path: Path) -> Mutant:
    source = path.read_text(encoding="utf-8")
    found = {}
    for line in source.splitlines()[:2]:
        m = HEADER.fullmatch(line.strip())
        if m:
            found[m.group(1)] = m.group(2)
    return Mutant(path, source, found.get("fails") or None, found.get("says") or None)


def load(folder: Path) -> list[Mutant]:
    """The mutants of a problem folder, by file name."""
    d = Path(folder) / WRONG_DIR
    return [parse(p) for p in sorted(d.glob("*.py"))] if d.is_dir() else []


def header_errors(m: Mutant) -> list[str]:
    missing = [k for k in ("fails", "says") if getattr(m, k) is None]
    if not missing:
        return []
    return [f"{m.path}:1: the header must start the file with the lines "
            f"“# fails: <test name>” and “# says: <message fragment>” ({' and '.join(missing)} missing)"]


def judge(m: Mutant, report: Report, test_names: list[str]) -> list[str]:
    """Errors if ``report`` (the mutant's run) does not keep the mutant's promise."""
    where = f"{m.path}:1"
    if m.fails not in test_names:
        close = __import__("difflib").get_close_matches(m.fails, test_names, n=1)
        hint = f"; did you mean “{close[0]}”?" if close else f"; the tests are: {', '.join(f'“{n}”' for n in test_names)}"
        return [f"{where}: names the test “{m.fails}”, which tests.py does not have{hint}"]
    if report.status is Status.PASS:
        return [f"{where}: this mutant passes every test: the tests do not catch the mistake it makes"]
    if report.status is Status.ERROR:
        return [f"{where}: this mutant did not load: {report.message}"]
    test = next((t for t in report.tests if t.name == m.fails), None)
    if test is None or test.status is Status.PASS:
        failed = [t.name for t in report.tests if t.status is not Status.PASS]
        return [f"{where}: “{m.fails}” passes on this mutant (it fails {', '.join(f'“{n}”' for n in failed)} instead)"]
    if test.status is not Status.FAIL:
        return [f"{where}: “{m.fails}” is {test.status.value} on this mutant, not fail: {test.message}"]
    message = test.message
    same = SAME.fullmatch(message)
    if same:  # a repeated failure is told once (report.py): the learner reads the first one's text
        first = next((t for t in report.tests if t.name == same.group(1)), None)
        message = first.message if first else message
    if m.says not in message:
        return [f"{where}: “{m.fails}” fails, but its message lacks “{m.says}”; it says: {message}"]
    return []

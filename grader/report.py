"""The report: the one result format shared by the CPython CLI, the worker and the page.

Shape (version 1)::

    {"version": 1, "problem": "matmul_backward", "mode": "tests",
     "status": "pass|fail|error|timeout", "message": "...", "duration_ms": 12.3,
     "line": 3, "column": 5,            # only when the code did not load (syntax error...)
     "tests": [{"name": "...", "status": "...", "message": "...", "output": "...",
                "duration_ms": 1.2,
                "line": 7,              # optional: the learner's line that raised
                "diff": {...},          # optional: expected-vs-got for a wrong array
                "case": {...},          # optional: the smallest failing random case
                "pictures": [...]}]}    # optional: pictures the test attached

Everything else in the grader builds these; nothing else is printed or posted.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum

VERSION = 1


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"      # the learner's code did not load
    TIMEOUT = "timeout"
    BROKEN = "broken"    # the problem's own tests.py raised: the site's fault, not the learner's


# Every text in a report is capped: learner code controls messages, tracebacks and output,
# and one 4 MB exception message once made a 48 MB report that took 27 s to render.
MESSAGE_CAP = 8 * 1024
OUTPUT_CAP = 64 * 1024


def cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n… (cut: {len(text) - limit:,} more characters)"


@dataclass
class TestResult:
    name: str
    status: Status
    message: str = ""
    output: str = ""
    duration_ms: float = 0.0
    line: int | None = None
    diff: dict | None = None
    case: dict | None = None       # a random case that failed, shrunk: {label, args (Python source)}
    pictures: list | None = None   # pictures the test attached (testing.attach)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["status"] = self.status.value
        d["duration_ms"] = round(self.duration_ms, 3)
        d["message"], d["output"] = cap(self.message, MESSAGE_CAP), cap(self.output, OUTPUT_CAP)
        return {k: v for k, v in d.items() if v is not None}


@dataclass
class Report:
    problem: str
    status: Status
    message: str = ""
    mode: str = "tests"
    duration_ms: float = 0.0
    tests: list[TestResult] = field(default_factory=list)
    line: int | None = None
    column: int | None = None

    def as_dict(self) -> dict:
        d = {
            "version": VERSION,
            "problem": self.problem,
            "mode": self.mode,
            "status": self.status.value,
            "message": cap(self.message, MESSAGE_CAP),
            "duration_ms": round(self.duration_ms, 3),
            "tests": [t.as_dict() for t in self.tests],
        }
        if self.line is not None:
            d["line"] = self.line
        if self.column is not None:
            d["column"] = self.column
        return d

    def as_json(self) -> str:
        return json.dumps(self.as_dict())


def test_from_dict(d: dict) -> TestResult:
    return TestResult(**{**d, "status": Status(d["status"])})


def report_from_dict(d: dict) -> Report:
    fields = {k: v for k, v in d.items() if k not in ("version", "tests")}
    return Report(**{**fields, "status": Status(d["status"]),
                     "tests": [test_from_dict(t) for t in d.get("tests", [])]})


def collapse_repeats(tests: list[TestResult]) -> None:
    """A failure repeated (the same exception on the same line in five tests, differing only
    in its numbers) is told once: the later tests say "The same failure as “first”." and drop
    the repeated output and table."""
    import re
    first: dict = {}
    for t in tests:
        if t.status is Status.PASS or not t.message:
            continue
        key = (t.status, t.line, re.sub(r"\d+", "#", t.message))
        if key in first:
            t.message, t.output, t.diff = f"The same failure as “{first[key]}”.", "", None
        else:
            first[key] = t.name


def summarize(problem: str, mode: str, tests: list[TestResult], duration_ms: float) -> Report:
    """The overall verdict of a run whose code loaded: timeout beats fail beats broken beats
    pass (a broken test checked nothing, so the run cannot pass, but it is not a fail)."""
    collapse_repeats(tests)
    statuses = [t.status for t in tests]
    n_pass = statuses.count(Status.PASS)
    if Status.TIMEOUT in statuses:
        cut = next(t for t in tests if t.status is Status.TIMEOUT)
        status, message = Status.TIMEOUT, f"Time limit reached during “{cut.name}”. {n_pass} of {len(tests)} tests passed before it."
    elif Status.BROKEN in statuses and Status.FAIL not in statuses:
        bad = next(t for t in tests if t.status is Status.BROKEN)
        status, message = Status.BROKEN, (f"{n_pass} of {len(tests)} passed; “{bad.name}” could not check your "
                                          "code because the test itself is broken. That is the site's fault, not yours.")
    elif n_pass == len(tests):
        status, message = Status.PASS, f"All {len(tests)} {'tests' if mode == 'tests' else 'examples'} passed."
    else:
        first = next(t for t in tests if t.status is not Status.PASS)
        status, message = Status.FAIL, f"{n_pass} of {len(tests)} passed. First failure: “{first.name}”."
    return Report(problem=problem, status=status, message=message, mode=mode,
                  duration_ms=duration_ms, tests=tests)


CRASH_MESSAGE = ("The Python runtime stopped during this test: os._exit(), unbounded recursion, "
                 "or memory exhausted. Nothing after it ran.")
TIMEOUT_MESSAGE = ("Stopped: the time limit of {limit:g} s was reached while this test ran. "
                   "Look for a loop that never ends, or work that grows too fast.")
NOT_RUN = "Not run: the run was stopped in an earlier test."


def cut_report(problem: str, mode: str, names: list[str], done: list[TestResult], loaded: bool,
               reason: str, time_limit: float, duration_ms: float) -> Report:
    """The report of a run whose runtime was stopped from outside, or died.

    ``reason`` is "timeout" (we killed it at the time limit) or "crash" (it died: os._exit,
    a fatal stack overflow, out of memory). Finished tests are kept; the one running is
    blamed; the rest are marked not run. Used by the checker, whatever its host.
    """
    if not loaded:
        if reason == "timeout":
            message = (f"Your code was still loading when the time limit of {time_limit:g} s was "
                       "reached: is there a loop at the top level of the file, outside any function?")
            status = Status.TIMEOUT
        else:
            message = "The Python runtime stopped while loading your code: " + CRASH_MESSAGE.split(": ", 1)[1]
            status = Status.ERROR
        return Report(problem=problem, status=status, mode=mode, duration_ms=duration_ms, message=message)
    tests = list(done)
    status = Status.TIMEOUT if reason == "timeout" else Status.FAIL
    for i, name in enumerate(names[len(done):]):
        if i == 0:
            msg = TIMEOUT_MESSAGE.format(limit=time_limit) if reason == "timeout" else CRASH_MESSAGE
        else:
            msg = NOT_RUN
        tests.append(TestResult(name=name, status=status, message=msg))
    return summarize(problem, mode, tests, duration_ms)

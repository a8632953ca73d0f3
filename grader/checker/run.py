"""Judge learner source against a problem bundle through a channel; return a Report.

Pure Python + NumPy, no processes or browser APIs: the same function runs in the CPython
parent process and in the browser's checker worker. The learner's code never runs here:
``load`` and every ``f(...)`` are requests over ``channel`` to the learner's interpreter,
which the host throws away after the run. A time limit is a deadline on those requests.
"""

from __future__ import annotations

import ast
import functools
import json
import time
import traceback

from .. import testing
from ..capture import Captured
from ..report import (NOT_RUN, TIMEOUT_MESSAGE, CRASH_MESSAGE, Report, Status, TestResult, cut_report,
                      summarize)
from .channel import LearnerCrashed, LearnerTimeout
from .proxy import LearnerFunction

TESTS_FILE = "tests.py"
DEFAULT_TOLERANCE = {"atol": 1e-6, "rtol": 1e-6}


class BrokenTests(Exception):
    """``tests.py`` itself raised (at import, in a test body or a hint): the author's bug."""

    def __init__(self, where: str, exc: BaseException):
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == TESTS_FILE]
        self.line = frames[-1].lineno if frames else None
        self.traceback = "".join(traceback.format_list(frames)) + "".join(
            traceback.format_exception_only(type(exc), exc))
        super().__init__(f"{TESTS_FILE}:{self.line or 1}: {where}: {type(exc).__name__}: {exc}")


def test_name(fn) -> str:
    doc = (fn.__doc__ or "").strip()
    return doc.splitlines()[0].strip() if doc else fn.__name__


@functools.lru_cache(maxsize=16)
def _compiled_tests(tests_source: str):
    """tests.py compiled once per problem, not once per run."""
    return compile(tests_source, TESTS_FILE, "exec")


def load_tests(tests_source: str) -> dict:
    """tests.py executed in a fresh namespace. Raises BrokenTests if it does not import."""
    ns = {"__name__": "hidden_tests"}
    try:
        exec(_compiled_tests(tests_source), ns)
    except BaseException as e:
        raise BrokenTests("tests.py raised while loading", e) from None
    return ns


def collect_tests(tests_source: str) -> list:
    """tests.py's ``test_*`` functions, in file order, as (name, function)."""
    ns = load_tests(tests_source)
    return [(test_name(v), v) for k, v in ns.items() if k.startswith("test_") and callable(v)]


def literal(text):
    """An example value: YAML numbers/lists as they are, strings as Python literals."""
    return ast.literal_eval(text) if isinstance(text, str) else text


def to_input(value, kind: str):
    import numpy as np
    if kind == "array":
        return np.array(value, dtype=np.float64)
    if kind == "int_array":
        return np.array(value, dtype=np.int64)
    return value


def example_tests(bundle: dict) -> list:
    """Each YAML example as a visible test: call with its inputs, compare each output. When
    tests.py defines ``explain(name, value, *inputs)``, its diagnosis of a wrong output is
    the hint here too, so Run examples teaches what Submit teaches."""
    args, returns = bundle["args"], bundle["returns"]
    explain = load_tests(bundle["tests_source"]).get("explain") if bundle.get("tests_source") else None
    tests = []
    for i, ex in enumerate(bundle["examples"], 1):
        def test(f, ex=ex):
            inputs = [to_input(literal(ex["inputs"][a["name"]]), a["type"]) for a in args]
            got = f(*inputs)
            got = got if len(returns) > 1 else (got,)
            for r, g in zip(returns, got):
                if r["name"] not in ex["output"]:
                    continue  # an output this example does not pin down
                want = literal(ex["output"][r["name"]])
                if r["type"] in ("int", "literal"):
                    testing.assert_true(g == want, f"{r['name']} is {g}, expected {want}.")
                else:
                    hint = (lambda r=r, g=g: explain(r["name"], g, *inputs) or "") if explain else ""
                    testing.assert_close(g, want, r["name"], hint=hint)
        tests.append((f"Example {i}", test))
    return tests


def run(bundle: dict, source: str, mode: str, channel, on_event=None,
        time_limit: float | None = None, spent: float = 0.0) -> Report:
    """Run the hidden tests (``mode="tests"``) or the YAML examples (``"examples"``).
    ``spent``: seconds of the time limit already used (by earlier replays' learner calls)."""
    emit = on_event or (lambda event: None)
    limit = bundle.get("time_limit", 5.0) if time_limit is None else time_limit
    start = time.monotonic()
    deadline = start + limit - spent
    elapsed = lambda: (time.monotonic() - start) * 1000
    problem = bundle["problem"]
    testing.TOLERANCE.clear()
    testing.TOLERANCE.update(bundle.get("tolerance") or DEFAULT_TOLERANCE)
    try:
        tests = collect_tests(bundle["tests_source"]) if mode == "tests" else example_tests(bundle)
    except BrokenTests as e:
        return Report(problem=problem, status=Status.BROKEN, mode=mode, duration_ms=elapsed(),
                      message=f"The hidden tests of this problem are broken ({e}). That is the site's "
                              "fault, not your code.")
    names = [name for name, _ in tests]
    f = LearnerFunction(channel, bundle["entry"], [a["name"] for a in bundle["args"]], bundle["returns"],
                        deadline, bundle.get("inputs_may_change", False))
    try:
        loaded = f.request({"op": "load", "source": source, "entry": bundle["entry"]})
    except (LearnerTimeout, LearnerCrashed):
        return cut_report(problem, mode, names, [], False, f.gone, limit, elapsed())
    if "error" in loaded:
        error = loaded["error"] if type(loaded["error"]) is dict else {}
        line, column = error.get("line"), error.get("column")
        return Report(problem=problem, status=Status.ERROR, mode=mode, duration_ms=elapsed(),
                      message=str(error.get("message", "Your code did not load.")),
                      line=line if type(line) is int else None, column=column if type(column) is int else None)
    emit({"event": "loaded"})
    load_output = f.take_output()
    results: list[TestResult] = []
    for name, test in tests:
        result = run_one(name, test, f, deadline, limit)
        if not results and load_output:
            result.output = load_output + result.output
        if f.gone:
            # The learner's interpreter is gone (stopped or dead): nothing more can be asked.
            report = cut_report(problem, mode, names, results, True, f.gone, limit, elapsed())
            report.tests[len(results)].output = result.output
            emit({"event": "test", "test": report.tests[len(results)].as_dict()})
            return report
        results.append(result)
        emit({"event": "test", "test": result.as_dict()})
    return summarize(problem, mode, results, elapsed())


def run_one(name, test, f: LearnerFunction, deadline: float, limit: float) -> TestResult:
    """One test, with the learner's output gathered and its failure explained."""
    t0 = time.monotonic()
    result = TestResult(name, Status.PASS)
    with Captured() as own:  # a test's own prints must not reach the host's output
        try:
            test(f)
        except testing.Failure as e:
            result.status, result.message, result.diff, result.case = Status.FAIL, str(e), e.diff, e.case
        except AssertionError as e:
            result.status, result.message = Status.FAIL, str(e) or "An assertion in this test failed."
        except testing.LearnerRaised as e:
            result.status, result.message, result.line, result.case = Status.FAIL, e.message, e.line, e.case
            result.output = e.traceback
        except LearnerTimeout:
            result.status, result.message = Status.TIMEOUT, TIMEOUT_MESSAGE.format(limit=limit)
        except LearnerCrashed as e:
            result.status, result.message = Status.FAIL, CRASH_MESSAGE
            if e.message:
                result.output = f"The learner runtime {e.message}."
        except Exception as e:
            broken = BrokenTests("this test raised", e)
            result.status, result.line = Status.BROKEN, None
            result.message = (f"This test is broken, not your code ({broken}). Please report it; "
                              "the other tests still count.")
    result.duration_ms = (time.monotonic() - t0) * 1000
    result.pictures = testing.take_pictures() or None
    printed = f.take_output()
    result.output = printed + ("\n" if printed and result.output else "") + result.output
    if result.status is Status.PASS and time.monotonic() > deadline:
        result.status = Status.TIMEOUT
        result.message = (f"Finished, but past the time limit of {limit:g} s. Correct but too slow: "
                          "avoid Python loops over array entries; use vectorised NumPy.")
    return result


# The browser checker worker's entry: JSON in and out, the channel given as two functions.

def run_json(bundle_json: str, source: str, mode: str, emit, send, take) -> str:
    from .channel import FunctionChannel
    bundle = _bundle(bundle_json)
    report = run(bundle, source, mode, FunctionChannel(send, take),
                 on_event=lambda e: emit(json.dumps(e)))
    return report.as_json()


def replay_json(bundle_json: str, source: str, mode: str, answers, elapsed_ms: float):
    """One replay of a run (see ``channel.ReplayChannel``): ``{"need": request bytes}`` when
    the learner must be asked something first, else ``{"report": report JSON}``. ``answers``
    is the list of (request, status, reply) so far; ``elapsed_ms`` what the run has used of
    its time limit until now (the host's clock: replays themselves are not the learner's)."""
    from .channel import NeedAnswer, ReplayChannel
    bundle = _bundle(bundle_json)
    try:
        report = run(bundle, source, mode, ReplayChannel(answers), spent=elapsed_ms / 1000)
    except NeedAnswer as e:
        return {"need": e.request}
    report.duration_ms = elapsed_ms
    return {"report": report.as_json()}


@functools.lru_cache(maxsize=4)
def _bundle(bundle_json: str) -> dict:
    return json.loads(bundle_json)

"""Judge learner source against a problem bundle and return a Report.

Pure Python + NumPy, no processes, signals or browser APIs: the same function runs in
CPython (inside a child process, see ``sandbox``) and in Pyodide (inside a Web Worker).
A run that must be *stopped* is interrupted from outside with KeyboardInterrupt (SIGINT
in CPython, Pyodide's interrupt buffer in the browser); the runner tells that apart from
a learner's own KeyboardInterrupt by the clock.
"""

from __future__ import annotations

import ast
import functools
import gc
import json
import time

from . import audit, guard, learner, testing
from .capture import Captured
from .report import NOT_RUN, TIMEOUT_MESSAGE, Report, Status, TestResult, cut_report, summarize, test_from_dict
from .submission import Submission

TESTS_MODULE = "hidden_tests"


def test_name(fn) -> str:
    doc = (fn.__doc__ or "").strip()
    return doc.splitlines()[0].strip() if doc else fn.__name__


@functools.lru_cache(maxsize=16)
def _compiled_tests(tests_source: str):
    """tests.py compiled once per problem, not once per run (code objects are immutable,
    and the cache lives inside the wrapper, out of learner code's reach by name)."""
    return compile(tests_source, "tests.py", "exec")


def collect_tests(tests_source: str) -> tuple[dict, list]:
    """Execute tests.py in a fresh namespace; its ``test_*`` functions, in file order."""
    ns = {"__name__": TESTS_MODULE}
    exec(_compiled_tests(tests_source), ns)
    tests = [v for k, v in ns.items() if k.startswith("test_") and callable(v)]
    return ns, [(test_name(t), t) for t in tests]


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
    """Each YAML example as a visible test: call with its inputs, compare each output."""
    args, returns = bundle["args"], bundle["returns"]
    tests = []
    for i, ex in enumerate(bundle["examples"], 1):
        def test(f, ex=ex):
            inputs = [to_input(literal(ex["inputs"][a["name"]]), a["type"]) for a in args]
            got = f(*inputs)
            got = got if len(returns) > 1 else (got,)
            for r, g in zip(returns, got):
                want = literal(ex["output"][r["name"]])
                if r["type"] in ("int", "literal"):
                    testing.assert_true(g == want, f"{r['name']} is {g}, expected {want}.")
                else:
                    testing.assert_close(g, want, r["name"])
        tests.append((f"Example {i}", test))
    return tests


def run(bundle: dict, source: str, mode: str = "tests", on_event=None,
        time_limit: float | None = None) -> Report:
    """Run the hidden tests (``mode="tests"``) or the YAML examples (``"examples"``)."""
    emit = on_event or (lambda event: None)
    limit = bundle.get("time_limit", 5.0) if time_limit is None else time_limit
    start = time.monotonic()
    deadline = start + limit
    timed_out = lambda: time.monotonic() >= deadline - 0.05
    elapsed = lambda: (time.monotonic() - start) * 1000
    pristine = PRISTINE  # restored to itself at the end of every run; bound before learner code
    host = _begin(pristine)
    testing.TOLERANCE.update(bundle.get("tolerance") or {"atol": 1e-6, "rtol": 1e-6})
    try:
        if mode == "tests":
            ns, tests = collect_tests(bundle["tests_source"])
        else:
            ns, tests = {}, example_tests(bundle)
        world = pristine(ns)
        with Captured() as load_output:
            try:
                module, fn = learner.load(source, bundle["entry"], timed_out)
            except learner.LoadError as e:
                return Report(problem=bundle["problem"], status=Status.ERROR, mode=mode,
                              message=e.message, line=e.line, column=e.column,
                              duration_ms=elapsed())
            finally:
                world(None)
        emit({"event": "loaded"})
        sub = Submission(fn, bundle["entry"], bundle["returns"], world, timed_out)
        results: list[TestResult] = []
        for name, test in tests:
            if results and results[-1].status is Status.TIMEOUT:
                result = TestResult(name, Status.TIMEOUT, NOT_RUN)
            else:
                result = run_one(name, test, sub, world, timed_out, limit)
                if not results and load_output.getvalue():
                    result.output = load_output.getvalue() + result.output
            results.append(result)
            emit({"event": "test", "test": result.as_dict()})
        return summarize(bundle["problem"], mode, results, elapsed())
    except KeyboardInterrupt:
        if not timed_out():
            raise
        return cut_report(bundle["problem"], mode, [], [], False, "timeout", limit, elapsed())
    finally:
        module = fn = sub = None  # the learner's module, collected by _end before its restore
        _end(pristine, host)


def _begin(pristine):
    """Start a run: the page's bridge out of reach, the interpreter restored. Returns what
    ``_end`` gives back."""
    host = audit.hide_host()
    pristine(None)
    return host


def _end(pristine, host) -> None:
    """End a run. The caller has dropped the learner's module: collecting it here makes
    whatever it leaves to run (a ``__del__`` in a reference cycle, a ``weakref.finalize``)
    run before this last restore, not at some collection during a later run. Cheap:
    guard.snapshot froze the ~31,000 objects that existed before, which no collection
    visits again."""
    gc.collect()
    pristine(None)
    gc.enable()  # each restore turns automatic collection off; between runs it is on
    audit.show_host(host)


def run_one(name, test, sub, world, timed_out, limit) -> TestResult:
    """One test, with its output captured and its failure explained."""
    t0 = time.monotonic()
    result = TestResult(name, Status.PASS)
    with Captured() as out:
        try:
            test(sub)
        except testing.Failure as e:
            result.status, result.message, result.diff = Status.FAIL, str(e), e.diff
        except AssertionError as e:
            result.status, result.message = Status.FAIL, str(e) or "An assertion in this test failed."
        except learner.LearnerRaised as e:
            result.status, result.message, result.line = Status.FAIL, e.message, e.line
            result.output = e.traceback_text
        except KeyboardInterrupt:
            if not timed_out():
                raise
            result.status = Status.TIMEOUT
            result.message = TIMEOUT_MESSAGE.format(limit=limit)
        except Exception as e:  # the test itself broke on what the learner returned
            result.status = Status.FAIL
            result.message = f"The test could not check your result: {type(e).__name__}: {e}"
        finally:
            world(None)
    result.duration_ms = (time.monotonic() - t0) * 1000
    printed = out.getvalue()
    result.output = printed + ("\n" if printed and result.output else "") + result.output
    if result.status is not Status.TIMEOUT and timed_out():
        result.status = Status.TIMEOUT
        result.message = (f"Finished, but past the time limit of {limit:g} s. Correct but too slow: "
                          "avoid Python loops over array entries; use vectorised NumPy.")
    return result




def run_snippet(source: str, time_limit: float = 5.0) -> dict:
    """Run a code block from a theory page: what it printed, or the error it raised.

    Same guards as a submission (fresh namespace, capped output and recursion, the world
    restored afterwards), no tests. Returns {status: ok|error|timeout, message, output}.
    """
    from .submission import with_recursion_cap
    start = time.monotonic()
    timed_out = lambda: time.monotonic() >= start + time_limit - 0.05
    pristine = PRISTINE
    host = _begin(pristine)
    status, message = "ok", ""
    with Captured() as out:
        try:
            code = compile(source, learner.FILENAME, "exec", dont_inherit=True)
            namespace = {"__name__": "__main__"}
            with_recursion_cap(lambda: exec(code, namespace))
        except SyntaxError as e:
            status, message = "error", f"{type(e).__name__} on line {e.lineno}: {e.msg}"
        except KeyboardInterrupt:
            if not timed_out():
                raise
            status, message = "timeout", f"Stopped after the time limit of {time_limit:g} s."
        except BaseException as e:
            status = "error"
            message, _, tb = learner.describe(e, "")
            message = tb.strip()
        finally:
            namespace = code = None
            _end(pristine, host)
    return {"status": status, "message": message, "output": out.getvalue(),
            "duration_ms": round((time.monotonic() - start) * 1000, 3)}


# The browser worker's three calls, JSON in and out. Here rather than in the worker's own
# ``__main__`` so that their globals are among those restored after learner code.

def run_json(bundle_json: str, source: str, mode: str, emit) -> str:
    """``run`` for the worker: ``emit`` gets each progress event as a JSON string."""
    bundle = json.loads(bundle_json)
    return run(bundle, source, mode, on_event=lambda e: emit(json.dumps(e))).as_json()


def snippet_json(source: str) -> str:
    return json.dumps(run_snippet(source))


def cut_json(bundle_json: str, args_json: str) -> str:
    """The report of a run the page had to stop, from the events it had already sent."""
    bundle, a = json.loads(bundle_json), json.loads(args_json)
    names = bundle["test_names"] if a["mode"] == "tests" else [f"Example {i}" for i in range(1, len(bundle["examples"]) + 1)]
    done = [test_from_dict(t) for t in a["done"]]
    return cut_report(bundle["problem"], a["mode"], names, done, a["loaded"], a["reason"],
                      bundle["time_limit"], a["duration_ms"]).as_json()


# Last in the module, so the snapshot covers every name defined above. Everything the
# grader uses is imported by now: this is the state restored before and after every run,
# taken before any learner code can have run (and it seals the process: see guard.seal).
# PRISTINE is bound before the copies are taken, so the snapshot includes the name itself.
guard.snapshot(globals(), "PRISTINE")

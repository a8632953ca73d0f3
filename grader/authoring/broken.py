"""Where and why tests.py broke: its line and a traceback of its own frames, for the author.

A learner's report says only that a test is broken (that is the site's fault, not theirs).
The author needs the traceback: for an import failure ``collect_tests`` gives it; for a
test body or a hint, the test is run once more here, alone, against the same submission.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..checker.channel import LearnerCrashed, LearnerTimeout
from ..checker.proxy import LearnerFunction
from ..checker.run import BrokenTests, collect_tests
from ..cpython import ChildLearner
from .. import testing


def describe(tests_py: Path, e: BrokenTests) -> str:
    """``path/tests.py:LINE: what raised`` and the traceback, indented under it."""
    what = str(e).split(": ", 1)[1]
    tb = "\n".join("    " + l for l in e.traceback.rstrip().splitlines())
    return f"{tests_py}:{e.line or 1}: {what}\n{tb}"


def import_error(tests_source: str) -> BrokenTests | None:
    try:
        collect_tests(tests_source)
    except BrokenTests as e:
        return e
    return None


def rerun(bundle: dict, source: str, name: str, hints=None) -> BrokenTests | None:
    """Run the test named ``name`` alone on ``source``; the BrokenTests it raises, if any.
    ``hints`` is a context manager to run it under (the hint recorder forcing hints)."""
    from contextlib import nullcontext
    tests = dict(collect_tests(bundle["tests_source"]))
    test = tests.get(name)
    if test is None:
        return None
    limit = bundle.get("time_limit", 5.0)
    testing.TOLERANCE.clear()
    testing.TOLERANCE.update(bundle.get("tolerance") or {"atol": 1e-6, "rtol": 1e-6})
    with ChildLearner(limit) as child:
        f = LearnerFunction(child, bundle["entry"], [a["name"] for a in bundle["args"]], bundle["returns"],
                            time.monotonic() + limit, bundle.get("inputs_may_change", False))
        try:
            if "error" in f.request({"op": "load", "source": source, "entry": bundle["entry"]}):
                return None
            with hints or nullcontext():
                test(f)
        except (AssertionError, testing.LearnerRaised, LearnerTimeout, LearnerCrashed):
            return None
        except Exception as e:
            return BrokenTests("this test raised", e)
    return None

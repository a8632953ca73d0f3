"""The checker against a real learner child process: what the two-interpreter design adds
beyond the golden cases (which are in tests/cases/)."""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pytest

from conftest import CASES, ROOT
from grader.checker.run import replay_json, run
from grader.cpython import ChildLearner, run_isolated
from grader.problem import load_problem


@pytest.fixture(scope="module")
def bundle():
    return load_problem(ROOT / "problems" / "matmul_backward").bundle()


def statuses(report):
    return [(t.name, t.status.value, t.message) for t in report.tests]


def test_a_tighter_tolerance_is_kept(bundle):
    """problem.yaml's tolerance holds for the whole run (the old guard put the default back)."""
    off = "def matmul_backward(g, A, B):\n    return g @ B.T * (1 + 1e-7), A.T @ g\n"
    assert run_isolated(bundle, off).status.value == "pass"
    tight = {**bundle, "tolerance": {"atol": 1e-9, "rtol": 1e-9}}
    report = run_isolated(tight, off)
    assert [t.name for t in report.tests if t.status.value == "fail"] == ["dA matches grad_out @ B.T"]


def test_broken_tests_are_the_sites_fault_with_their_line(bundle):
    at_import = {**bundle, "tests_source": "import numpy as np\n\nnp.zeroes(3)\n"}
    report = run_isolated(at_import, (ROOT / "problems" / "matmul_backward" / "solution.py").read_text())
    assert report.status.value == "broken"
    assert "tests.py:3:" in report.message and "AttributeError" in report.message and "not your code" in report.message
    in_body = {**bundle, "tests_source": bundle["tests_source"] + "\n\ndef test_typo(f):\n    \"\"\"A typo\"\"\"\n    f(*[np.ones((1, 1))] * 3)\n    undefined_name\n"}
    report = run_isolated(in_body, (ROOT / "problems" / "matmul_backward" / "solution.py").read_text())
    broken = report.tests[-1]
    assert report.status.value == "broken" and broken.status.value == "broken"
    assert "NameError" in broken.message and "tests.py:" in broken.message and "not your code" in broken.message


def test_replay_gives_the_same_reports_as_synchronous_calls(bundle):
    """The fallback for pages without SharedArrayBuffer, driven here against a child process."""
    for name in ("correct", "transposed_dA", "mutate_inputs", "return_nan", "syntax_error", "swallow_interrupt"):
        source = (CASES / name / "submission.py").read_text()
        answers, t0 = [], time.monotonic()
        with ChildLearner(bundle["time_limit"]) as child:
            while "need" in (out := replay_json(json.dumps(bundle), source, "tests", answers,
                                                (time.monotonic() - t0) * 1000)):
                try:
                    answers.append((out["need"], "reply", child.exchange(out["need"], 5.0)))
                except BaseException:
                    answers.append((out["need"], "timeout", b""))
        got = json.loads(out["report"])
        want = json.loads((CASES / name / "expected.json").read_text())
        assert got["status"] == want["status"], name
        assert [(t["name"], t["status"], t["message"]) for t in got["tests"]] == \
               [(t["name"], t["status"], t["message"]) for t in want["tests"]], name


def test_a_random_case_that_fails_is_shrunk_and_replayable(bundle):
    only_square = ("def matmul_backward(g, A, B):\n"
                   "    dA = g @ B.T\n"
                   "    return (dA * 2 if A.shape[0] == A.shape[1] else dA), A.T @ g\n")
    report = run_isolated(bundle, only_square)
    failed = [t for t in report.tests if t.status.value == "fail"]
    assert [t.name for t in failed] == ["dA matches grad_out @ B.T"]
    case = failed[0].case
    assert case["label"].startswith("seed ") and "shrunk from" in case["label"]
    ns = {"np": np}
    exec(case["args"], ns)
    assert ns["A"].shape[0] == ns["A"].shape[1] <= 2 and set(ns) >= {"grad_out", "A", "B"}


def test_swapped_outputs_are_named_as_such(bundle):
    report = run_isolated(bundle, "def matmul_backward(g, A, B):\n    return A.T @ g, g @ B.T\n")
    assert "the outputs look swapped" in report.tests[0].message and "which is B's shape" in report.tests[0].message


def test_the_same_failure_is_told_once(bundle):
    report = run_isolated(bundle, (CASES / "missing_transpose" / "submission.py").read_text())
    first = report.tests[0]
    assert "ValueError" in first.message and first.output
    assert all(t.message == f"The same failure as “{first.name}”." and not t.output for t in report.tests[1:])


def test_examples_teach_what_submit_teaches():
    softmax = load_problem(ROOT / "problems" / "softmax_backward").bundle()
    no_y = "def softmax_backward(g, y):\n    return g - y @ g\n"
    examples = run_isolated(softmax, no_y, "examples")
    hidden = run_isolated(softmax, no_y, "tests")
    assert "The factor y is missing" in examples.tests[0].message
    assert any("The factor y is missing" in t.message for t in hidden.tests)


def test_nothing_the_learner_starts_outlives_the_run(bundle):
    """A forked grandchild is killed with the learner's process group."""
    source = ("import os, time\n"
              "pid = os.fork()\n"
              "if pid == 0:\n"
              "    time.sleep(30)\n"
              "    os._exit(0)\n"
              "open('/tmp/mlkata-grandchild', 'w').write(str(pid)) if False else None\n"
              "GRANDCHILD = pid\n"
              "def matmul_backward(g, A, B):\n"
              "    print('grandchild', GRANDCHILD)\n"
              "    return g @ B.T, A.T @ g\n")
    report = run_isolated(bundle, source)
    pid = int(report.tests[0].output.split()[1])
    time.sleep(0.2)
    try:  # gone, or a zombie waiting for whoever reaps orphans here: not running either way
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        state = "gone"
    assert state in ("gone", "Z", "X"), state


def test_report_texts_are_capped(bundle):
    report = run_isolated(bundle, (CASES / "huge_exception_message" / "submission.py").read_text())
    assert len(json.dumps(report.as_dict())) < 100_000


def test_a_test_that_swallows_the_learner_going_away_still_ends_the_run(bundle):
    """The run stops asking once the learner's interpreter is gone, whatever a test catches:
    the checker remembers it at the channel, not from the failing test's message."""
    swallow = ("\n\ndef test_catches_everything(f):\n    \"\"\"Catches everything\"\"\"\n"
               "    try:\n        f(*[np.ones((2, 2))] * 3)\n    except BaseException:\n        pass\n")
    first = {**bundle, "tests_source": "import numpy as np" + swallow + "\n" + bundle["tests_source"]}
    loop = "def matmul_backward(g, A, B):\n    while True:\n        pass\n"
    report = run_isolated(first, loop, time_limit=1.0)
    assert report.status.value == "timeout", report.message
    caught = report.tests[0]
    assert caught.name == "Catches everything" and caught.status.value == "timeout", statuses(report)
    assert caught.message.startswith("Stopped: the time limit of 1 s was reached while this test ran"), caught.message
    assert len(report.tests) == 1 + len([n for n in bundle["tests_source"].split("\ndef test_")[1:]])
    assert {t.status.value for t in report.tests} == {"timeout"}, statuses(report)
    crash = run_isolated(first, "import os\ndef matmul_backward(g, A, B):\n    os._exit(3)\n")
    assert crash.tests[0].status.value == "fail" and "stopped" in crash.tests[0].message, statuses(crash)

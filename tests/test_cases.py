"""Golden cases: tests/cases/<name>/submission.py must produce exactly expected.json
(timings removed) from ``python -m grader run --json`` on problems/matmul_backward.

Regenerate after an intended change with ``MLKATA_REGEN=1 pytest tests/test_cases.py``,
then read the diff: these files are the grader's specification.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import CASE_PROBLEM, CASES, ROOT, case_names, normalise


@pytest.mark.parametrize("name", case_names())
def test_case(name):
    case = CASES / name
    proc = subprocess.run([sys.executable, "-m", "grader", "run", str(CASE_PROBLEM), str(case / "submission.py"), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    report = json.loads(proc.stdout)  # --json prints exactly one JSON object
    assert proc.returncode == (0 if report["status"] == "pass" else 1)
    got = normalise(report)
    expected_file = case / "expected.json"
    if os.environ.get("MLKATA_REGEN"):
        expected_file.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n")
    assert got == json.loads(expected_file.read_text())


def test_every_case_has_expectations():
    missing = [n for n in case_names() if not (CASES / n / "expected.json").is_file()]
    assert not missing, f"cases without expected.json: {missing}"

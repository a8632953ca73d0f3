"""Shared fixtures: the repo paths, problem bundles, and report normalisation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.problem import load_problem  # noqa: E402

CASES = ROOT / "tests" / "cases"
CASE_PROBLEM = ROOT / "problems" / "matmul_backward"  # every golden case is a submission to it


def normalise(report: dict) -> dict:
    """A report without its timings, which vary run to run."""
    r = {k: v for k, v in report.items() if k != "duration_ms"}
    r["tests"] = [{k: v for k, v in t.items() if k != "duration_ms"} for t in report["tests"]]
    return r


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "submission.py").is_file())


@pytest.fixture(scope="session")
def case_bundle() -> dict:
    return load_problem(CASE_PROBLEM).bundle()

"""Shared fixtures: the repo paths, problem bundles, and report normalisation."""

from __future__ import annotations

import os
import subprocess
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


# Browser tests build from here (MLKATA_PROBLEMS overrides, e.g. to try a subset).
PROBLEMS_DIR = Path(os.environ.get("MLKATA_PROBLEMS", ROOT / "problems"))


def build(problems: Path, out: Path) -> subprocess.CompletedProcess:
    """``build.py --no-check`` of ``problems`` into ``out``, through the build's own command line."""
    return subprocess.run([sys.executable, "build.py", "--no-check", "--problems", str(problems), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per session into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "dist"
    proc = build(PROBLEMS_DIR, out)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM
    assert os.path.exists(CHROMIUM), "Chromium missing: apt-get install chromium (scripts/setup.sh does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


# softmax_backward done the expensive way: right values, but the V × V Jacobian is built.
JACOBIAN_SOFTMAX_BACKWARD = '''import numpy as np


def softmax_backward(grad_out, softmax_out):
    y = softmax_out
    J = np.diag(y) - np.outer(y, y)
    return J.T @ grad_out
'''
MEMORY_TEST = "Works in O(V) memory, without forming the V × V Jacobian"


def pytest_configure(config):
    config.addinivalue_line("markers", "one_server(kind): run only against that server of test_browser.py's two")


def pytest_collection_modifyitems(config, items):
    """Deselect (not skip) the other server's copy of tests marked one_server(kind)."""
    keep, drop = [], []
    for item in items:
        mark = item.get_closest_marker("one_server")
        server = getattr(getattr(item, "callspec", None), "params", {}).get("server")
        (drop if mark and server and server != mark.args[0] else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep

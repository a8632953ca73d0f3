"""End to end in real Chromium, real Pyodide, real NumPy: the built site, driven as a learner would.

The site is served twice: cross-origin isolated (COOP/COEP, so runaway code is stopped by
Pyodide's interrupt buffer and the warm runtime survives) and plain (runaway code is
stopped by terminating the worker; a spare takes over). Both must agree with CPython.
"""

from __future__ import annotations

import json

import pytest

from browser import Page, guard_origin, serving
from conftest import CASES, PROBLEMS_DIR, case_names

pytestmark = pytest.mark.browser
PROBLEMS = sorted(p.name for p in PROBLEMS_DIR.iterdir() if (p / "problem.yaml").is_file())


@pytest.fixture(scope="session", params=["isolated", "plain"])
def server(request, site):
    from builder.pages import csp
    with serving(site, isolate=request.param == "isolated", csp=csp(None)) as url:
        yield request.param, url


@pytest.fixture(scope="session")
def context(browser, server):
    """One browser context per server, so the HTTP cache is warm after the first page."""
    kind, url = server
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list = []
    guard_origin(ctx, url, foreign)
    ctx.foreign, ctx.kind, ctx.base = foreign, kind, url
    yield ctx
    assert foreign == [], f"requests left the site's origin: {foreign}"
    ctx.close()


@pytest.fixture(scope="session")
def case_page(context):
    """One matmul_backward page reused across cases: a warm runtime must not leak state."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    p = Page(page, context.base + "p/matmul_backward/index.html")
    p.errors = errors
    yield p
    assert errors == [], errors
    page.close()


def test_page_is_isolated_as_served(case_page, context):
    assert case_page.page.evaluate("crossOriginIsolated") == (context.kind == "isolated")


def test_runtime_booted_from_the_memory_snapshot(case_page, context):
    """The vendored snapshot is restored, not silently skipped (the worker falls back if it fails)."""
    info = case_page.page.evaluate("window.mlkata.runtime()")
    assert info["snapshot"] is True, info
    assert info["isolated"] == (context.kind == "isolated")


@pytest.mark.parametrize("name", case_names())
def test_browser_agrees_with_cpython(case_page, name):
    expected = json.loads((CASES / name / "expected.json").read_text())
    got = case_page.run((CASES / name / "submission.py").read_text())
    assert got["status"] == expected["status"], got["message"]
    assert [(t["name"], t["status"]) for t in got["tests"]] == \
           [(t["name"], t["status"]) for t in expected["tests"]], got
    if expected.get("line"):
        assert got.get("line") == expected["line"]


def test_runtime_recovers_after_runaway(case_page):
    """After a timeout the next correct submission passes, and quickly (spare worker)."""
    loop = (CASES / "loop_in_function" / "submission.py").read_text()
    assert case_page.run(loop)["status"] == "timeout"
    ok = case_page.run((CASES / "correct" / "submission.py").read_text())
    assert ok["status"] == "pass"


def test_no_state_leaks_between_runs(case_page):
    leaky = (
        "import numpy as np, builtins\n"
        "assert not hasattr(np, 'leak') and not hasattr(builtins, 'leak'), 'state leaked from the last run'\n"
        "assert 'counter' not in globals()\n"
        "np.leak = builtins.leak = 1\n"
        "counter = 1\n"
        "np.matmul = None\n"
        "def matmul_backward(g, A, B):\n"
        "    return g @ B.T, A.T @ g\n")
    first = case_page.run(leaky)
    second = case_page.run(leaky)
    assert first["status"] == "pass", first
    assert second["status"] == "pass", second


def test_the_page_is_out_of_reach_of_submissions(case_page):
    """Pyodide's bridge to JavaScript (``js``, ``pyodide.code.run_js``) could post a made-up
    report to the page: learner code can neither import it nor find it already imported,
    and the worker still reports normally afterwards."""
    for source in ("import js\n",
                   "def matmul_backward(g, A, B):\n    from pyodide.code import run_js\n    run_js('1')\n",
                   "import sys\nassert not [n for n in sys.modules if n.partition('.')[0] in ('js', 'pyodide', '_pyodide')], sorted(sys.modules)\n"
                   "assert not [f for f in sys.meta_path if 'pyodide' in type(f).__module__], sys.meta_path\n"
                   "def matmul_backward(g, A, B):\n    return g @ B.T, A.T @ g\n"):
        report = case_page.run(source)
        text = report["message"] + " ".join(t["message"] for t in report["tests"])
        if "assert" in source:
            assert report["status"] == "pass", report
        else:
            assert report["status"] in ("error", "fail") and "is refused in submissions" in text, report
    assert case_page.run((CASES / "correct" / "submission.py").read_text())["status"] == "pass"


@pytest.mark.parametrize("slug", PROBLEMS)
def test_reference_passes_starter_fails(context, slug):
    page = context.new_page()
    try:
        p = Page(page, context.base + f"p/{slug}/index.html")
        folder = PROBLEMS_DIR / slug
        assert p.run((folder / "solution.py").read_text())["status"] == "pass"
        assert p.run((folder / "solution.py").read_text(), "examples")["status"] == "pass"
        assert p.run((folder / "starter.py").read_text())["status"] == "fail"
    finally:
        page.close()


def test_softmax_backward_refuses_the_full_jacobian(context):
    """The memory test works in Pyodide too (tracemalloc counts NumPy's arrays there)."""
    from conftest import JACOBIAN_SOFTMAX_BACKWARD, MEMORY_TEST
    page = context.new_page()
    try:
        report = Page(page, context.base + "p/softmax_backward/index.html").run(JACOBIAN_SOFTMAX_BACKWARD)
        assert [t["name"] for t in report["tests"] if t["status"] != "pass"] == [MEMORY_TEST]
    finally:
        page.close()

"""End to end in real Chromium, real Pyodide, real NumPy: the built site, driven as a learner would.

The site is served twice: with the cross-origin isolation headers (COOP/COEP), and plain,
where the site's service worker adds them and the page reloads once into isolation. Both
grade through the two-interpreter path (a checker worker, a learner worker per run) and
must agree with CPython on every golden case.
"""

from __future__ import annotations

import json
import os

import pytest

from browser import Page, guard_origin, serving
from conftest import CASES, PROBLEMS_DIR, case_names, normalise

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


def test_page_is_isolated_on_both_servers(case_page, context):
    """With the headers, at once; without them, through the service worker."""
    assert case_page.page.evaluate("crossOriginIsolated") is True
    info = case_page.page.evaluate("window.mlkata.runtime()")
    assert info["isolated"] is True and info["grading"] == "synchronous", info
    assert info["isolation"] == ("headers" if context.kind == "isolated" else "service-worker"), info


def test_runtime_booted_from_the_memory_snapshot(case_page, context):
    """The vendored snapshot is restored, not silently skipped (the worker falls back if it
    fails), and NumPy comes from its byte-compiled pack, not the wheel."""
    info = case_page.page.evaluate("window.mlkata.runtime()")
    assert info["snapshot"] is True, info
    assert info["numpy"] == "pack", info


# The golden cases and the check after them share one page, in order, on one xdist worker.
ONE_PAGE = pytest.mark.xdist_group("golden-cases")
# Many-page tests run on the plain server only (isolated by the service worker, the path a
# static host without headers gives): the grading path is the same on both, and the tests
# above and below that have no such mark show both servers grade through it.
ONE_SERVER = pytest.mark.one_server("plain")


@ONE_PAGE
@ONE_SERVER
@pytest.mark.parametrize("name", case_names())
def test_browser_agrees_with_cpython(case_page, name):
    """Same statuses as CPython's golden report; except for the few attacks on CPython's
    pipes, which have no counterpart in a worker: their browser outcome is in
    ``browser-expected.json`` (regenerated with MLKATA_REGEN=1 only where that file exists)."""
    own = CASES / name / "browser-expected.json"
    expected = json.loads((own if own.is_file() else CASES / name / "expected.json").read_text())
    got = case_page.run((CASES / name / "submission.py").read_text())
    if own.is_file() and os.environ.get("MLKATA_REGEN"):
        own.write_text(json.dumps(normalise(got), indent=2, ensure_ascii=False) + "\n")
        expected = normalise(got)
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


@ONE_PAGE
@ONE_SERVER
def test_after_every_hostile_case_verdicts_still_stand(case_page):
    """Runs after every golden case (attacks included) in the same page: the starter and a
    plain wrong answer still fail, the reference still passes."""
    problem = PROBLEMS_DIR / "matmul_backward"
    assert case_page.run((problem / "starter.py").read_text())["status"] == "fail"
    assert case_page.run((CASES / "transposed_dA" / "submission.py").read_text())["status"] == "fail"
    assert case_page.run((problem / "solution.py").read_text())["status"] == "pass"


REACH = """
def matmul_backward(grad_out, A, B):
    import js
    seen = {}
    for name in ("fetch", "caches", "indexedDB", "importScripts", "XMLHttpRequest", "Worker",
                 "BroadcastChannel", "navigator"):
        seen[name] = str(getattr(js, name, "missing"))
    print(seen)
    # A made-up passing report, posted every way a worker can post, under every id.
    fake = {"version": 1, "problem": "matmul_backward", "mode": "tests", "status": "pass",
            "message": "All 5 tests passed.", "duration_ms": 1, "tests": []}
    from pyodide.ffi import to_js
    from js import Object
    for i in range(0, 200):
        for kind in ("report", "ready", "snippet"):
            js.postMessage(to_js({"id": i, "type": kind, "payload": {"report": fake}},
                                 dict_converter=Object.fromEntries))
    return grad_out @ B, A @ grad_out  # wrong
"""


def test_the_page_and_the_site_are_out_of_reach_of_submissions(case_page):
    """Learner code can reach its own worker's JavaScript, but that worker has no fetch, no
    storage and no caches, and what it posts is not taken as a report."""
    report = case_page.run(REACH)
    assert report["status"] == "fail", report
    printed = " ".join(t.get("output", "") for t in report["tests"])
    for name in ("fetch", "caches", "indexedDB", "importScripts", "XMLHttpRequest", "Worker", "BroadcastChannel"):
        assert f"'{name}': 'undefined'" in printed or f"'{name}': 'missing'" in printed, printed
    assert case_page.run((CASES / "correct" / "submission.py").read_text())["status"] == "pass"


def test_replay_where_the_page_cannot_be_isolated(browser, site):
    """No headers and no service worker: no SharedArrayBuffer. The checker still grades in
    its own worker, replaying each run with the learner worker's answers so far."""
    from builder.pages import csp
    with serving(site, isolate=False, csp=csp(None)) as url:
        ctx = browser.new_context(service_workers="block")
        try:
            p = Page(ctx.new_page(), url + "p/matmul_backward/index.html", isolated=False)
            info = p.page.evaluate("window.mlkata.runtime()")
            assert info["isolated"] is False and info["isolation"] == "none" and info["grading"] == "replay", info
            for name in ("correct", "transposed_dA", "mutate_inputs", "loop_in_function", "exit_zero_in_function",
                         "syntax_error", "correct"):
                expected = json.loads((CASES / name / "expected.json").read_text())
                got = p.run((CASES / name / "submission.py").read_text())
                assert [(t["name"], t["status"], t["message"]) for t in got["tests"]] == \
                       [(t["name"], t["status"], t["message"]) for t in expected["tests"]], (name, got)
                assert got["status"] == expected["status"], (name, got)
        finally:
            ctx.close()


@ONE_SERVER
@pytest.mark.parametrize("slug", PROBLEMS)
def test_reference_passes_starter_fails_mutants_keep_their_promise(context, slug):
    """In Chromium as in `grader check` (CPython): the reference passes, the starter fails,
    and every mutant in wrong/ fails the test it names with the words it promises."""
    from grader.authoring import mutants
    from grader.report import report_from_dict
    page = context.new_page()
    try:
        p = Page(page, context.base + f"p/{slug}/index.html")
        folder = PROBLEMS_DIR / slug
        passed = p.run((folder / "solution.py").read_text())
        assert passed["status"] == "pass"
        assert p.run((folder / "solution.py").read_text(), "examples")["status"] == "pass"
        assert p.run((folder / "starter.py").read_text())["status"] == "fail"
        names = [t["name"] for t in passed["tests"]]
        wrong = mutants.load(folder)
        assert wrong, f"{slug} has no mutants"
        for m in wrong:
            assert mutants.judge(m, report_from_dict(p.run(m.source)), names) == [], m.name
    finally:
        page.close()


def test_softmax_backward_refuses_the_full_jacobian(context):
    """The memory test works in Pyodide too: a V × V matrix does not fit in wasm32."""
    from conftest import JACOBIAN_SOFTMAX_BACKWARD, MEMORY_TEST
    page = context.new_page()
    try:
        report = Page(page, context.base + "p/softmax_backward/index.html").run(JACOBIAN_SOFTMAX_BACKWARD)
        assert [t["name"] for t in report["tests"] if t["status"] != "pass"] == [MEMORY_TEST]
    finally:
        page.close()

"""Learner tools (issue 17, the page's part): "Try my input" with the reference beside it,
a failing random case replayed into it, pictures of a wrong array (heatmaps, a line chart)
with their text alternative, and kata practice on a spaced schedule (the clock moved through
localStorage["mlkata:clock-offset-days"], kata.js's test hook). Real Chromium."""

from __future__ import annotations

import json

import pytest

from browser import Page, guard_origin, serving, wait_until
from conftest import ROOT

pytestmark = pytest.mark.browser
SOLUTION = (ROOT / "problems" / "matmul_backward" / "solution.py").read_text()
STARTER = (ROOT / "problems" / "matmul_backward" / "starter.py").read_text()
ID = "mk-0001"  # matmul_backward
# Wrong in dB only (twice too big), and it prints: what "Try my input" shows.
TWICE_DB = '''import numpy as np


def matmul_backward(grad_out, A, B):
    print("grad_out is", grad_out.shape)
    return grad_out @ B.T, 2 * (A.T @ grad_out)
'''
RAISES = '''import numpy as np


def matmul_backward(grad_out, A, B):
    scale = 1 / 0
    return grad_out @ B.T, A.T @ grad_out
'''


@pytest.fixture(scope="module")
def base(site):
    from builder.pages import csp
    with serving(site, isolate=True, csp=csp(None)) as url:
        yield url


@pytest.fixture
def ctx(browser, base):
    """A fresh desktop context (empty storage); no page errors, CSP violations or foreign requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.foreign, context.problems, context.base = [], [], base
    guard_origin(context, base, context.foreign)
    yield context
    assert context.foreign == []
    assert context.problems == [], context.problems
    context.close()


def watch(ctx, page):
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and ctx.problems.append(m.text))
    return page


def problem(ctx, slug="matmul_backward", query="") -> Page:
    return Page(watch(ctx, ctx.new_page()), ctx.base + f"p/{slug}/index.html{query}")


def stored(page, key):
    return page.evaluate("(k) => JSON.parse(localStorage.getItem('mlkata:v1:' + k))", key)


def move_clock(page, days: float):
    page.evaluate("(d) => localStorage.setItem('mlkata:clock-offset-days', String(d))", days)


# --- 4. kata practice ---------------------------------------------------------------------

def catalogue(ctx, page=None):
    page = page or watch(ctx, ctx.new_page())
    page.goto(ctx.base + "index.html")
    wait_until(page, "!document.getElementById('practice').hidden || document.getElementById('count').textContent")
    return page


def test_a_solved_problem_comes_due_after_its_interval_and_moves_on_after_a_pass(ctx, tmp_path):
    p = problem(ctx)
    assert p.run(SOLUTION)["status"] == "pass"
    record = stored(p.page, f"kata:{ID}")
    assert record["stage"] == 0 and record["solution"] == SOLUTION

    # The catalogue: nothing due yet, the next one named; no streak before any practice.
    page = catalogue(ctx)
    assert page.is_visible("#practice")
    assert page.locator("#due-list li").count() == 0
    assert page.inner_text("#next-due") == "Nothing is due today. Next: Matmul backward, in 1 day."
    assert page.inner_text("#streak") == "· no streak yet"

    # A day later it is due: "Practise again" opens it blank, in derive mode, the solution aside.
    move_clock(page, 1)
    catalogue(ctx, page)
    due = page.locator(f"#due-list li[data-problem-id={ID}]")
    assert due.count() == 1 and "due today" in due.inner_text()
    due.get_by_role("link", name="Practise Matmul backward again").click()
    wait_until(page, "window.mlkata !== undefined && crossOriginIsolated", 60)
    page.evaluate("window.mlkata.ready")
    assert page.url.endswith("p/matmul_backward/index.html?kata=1")
    assert page.evaluate("window.mlkata.getCode()") == STARTER
    assert page.evaluate("[document.documentElement.dataset.kata, document.documentElement.dataset.derive]") == ["on", "on"]
    assert page.is_visible("#kata-bar")
    assert page.is_checked("#derive") and page.is_disabled("#derive")
    page.click("#kata-kept summary")
    assert page.inner_text("#kata-kept code").strip() == SOLUTION.strip()

    # Practice autosaves to its own draft; the regular draft (the solution) is untouched.
    page.evaluate("window.mlkata.setCode('# practice in progress\\n')")
    page.evaluate("dispatchEvent(new Event('pagehide'))")
    assert stored(page, f"kata-draft:{ID}") == "# practice in progress\n"
    assert stored(page, f"draft:{ID}") == SOLUTION

    # A pass moves it to the next interval (3 days) and starts the streak.
    page.evaluate("(s) => window.mlkata.setCode(s)", SOLUTION)
    assert page.evaluate("window.mlkata.run()")["status"] == "pass"
    assert page.inner_text(".kata-note") == "Practice passed: this problem comes back in 3 days."
    assert stored(page, f"kata:{ID}")["stage"] == 1
    assert stored(page, f"kata-draft:{ID}") is None  # the next practice starts blank
    catalogue(ctx, page)
    assert page.locator("#due-list li").count() == 0
    assert page.inner_text("#next-due") == "Nothing is due today. Next: Matmul backward, in 3 days."
    assert page.inner_text("#streak") == "· 1-day streak"

    # Three days on it is due again; a failed practice starts it over at one day.
    move_clock(page, 4)
    catalogue(ctx, page)
    assert page.locator(f"#due-list li[data-problem-id={ID}]").count() == 1
    assert page.inner_text("#streak") == "· no streak yet"  # the practice was 3 days ago
    p = problem(ctx, query="?kata=1")
    assert p.run(TWICE_DB)["status"] == "fail"
    assert p.page.inner_text(".kata-note").startswith("Not yet from memory: this problem comes back tomorrow.")
    assert stored(p.page, f"kata:{ID}")["stage"] == 0
    assert stored(p.page, f"progress:{ID}")["status"] == "solved"  # practice never un-solves

    # The schedule travels with export / import.
    page = catalogue(ctx, p.page)
    with page.expect_download() as info:
        page.click("#export")
    exported = json.loads(open(info.value.path()).read())
    assert exported["data"][f"kata:{ID}"]["stage"] == 0 and exported["data"]["kata-days:log"]
    page.evaluate("localStorage.clear()")
    move_clock(page, 4)  # the clear took the clock back too
    catalogue(ctx, page)
    assert page.is_hidden("#practice")
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(exported))
    page.set_input_files("#import", str(path))
    wait_until(page, "document.getElementById('transfer-status').textContent.length > 0")
    assert "the practice schedule of 1 problem" in page.inner_text("#transfer-status")
    assert stored(page, f"kata:{ID}") == exported["data"][f"kata:{ID}"]
    assert page.is_visible("#practice")
    assert page.inner_text("#next-due") == "Nothing is due today. Next: Matmul backward, in 1 day."

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


# --- 1. try my input ----------------------------------------------------------------------

MY_INPUT = "grad_out = np.ones((2, 3))\nA = np.arange(4.).reshape(2, 2)\nB = np.arange(6.).reshape(2, 3)"


def test_try_my_input_shows_my_result_and_the_references(ctx):
    p = problem(ctx)
    page = p.page
    page.evaluate("(s) => window.mlkata.setCode(s)", TWICE_DB)
    # The panel is created when first opened, prefilled from the first example.
    assert page.locator("#try-args").count() == 0
    page.click("#try-input summary")
    wait_until(page, "document.getElementById('try-args') !== null")
    assert page.input_value("#try-args") == ("grad_out = np.array([[1.0, 1.0]])\nA = np.array([[1.0, 2.0]])\n"
                                             "B = np.array([[3.0, 4.0], [5.0, 6.0]])")
    assert not page.is_checked("#try-compare")

    page.fill("#try-args", MY_INPUT)
    page.check("#try-compare")
    page.click(".try-run")
    wait_until(page, "document.querySelector('.try-side[data-who=reference]') !== null", 60)
    mine = page.locator(".try-side[data-who=mine]")
    ref = page.locator(".try-side[data-who=reference]")
    assert mine.get_attribute("data-status") == "ok" and ref.get_attribute("data-status") == "ok"
    assert mine.locator(".value-head").all_inner_texts()[:2] == [
        "dA shape (2, 2) · float64 · same as the reference", "dB shape (2, 3) · float64 · differs from the reference"]
    # A.T @ ones((2, 3)): columns sum to [2, 4] per row of A.T; twice that in mine.
    assert "[4., 4., 4.]" in mine.locator("pre").nth(1).inner_text()
    assert "[2., 2., 2.]" in ref.locator("pre").nth(1).inner_text()
    assert "grad_out is (2, 3)" in mine.locator("pre.output").inner_text()
    assert ref.locator("pre.output").count() == 0  # the reference prints nothing, and its code stays hidden
    assert "def matmul_backward" not in ref.inner_text()

    # The toggle is remembered; the automation API gives the same result as data.
    page.reload()
    wait_until(page, "window.mlkata !== undefined && crossOriginIsolated", 60)
    page.evaluate("window.mlkata.ready")
    page.click("#try-input summary")
    wait_until(page, "document.getElementById('try-compare') !== null")
    assert page.is_checked("#try-compare")
    r = page.evaluate("(a) => window.mlkata.tryInput(a, false)", MY_INPUT)
    assert r["reference"] is None and [v["shape"] for v in r["mine"]["values"]] == [[2, 2], [2, 3]]

    # An exception: the message and its line, marked in the editor like a failed test's.
    page.evaluate("(s) => window.mlkata.setCode(s)", RAISES)
    r = page.evaluate("(a) => window.mlkata.tryInput(a, false)", MY_INPUT)
    assert r["mine"]["status"] == "error" and r["mine"]["line"] == 5
    assert "ZeroDivisionError" in page.inner_text(".try-side[data-who=mine] .message")
    assert "(line 5 of your code)" in page.inner_text(".try-side[data-who=mine] .message")
    wait_until(page, "document.querySelector('.cm-lintRange-warning') !== null")
    # An input that does not define every argument says which.
    r = page.evaluate("(a) => window.mlkata.tryInput(a, false)", "grad_out = np.ones((2, 3))")
    assert r["mine"]["status"] == "error" and "A, B missing" in r["mine"]["message"]


# --- 2. a failing random case, replayed -------------------------------------------------------

def test_a_failing_random_case_is_shrunk_and_replayed_into_the_panel(ctx):
    p = problem(ctx)
    report = p.run(TWICE_DB)
    failing = [t for t in report["tests"] if t.get("case")]
    assert failing, report
    case = failing[0]["case"]
    assert "shrunk from" in case["label"] and "m=1, k=1" in case["label"]  # as small as keeps the diagnosis
    page = p.page
    line = page.locator(".tests .case").first
    assert line.inner_text().startswith(f"Smallest failing case: {case['label']}")
    assert page.locator("#try-args").count() == 0  # nothing built until it is needed
    line.get_by_role("button", name="Replay this case").click()
    wait_until(page, "document.querySelector('.try-side[data-who=mine]') !== null", 60)
    assert page.evaluate("document.getElementById('try-input').open")
    assert page.input_value("#try-args") == case["args"]
    import numpy as np
    ns = {"np": np}
    exec(case["args"], ns)  # the replayed arguments: dA is shaped like A, dB like B
    assert page.locator(".try-side[data-who=mine] .value-head").all_inner_texts()[:2] == \
        [f"dA shape {ns['A'].shape} · float64", f"dB shape {ns['B'].shape} · float64"]


# --- 3. pictures ------------------------------------------------------------------------------

# Right on small matrices, wrong (a sign flipped in one corner) from 33 rows up.
BIG_CORNER_WRONG = '''import numpy as np


def outer_product_sum(A, B):
    C = A @ B
    if C.shape[0] > 32:
        C[40:, :20] *= -1
    return C
'''
# softmax_backward with the Jacobian's off-diagonal part missing: wrong everywhere.
DIAGONAL_ONLY = '''import numpy as np


def softmax_backward(grad_out, softmax_out):
    return softmax_out * grad_out
'''


def test_a_large_wrong_array_is_drawn_as_heatmaps_with_a_text_alternative(ctx):
    p = problem(ctx, "outer_product_sum")
    report = p.run(BIG_CORNER_WRONG)
    test = next(t for t in report["tests"] if (t.get("diff") or {}).get("full"))
    full = test["diff"]["full"]
    assert full["shape"] == [64, 64] and full["block"] == [2, 2]
    page = p.page
    wait_until(page, "document.querySelector('.picture') !== null")
    fig = page.locator(".picture").first
    maps = fig.locator("svg.chart")
    assert maps.count() == 3
    assert [maps.nth(i).get_attribute("aria-label") for i in range(3)] == ["Yours", "Expected", "Yours − expected"]
    assert maps.nth(0).locator("rect.pos, rect.neg").count() > 500  # 32 × 32 cells, few exactly zero
    # The difference is zero outside the flipped corner: only its cells are drawn.
    diff_cells = maps.nth(2).locator("rect.pos, rect.neg").count()
    assert 0 < diff_cells <= 12 * 10
    for i in range(3):
        assert maps.nth(i).locator("rect.worst").count() == 1
    r, c = full["worst"]
    assert r >= 20 and c < 10  # in the flipped corner (blocks of 2)
    assert "shape (64, 64)" in fig.locator("figcaption").inner_text()
    summary = fig.locator("p.sr-only").inner_text()
    assert summary.startswith("C, shape (64, 64). Drawn downsampled, one cell per block of 2 × 2 entries.")
    assert f"Worst entry within rows {2 * r}–{2 * r + 1}, columns {2 * c}–{2 * c + 1}." in summary
    assert "Your values range from" in summary and "The differences range from" in summary


def test_a_long_wrong_vector_is_drawn_as_a_line_chart(ctx):
    p = problem(ctx, "softmax_backward")
    report = p.run(DIAGONAL_ONLY)
    test = next(t for t in report["tests"] if (t.get("diff") or {}).get("full"))
    page = p.page
    wait_until(page, "document.querySelector('.picture') !== null")
    fig = page.locator(".picture").first
    assert fig.locator("polyline.got").count() >= 1 and fig.locator("polyline.expected").count() >= 1
    assert fig.locator("circle.worst").count() == 1
    summary = fig.locator("p.sr-only").inner_text()
    assert summary.startswith(f"dx, shape ({test['diff']['full']['shape'][0]},).")
    assert "Worst entry within entries" in summary


# --- accessibility of all of it ---------------------------------------------------------------

@pytest.mark.parametrize("scheme,width", [("light", 1280), ("dark", 390)])
def test_the_new_panels_pass_axe(browser, base, scheme, width):
    from test_accessibility import violations
    # bypass_csp only so the test can inject axe itself.
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)
    try:
        p = Page(context.new_page(), base + "p/outer_product_sum/index.html")
        p.run(BIG_CORNER_WRONG)  # heatmaps
        p.page.evaluate("(a) => window.mlkata.tryInput(a, true)", "A = np.eye(2)\nB = np.ones((2, 3))")
        wait_until(p.page, "document.querySelector('.picture') !== null")
        assert violations(p.page) == []
        page = p.page
        page.evaluate("(s) => localStorage.setItem('mlkata:v1:draft:mk-0001', JSON.stringify(s))", SOLUTION)
        page.goto(base + "p/matmul_backward/index.html?kata=1")
        wait_until(page, "window.mlkata !== undefined")
        page.evaluate("window.mlkata.ready")
        if width < 900:
            page.click("#view-tabs [data-view=code]")
        page.click("#kata-kept summary")
        assert violations(page) == []
        page.goto(base + "index.html")  # the practice box: solved above, due today
        page.evaluate("""() => { const t = Date.now() - 2 * 86400000;
            localStorage.setItem('mlkata:v1:progress:mk-0001', JSON.stringify({status: 'solved', at: t})); }""")
        page.reload()
        assert page.is_visible("#due-list li")
        assert violations(page) == []
    finally:
        context.close()


def test_pictures_a_test_attaches_are_drawn_even_on_a_pass(ctx):
    """The capstone's held-out test attaches its loss curve and decision boundary."""
    import re
    p = problem(ctx, "train_mlp")
    report = p.run((ROOT / "problems" / "train_mlp" / "solution.py").read_text())
    assert report["status"] == "pass"
    page = p.page
    wait_until(page, "document.querySelectorAll('.picture').length === 2")
    line, scatter = page.locator(".picture").all()
    assert line.is_visible() and scatter.is_visible()  # the test's result is open to show them
    assert line.locator("polyline").count() >= 1
    assert "Training loss" in line.locator("figcaption").inner_text()
    assert scatter.locator(".pt").count() == 300 + 3  # the points and the legend's three
    summary = scatter.locator("p.sr-only").inner_text()
    assert "300 points in 3 classes" in summary
    # The regions are drawn the way the test computed them (row 0 at the top): a network
    # that gets ≥ 95 % right has few points in another class's region.
    wrong = int(re.search(r"(\d+) points? lies? in a region of another class", summary).group(1))
    assert wrong <= 15, summary

"""The learner's loop (issue 19, the page's part): derive mode, editable theory blocks, an
import that merges by time, focus kept after Ctrl+Enter, the next step after a pass, the
phone layout (390 px, no sideways scroll), "In progress" in the catalogue, and one lint
marker for a repeated failure. Real Chromium, driven as a learner would."""

from __future__ import annotations

import json
import time

import pytest

from browser import Page, guard_origin, serving, wait_until
from conftest import ROOT

pytestmark = pytest.mark.browser
SOLUTION = (ROOT / "problems" / "matmul_backward" / "solution.py").read_text()
STARTER = (ROOT / "problems" / "matmul_backward" / "starter.py").read_text()
ID = "mk-0001"  # matmul_backward
FORMULA_NAME = "dA matches grad_out @ B.T"
NEUTRAL_NAME = "dA matches the true gradient on random inputs"


@pytest.fixture(scope="module")
def base(site):
    from builder.pages import csp
    with serving(site, isolate=True, csp=csp(None)) as url:
        yield url


def make_ctx(browser, base, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.foreign = []
    guard_origin(context, base, context.foreign)
    context.problems = []
    context.base = base
    return context


@pytest.fixture
def ctx(browser, base):
    """A fresh desktop context (empty storage); no page errors, CSP violations or foreign requests."""
    context = make_ctx(browser, base)
    yield context
    assert context.foreign == []
    assert context.problems == [], context.problems
    context.close()


@pytest.fixture
def phone(browser, base):
    context = make_ctx(browser, base, 390, 844)
    yield context
    assert context.problems == [], context.problems
    context.close()


def open_page(ctx, path):
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and ctx.problems.append(m.text))
    page.goto(ctx.base + path)
    return page


def problem(ctx, slug="matmul_backward") -> Page:
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and ctx.problems.append(m.text))
    return Page(page, ctx.base + f"p/{slug}/index.html")


def visible_text(page, selector):
    return page.locator(selector).inner_text()


# --- 1. derive it yourself ---------------------------------------------------------------

def test_derive_mode_hides_the_result_and_names_until_the_last_hint(ctx):
    p = problem(ctx)
    page = p.page
    formula = page.locator(".statement .result-formula").first
    assert formula.is_visible() and not page.locator(".show-result").first.is_visible()
    assert FORMULA_NAME in visible_text(page, ".test-names")

    page.check("#derive")
    assert not formula.is_visible()
    assert page.locator(".statement .show-result").first.is_visible()
    names = visible_text(page, ".test-names")
    assert NEUTRAL_NAME in names and "B.T" not in names and "A.T" not in names
    # Example explanations compute the answer: behind a button too.
    assert not page.locator(".example .explanation").first.is_visible()

    # Remembered for this problem: a reload comes back in derive mode, formula hidden.
    page.reload()
    wait_until(page, "window.mlkata !== undefined")
    page.evaluate("window.mlkata.ready")
    assert page.is_checked("#derive")
    assert page.evaluate("document.documentElement.dataset.derive") == "on"
    assert not page.locator(".statement .result-formula").first.is_visible()
    # ... and only for this problem.
    other = open_page(ctx, "p/softmax_backward/index.html")
    assert not other.is_checked("#derive") and other.locator(".result-formula").first.is_visible()
    other.close()

    # A failed Submit: neutral names, no formula, messages held back (one click away).
    report = page.evaluate("(s) => { window.mlkata.setCode(s); return window.mlkata.run('tests'); }", STARTER)
    assert report["status"] == "fail"
    shown = visible_text(page, "#results")
    assert NEUTRAL_NAME in shown and "B.T" not in shown and "A.T" not in shown
    assert "holds it back" in shown or "differ from the expected" in shown
    held = page.locator("#results details[data-status=fail]").first
    full = held.locator("p.message:not(.held-back)")
    assert full.count() == 1 and not full.is_visible()
    held.locator("button", has_text="Show the message").click()
    assert full.is_visible()

    # "Show the result" shows that block.
    page.locator(".statement .show-result").first.click()
    assert page.locator(".statement .result-formula").first.is_visible()

    # The last hint releases names and messages, at once and after a reload.
    while page.locator("#next-hint").is_visible():
        page.click("#next-hint")
    assert page.evaluate("document.documentElement.dataset.derive") == "released"
    shown = visible_text(page, "#results")
    assert FORMULA_NAME in shown and "holds it back" not in shown
    assert FORMULA_NAME in visible_text(page, ".test-names")
    page.reload()
    wait_until(page, "window.mlkata !== undefined")
    assert page.locator("#hints > li:not([hidden])").count() == 3
    assert page.evaluate("document.documentElement.dataset.derive") == "released"

    # Off again: everything shows.
    page.uncheck("#derive")
    assert page.locator(".statement .result-formula").first.is_visible()


def test_derive_mode_hides_the_formula_before_any_script_file_loads(browser, base):
    """early.js (inline, in <head>) applies the remembered choice: no flash of the formula."""
    context = make_ctx(browser, base)
    page = context.new_page()
    page.goto(base + "index.html")
    seed(page, {f"prefs:{ID}": {"derive": True, "hints": 0, "at": 1}})
    context.route("**/assets/*.js", lambda route: route.abort())
    page.goto(base + "p/matmul_backward/index.html")
    assert page.evaluate("document.documentElement.dataset.derive") == "on"
    assert not page.locator(".statement .result-formula").first.is_visible()
    assert NEUTRAL_NAME in visible_text(page, ".test-names")
    context.close()


def test_problems_without_marks_have_no_derive_switch(ctx):
    page = open_page(ctx, "p/matmul/index.html")
    assert page.locator("#derive").count() == 0


# --- 2. theory blocks are editable -------------------------------------------------------

def test_theory_block_can_be_edited_run_and_reset(ctx):
    page = open_page(ctx, "t/matmul/index.html")
    assert "first Run" not in visible_text(page, ".theory")
    block = page.locator(".snippet-editor textarea").first
    original = block.input_value()
    assert original.strip()
    block.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text("print(6 * 7)")
    reset = page.locator(".runbar").first.locator("button", has_text="Reset")
    assert reset.is_enabled()
    wait_until(page, "document.getElementById('runtime-status').textContent.startsWith('Python ready')", 60)
    page.keyboard.press("Control+Enter")  # runs the block the caret is in
    wait_until(page, "document.querySelector('.snippet-output').dataset.status === 'ok'", 30)
    assert page.locator(".snippet-output").first.inner_text().strip() == "42"
    reset.click()
    assert block.input_value() == original and not reset.is_enabled()


# --- 6. import merges by time ------------------------------------------------------------

def seed(page, entries: dict):
    page.evaluate("""(e) => { for (const [k, v] of Object.entries(e))
        localStorage.setItem('mlkata:v1:' + k, JSON.stringify(v)); }""", entries)


def stored(page, key):
    return page.evaluate("(k) => JSON.parse(localStorage.getItem('mlkata:v1:' + k))", key)


def test_import_merges_by_time_and_asks_before_replacing_newer_work(ctx, tmp_path):
    page = open_page(ctx, "index.html")
    now = int(time.time() * 1000)
    seed(page, {"draft:mk-0001": "# mine, newer", "drafted:mk-0001": now,
                "draft:mk-0002": "# mine, older", "drafted:mk-0002": now - 10_000_000,
                "progress:mk-0003": {"status": "solved", "at": now}})
    file = {"format": "mlkata-progress", "version": 1, "exported": "2026-01-01T00:00:00Z", "data": {
        "draft:mk-0001": "# theirs, older", "drafted:mk-0001": now - 5_000_000,
        "draft:mk-0002": "# theirs, newer", "drafted:mk-0002": now - 1000,
        "draft:mk-0004": "# theirs, new here", "drafted:mk-0004": now - 1000,
        "draft:mk-0005": "# theirs, new here too",
        "progress:mk-0003": {"status": "attempted", "at": now + 1000},  # never un-solves
        "progress:mk-0004": {"status": "attempted", "at": now},
        "progress:mk-0005": {"status": "solved", "at": now},
        "progress:mk-0006": {"status": "solved", "at": now}}}
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(file))
    asked = []

    def dismiss(d):
        asked.append(d.message)
        d.dismiss()
    page.once("dialog", dismiss)
    page.set_input_files("#import", str(path))
    wait_until(page, "document.getElementById('transfer-status').textContent.length > 0")
    assert len(asked) == 1 and "Matmul backward" in asked[0], asked
    assert page.inner_text("#transfer-status") == \
        "Imported: 2 drafts added, 1 updated (the file's were newer), 1 kept (yours was newer), progress for 3 problems."
    assert stored(page, "draft:mk-0001") == "# mine, newer"
    assert stored(page, "draft:mk-0002") == "# theirs, newer"
    assert stored(page, "draft:mk-0004") == "# theirs, new here"
    assert stored(page, "progress:mk-0003")["status"] == "solved"
    assert stored(page, "progress:mk-0006")["status"] == "solved"
    assert page.locator("tr[data-problem-id=mk-0006]").get_attribute("data-state") == "solved"

    # Again, accepting: the newer local draft is replaced, as asked; nothing else changes.
    page.once("dialog", lambda d: d.accept())
    page.evaluate("document.getElementById('transfer-status').textContent = ''")
    page.set_input_files("#import", str(path))
    wait_until(page, "document.getElementById('transfer-status').textContent.length > 0")
    assert page.inner_text("#transfer-status") == "Imported: 1 draft replaced as you asked."
    assert stored(page, "draft:mk-0001") == "# theirs, older"


# --- 7. Ctrl+Enter keeps focus in the editor ---------------------------------------------

def test_ctrl_enter_keeps_focus_in_the_editor(ctx):
    p = problem(ctx)
    page = p.page
    assert page.evaluate("window.mlkata.editorUpgraded")
    page.evaluate("(s) => window.mlkata.setCode(s)", SOLUTION)
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.press("Control+Enter")
    wait_until(page, "document.querySelector('.verdict[data-status]') !== null", 30)
    assert page.evaluate("document.activeElement.closest('.cm-editor') !== null")
    assert "Hidden tests: Passed" in page.inner_text("#announce")
    page.keyboard.type("# typed after the run")
    assert page.evaluate("window.mlkata.getCode()").rstrip().endswith("# typed after the run")
    # A click on Submit still takes the learner to the results.
    page.click("#submit")
    wait_until(page, "document.activeElement && document.activeElement.id === 'results'", 30)


# --- 8. after a pass ---------------------------------------------------------------------

def test_a_pass_ends_with_the_next_problem_progress_and_the_comparison(ctx):
    p = problem(ctx)
    page = p.page
    config = json.loads(page.inner_text("#mlkata-config"))
    total = len(config["course"])
    assert total >= 13 and config["nextInTrack"]
    assert p.run(SOLUTION)["status"] == "pass"
    step = page.locator("#results .next-step")
    assert step.locator(".solved-count").inner_text() == f"1 of {total} solved"
    link = step.locator("a.next-problem")
    assert link.get_attribute("href") == f"../{config['nextInTrack']}/index.html"
    assert link.inner_text().startswith("Next problem")
    step.locator("button", has_text="Compare with the reference solution").click()
    step.locator(".compare .diff-lines").wait_for()
    assert "def matmul_backward" in step.locator(".compare .reference").inner_text()
    # The next one in the track already solved: the next unsolved one instead.
    nxt = next(q for q in config["course"] if q["slug"] == config["nextInTrack"])
    seed(page, {f"progress:{nxt['id']}": {"status": "solved", "at": 1}})
    assert p.run(SOLUTION)["status"] == "pass"
    assert step.locator(".solved-count").inner_text() == f"2 of {total} solved"
    href = step.locator("a.next-problem").get_attribute("href")
    assert href != f"../{config['nextInTrack']}/index.html" and href.endswith("/index.html")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(href[2:])


# --- 9. phone ----------------------------------------------------------------------------

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("path", ["index.html", "p/cross_entropy/index.html", "t/matmul/index.html"])
def test_nothing_scrolls_sideways_at_390_px(phone, path):
    page = open_page(phone, path)
    page.wait_for_load_state("load")
    assert page.evaluate(NO_SIDEWAYS_SCROLL), page.evaluate("document.documentElement.scrollWidth")
    if path.startswith("index"):
        status = page.locator("tr[data-problem-id] .state").first.bounding_box()
        assert status["x"] + status["width"] <= 390


def test_phone_switches_between_statement_code_and_results(phone):
    p = problem(phone)
    page = p.page
    tabs = page.locator("#view-tabs")
    assert tabs.is_visible()
    assert page.locator("#statement").is_visible() and not page.locator("#editor").is_visible()
    page.click("#view-tabs button[data-view=code]")
    assert page.locator("#editor").is_visible() and not page.locator("#statement").is_visible()
    assert page.locator("#editor").bounding_box()["y"] < 844  # no scrolling past the statement
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.evaluate("(s) => window.mlkata.setCode(s)", SOLUTION)
    page.click("#submit")
    page.wait_for_selector(".verdict[data-status=pass]", timeout=30000)
    assert page.locator("#results").is_visible() and not page.locator("#editor").is_visible()
    assert page.get_attribute("#view-tabs button[data-view=results]", "aria-pressed") == "true"
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    # The bar stays at hand after scrolling down the statement.
    page.click("#view-tabs button[data-view=statement]")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    assert 0 <= tabs.bounding_box()["y"] < 5


# --- 10. catalogue -----------------------------------------------------------------------

def test_catalogue_says_in_progress_for_a_draft_and_has_no_tests_column(ctx):
    p = problem(ctx)
    p.page.goto(ctx.base + "p/softmax_backward/index.html")  # a visit alone is no work
    wait_until(p.page, "window.mlkata !== undefined")
    p.page.evaluate("(s) => window.mlkata.setCode(s + '\\n# started')", STARTER)
    wait_until(p.page, "localStorage.getItem('mlkata:v1:draft:mk-0002') !== null", 5)
    cat = open_page(ctx, "index.html")
    headers = cat.locator("table.catalogue").first.locator("th").all_inner_texts()
    assert "Tests" not in headers
    assert cat.locator("tr[data-slug=softmax_backward] .state").inner_text() == "In progress"
    assert cat.locator("tr[data-slug=matmul_backward] .state").inner_text() == "Not started"
    cat.select_option("#state", "started")
    assert cat.locator("tr[data-problem-id]:visible").count() == 1


# --- 5. (page part) one marker for a repeated failure, a tooltip that stays small --------

def test_identical_failures_make_one_small_lint_tooltip(ctx):
    p = problem(ctx)
    page = p.page
    assert page.evaluate("window.mlkata.editorUpgraded")
    raising = "import numpy as np\n\n\ndef matmul_backward(grad_out, A, B):\n    raise ValueError('no gradient yet ' * 40)\n"
    report = p.run(raising)
    assert sum(1 for t in report["tests"] if t.get("line") == 5) >= 2
    page.locator(".cm-lint-marker").first.hover()
    tooltip = page.locator(".cm-tooltip-lint")
    tooltip.wait_for()
    assert tooltip.locator(".cm-diagnostic").count() == 1
    assert "the same in" in tooltip.inner_text()
    assert tooltip.bounding_box()["height"] <= 322

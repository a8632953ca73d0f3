"""The page as a learner uses it, clicks and keys included: editor, drafts, shortcuts,
hints, solution reveal, diff table, catalogue filters, progress export/import, theory
code blocks, and the Content-Security-Policy holding with nothing blocked."""

from __future__ import annotations

import contextlib
import json

import pytest

from browser import Page, guard_origin, serving, wait_until
from conftest import CASES, ROOT

pytestmark = pytest.mark.browser
SOLUTION = (ROOT / "problems" / "matmul_backward" / "solution.py").read_text()
WRONG = (CASES / "doubled" / "submission.py").read_text()


@pytest.fixture(scope="module")
def base(site):
    from builder.pages import csp
    with serving(site, isolate=True, csp=csp(None)) as url:
        yield url


@pytest.fixture
def ctx(browser, base):
    """A fresh context (empty storage) per test; records CSP violations and foreign requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list = []
    guard_origin(context, base, foreign)
    context.problems = []
    context.base = base
    yield context
    assert foreign == []
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


def type_code(page, text):
    """Replace the editor's text by typing, as a person would."""
    page.click(".cm-content")
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def test_editor_starts_with_starter_and_draft_survives_reload(ctx):
    p = problem(ctx)
    starter = (ROOT / "problems" / "matmul_backward" / "starter.py").read_text()
    assert p.page.evaluate("window.mlkata.getCode()") == starter
    type_code(p.page, "# my work\n" + SOLUTION)
    p.page.reload()
    wait_until(p.page, "window.mlkata !== undefined")
    assert p.page.evaluate("window.mlkata.getCode()") == "# my work\n" + SOLUTION


EDITOR_CHUNK = "**/assets/editor-*.js"
TEXTAREA = "#editor > textarea"


def set_draft(ctx, code, slug="matmul_backward"):
    """Save a draft as an earlier visit would have (from the catalogue, which saves nothing)."""
    page = open_page(ctx, "index.html")
    page.evaluate("""([slug, code]) => fetch(`p/${slug}/bundle.json`).then((r) => r.json())
        .then((b) => localStorage.setItem(`mlkata:v1:draft:${b.id}`, JSON.stringify(code)))""", [slug, code])
    page.close()


def test_editor_is_usable_before_codemirror_and_nothing_is_lost_in_the_swap(ctx):
    """The page's textarea holds the draft and takes typing, Tab and a reset while CodeMirror's
    chunk is held back; when it arrives, CodeMirror has the same text, caret and focus, and
    Undo brings back the code the reset replaced."""
    draft = "def matmul_backward(grad_out, A, B):\n    return A, B\n"
    set_draft(ctx, draft)
    held = []
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.route(EDITOR_CHUNK, lambda route: held.append(route))
    page.goto(ctx.base + "p/matmul_backward/index.html", wait_until="commit")
    page.wait_for_selector(TEXTAREA + ":not([readonly])")
    assert page.input_value(TEXTAREA) == draft
    wait_until(page, "window.mlkata !== undefined")
    assert held and page.locator(".cm-editor").count() == 0
    # Type at the end, indent with Tab; the typing is autosaved while still a textarea.
    page.click(TEXTAREA)
    page.keyboard.press("Control+End")
    page.keyboard.type("# early")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("x")
    typed = draft + "# early\n    x"
    assert page.input_value(TEXTAREA) == typed
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    wait_until(page, f"Object.values(localStorage).includes({json.dumps(json.dumps(typed))})")
    # Put the caret after "# early", then reset to the starter and undo it after the swap.
    page.keyboard.press("ArrowUp")
    page.keyboard.press("End")
    caret = page.evaluate(f"document.querySelector('{TEXTAREA}').selectionStart")
    assert typed[:caret].endswith("# early")
    page.click("#reset")
    starter = (ROOT / "problems" / "matmul_backward" / "starter.py").read_text()
    assert page.input_value(TEXTAREA) == starter
    page.click(TEXTAREA)
    page.evaluate(f"(c) => document.querySelector('{TEXTAREA}').setSelectionRange(c, c)", caret)
    held[0].continue_()
    assert page.evaluate("window.mlkata.editorUpgraded") is True
    assert page.locator(TEXTAREA).count() == 0 and page.locator(".cm-content").count() == 1
    assert page.evaluate("document.activeElement.closest('.cm-editor') !== null")
    page.keyboard.type("!")  # lands where the caret was in the textarea
    assert page.evaluate("window.mlkata.getCode()") == starter[:caret] + "!" + starter[caret:]
    page.keyboard.press("Control+z")
    assert page.evaluate("window.mlkata.getCode()") == starter
    page.click("#undo-reset")
    assert page.evaluate("window.mlkata.getCode()") == typed


def test_the_page_works_when_codemirror_never_loads(ctx):
    """The chunk fails: the textarea stays, a Submit grades what is in it, and the code is
    kept for the next visit, which has CodeMirror again."""
    page = ctx.new_page()
    page.route(EDITOR_CHUNK, lambda route: route.abort())
    page.goto(ctx.base + "p/matmul_backward/index.html")
    wait_until(page, "window.mlkata !== undefined")
    assert page.evaluate("window.mlkata.editorUpgraded") is False
    page.fill(TEXTAREA, SOLUTION)
    page.wait_for_selector("#submit:not([disabled])", timeout=60000)
    page.click("#submit")
    verdict = page.wait_for_selector(".verdict[data-status]", timeout=30000)
    assert verdict.get_attribute("data-status") == "pass"
    page.close()
    p = problem(ctx)
    assert p.page.evaluate("window.mlkata.editorUpgraded") is True
    assert p.page.evaluate("window.mlkata.getCode()") == SOLUTION


def test_the_draft_is_editable_before_any_script_file_has_loaded(ctx):
    """early.js, inline, fills the textarea as it is parsed: with page.js held back, the
    draft is already there and takes typing; page.js then saves what was typed."""
    draft = "# draft from an earlier visit\n"
    set_draft(ctx, draft)
    held = []
    page = ctx.new_page()
    page.route("**/assets/page-*.js", lambda route: held.append(route))
    page.goto(ctx.base + "p/matmul_backward/index.html", wait_until="commit")
    page.wait_for_selector(TEXTAREA + ":not([readonly])")
    assert held and page.evaluate("window.mlkata === undefined")
    assert page.input_value(TEXTAREA) == draft
    page.click(TEXTAREA)
    page.keyboard.press("Control+End")
    page.keyboard.type("x = 1")
    held[0].continue_()
    wait_until(page, "window.mlkata !== undefined")
    assert page.evaluate("window.mlkata.editorUpgraded") is True
    assert page.evaluate("window.mlkata.getCode()") == draft + "x = 1"
    wait_until(page, f"Object.values(localStorage).includes({json.dumps(json.dumps(draft + 'x = 1'))})")


def test_without_the_inline_script_page_js_loads_the_draft(browser, site):
    """A host whose CSP header lacks early.js's hash blocks it; page.js fills the
    textarea instead, and nothing typed or saved is lost."""
    from builder.pages import csp
    strict = " ".join(w for w in csp(None).split(" ") if not w.startswith("'sha256-"))
    with serving(site, isolate=True, csp=strict) as base:
        context = browser.new_context()
        context.base, context.problems = base, []
        set_draft(context, "# kept\n")
        page = context.new_page()
        blocked = []
        page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
        page.goto(base + "p/matmul_backward/index.html")
        wait_until(page, "window.mlkata !== undefined")
        assert blocked, "the inline script was expected to be blocked by this CSP"
        assert page.evaluate("window.mlkata.getCode()") == "# kept\n"
        context.close()


def test_click_submit_shows_results_and_marks_solved(ctx):
    p = problem(ctx)
    type_code(p.page, SOLUTION)
    p.page.wait_for_selector("#submit:not([disabled])", timeout=60000)
    p.page.click("#submit")
    verdict = p.page.wait_for_selector(".verdict[data-status]", timeout=30000)
    assert verdict.get_attribute("data-status") == "pass"
    assert p.page.locator("li details[data-status=pass]").count() == 5
    assert p.page.get_attribute("#results", "aria-live") == "polite"
    cat = open_page(ctx, "index.html")
    row = cat.locator("tr[data-slug=matmul_backward]")
    assert row.get_attribute("data-state") == "solved"
    assert "Solved" in row.locator(".state").inner_text()


def test_keyboard_shortcuts_run_tests_and_examples(ctx):
    p = problem(ctx)
    p.page.evaluate("(s) => window.mlkata.setCode(s)", SOLUTION)
    p.page.click(".cm-content")
    p.page.keyboard.press("Control+Shift+Enter")
    p.page.wait_for_selector(".verdict[data-status]", timeout=30000)
    assert "Examples" in p.page.inner_text(".verdict")
    p.page.keyboard.press("Control+Enter")
    wait_until(p.page, "document.querySelector('.verdict')?.textContent.includes('Hidden tests')", 30)
    # "?" outside the editor opens the shortcut list; Escape closes it.
    p.page.click("h1")
    p.page.keyboard.press("?")
    assert p.page.locator("#keys-dialog").is_visible()
    p.page.keyboard.press("Escape")
    assert not p.page.locator("#keys-dialog").is_visible()


def test_syntax_error_marks_the_line(ctx):
    p = problem(ctx)
    p.page.evaluate("(s) => window.mlkata.setCode(s)", (CASES / "syntax_error" / "submission.py").read_text())
    report = p.page.evaluate("window.mlkata.run('tests')")
    assert report["status"] == "error" and report["line"] == 3
    p.page.wait_for_selector(".cm-lintRange-error")
    line = p.page.evaluate("""() => { const r = document.querySelector('.cm-lintRange-error');
        return [...document.querySelectorAll('.cm-line')].findIndex(l => l.contains(r)) + 1; }""")
    assert line == 3


def test_wrong_array_gets_a_diff_table(ctx):
    p = problem(ctx)
    p.run(WRONG)
    table = p.page.locator("table.diff").first
    assert table.is_visible()
    assert table.locator("td.bad").count() > 0
    assert "dA" in table.locator("caption").inner_text()


def test_reset_to_starter_can_be_undone(ctx):
    p = problem(ctx)
    p.page.evaluate("(s) => window.mlkata.setCode(s)", "# mine\n" + SOLUTION)
    p.page.click("#reset")
    assert p.page.evaluate("window.mlkata.getCode()").startswith("import numpy")
    p.page.click("#undo-reset")
    assert p.page.evaluate("window.mlkata.getCode()") == "# mine\n" + SOLUTION


def test_hints_one_at_a_time(ctx):
    p = problem(ctx)
    hints = p.page.locator("#hints > li")
    n = hints.count()
    assert n == 3 and all(not hints.nth(i).is_visible() for i in range(n))
    for shown in range(1, n + 1):
        p.page.click("#next-hint")
        assert sum(hints.nth(i).is_visible() for i in range(n)) == shown
    assert not p.page.locator("#next-hint").is_visible()


def test_solution_reveal_needs_confirmation_then_shows_diff(ctx):
    p = problem(ctx)
    p.page.evaluate("(s) => window.mlkata.setCode(s)", WRONG)
    p.page.once("dialog", lambda d: d.dismiss())
    p.page.click("#reveal")
    assert not p.page.locator("#solution").is_visible()
    p.page.once("dialog", lambda d: d.accept())
    p.page.click("#reveal")
    p.page.wait_for_selector("#solution pre.reference")
    assert "grad_out @ B.T" in p.page.inner_text("#solution pre.reference")
    assert p.page.locator(".diff-lines .add").count() > 0 and p.page.locator(".diff-lines .del").count() > 0


def test_solution_opens_without_confirmation_after_a_pass(ctx):
    p = problem(ctx)
    assert p.run(SOLUTION)["status"] == "pass"
    dialogs = []
    p.page.on("dialog", lambda d: (dialogs.append(d), d.dismiss()))
    p.page.click("#reveal")
    p.page.wait_for_selector("#solution pre.reference")
    assert dialogs == []


def test_ai_prompt_contains_statement_and_code(ctx):
    ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    p = problem(ctx)
    p.page.evaluate("(s) => window.mlkata.setCode(s)", WRONG)
    p.page.click("#ai-prompt")
    wait_until(p.page, "document.getElementById('ai-text').value.length > 0")
    text = p.page.input_value("#ai-text")
    assert "Matmul backward" in text and "## Background" in text and "2 * (grad_out @ B.T)" in text
    assert "do not write the solution" in text
    assert p.page.evaluate("navigator.clipboard.readText()") == text


def test_catalogue_filters_and_next_up(ctx):
    page = open_page(ctx, "index.html")
    total = page.locator("tr[data-problem-id]").count()
    assert total >= 13
    visible = lambda: page.locator("tr[data-problem-id]:visible").count()
    assert "Suggested next" in page.inner_text("#next-up")
    page.fill("#q", "softmax")
    titles = page.locator("tr[data-problem-id]:visible td:nth-child(2) a").all_inner_texts()
    assert titles and all("softmax" in t.lower() for t in titles)
    page.fill("#q", "")
    page.select_option("#difficulty", "hard")
    assert 0 < visible() < total
    assert all(d == "hard" for d in page.locator("tr[data-problem-id]:visible").evaluate_all("rs => rs.map(r => r.dataset.difficulty)"))
    page.select_option("#difficulty", "")
    page.select_option("#tag", "attention")
    assert all("attention" in t.split() for t in page.locator("tr[data-problem-id]:visible").evaluate_all("rs => rs.map(r => r.dataset.tags)"))
    page.select_option("#tag", "")
    page.fill("#q", "no such problem")
    assert visible() == 0 and page.locator("#empty").is_visible()


def test_export_import_progress(ctx, tmp_path):
    p = problem(ctx)
    assert p.run(SOLUTION)["status"] == "pass"
    cat = open_page(ctx, "index.html")
    with cat.expect_download() as dl:
        cat.click("#export")
    data = json.loads(open(dl.value.path()).read())
    assert data["format"] == "mlkata-progress" and data["data"]["progress:mk-0001"]["status"] == "solved"
    assert data["data"]["draft:mk-0001"] == SOLUTION
    # A bad file changes nothing and says why.
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    before = cat.evaluate("JSON.stringify(localStorage)")
    cat.set_input_files("#import", str(bad))
    wait_until(cat, "document.getElementById('transfer-status').textContent.length > 0")
    assert "not an mlkata progress file" in cat.inner_text("#transfer-status")
    assert cat.evaluate("JSON.stringify(localStorage)") == before
    # Into a fresh browser profile: progress and draft come back.
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data))
    fresh = ctx.browser.new_context()
    guard_origin(fresh, ctx.base, [])
    page = fresh.new_page()
    page.goto(ctx.base + "index.html")
    page.set_input_files("#import", str(good))
    wait_until(page, "document.getElementById('transfer-status').textContent.startsWith('Imported')")
    assert page.locator("tr[data-slug=matmul_backward]").get_attribute("data-state") == "solved"
    fresh.close()


def test_full_storage_is_reported(ctx):
    p = problem(ctx)
    p.page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException("quota", "QuotaExceededError"); }; }""")
    p.page.evaluate("(s) => window.mlkata.setCode(s)", "# changed\n" + SOLUTION)
    p.page.wait_for_selector("#notice:not([hidden])", timeout=5000)
    assert "storage is full" in p.page.inner_text("#notice")
    assert p.page.evaluate("window.mlkata.getCode()").startswith("# changed")


def test_theory_code_blocks_run(ctx):
    page = open_page(ctx, "t/matmul/index.html")
    assert page.locator("math").count() > 5
    buttons = page.locator(".runbar button")
    assert buttons.count() >= 5
    wait_until(page, "document.getElementById('runtime-status').textContent.startsWith('Python ready')", 60)
    buttons.first.click()
    out = page.locator(".snippet-output").first
    wait_until(page, "document.querySelector('.snippet-output').dataset.status !== 'running'", 30)
    assert out.get_attribute("data-status") == "ok"
    assert out.inner_text().strip()


# Records when the page registers its service worker and when its workers said "ready".
REGISTER_SPY = """(() => {
  const sw = navigator.serviceWorker;
  if (!sw || typeof document === "undefined") return;
  const spy = self.__spy = { registered: null, workersReady: [] };
  const plain = sw.register.bind(sw);
  sw.register = (...args) => { spy.registered ??= performance.now(); return plain(...args); };
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ({ data }) => { if (data && data.type === "ready") spy.workersReady.push(performance.now()); });
    }
  };
})();"""


def test_first_visit_precaches_the_site_only_after_python_has_booted(browser, base, site):
    """On a page the host isolates, the service worker (whose install downloads the whole
    site) is registered once the runtime is ready, not while it boots; where the page needs
    the worker for isolation (a plain server), it is registered at once."""
    for url, isolated in ((base, True), (None, False)):
        with (serving(site, isolate=False) if url is None else _as_is(url)) as served:
            context = browser.new_context()
            context.add_init_script(REGISTER_SPY)
            try:
                page = context.new_page()
                page.goto(served + "p/matmul_backward/index.html")
                if isolated:
                    wait_until(page, "self.__spy && self.__spy.registered !== null", 60)
                    spy = page.evaluate("self.__spy")
                    # The checker and the first learner had booted (the spare boots after).
                    assert len(spy["workersReady"]) >= 2 and spy["registered"] >= sorted(spy["workersReady"])[1], spy
                else:  # the first document registers and reloads into isolation before any boot
                    wait_until(page, "crossOriginIsolated && window.mlkata !== undefined", 60)
                    page.evaluate("window.mlkata.ready")
                    assert page.evaluate("navigator.serviceWorker.controller !== null")
            finally:
                context.close()


@contextlib.contextmanager
def _as_is(url):
    yield url


def test_works_offline_after_one_visit(ctx):
    p = problem(ctx)
    # The service worker has precached the site and the runtime.
    wait_until(p.page, "navigator.serviceWorker.controller !== null", 60)
    wait_until(p.page, """(async () => { const keys = await caches.keys();
        if (!keys.length) return false;
        const c = await caches.open(keys[0]);
        return !!(await c.match(new URL('../../pyodide/pyodide.asm.wasm', location.href))); })()""", 60)
    ctx.set_offline(True)
    try:
        p.page.reload()
        wait_until(p.page, "window.mlkata !== undefined")
        p.page.evaluate("window.mlkata.ready")
        assert p.run(SOLUTION)["status"] == "pass"
        cat = open_page(ctx, "index.html")
        assert cat.locator("tr[data-problem-id]").count() >= 13
    finally:
        ctx.set_offline(False)

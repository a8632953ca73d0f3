"""axe-core (WCAG 2 A and AA rules, colour contrast included) finds nothing on the
catalogue, a problem page with results shown, and a theory page, in light and dark, at
desktop and phone widths."""

from __future__ import annotations

import pytest

from browser import Page, serving
from conftest import CASES, ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def base(site):
    with serving(site, isolate=True) as url:
        yield url


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})")
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:4]}" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_pages_pass_axe(browser, base, scheme, width):
    # bypass_csp only so the test can inject axe itself; the site's own CSP is tested elsewhere.
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(base + "index.html")
        assert violations(page) == []
        p = Page(ctx.new_page(), base + "p/matmul_backward/index.html")
        p.run((CASES / "doubled" / "submission.py").read_text())
        p.page.click("#next-hint")
        assert violations(p.page) == []
        page.goto(base + "t/matmul/index.html")
        assert violations(page) == []
    finally:
        ctx.close()

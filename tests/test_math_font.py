"""Math set like a textbook on any machine: the site ships its own OpenType MATH font, so a
display sum is drawn large and parentheses stretch around what they enclose even where no
math font is installed (this machine has only DejaVu); long display formulas scroll inside
the column instead of widening the page; window.mlkata.run refuses a mode it does not know.

The figures (Chromium, 1280 px, 2026-11-30), with the font rule removed from style.css: the
display ∑ on the theory page is 16 px tall against 11 px for C (1.45×), cross_entropy's
parentheses 16 px against 28 px for the fraction 1/B beside them (both tests fail); with the
font: 25 px against 12 px (2.08×), and 51 px against 34.5 px."""

from __future__ import annotations

import re

import pytest

from browser import guard_origin, serving, wait_until

pytestmark = pytest.mark.browser
FONT_FAMILY = "STIX Two Math"

# The box of an element, and of the first display formula holding what `pick` finds.
BOX = "(e) => { const b = e.getBoundingClientRect(); return {left: b.left, right: b.right, height: b.height}; }"


@pytest.fixture(scope="module")
def base(site):
    from builder.pages import csp
    with serving(site, isolate=True, csp=csp(None)) as url:
        yield url


@pytest.fixture
def ctx(browser, base):
    """A context with no request leaving the site and no CSP violation (the font is ours)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list = []
    guard_origin(context, base, foreign)
    context.problems = []
    context.base = base
    yield context
    context.close()
    assert foreign == []
    assert context.problems == [], context.problems


def open_page(ctx, path, width=None):
    """Open ``path`` and wait until the fonts it uses have loaded (or failed)."""
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and ctx.problems.append(m.text))
    if width:
        page.set_viewport_size({"width": width, "height": 800})
    page.goto(ctx.base + path)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def assert_font_used(page):
    family = page.evaluate("getComputedStyle(document.querySelector('math')).fontFamily")
    assert family.startswith(f'"{FONT_FAMILY}"'), family
    loaded = page.evaluate("[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)")
    assert FONT_FAMILY in [f.strip('"') for f in loaded], f"the math font did not load: {loaded}"


def test_display_sum_is_large_beside_a_capital(ctx):
    """Theory page, C_ij = ∑_k A_ik B_kj: the display ∑ is at least 1.6× as tall as C."""
    page = open_page(ctx, "t/matmul/index.html")
    sizes = page.evaluate(f"""() => {{
      const box = {BOX};
      for (const m of document.querySelectorAll('math[display=block]')) {{
        const sum = [...m.querySelectorAll('mo')].find((o) => o.textContent.trim() === '\\u2211');
        const cap = [...m.querySelectorAll('mi')].find((i) => /^[A-Z]$/.test(i.textContent.trim()));
        if (sum && cap) return {{sum: box(sum).height, cap: box(cap).height, letter: cap.textContent}};
      }}
      return null;
    }}""")
    assert sizes, "no display formula with a ∑ and a capital letter on the theory page"
    ratio = sizes["sum"] / sizes["cap"]
    assert ratio >= 1.6, (f"display ∑ is {sizes['sum']} px tall against {sizes['cap']} px for "
                          f"{sizes['letter']} ({ratio:.2f}×): drawn at text size, no math font")
    assert_font_used(page)


def test_parentheses_stretch_past_the_fraction_beside_them(ctx):
    """cross_entropy, L = (1/B) ∑_b ( log ∑_c e^Z − Z ): the parentheses around a display sum
    with its limit below are taller than the display fraction 1/B on the same line."""
    page = open_page(ctx, "p/cross_entropy/index.html")
    sizes = page.evaluate(f"""() => {{
      const box = {BOX};
      for (const m of document.querySelectorAll('math[display=block]')) {{
        const mos = [...m.querySelectorAll('mo')];
        const open = mos.find((o) => o.textContent.trim() === '(' && o.getAttribute('stretchy') !== 'false');
        const close = mos.find((o) => o.textContent.trim() === ')' && o.getAttribute('stretchy') !== 'false');
        const frac = m.querySelector('mfrac');
        if (open && close && frac && m.querySelector('munder'))
          return {{open: box(open).height, close: box(close).height, frac: box(frac).height}};
      }}
      return null;
    }}""")
    assert sizes, "no display formula with a fraction, a sum with a limit, and stretchy parentheses"
    assert sizes["open"] > sizes["frac"] and sizes["close"] > sizes["frac"], (
        f"parentheses {sizes['open']} / {sizes['close']} px tall against {sizes['frac']} px for the "
        "fraction: they did not stretch around the sum they enclose")
    assert_font_used(page)


def test_long_display_formula_scrolls_inside_the_column_on_a_phone(ctx):
    """At 390 px, log_softmax's widest display formula is wider than the column: it scrolls in
    its own box (start reachable, end reachable, arrow keys work) and the page does not widen."""
    page = open_page(ctx, "p/log_softmax/index.html", width=390)
    index = page.evaluate("""() => { const d = [...document.querySelectorAll('div.math.block')];
      const w = d.map((b) => b.scrollWidth - b.clientWidth); return w.indexOf(Math.max(...w)); }""")
    block = page.query_selector_all("div.math.block")[index]
    overflow = block.evaluate("(b) => b.scrollWidth - b.clientWidth")
    assert overflow > 20, f"precondition: the widest formula overflows its column by only {overflow} px"
    width = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide in a {width[1]} px window"
    ink = f"""(b) => {{ const box = {BOX}; const parts = [...b.querySelectorAll('math *')].map(box);
      return {{left: Math.min(...parts.map((p) => p.left)), right: Math.max(...parts.map((p) => p.right)),
               box: box(b)}}; }}"""
    start = block.evaluate(ink)
    assert start["left"] >= start["box"]["left"] - 0.5, f"the formula's start is cut off: {start}"
    assert block.evaluate("(b) => b.tabIndex") == 0, "the scrolling formula is not focusable"
    block.focus()
    page.keyboard.press("ArrowRight")
    wait_until(page, f"document.querySelectorAll('div.math.block')[{index}].scrollLeft > 0", timeout=5)
    block.evaluate("(b) => { b.scrollLeft = b.scrollWidth; }")
    end = block.evaluate(ink)
    assert end["right"] <= end["box"]["right"] + 0.5, f"the formula's end is out of reach: {end}"
    assert_font_used(page)


def test_unknown_run_mode_is_refused_by_name(ctx):
    """window.mlkata.run('hidden') rejects with an Error naming the valid modes; no run starts."""
    page = open_page(ctx, "p/matmul_backward/index.html")
    wait_until(page, "window.mlkata !== undefined")
    page.evaluate("window.mlkata.ready")  # the buttons are enabled: a started run would disable them
    results = "document.querySelector('#results').textContent"
    before = page.evaluate(results)
    message = page.evaluate("window.mlkata.run('hidden').then(() => 'resolved', (e) => e instanceof Error && e.message)")
    assert message == 'unknown run mode "hidden": valid modes are "tests" and "examples"'
    assert page.evaluate("document.querySelector('#submit').disabled") is False
    assert page.evaluate(results) == before


def test_math_is_set_in_the_font_offline(ctx):
    """After one visit the service worker has the font: offline, a page not visited yet
    (cross_entropy) still sets its math in it."""
    page = open_page(ctx, "t/matmul/index.html")
    wait_until(page, "navigator.serviceWorker.controller !== null", 60)
    wait_until(page, """(async () => { const keys = await caches.keys();
        if (!keys.length) return false;
        const c = await caches.open(keys[0]);
        const font = document.querySelector('link[rel=preload][as=font]');
        return !!(await c.match(font.href)); })()""", 60)
    ctx.set_offline(True)
    try:
        offline = open_page(ctx, "p/cross_entropy/index.html")
        assert_font_used(offline)
        sizes = offline.evaluate("""() => { const m = document.querySelector('math[display=block]');
          const h = (e) => e.getBoundingClientRect().height;
          return [h([...m.querySelectorAll('mo')].find((o) => o.textContent.trim() === '\\u2211')),
                  h([...m.querySelectorAll('mi')].find((i) => /^[A-Z]$/.test(i.textContent.trim())))]; }""")
        assert sizes[0] / sizes[1] >= 1.6, sizes
    finally:
        ctx.set_offline(False)


def test_font_is_a_fingerprinted_precached_asset(site):
    """The font is copied into assets/ under a content hash (so served immutable), named by
    style.css, preloaded by pages with math (not by the catalogue), and precached for offline."""
    fonts = sorted((site / "assets").glob("*.woff2"))
    assert len(fonts) == 1 and re.fullmatch(r"stix-two-math-.*-[A-Z0-9]{8}\.woff2", fonts[0].name), fonts
    font = fonts[0].name
    assert fonts[0].read_bytes()[:4] == b"wOF2"
    css = next((site / "assets").glob("style-*.css")).read_text()
    assert f'url("./{font}")' in css
    preload = f'<link rel="preload" href="../../assets/{font}" as="font" type="font/woff2" crossorigin>'
    for page in ("t/matmul/index.html", "p/cross_entropy/index.html"):
        assert preload in (site / page).read_text(), page
    assert "preload" not in (site / "index.html").read_text()
    assert f'"assets/{font}"' in (site / "sw.js").read_text()

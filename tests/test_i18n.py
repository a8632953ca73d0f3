"""English and Spanish (builder/i18n.py, grader/translations.py, site/i18n/*.json): every page
has a Spanish twin under /es/ and links to it, the two message catalogues agree, translations
are used where they exist and dated by the sha256 of their English files, missing or stale
ones are warnings; in Chromium, the switch and back, the remembered choice, shared drafts,
and a Spanish launch-problem page grading the reference as passed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROBLEMS_DIR, ROOT, build

from grader.check import translation_warnings
from grader.translations import load_translations, sha256, stamp

LAUNCH = ("matmul_backward", "softmax_backward", "cross_entropy")
I18N = ROOT / "site" / "i18n"


def english_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("index.html") if not str(p.relative_to(site)).startswith("es/"))


# --- the message catalogues ------------------------------------------------------------------

def keys(d: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in d.items():
        out |= keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k}
    return out


def test_both_catalogues_have_the_same_keys_and_placeholders():
    en, es = (json.loads((I18N / f"{l}.json").read_text()) for l in ("en", "es"))
    assert keys(en) == keys(es)
    flat = lambda d, k: __import__("functools").reduce(lambda n, p: n[p], k.split("."), d)
    for k in keys(en):
        assert set(re.findall(r"\{\w+\}", flat(en, k))) == set(re.findall(r"\{\w+\}", flat(es, k))), k


def test_every_key_the_templates_and_scripts_use_exists():
    en = keys(json.loads((I18N / "en.json").read_text()))
    used_html = {m for f in (ROOT / "site" / "templates").glob("*.html") for m in re.findall(r"""\bt\(["']([\w.]+)["']""", f.read_text())}
    used_js = {"js." + m for f in (ROOT / "site" / "js").glob("*.js") for m in re.findall(r"""\b(?:t|tr)\("([\w.]+)"(?=[,)])""", f.read_text())}
    assert used_html and used_js
    dynamic = {k for k in used_html if k.endswith(".")}   # t("difficulty." + d)
    assert (used_html - dynamic) <= en, (used_html - dynamic) - en
    assert used_js <= en, used_js - en


# --- the built site ----------------------------------------------------------------------------

def test_every_page_has_a_spanish_twin_and_links_to_it(site):
    pages = english_pages(site)
    assert {"index.html", "t/matmul/index.html", "l/matmul-product/index.html", "p/cross_entropy/index.html"} <= set(pages)
    for page in pages:
        en, es = (site / page).read_text(), (site / "es" / page).read_text()
        assert en.startswith('<!doctype html>\n<html lang="en">') and es.startswith('<!doctype html>\n<html lang="es">')
        depth = page.count("/")
        assert f'href="{"../" * depth}es/{page}" hreflang="es" lang="es" data-switch-lang="es"' in en, page
        assert f'href="{"../" * (depth + 1)}{page}" hreflang="en" lang="en" data-switch-lang="en"' in es, page


def test_spanish_pages_link_within_spanish_and_load_shared_assets(site):
    html = (site / "es" / "p" / "matmul_backward" / "index.html").read_text()
    config = json.loads(re.search(r'id="mlkata-config">(.*?)</script>', html).group(1))
    page_dir = site / "es" / "p" / "matmul_backward"
    for key in ("bundleURL", "solutionURL", "statementURL", "checkerURL", "learnerURL"):
        assert (page_dir / config[key]).resolve().is_file(), key
    assert "## Contexto" in (page_dir / config["statementURL"]).read_text()   # the AI prompt quotes the Spanish text
    main = html[html.index("<main"):html.index("</main>")]
    links = re.findall(r'href="([^"#]+)', main)
    assert len(links) > 5
    for href in links:   # every link in the page's content stays in Spanish
        assert (page_dir / href).resolve().is_relative_to((site / "es").resolve()), href


def test_translated_pages_are_in_spanish(site):
    slugs = sorted(p.parent.name for p in PROBLEMS_DIR.glob("*/problem.yaml"))
    assert len(slugs) >= 55
    for slug in slugs:   # the whole course is translated
        html = (site / "es" / "p" / slug / "index.html").read_text()
        assert 'class="untranslated"' not in html and "<h2>Enunciado</h2>" in html, slug
        assert "Las pruebas ocultas y sus mensajes están en inglés." in html
    assert "<h1 id=\"title\">Matmul hacia atrás</h1>" in (site / "es" / "p" / "matmul_backward" / "index.html").read_text()
    assert "Ver una pista (1 de 3)" in (site / "es" / "p" / "cross_entropy" / "index.html").read_text()
    assert "así que grad_out − 0.2" in (site / "es" / "p" / "softmax_backward" / "index.html").read_text()
    theory = (site / "es" / "t" / "matmul" / "index.html").read_text()
    assert "El producto de matrices y su coste" in theory and "untranslated" not in theory
    lesson = (site / "es" / "l" / "matmul-product" / "index.html").read_text()
    assert "Un producto escalar por neurona" in lesson and "Abre esta lección en tu IA favorita" in lesson
    for track in sorted(p.parent.name for p in (PROBLEMS_DIR / "_tracks").glob("*/track.yaml")):
        assert 'class="untranslated"' not in (site / "es" / "t" / track / "index.html").read_text(), track


# --- translations: where they are, and when they are out of date ---------------------------

@pytest.fixture
def copy(tmp_path):
    dst = tmp_path / "problems"
    shutil.copytree(PROBLEMS_DIR, dst)
    return dst


def test_the_committed_translations_are_complete_and_up_to_date():
    found, warnings, errors = load_translations(PROBLEMS_DIR, "es")
    assert errors == [] and warnings == []
    for slug in LAUNCH:
        assert ("problem", slug) in found and found[("problem", slug)].stale == []
    assert found[("track", "matmul")].stale == [] and found[("lesson", "matmul-product")].stale == []


def test_missing_and_out_of_date_translations_are_warnings_not_errors(copy, tmp_path):
    shutil.rmtree(copy / "cross_entropy" / "es")
    statement = copy / "matmul_backward" / "statement.md"
    statement.write_text(statement.read_text() + "\nOne more sentence.\n")
    meta = copy / "matmul_backward" / "es" / "problem.yaml"
    warnings, errors = translation_warnings(copy)
    assert errors == []
    assert f"{copy / 'cross_entropy' / 'statement.md'}:1: warning: no Spanish translation ({copy / 'cross_entropy' / 'es' / 'problem.yaml'} is missing)" in warnings
    line = next(i for i, l in enumerate(meta.read_text().splitlines(), 1) if l.strip().startswith("statement.md:"))
    [stale] = [w for w in warnings if "out of date" in w]
    assert stale.startswith(f"{meta}:{line}: warning: out of date: {statement} changed")
    assert stale.endswith(f"set translated_from.statement.md to {sha256(statement)}")
    # The build still succeeds, and says the same on stderr.
    out = tmp_path / "out"
    proc = build(copy, out)
    assert proc.returncode == 0, proc.stderr
    assert stale in proc.stderr and "no Spanish translation" in proc.stderr
    untranslated = (out / "es" / "p" / "cross_entropy" / "index.html").read_text()
    assert 'class="untranslated"' in untranslated and "no está traducida al español" in untranslated
    assert '<div class="statement-body" lang="en">' in untranslated
    assert "Todos los problemas" in untranslated   # the interface is still Spanish
    assert 'class="untranslated"' not in (out / "p" / "cross_entropy" / "index.html").read_text()
    # Once the translator has caught up, stamping clears the warning.
    assert stamp(meta) == ["problem.yaml", "statement.md"]
    assert not [w for w in translation_warnings(copy)[0] if "out of date" in w]


def test_grader_check_lists_translation_warnings(copy):
    """``python -m grader check`` prints them; here through its function, without running problems."""
    shutil.rmtree(copy / "_tracks" / "matmul" / "lessons" / "es")
    warnings, _ = translation_warnings(copy)
    assert any("matmul-product.md:1: warning: no Spanish translation" in w for w in warnings)


def test_a_malformed_translation_is_an_error_at_its_line(copy):
    meta = copy / "softmax_backward" / "es" / "problem.yaml"
    meta.write_text(meta.read_text().replace("title: Softmax hacia atrás", "titel: Softmax hacia atrás"))
    _, errors = translation_warnings(copy)
    line = next(i for i, l in enumerate(meta.read_text().splitlines(), 1) if l.startswith("titel:"))
    assert f"{meta}:{line}: titel: unknown key" in errors
    lesson = copy / "_tracks" / "matmul" / "lessons" / "es" / "matmul-product.md"
    lesson.write_text(lesson.read_text().replace("prompts:\n", "prompts: 3\n", 1))
    _, errors = translation_warnings(copy)
    line = next(i for i, l in enumerate(lesson.read_text().splitlines(), 1) if l.startswith("prompts:"))
    assert any(e.startswith(f"{lesson}:") for e in errors)


# --- in Chromium ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base(site):
    from browser import serving
    from builder.pages import csp
    with serving(site, isolate=True, csp=csp(None)) as url:
        yield url


@pytest.fixture
def ctx(browser, base):
    from browser import guard_origin
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list = []
    guard_origin(context, base, foreign)
    context.problems = []
    yield context
    assert foreign == []
    assert context.problems == [], context.problems
    context.close()


def open_page(ctx, url):
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and ctx.problems.append(m.text))
    page.goto(url)
    return page


@pytest.mark.browser
def test_switch_language_and_back_and_the_catalogue_remembers(ctx, base):
    page = open_page(ctx, base + "p/softmax_backward/index.html")
    page.click('a[data-switch-lang="es"]')
    page.wait_for_url("**/es/p/softmax_backward/index.html")
    assert page.get_attribute("html", "lang") == "es"
    assert page.inner_text("h1") == "Softmax hacia atrás"
    assert page.get_attribute('a[data-switch-lang="es"]', "aria-current") == "page"
    page.goto(base + "index.html")                   # the front door follows the choice
    page.wait_for_url("**/es/index.html")
    assert page.inner_text("h1") == "Matemáticas del aprendizaje automático, función a función"
    page.click('a[data-switch-lang="en"]')
    page.wait_for_url(re.compile(r".*/(?<!es/)index\.html$"))
    assert page.get_attribute("html", "lang") == "en"
    page.goto(base + "index.html")
    assert page.get_attribute("html", "lang") == "en"  # stays: English was chosen last
    # The choice is not part of the exported progress.
    stored = page.evaluate("Object.keys(localStorage)")
    assert [k for k in stored if "lang" in k] == ["mlkata:lang"]   # outside "mlkata:v1:", which export carries


@pytest.mark.browser
def test_spanish_launch_problem_grades_the_reference_and_shares_the_draft(ctx, base):
    from browser import Page, wait_until
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    p = Page(page, base + "es/p/cross_entropy/index.html")
    assert page.inner_text("#runtime-status") == "Python listo"
    solution = page.evaluate("fetch('../../../p/cross_entropy/solution.py').then((r) => r.text())")
    assert solution == (PROBLEMS_DIR / "cross_entropy" / "solution.py").read_text()
    report = p.run(solution)
    assert report["status"] == "pass", report
    assert "Superado" in page.inner_text("#results .verdict")
    # Drafts and progress are keyed by the problem id: the English page has them too.
    page.evaluate("window.mlkata.setCode('# mi borrador\\n' + window.mlkata.getCode())")
    page.goto(base + "p/cross_entropy/index.html")
    wait_until(page, "window.mlkata !== undefined")
    assert page.evaluate("window.mlkata.getCode()").startswith("# mi borrador\n")
    page.goto(base + "index.html")
    wait_until(page, "document.querySelector('[data-slug=\"cross_entropy\"]').dataset.state === 'solved'")


@pytest.mark.browser
def test_an_untranslated_page_passes_axe_light_and_dark(browser, copy, tmp_path):
    """The notice on a Spanish page whose problem has no translation yet (none in the course
    now: this builds a copy without one) keeps WCAG contrast in both schemes, phone width."""
    from browser import serving
    from test_accessibility import violations
    shutil.rmtree(copy / "cross_entropy" / "es")
    out = tmp_path / "out"
    proc = build(copy, out)
    assert proc.returncode == 0, proc.stderr
    with serving(out, isolate=True) as url:
        for scheme in ("light", "dark"):
            ctx = browser.new_context(viewport={"width": 390, "height": 900}, color_scheme=scheme, bypass_csp=True)
            try:
                page = ctx.new_page()
                page.goto(url + "es/p/cross_entropy/index.html")
                assert page.locator(".untranslated").count() == 1
                assert violations(page) == [], scheme
            finally:
                ctx.close()

"""Lessons (builder/lessons.py, builder/lessonpage.py): the format's errors name file:line,
the build writes /l/<slug>/ in both languages and lists lessons before their problems, every
demo prints its expected output; in Chromium, the demos run and the prompts are copied."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROBLEMS_DIR, ROOT, build

from builder.lessons import load_lessons, track_items
from builder.tracks import load_tracks
from grader.problem import load_all

LESSONS = sorted((PROBLEMS_DIR / "_tracks").glob("*/lessons/*.md"))
MATMUL_LESSON = PROBLEMS_DIR / "_tracks" / "matmul" / "lessons" / "matmul-product.md"


def load(problems_dir: Path):
    problems, errors = load_all(problems_dir)
    tracks, errs = load_tracks(problems_dir, problems)
    lessons, lesson_errors = load_lessons(tracks)
    return tracks, lessons, errors + errs + lesson_errors


@pytest.fixture(scope="module")
def loaded():
    tracks, lessons, errors = load(PROBLEMS_DIR)
    assert errors == []
    return tracks, lessons


def test_at_least_five_lessons_and_the_matmul_lesson_first(loaded):
    tracks, lessons = loaded
    assert len(lessons) >= 5
    matmul = next(t for t in tracks if t.slug == "matmul")
    kinds = [(k, x.slug) for k, x in track_items(matmul)]
    assert kinds[0] == ("lesson", "matmul-product")
    assert kinds[1] == ("problem", "matmul")


def test_each_lesson_comes_right_before_the_problem_it_names(loaded):
    tracks, _ = loaded
    for t in tracks:
        items = track_items(t)
        for i, (kind, x) in enumerate(items):
            if kind == "lesson" and x.spec.before:
                nxt = next(y for k, y in items[i + 1:] if k == "problem")
                assert nxt.slug == x.spec.before


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_demos_print_the_expected_output(loaded, path):
    """Every language that can run here (Python with NumPy, JavaScript on Node, C with cc)."""
    lesson = next(l for l in loaded[1] if l.path == path)
    expected = lesson.spec.expected.strip()
    py = subprocess.run([sys.executable, "-c", lesson.demos["python"]], capture_output=True, text=True, timeout=60)
    assert py.returncode == 0, py.stderr
    assert py.stdout.strip() == expected
    if "javascript" in lesson.demos and shutil.which("node"):
        js = subprocess.run(["node", "-e", lesson.demos["javascript"]], capture_output=True, text=True, timeout=60)
        assert js.stdout.strip() == expected, js.stderr
    if "c" in lesson.demos and shutil.which("cc"):
        src = path.parent / lesson.spec.demo["c"]
        exe = Path(subprocess.run(["mktemp", "-u"], capture_output=True, text=True).stdout.strip())
        assert subprocess.run(["cc", str(src), "-o", str(exe)]).returncode == 0
        try:
            assert subprocess.run([str(exe)], capture_output=True, text=True).stdout.strip() == expected
        finally:
            exe.unlink(missing_ok=True)


def test_the_matmul_demo_prints_the_product():
    assert "[[58, 64], [139, 154]]" in MATMUL_LESSON.read_text()


# --- author errors -------------------------------------------------------------------------

@pytest.fixture
def copy(tmp_path):
    """The problems and tracks, copied so a test can break them."""
    dst = tmp_path / "problems"
    shutil.copytree(PROBLEMS_DIR, dst)
    return dst


def errors_for(problems_dir: Path) -> list[str]:
    return load(problems_dir)[2]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_unknown_key_and_bad_before_name_file_and_line(copy):
    f = copy / "_tracks" / "matmul" / "lessons" / "matmul-product.md"
    text = f.read_text().replace("before: matmul\n", "before: no_such_problem\ncolour: blue\n")
    f.write_text(text)
    errors = errors_for(copy)
    assert f"{f}:{line_of(f, 'colour:')}: colour: unknown key" in errors
    f.write_text(text.replace("colour: blue\n", ""))
    assert errors_for(copy) == [f"{f}:{line_of(f, 'before:')}: before: 'no_such_problem' is not a problem of track 'matmul'"]


def test_missing_demo_file_and_too_few_prompts_name_file_and_line(copy):
    f = copy / "_tracks" / "matmul" / "lessons" / "matmul-product.md"
    f.write_text(f.read_text().replace("javascript: matmul-product/main.js", "javascript: matmul-product/nope.js"))
    errors = errors_for(copy)
    assert errors == [f"{f}:{line_of(f, 'nope.js')}: demo.javascript: no file {f.parent / 'matmul-product/nope.js'}"]
    text = f.read_text().replace("javascript: matmul-product/nope.js", "javascript: matmul-product/main.js")
    first_prompt = re.search(r"prompts:\n(  - .*\n)", text).group(1)
    f.write_text(text.replace(first_prompt, ""))
    errors = errors_for(copy)
    assert len(errors) == 1 and errors[0].startswith(f"{f}:{line_of(f, 'prompts:')}: prompts: ")


def test_yaml_syntax_error_and_missing_front_matter(copy):
    f = copy / "_tracks" / "matmul" / "lessons" / "matmul-product.md"
    lines = f.read_text().splitlines(keepends=True)
    lines[2] = "summary: [unclosed\n"
    f.write_text("".join(lines))
    [err] = errors_for(copy)
    assert re.match(rf"{re.escape(str(f))}:\d+: YAML syntax error", err)
    f.write_text("# just Markdown\n")
    assert errors_for(copy) == [f"{f}:1: a lesson starts with YAML front matter between two --- lines"]


def test_bad_math_in_a_lesson_fails_the_build_at_its_line(copy, tmp_path):
    f = copy / "_tracks" / "matmul" / "lessons" / "matmul-product.md"
    f.write_text(f.read_text() + "\nSee $\\notacommand{x}$ here.\n")
    proc = build(copy, tmp_path / "out")
    assert proc.returncode == 1
    n = len(f.read_text().splitlines())
    assert f"{f}:{n}: math:" in proc.stderr


# --- the built site ---------------------------------------------------------------------------

def test_build_writes_every_lesson_in_both_languages(site, loaded):
    for lesson in loaded[1]:
        for prefix in ("", "es/"):
            html = (site / prefix / "l" / lesson.slug / "index.html").read_text()
            assert 'id="prompt-open"' in html and html.count('data-copy="prompt-') == 4  # open + three steps
            assert '<textarea class="demo-code" id="demo-python"' in html
        if "javascript" in lesson.demos:
            assert (site / "l" / lesson.slug / "demo-js.js").is_file()


def test_catalogue_and_theory_list_lessons_before_their_problems(site):
    for page in ("index.html", "t/matmul/index.html"):
        html = (site / page).read_text()
        html = html[html.index("Lessons and problems in this track"):] if page.startswith("t/") else html
        assert html.index("l/matmul-product/index.html") < html.index("p/matmul/index.html") < html.index("l/outer-products/index.html")


def test_open_in_ai_links_carry_the_whole_prompt(site):
    from urllib.parse import unquote
    html = (site / "l" / "matmul-product" / "index.html").read_text()
    link = re.search(r'href="(https://claude\.ai/new\?q=[^"]+)"', html).group(1)
    prompt = unquote(link.split("?q=", 1)[1].replace("&amp;", "&"))
    assert "walk me through the why" in prompt.lower()
    assert "[[58, 64], [139, 154]]" in prompt and "def matmul(A, B):" in prompt and "## Try it" in prompt


# --- in Chromium ------------------------------------------------------------------------------

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
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    foreign: list = []
    guard_origin(context, base, foreign)
    context.problems = []
    yield context
    assert foreign == []
    assert context.problems == [], context.problems
    context.close()


def lesson_page(ctx, base, path="l/matmul-product/index.html"):
    page = ctx.new_page()
    page.on("pageerror", lambda e: ctx.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: "Content Security Policy" in m.text and ctx.problems.append(m.text))
    page.goto(base + path)
    return page


def run_demo(page, lang):
    from browser import wait_until
    page.click(f"#tab-{lang}")
    page.click(f"#panel-{lang} .run-demo")
    wait_until(page, f"(() => {{ const s = document.querySelector('#panel-{lang} .demo-output').dataset.status; "
                     "return s === 'pass' || s === 'fail'; })()", timeout=120)
    return page.inner_text(f"#panel-{lang} .demo-output"), page.get_attribute(f"#panel-{lang} .demo-output", "data-status")


@pytest.mark.browser
def test_python_and_javascript_demos_run_and_match_the_expected_output(ctx, base):
    page = lesson_page(ctx, base)
    expected = page.inner_text("#panel-python .expected-output").strip()
    assert expected == "[[58, 64], [139, 154]]"
    out, status = run_demo(page, "python")
    assert (out.strip(), status) == (expected, "pass")
    out, status = run_demo(page, "javascript")
    assert (out.strip(), status) == (expected, "pass")
    # The Python demo is editable: a change shows in the output, and no longer matches.
    page.click("#tab-python")
    page.fill("#demo-python", "print([[0]])")
    out, status = run_demo(page, "python")
    assert (out.strip(), status) == ("[[0]]", "fail")


@pytest.mark.browser
def test_open_in_ai_and_each_prompt_copy_a_self_contained_prompt(ctx, base):
    page = lesson_page(ctx, base)
    page.click('[data-copy="prompt-open"]')
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#prompt-open")
    for part in ("The matrix product", "def matmul(A, B):", "[[58, 64], [139, 154]]", "## Try it", "time.perf_counter()"):
        assert part in copied
    for n in (1, 2, 3):
        page.click(f'[data-copy="prompt-{n}"]')
        text = page.evaluate("navigator.clipboard.readText()")
        assert f"prompt {n} of 3" in text and "def matmul(A, B):" in text and "## Try it" in text
    assert "GPT-3 175B" in text
    assert "Copied" in page.inner_text(".prompts .copy-status >> nth=2")


@pytest.mark.browser
def test_spanish_lesson_runs_its_demo_and_copies_a_spanish_prompt(ctx, base):
    page = lesson_page(ctx, base, "es/l/matmul-product/index.html")
    assert page.get_attribute("html", "lang") == "es"
    out, status = run_demo(page, "python")
    assert status == "pass"
    assert "Coincide" in page.inner_text("#panel-python .demo-status")
    page.click('[data-copy="prompt-1"]')
    text = page.evaluate("navigator.clipboard.readText()")
    assert "El producto de matrices" in text and "prompt 1 de 3" in text


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_lesson_and_spanish_pages_pass_axe(browser, base, scheme, width):
    """axe-core (WCAG 2 A/AA, contrast included) on a lesson with its demo run and the
    JavaScript tab open, and on Spanish pages (an untranslated one: tests/test_i18n.py)."""
    from test_accessibility import violations
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(base + "l/matmul-product/index.html")
        run_demo(page, "javascript")
        assert violations(page) == []
        for path in ("es/p/cross_entropy/index.html", "es/t/conv/index.html", "es/index.html"):
            page.goto(base + path)
            assert violations(page) == [], path
    finally:
        ctx.close()


@pytest.mark.browser
def test_catalogue_shows_lessons_in_order_and_hides_them_while_filtering(ctx, base):
    page = lesson_page(ctx, base, "index.html")
    rows = page.eval_on_selector_all("#track-matmul tbody tr", "rs => rs.map(r => r.dataset.lesson || r.dataset.slug)")
    assert rows[:3] == ["matmul-product", "matmul", "matmul_flops"]
    assert page.is_visible('tr[data-lesson="matmul-product"]')
    page.fill("#q", "softmax")
    assert not page.is_visible('tr[data-lesson="matmul-product"]')
    page.fill("#q", "")
    assert page.is_visible('tr[data-lesson="matmul-product"]')
    page.click('tr[data-lesson="matmul-product"] a')
    page.wait_for_url("**/l/matmul-product/index.html")

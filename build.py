#!/usr/bin/env python3
"""mlkata's one entry point for authors.

    python build.py [build] [--problems DIR] [--out DIR] [--pyodide local|cdn] [--no-check]
    python build.py serve [--port 8000]     build, serve, rebuild on change
    python build.py new SLUG                scaffold a problem folder

``build()`` below is the whole pipeline, top to bottom.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from builder import assets, buildcache, i18n, output, pages, runtime
from builder.offline import write_service_worker
from builder.content import ContentError, load_content
from builder.lessonpage import js_worker
from builder.markdown import MarkdownError
from grader.problem import ProblemError

ROOT = Path(__file__).resolve().parent
CDN_ORIGIN = "https://cdn.jsdelivr.net"


class BuildError(Exception):
    """Author errors, each ``path:line: message``."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def load_problems(problems_dir: Path, check: bool):
    """Every problem, track, lesson and translation, validated by the loader ``grader check``
    uses; with ``check``, references, starters and mutants are run too. Warnings (missing or
    out-of-date translations among them) are printed, errors raised."""
    try:
        content = load_content(problems_dir)
    except ContentError as e:
        raise BuildError(e.errors) from None
    findings = list(content.warnings)
    if check:
        from builder.checkcache import check_cached
        from grader.check import is_warning
        findings += check_cached(content.problems)
        if any(not is_warning(f) for f in findings):
            raise BuildError(findings)
    for w in findings:
        print(w, file=sys.stderr)
    return content.problems, content.tracks, content.texts


def write_problem_files(out: Path, problems) -> None:
    """Per problem: the worker's bundle, and files the page fetches only on demand."""
    for p in problems:
        d = out / "p" / p.slug
        d.mkdir(parents=True, exist_ok=True)
        (d / "bundle.json").write_text(json.dumps(p.bundle()), encoding="utf-8")
        (d / "solution.py").write_text(p.solution, encoding="utf-8")
        (d / "statement.md").write_text(p.statement, encoding="utf-8")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_pages(out: Path, views, asset_map: dict, mode: str) -> None:
    """The catalogue, problem and theory pages of every language (i18n.Localized views);
    a language's pages live under its prefix (English at the root, Spanish under es/)."""
    policy = pages.csp(CDN_ORIGIN if mode == "cdn" else None)
    index_url = runtime.index_url(mode, "pyodide/")
    errors = []
    for v in views:
        base = out / i18n.prefix(v.lang)
        by_slug = {p.slug: p for p in v.problems}
        track_of = {p.slug: t for t in v.tracks for p in t.problems}
        order = pages.course(v.problems, v.tracks)
        for p in v.problems:
            try:
                html = pages.render_problem(p, by_slug, track_of.get(p.slug), asset_map, index_url, policy, order,
                                            v.lang, ("problem", p.slug) in v.untranslated)
            except MarkdownError as e:
                errors += e.errors
                continue
            _write(base / "p" / p.slug / "index.html", html)
            if v.lang != i18n.DEFAULT:  # the statement the "Ask an AI" prompt quotes, in this language
                _write(base / "p" / p.slug / "statement.md", p.statement)
        for t in v.tracks:
            try:
                html = pages.render_theory(t, asset_map, index_url, policy, v.lang, ("track", t.slug) in v.untranslated)
            except MarkdownError as e:
                errors += e.errors
                continue
            _write(base / "t" / t.slug / "index.html", html)
        _write(base / "index.html", pages.render_catalogue(v.problems, v.tracks, asset_map, policy, v.lang))
    if errors:
        raise BuildError(errors)


def render_lessons(out: Path, views, asset_map: dict, mode: str) -> None:
    """Every lesson at l/<slug>/ in every language, with its JavaScript demo as a worker
    script beside it (builder/lessonpage.py says why)."""
    policy = pages.csp(CDN_ORIGIN if mode == "cdn" else None)
    index_url = runtime.index_url(mode, "pyodide/")
    errors = []
    for v in views:
        for t in v.tracks:
            for lesson in t.lessons:
                d = out / i18n.prefix(v.lang) / "l" / lesson.slug
                try:
                    html = pages.render_lesson(lesson, t, asset_map, index_url, policy, v.lang,
                                               ("lesson", lesson.slug) in v.untranslated)
                except MarkdownError as e:
                    errors += e.errors
                    continue
                _write(d / "index.html", html)
                if "javascript" in lesson.demos:
                    _write(d / "demo-js.js", js_worker(lesson.demos["javascript"]))
    if errors:
        raise BuildError(errors)


def write_schema(out: Path) -> None:
    """problem.yaml's JSON Schema, published so editors can validate and complete it."""
    from grader.schema import ProblemSpec
    (out / "problem.schema.json").write_text(json.dumps(ProblemSpec.model_json_schema(), indent=2))


def write_host_config(out: Path, mode: str) -> None:
    """Headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages)."""
    policy = pages.csp(CDN_ORIGIN if mode == "cdn" else None)
    coep = "credentialless" if mode == "cdn" else "require-corp"
    (out / "_headers").write_text(
        "/*\n"
        "  Cross-Origin-Opener-Policy: same-origin\n"
        f"  Cross-Origin-Embedder-Policy: {coep}\n"
        f"  Content-Security-Policy: {policy}\n"
        "  X-Content-Type-Options: nosniff\n"
        "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"
        "/pyodide/*\n  Cache-Control: public, max-age=604800\n")


def build(problems_dir: Path = ROOT / "problems", out: Path = ROOT / "dist",
          mode: str = "local", check: bool = True) -> list:
    """Validate, then render everything into a staging folder swapped in on success.
    Returns the problems, or None when ``out`` was built from exactly these inputs."""
    key = buildcache.input_key(problems_dir, mode, check)
    if buildcache.up_to_date(out, key):
        return None
    problems, tracks, texts = load_problems(problems_dir, check)
    with output.staging(out) as tmp:
        asset_map = assets.build_assets(tmp)
        if mode == "local":
            runtime.vendor(tmp / "pyodide")
        write_problem_files(tmp, problems)
        views = [i18n.localize(problems, tracks, texts, lang) for lang in i18n.LANGS]
        render_pages(tmp, views, asset_map, mode)
        render_lessons(tmp, views, asset_map, mode)
        write_schema(tmp)
        write_host_config(tmp, mode)
        write_service_worker(tmp, mode)
        buildcache.record(tmp, key)
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="build.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd")
    for name in ("build", "serve"):
        p = sub.add_parser(name)
        p.add_argument("--problems", type=Path, default=ROOT / "problems")
        p.add_argument("--out", type=Path, default=ROOT / "dist")
        p.add_argument("--pyodide", choices=["local", "cdn"], default="local")
        p.add_argument("--no-check", action="store_true", help="skip running reference/starter (static checks still run)")
        if name == "serve":
            p.add_argument("--port", type=int, default=8000)
            p.add_argument("--host", default="127.0.0.1")
    n = sub.add_parser("new")
    n.add_argument("slug")
    n.add_argument("--problems", type=Path, default=ROOT / "problems")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("build", "serve", "new", "-h", "--help"):
        argv.insert(0, "build")  # `python build.py` means `python build.py build`
    args = ap.parse_args(argv)
    if args.cmd == "new":
        from builder.scaffold import new_problem
        return new_problem(args.problems, args.slug)
    if args.cmd == "serve":
        from builder.serve import serve
        return serve(args, build)
    t0 = time.perf_counter()
    try:
        problems = build(args.problems, args.out, args.pyodide, not args.no_check)
    except (BuildError, ProblemError) as e:
        print("\n".join(e.errors), file=sys.stderr)
        n = sum(": warning: " not in err.split("\n", 1)[0] for err in e.errors)
        print(f"build failed: {n} error(s); {args.out} left as it was", file=sys.stderr)
        return 1
    except (assets.AssetError, runtime.RuntimeError_) as e:
        print(f"build failed: {e}; {args.out} left as it was", file=sys.stderr)
        return 1
    if problems is None:
        print(f"{args.out} is up to date: no input changed since it was built ({time.perf_counter() - t0:.2f} s)")
    else:
        print(f"built {len(problems)} problems into {args.out} in {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

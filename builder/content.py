"""The one content loader: ``grader check``, ``build.py`` and ``serve`` read problems and
tracks through ``load_content``, so they agree on every error.

Static checks, all ``path:line: message`` (warnings ``path:line: warning: message``):
the problem schema and files (``grader.problem``), the slug rule ``build.py new`` enforces,
two test functions with one name, tracks (``builder.tracks``), statements and theory pages
(LaTeX that does not render; raw HTML, shown as text, is a warning), two problems with one
title; lessons (``builder.lessons``) and translations (``builder.i18n``: missing or out of
date ones are warnings). Loading is cached by content (``builder.buildcache``): problems, rendered Markdown.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from grader.problem import Problem, load_all
from grader.yamlpos import line_of

from . import buildcache, i18n, markdown
from .lessons import load_lessons
from .tracks import TRACKS_DIR, load_tracks

SLUG = re.compile(r"[a-z][a-z0-9_]*")
SLUG_RULE = "a slug is lowercase ASCII letters, digits and underscores, starting with a letter"


class ContentError(Exception):
    """Author errors (and the warnings found with them), each ``path:line: message``."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Content:
    root: Path
    problems: list[Problem]
    tracks: list                 # each with its .lessons (builder.lessons)
    texts: dict = field(default_factory=dict)  # translations per language (builder.i18n)
    warnings: list[str] = field(default_factory=list)


def _is_warning(finding: str) -> bool:
    return ": warning: " in finding.split("\n", 1)[0]


def resolve(target) -> tuple[Path, str | None]:
    """(problems root, the one slug to keep or None) for a problems root, a problem folder
    or a slug. Raises ContentError when ``target`` holds no problem."""
    p = Path(target)
    if p.is_dir() and (p / "problem.yaml").is_file():
        return p.parent, p.name
    if p.is_dir():
        if not any(d.is_dir() and (d / "problem.yaml").is_file() for d in p.iterdir()):
            raise ContentError([f"{p}:1: no problem here: a problem is a folder holding problem.yaml, "
                                "and a problems folder holds such folders"])
        return p, None
    if SLUG.fullmatch(str(target)):
        for root in (Path("problems"), buildcache.ROOT / "problems"):
            if (root / str(target) / "problem.yaml").is_file():
                return root, str(target)
    raise ContentError([f"{target}:1: not a problems folder, a problem folder or the slug of a problem in problems/"])


def _slug_errors(root: Path) -> list[str]:
    return [f"{d / 'problem.yaml'}:1: the folder name {d.name!r} is the slug, and {SLUG_RULE}"
            for d in sorted(root.iterdir()) if d.is_dir() and not d.name.startswith((".", "_"))
            and not SLUG.fullmatch(d.name)]


def _duplicate_tests(p: Problem) -> list[str]:
    """Two ``def test_x`` with one name: Python keeps the last, the first silently vanishes."""
    seen, errors = {}, []
    for node in ast.parse(p.tests_source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
            if node.name in seen:
                errors.append(f"{p.path / 'tests.py'}:{node.lineno}: a second function named {node.name} "
                              f"(the first is at line {seen[node.name]}) replaces it: rename one")
            seen.setdefault(node.name, node.lineno)
    return errors


def _duplicate_titles(problems: list[Problem]) -> list[str]:
    counts = Counter(p.spec.title.strip().casefold() for p in problems)
    errors = []
    for p in problems:
        if counts[p.spec.title.strip().casefold()] > 1:
            others = [q.slug for q in problems if q is not p and q.spec.title.strip().casefold() == p.spec.title.strip().casefold()]
            y = p.path / "problem.yaml"
            errors.append(f"{y}:{line_of(y.read_text(encoding='utf-8'), ('title',))}: the title "
                          f"{p.spec.title!r} is also the title of {', '.join(others)}: learners could not tell them apart")
    return errors


def _markdown_findings(text: str, path: Path) -> list[str]:
    """LaTeX errors (by rendering, cached) and raw HTML (shown to learners as text)."""
    findings = []
    try:
        markdown.render(text, path)
    except markdown.MarkdownError as e:
        findings += e.errors
    for line, tag in markdown.raw_html(text):
        findings.append(f"{path}:{line}: warning: raw HTML {tag} is shown as text, not rendered: "
                        "write Markdown (or `code` to show a tag)")
    return findings


def load_content(target, only_slug: str | None = None) -> Content:
    """Every problem and track under ``target`` (see ``resolve``), statically checked.
    Raises ContentError with every error (and warning) when there is any error."""
    root, only = resolve(target)
    problems, findings = load_all(root, load=buildcache.load_problem)
    findings = _slug_errors(root) + findings
    tracks, track_errors = load_tracks(root, problems)
    findings += track_errors
    findings += load_lessons(tracks)[1]
    texts, text_warnings, text_errors = i18n.load_texts(root)  # missing or stale: warnings
    findings += text_errors + text_warnings
    for p in problems:
        findings += _duplicate_tests(p)
        findings += _markdown_findings(p.statement, p.path / "statement.md")
    for t in tracks:
        findings += _markdown_findings(t.theory, t.path / "theory.md")
    findings += _duplicate_titles(problems)
    if only:  # the problem's own findings, and its track's
        problems = [p for p in problems if p.slug == only]
        keep = [str(root / only) + "/"] + [str(root / TRACKS_DIR / p.spec.track) + "/" for p in problems if p.spec.track]
        findings = [f for f in findings if f.startswith(tuple(keep))]
    errors = [f for f in findings if not _is_warning(f)]
    if errors:
        raise ContentError(findings)
    return Content(root, problems, tracks, texts, [f for f in findings if _is_warning(f)])

"""Lessons: short pages that teach one idea before the problems that drill it.

A lesson is ``problems/_tracks/<track>/lessons/<slug>.md``: YAML front matter between
``---`` lines (``LessonSpec`` below), then the Markdown body (why and what, with math).
The demo's source files sit beside it, named in ``demo:`` relative to ``lessons/``
(by convention ``lessons/<slug>/main.py``, ``main.js``, …). Served at ``/l/<slug>/``,
listed in its track right before the problem named by ``before:`` (or after the last
problem when ``before`` is omitted). Errors name ``path:line`` like problem errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from grader.translations import split_front_matter
from grader.yamlpos import line_of

LESSONS_DIR = "lessons"
Language = Literal["python", "javascript", "c", "rust"]
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class LessonSpec(BaseModel):
    """The front matter of a lesson file."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1, description="One line, shown in the track listing.")
    before: str | None = Field(None, description="Slug of the problem this lesson comes right before in its track.")
    demo: dict[Language, str] = Field(description="Demo source file per language, relative to lessons/; python is required and runs in the page.")
    expected: str = Field(min_length=1, description="What the demo prints (every language prints the same).")
    try_: list[str] = Field(alias="try", min_length=1, description="Small experiments on the demo.")
    prompts: list[str] = Field(min_length=3, max_length=3, description="Three prompts for an assistant, each building on the one before.")


@dataclass
class Lesson:
    slug: str
    track: str
    path: Path
    spec: LessonSpec
    body: str                       # Markdown, padded with blank lines so its line numbers are the file's
    demos: dict[str, str] = field(default_factory=dict)
    source: str = ""                # the whole file, as written (its sha256 dates translations)


def parse_front_matter(path: Path, text: str, model):
    """Validate a file's front matter with ``model``; returns (spec, body, errors)."""
    parts = split_front_matter(text)
    if parts is None:
        return None, "", [f"{path}:1: a lesson starts with YAML front matter between two --- lines"]
    (fm, body), first = parts, 2   # the YAML starts on the file's line 2
    try:
        data = yaml.safe_load(fm) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return None, body, [f"{path}:{(mark.line if mark else 0) + first}: YAML syntax error"]
    if not isinstance(data, dict):
        return None, body, [f"{path}:{first}: the front matter must be a mapping of keys"]
    try:
        return model.model_validate(data), body, []
    except ValidationError as e:
        errors = []
        for err in e.errors():
            loc = tuple(err["loc"])
            key = ".".join(map(str, loc)) or "(top level)"
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"][0].lower() + err["msg"][1:]
            errors.append(f"{path}:{line_of(fm, loc) + first - 1}: {key}: {msg}")
        return None, body, errors


def load_lesson(path: Path, track_slug: str, problem_slugs: set[str]) -> tuple[Lesson | None, list[str]]:
    text = path.read_text(encoding="utf-8")
    spec, body, errors = parse_front_matter(path, text, LessonSpec)
    if spec is None:
        return None, errors
    fm = split_front_matter(text)[0]
    where = lambda *loc: f"{path}:{line_of(fm, loc) + 1}"
    if not SLUG.match(path.stem):
        errors.append(f"{path}:1: the file name is the lesson's slug: lowercase letters, digits, - and _ only")
    if "python" not in spec.demo:
        errors.append(f"{where('demo')}: demo: a python demo is required (it runs in the page)")
    demos = {}
    for lang, rel in spec.demo.items():
        f = path.parent / rel
        if not f.is_file():
            errors.append(f"{where('demo', lang)}: demo.{lang}: no file {f}")
        else:
            demos[lang] = f.read_text(encoding="utf-8")
    if spec.before is not None and spec.before not in problem_slugs:
        errors.append(f"{where('before')}: before: {spec.before!r} is not a problem of track {track_slug!r}")
    if errors:
        return None, errors
    return Lesson(path.stem, track_slug, path, spec, body, demos, text), []


def load_lessons(tracks: list) -> tuple[list[Lesson], list[str]]:
    """Every lesson of every track, attached to ``track.lessons``; slugs are unique site-wide."""
    lessons, errors, seen = [], [], {}
    for t in tracks:
        t.lessons = []
        folder = t.path / LESSONS_DIR
        slugs = {p.slug for p in t.problems}
        for f in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            lesson, errs = load_lesson(f, t.slug, slugs)
            errors += errs
            if lesson is None:
                continue
            if lesson.slug in seen:
                errors.append(f"{f}:1: lesson slug {lesson.slug!r} is also used by {seen[lesson.slug]}")
                continue
            seen[lesson.slug] = f
            t.lessons.append(lesson)
            lessons.append(lesson)
    return lessons, errors


def track_items(track) -> list[tuple[str, object]]:
    """The track in course order: each lesson right before the problem it names in
    ``before`` (lessons before the same problem keep their file order), then the rest."""
    lessons = getattr(track, "lessons", [])
    items = []
    for p in track.problems:
        items += [("lesson", l) for l in lessons if l.spec.before == p.slug]
        items.append(("problem", p))
    items += [("lesson", l) for l in lessons if l.spec.before is None]
    return items

"""Translations of problems, tracks and lessons: where they live, their schema, and whether
they are missing or out of date. The build renders them (builder/i18n.py); ``grader check``
and the build list missing and out-of-date ones as warnings, never errors.

Each translation sits beside the English files, in a folder named by the language, and holds
only the translatable text plus ``translated_from``: the sha256 of each English file it was
made from. When an English file changes, its hash no longer matches: the translation is out
of date until a translator updates it (and the hash, which the warning prints).

    problems/<slug>/es/problem.yaml            title, hints, examples[i].explanation
    problems/<slug>/es/statement.md
    problems/_tracks/<t>/es/track.yaml         title, summary
    problems/_tracks/<t>/es/theory.md
    problems/_tracks/<t>/lessons/es/<slug>.md  front matter: title, summary, try, prompts; body
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .yamlpos import line_of

LANGUAGES = {"es": "Spanish"}
FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
SHA = r"^[0-9a-f]{64}$"


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    translated_from: dict[str, str] = Field(description="English file name -> sha256 of the version translated.")


class ExampleText(BaseModel):
    model_config = ConfigDict(extra="forbid")
    explanation: str = Field(min_length=1)


class ProblemText(_Text):
    title: str = Field(min_length=1)
    hints: list[str] = Field(default_factory=list)
    examples: list[ExampleText] = Field(default_factory=list)


class TrackText(_Text):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)


class LessonText(_Text):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    try_: list[str] = Field(alias="try", min_length=1)
    prompts: list[str] = Field(min_length=3, max_length=3)


@dataclass
class Translation:
    kind: str                 # "problem" | "track" | "lesson"
    slug: str
    lang: str
    text: _Text
    body: str                 # statement.md / theory.md / the lesson's body (line numbers kept)
    body_path: Path
    stale: list[str] = field(default_factory=list)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter YAML, body padded with blank lines so line numbers stay the file's)."""
    m = FRONT.match(text)
    if not m:
        return None
    return m.group(1), "\n" * text[:m.end()].count("\n") + text[m.end():]


def _validate(model, data, path: Path, yaml_text: str, offset: int):
    try:
        return model.model_validate(data), []
    except ValidationError as e:
        errs = []
        for err in e.errors():
            loc = tuple(err["loc"])
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"][0].lower() + err["msg"][1:]
            errs.append(f"{path}:{line_of(yaml_text, loc) + offset}: {'.'.join(map(str, loc)) or '(top level)'}: {msg}")
        return None, errs


def _load_yaml(path: Path, text: str, offset: int = 0):
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return None, [f"{path}:{(mark.line + 1 if mark else 1) + offset}: YAML syntax error"]
    if not isinstance(data, dict):
        return None, [f"{path}:{1 + offset}: expected a mapping of keys"]
    return data, []


def _stale(text: _Text, english: dict[str, Path], path: Path, yaml_text: str, offset: int, lang: str):
    """Warnings for each English file changed since (or never recorded in) the translation."""
    warnings, stale = [], []
    for name, f in english.items():
        now = sha256(f)
        if text.translated_from.get(name) != now:
            stale.append(name)
            line = line_of(yaml_text, ("translated_from", name)) + offset
            warnings.append(f"{path}:{line}: warning: out of date: {f} changed since this {LANGUAGES[lang]} "
                            f"translation was made; update it, then set translated_from.{name} to {now}")
    return stale, warnings


def _unit(kind, slug, lang, meta: Path, body_path: Path, model, english: dict[str, Path]):
    """Load one translation: (Translation | None, warnings, errors)."""
    if not meta.is_file():
        first = next(iter(english.values()))
        return None, [f"{first}:1: warning: no {LANGUAGES[lang]} translation ({meta} is missing)"], []
    if kind == "lesson":
        parts = split_front_matter(meta.read_text(encoding="utf-8"))
        if parts is None:
            return None, [], [f"{meta}:1: a lesson translation starts with YAML front matter between --- lines"]
        yaml_text, body, offset = parts[0], parts[1], 1
    else:
        if not body_path.is_file():
            return None, [], [f"{body_path}:1: missing file (the translation in {meta} needs it)"]
        yaml_text, body, offset = meta.read_text(encoding="utf-8"), body_path.read_text(encoding="utf-8"), 0
    data, errors = _load_yaml(meta, yaml_text, offset)
    if data is None:
        return None, [], errors
    text, errors = _validate(model, data, meta, yaml_text, offset)
    if text is None:
        return None, [], errors
    stale, warnings = _stale(text, english, meta, yaml_text, offset, lang)
    return Translation(kind, slug, lang, text, body, body_path, stale), warnings, []


def load_translations(root: Path, lang: str = "es") -> tuple[dict, list[str], list[str]]:
    """Every translation into ``lang`` under a problems folder: ({(kind, slug): Translation},
    warnings for missing / out-of-date ones, errors for malformed ones)."""
    root = Path(root)
    found, warnings, errors = {}, [], []

    def add(result):
        t, w, e = result
        warnings.extend(w)
        errors.extend(e)
        if t is not None:
            found[(t.kind, t.slug)] = t

    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if not (folder / "problem.yaml").is_file():
            continue
        d = folder / lang
        add(_unit("problem", folder.name, lang, d / "problem.yaml", d / "statement.md", ProblemText,
                  {"statement.md": folder / "statement.md", "problem.yaml": folder / "problem.yaml"}))
    for track in sorted(p for p in (root / "_tracks").glob("*") if p.is_dir()):
        d = track / lang
        if (track / "track.yaml").is_file() and (track / "theory.md").is_file():
            add(_unit("track", track.name, lang, d / "track.yaml", d / "theory.md", TrackText,
                      {"theory.md": track / "theory.md", "track.yaml": track / "track.yaml"}))
        for lesson in sorted((track / "lessons").glob("*.md")):
            meta = lesson.parent / lang / lesson.name
            add(_unit("lesson", lesson.stem, lang, meta, meta, LessonText, {lesson.name: lesson}))
    return found, warnings, errors


def english_files(meta: Path) -> dict[str, Path]:
    """The English files a translation file is made from (by where it lives)."""
    meta = Path(meta)
    up = meta.parent.parent
    if meta.name == "problem.yaml":
        return {"problem.yaml": up / "problem.yaml", "statement.md": up / "statement.md"}
    if meta.name == "track.yaml":
        return {"track.yaml": up / "track.yaml", "theory.md": up / "theory.md"}
    return {meta.name: up / meta.name}


def stamp(meta: Path) -> list[str]:
    """Record in ``meta`` the sha256 of the English files as they are now: what a translator
    runs after bringing the translation up to date. Rewrites only the translated_from lines."""
    meta = Path(meta)
    text = meta.read_text(encoding="utf-8")
    done = []
    for name, f in english_files(meta).items():
        pattern = re.compile(rf"^(\s+){re.escape(name)}:.*$", re.M)
        text, n = pattern.subn(lambda m: f"{m.group(1)}{name}: {sha256(f)}", text, count=1)
        if n:
            done.append(name)
    meta.write_text(text, encoding="utf-8")
    return done

"""Render the catalogue, problem pages and track theory pages from site/templates (Jinja2)."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import markdown, runtime
from .i18n import localize_html, page_context
from .lessons import track_items

ROOT = Path(__file__).resolve().parent.parent
_env = Environment(loader=FileSystemLoader(ROOT / "site" / "templates"),
                   autoescape=select_autoescape(["html"]), undefined=StrictUndefined)


# The one inline script: fills the editor's textarea with the draft as it is parsed.
EARLY_SCRIPT = (ROOT / "site" / "js" / "early.js").read_text(encoding="utf-8")
_EARLY_HASH = base64.b64encode(hashlib.sha256(EARLY_SCRIPT.encode()).digest()).decode()


def csp(cdn_origin: str | None) -> str:
    """Only our own origin (plus the CDN in cdn mode); WebAssembly compile allowed; no inline
    script except EARLY_SCRIPT, by hash. Inline *styles* are allowed: CodeMirror injects its
    theme as style elements."""
    extra = f" {cdn_origin}" if cdn_origin else ""
    return (f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{_EARLY_HASH}'{extra}; "
            f"connect-src 'self'{extra}; worker-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'")


def _literal_text(v) -> str:
    return v if isinstance(v, str) else json.dumps(v)


def try_args(spec) -> str:
    """Python source defining every argument from the first example: the "Try my input"
    box starts from it (arrays as NumPy arrays of the dtype the tests pass)."""
    ex = spec.examples[0].inputs
    lines = []
    for a in spec.args:
        text = _literal_text(ex[a.name])
        if a.type == "array":
            text = f"np.array({text})"
        elif a.type == "int_array":
            text = f"np.array({text}, dtype=np.int64)"
        lines.append(f"{a.name} = {text}")
    return "\n".join(lines)


def _runtime_config(assets: dict, index_url: str, root: str) -> dict:
    local = "://" not in index_url
    return {"checkerURL": root + assets["checker-worker.js"], "learnerURL": root + assets["learner-worker.js"],
            "checkerZipURL": root + assets["checker.zip"], "learnerZipURL": root + assets["learner.zip"],
            "indexURL": root + index_url if local else index_url,
            # Vendored runtimes ship a memory snapshot of the booted interpreter and NumPy as a
            # byte-compiled file pack (builder.runtime).
            "snapshotURL": root + index_url + runtime.SNAPSHOT if local else None,
            "numpyPackURL": root + index_url + runtime.NUMPY_PACK if local else None,
            "runtimeBytes": _download_bytes(local)}


@functools.lru_cache(maxsize=2)
def _download_bytes(local: bool) -> int:
    return runtime.download_bytes(local)


def _groups(problems, tracks) -> list[dict]:
    """The catalogue's sections: each track's problems in track order (with its lessons
    between them, as ``items``), then the rest."""
    in_track = {p.slug for t in tracks for p in t.problems}
    groups = [{"track": t, "problems": t.problems, "items": track_items(t)} for t in tracks if t.problems]
    rest = [p for p in problems if p.slug not in in_track]
    if rest:
        groups.append({"track": None, "problems": rest, "items": [("problem", p) for p in rest]})
    return groups


def course(problems, tracks) -> list:
    """Every problem in catalogue order (what "next unsolved" and "n of N solved" count)."""
    return [p for g in _groups(problems, tracks) for p in g["problems"]]


def render_problem(problem, by_slug: dict, track, assets: dict, index_url: str, policy: str,
                   order: list | None = None, lang: str = "en", untranslated: bool = False) -> str:
    """A problem page; raises markdown.MarkdownError (file:line) for bad LaTeX. ``order``:
    every problem in catalogue order (course()), for the next step after a pass."""
    spec = problem.spec
    ctx = page_context(lang, f"p/{problem.slug}/index.html")
    statement = localize_html(markdown.render(problem.statement, getattr(problem, "statement_path", problem.path / "statement.md")), lang)
    examples = [{"inputs": [(k, _literal_text(v)) for k, v in ex.inputs.items()],
                 "output": [(k, _literal_text(v)) for k, v in ex.output.items()],
                 "explanation": markdown.render_inline(ex.explanation)} for ex in spec.examples]
    root = ctx["root"]
    shared = f"{root}p/{problem.slug}/"  # the bundle and the solution exist once, under the English path
    config = {"id": spec.id, "slug": problem.slug, "title": spec.title, "entry": spec.entry,
              "starter": problem.starter, "timeLimit": spec.time_limit, "testNames": problem.test_names,
              # Derive mode: neutral test names, whether there is anything to hold back.
              "neutralNames": problem.neutral_names,
              "derivable": bool(problem.neutral_names) or 'class="result"' in statement,
              "hintCount": len(spec.hints),
              # "Try my input": argument names and the first example as Python source.
              "argNames": [a.name for a in spec.args], "returnNames": [r.name for r in spec.returns],
              "tryArgs": try_args(spec),
              "course": [{"id": q.spec.id, "slug": q.slug, "title": q.spec.title} for q in (order or [problem])],
              "bundleURL": shared + "bundle.json", "solutionURL": shared + "solution.py", "statementURL": "statement.md",
              **_runtime_config(assets, index_url, root)}
    position = prev = nxt = None
    if track:
        i = [p.slug for p in track.problems].index(problem.slug)
        position = i + 1
        prev = track.problems[i - 1] if i > 0 else None
        nxt = track.problems[i + 1] if i + 1 < len(track.problems) else None
    config["nextInTrack"] = nxt.slug if nxt else None
    return _env.get_template("problem.html").render(
        **ctx, p=problem, statement=statement,
        examples=examples, hints=[markdown.render_inline(h) for h in spec.hints],
        related=[by_slug[s] for s in spec.related if s in by_slug],
        prerequisites=[by_slug[s] for s in spec.prerequisites if s in by_slug],
        track=track, position=position, prev=prev, next=nxt, untranslated=untranslated,
        config=config, assets=assets, csp=policy, early_script=EARLY_SCRIPT)


def render_catalogue(problems, tracks, assets: dict, policy: str, lang: str = "en") -> str:
    groups = _groups(problems, tracks)
    tags = sorted({t for p in problems for t in p.spec.tags})
    titles = {p.slug: p.spec.title for p in problems}
    return _env.get_template("catalogue.html").render(**page_context(lang, "index.html"), groups=groups, tags=tags,
                                                      titles=titles, assets=assets, csp=policy)


def render_theory(track, assets: dict, index_url: str, policy: str, lang: str = "en", untranslated: bool = False) -> str:
    ctx = page_context(lang, f"t/{track.slug}/index.html")
    config = {"id": f"track-{track.slug}", "timeLimit": 5, **_runtime_config(assets, index_url, ctx["root"])}
    theory_path = getattr(track, "theory_path", track.path / "theory.md")
    return _env.get_template("theory.html").render(
        **ctx, track=track, items=track_items(track), body=localize_html(markdown.render(track.theory, theory_path), lang),
        untranslated=untranslated, config=config, assets=assets, csp=policy)


def render_lesson(lesson, track, assets: dict, index_url: str, policy: str, lang: str = "en",
                  untranslated: bool = False) -> str:
    """A lesson page (builder/lessonpage.py)."""
    from .lessonpage import render_lesson as render
    return render(_env, lesson, track, lang, assets, lambda a, root: _runtime_config(a, index_url, root),
                  policy, untranslated)

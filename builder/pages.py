"""Render the catalogue and problem pages from site/templates with Jinja2."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import markdown

ROOT = Path(__file__).resolve().parent.parent
_env = Environment(loader=FileSystemLoader(ROOT / "site" / "templates"),
                   autoescape=select_autoescape(["html"]), undefined=StrictUndefined)


def csp(cdn_origin: str | None) -> str:
    """Only our own origin (plus the CDN in cdn mode); WebAssembly compile allowed, no inline script."""
    extra = f" {cdn_origin}" if cdn_origin else ""
    return (f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{extra}; "
            f"connect-src 'self'{extra}; worker-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'")


def _literal_text(v) -> str:
    return v if isinstance(v, str) else json.dumps(v)


def render_statement(problem) -> str:
    return markdown.render(problem.statement, problem.path / "statement.md")


def render_problem(problem, by_slug: dict, assets: dict, index_url: str, policy: str) -> str:
    spec = problem.spec
    examples = [{"inputs": [(k, _literal_text(v)) for k, v in ex.inputs.items()],
                 "output": [(k, _literal_text(v)) for k, v in ex.output.items()],
                 "explanation": markdown.render_inline(ex.explanation)} for ex in spec.examples]
    root = "../../"
    config = {
        "id": spec.id, "slug": problem.slug, "entry": spec.entry, "starter": problem.starter,
        "timeLimit": spec.time_limit, "testNames": problem.test_names,
        "workerURL": root + assets["worker.js"], "graderURL": root + assets["grader.zip"],
        "bundleURL": "bundle.json", "indexURL": index_url if "://" in index_url else root + index_url,
    }
    return _env.get_template("problem.html").render(
        p=problem, statement=render_statement(problem), examples=examples,
        related=[by_slug[s] for s in spec.related if s in by_slug],
        config=config, assets=assets, root=root, csp=policy)


def render_catalogue(problems, assets: dict, policy: str) -> str:
    return _env.get_template("catalogue.html").render(problems=problems, assets=assets, root="", csp=policy)

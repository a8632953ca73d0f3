"""Interface text in two languages, and where each language's pages live.

One message catalogue per language, ``site/i18n/<lang>.json``: nested sections of
strings. Templates call ``t("section.key", name=value)`` (``str.format`` placeholders);
the ``js`` section is bundled into the page scripts by site/js/i18n.js. English pages
live at the site root, the Spanish twins under ``es/`` with the same paths.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "es")
DEFAULT = "en"


@functools.cache
def messages(lang: str) -> dict:
    return json.loads((ROOT / "site" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))


def translator(lang: str):
    """``t(key, **values)``: the message at a dotted key; a missing key fails the build."""
    cat = messages(lang)

    def t(key: str, **values) -> str:
        node = cat
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"site/i18n/{lang}.json: no message {key!r}")
            node = node[part]
        return node.format(**values) if values else node
    return t


def prefix(lang: str) -> str:
    """The folder of a language's pages, relative to the site root."""
    return "" if lang == DEFAULT else f"{lang}/"


def page_context(lang: str, path: str) -> dict:
    """What every template needs to place a page at ``path`` (relative to its language's
    root, e.g. ``p/matmul/index.html``): its language, the messages, the way back to the site
    root (assets) and to its language's root (links), and its twin in every language."""
    root = "../" * (prefix(lang) + path).count("/")
    return {"lang": lang, "t": translator(lang), "root": root, "home": root + prefix(lang),
            "twins": {l: root + prefix(l) + path for l in LANGS}}


def load_texts(problems_dir: Path) -> tuple[dict, list[str], list[str]]:
    """Every translation, per language: ({lang: {(kind, slug): Translation}}, warnings, errors)."""
    from grader.translations import load_translations
    texts, warnings, errors = {DEFAULT: {}}, [], []
    for lang in LANGS[1:]:
        texts[lang], w, e = load_translations(problems_dir, lang)
        warnings += w
        errors += e
    return texts, warnings, errors


@dataclass
class Localized:
    """One language's view of the content: copies with the translated text where there is
    one, and the set of (kind, slug) shown in English for want of a translation."""
    lang: str
    problems: list
    tracks: list
    untranslated: set = field(default_factory=set)


def _problem(p, tr):
    spec = p.spec
    hints = tr.text.hints if len(tr.text.hints) == len(spec.hints) else spec.hints
    examples = [ex.model_copy(update={"explanation": tr.text.examples[i].explanation}) if i < len(tr.text.examples) else ex
                for i, ex in enumerate(spec.examples)]
    q = replace(p, statement=tr.body, spec=spec.model_copy(update={"title": tr.text.title, "hints": hints, "examples": examples}))
    q.statement_path = tr.body_path
    return q


def _lesson(lesson, tr):
    t = tr.text
    return replace(lesson, path=tr.body_path, body=tr.body,
                   spec=lesson.spec.model_copy(update={"title": t.title, "summary": t.summary, "try_": t.try_, "prompts": t.prompts}))


def localize(problems: list, tracks: list, texts: dict, lang: str) -> Localized:
    """The content as a ``lang`` page shows it; English where no translation exists."""
    found = texts.get(lang, {})
    if lang == DEFAULT:
        return Localized(lang, problems, tracks)
    untranslated = set()

    def pick(kind, x, make):
        tr = found.get((kind, x.slug))
        if tr is None:
            untranslated.add((kind, x.slug))
            return x
        return make(x, tr)

    by_slug = {p.slug: pick("problem", p, _problem) for p in problems}
    out_tracks = []
    for t in tracks:
        tr = found.get(("track", t.slug))
        if tr is None:
            untranslated.add(("track", t.slug))
            u = replace(t)
        else:
            u = replace(t, theory=tr.body, spec=t.spec.model_copy(update={"title": tr.text.title, "summary": tr.text.summary}))
            u.theory_path = tr.body_path
        u.problems = [by_slug[p.slug] for p in t.problems]
        u.lessons = [pick("lesson", l, _lesson) for l in t.lessons]
        out_tracks.append(u)
    return Localized(lang, list(by_slug.values()), out_tracks, untranslated)


# builder/markdown.py writes the button of a ``:::result [what]`` block in English ("Show the
# result", "Show the derivation"), cached per text for every language; its label is
# translated here, where the page's language is known. A translation names ``what`` in its
# own language (``:::result la deducción``).
_SHOW = re.compile(r'(<button type="button" class="show-result">)Show (.*?)(</button>)')


def localize_html(html: str, lang: str) -> str:
    if lang == DEFAULT:
        return html
    t = translator(lang)
    return _SHOW.sub(lambda m: m.group(1) + (t("problem.show_result") if m.group(2) == "the result"
                                             else t("problem.show_what", what=m.group(2))) + m.group(3), html)

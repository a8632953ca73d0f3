"""Interface text in two languages, and where each language's pages live.

One message catalogue per language, ``site/i18n/<lang>.json``: nested sections of
strings. Templates call ``t("section.key", name=value)`` (``str.format`` placeholders);
the ``js`` section is bundled into the page scripts by site/js/i18n.js. English pages
live at the site root, the Spanish twins under ``es/`` with the same paths.
"""

from __future__ import annotations

import functools
import json
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

"""statement.md -> HTML with math rendered to MathML at build time (no math JavaScript).

markdown-it-py in CommonMark mode with raw HTML off (a ``<script>`` in a statement is
shown as text), dollarmath for ``$…$``/``$$…$$`` (digits/space rules keep "$5 and $10"
as text), and math-core for LaTeX -> MathML Core, which refuses unknown commands so a
typo fails the build with ``statement.md:line`` instead of shipping broken math.

``:::result`` … ``:::`` marks the part of a statement that states the answer (the formula a
learner could derive). It renders as ``<div class="result">`` holding a "Show the result"
button (shown only in the page's derive mode, which hides the block until it is pressed)
and ``<div class="result-formula">`` with the content. ``:::result the derivation`` names
what the button shows ("Show the derivation").
"""

from __future__ import annotations

from pathlib import Path

import math_core
from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin

from . import buildcache

_latex = math_core.LatexToMathML(fancy_error=False)


class MarkdownError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _math(content: str, options: dict) -> str:
    return _latex.convert_with_local_state(content, displaystyle=bool(options.get("display_mode")))


def _result_block(self, tokens, idx, options, env) -> str:
    """``:::result [what]``: the held-back part of a statement (see the module docstring)."""
    tok = tokens[idx]
    if tok.nesting != 1:
        return "</div></div>\n"
    what = tok.info.strip()[len("result"):].strip() or "the result"
    return (f'<div class="result"><button type="button" class="show-result">Show {escape(what)}</button>'
            '<div class="result-formula">\n')


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table")
    md.use(dollarmath_plugin, allow_digits=False, allow_space=False, double_inline=True,
           renderer=_math)
    md.use(container_plugin, "result", render=_result_block)
    # External links open safely; markdown-it already refuses javascript: URLs.
    def link_open(self, tokens, idx, options, env):
        tok = tokens[idx]
        href = tok.attrGet("href") or ""
        if href.startswith(("http://", "https://", "//")):
            tok.attrSet("rel", "noopener noreferrer nofollow")
            tok.attrSet("target", "_blank")
        return self.renderToken(tokens, idx, options, env)
    md.add_render_rule("link_open", link_open)
    return md


_md = _parser()


def _check_math(tokens, path: Path) -> list[str]:
    errors = []
    for tok in tokens:
        found = []
        if tok.type in ("math_block", "math_block_label"):
            found.append((tok.content, tok.map[0] + 1 if tok.map else 1))
        for child in tok.children or []:
            if child.type in ("math_inline", "math_inline_double"):
                found.append((child.content, tok.map[0] + 1 if tok.map else 1))
        for content, line in found:
            try:
                _latex.convert_with_local_state(content, displaystyle=False)
            except math_core.LatexError as e:
                first = str(e).strip().splitlines()[0] if str(e).strip() else "invalid LaTeX"
                errors.append(f"{path}:{line}: math: {first} in ${content.strip()}$")
    return errors


def _render(text: str, path: Path) -> str:
    tokens = _md.parse(text)  # parsed once, for the LaTeX check and for rendering
    errors = _check_math(tokens, path)
    if errors:
        raise MarkdownError(errors)
    # Wide code and display math scroll sideways on a phone: make them keyboard-scrollable.
    return (_md.renderer.render(tokens, _md.options, {}).replace("<pre>", '<pre tabindex="0">')
            .replace('<div class="math block">', '<div class="math block" tabindex="0">'))


def render(text: str, path: Path) -> str:
    """HTML for a Markdown file; raises MarkdownError naming ``path:line`` for bad LaTeX.
    Cached by content (a failure is not cached, so it is reported again)."""
    return buildcache.memo("markdown", text, lambda: _render(text, path), code=Path(__file__))


def render_inline(text: str) -> str:
    """HTML for one line of Markdown (hints, explanations), math included."""
    return _md.renderInline(text)


_html_finder = MarkdownIt("commonmark", {"html": True}).enable("table").use(
    dollarmath_plugin, allow_digits=False, allow_space=False, double_inline=True)  # math is not HTML


def raw_html(text: str) -> list[tuple[int, str]]:
    """(line, tag) of each piece of raw HTML in ``text``: the site renders it as literal
    text (raw HTML is off), which is never what its author meant."""
    found = []
    for tok in _html_finder.parse(text):
        line = tok.map[0] + 1 if tok.map else 1
        if tok.type == "html_block":
            found.append((line, tok.content.strip().splitlines()[0][:40]))
        for child in tok.children or []:
            if child.type == "html_inline":
                found.append((line, child.content[:40]))
    return found

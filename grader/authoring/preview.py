"""``grader preview SLUG``: every message a learner can get from a problem, before it is
published. The starter's, the reference's and each mutant's report side by side: a grid of
verdicts (one row per test, one column per submission), then what each submission is told.
``build.py serve`` shows the same as a page, /__preview/<slug>.
"""

from __future__ import annotations

import html
import shutil
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..cpython import run_isolated
from ..problem import Problem
from ..report import Report, Status
from . import mutants

MARK = {"pass": "pass", "fail": "FAIL", "error": "ERROR", "timeout": "TIME", "broken": "BROKEN"}


@dataclass
class Run:
    label: str          # "starter", "solution", or the mutant's file name
    path: str
    report: Report
    promise: str = ""   # a mutant's header, and whether the run keeps it
    kept: bool | None = None


def collect(p: Problem) -> list[Run]:
    """Judge the starter, the reference and every mutant (two at a time)."""
    bundle = p.bundle()
    subs = [("starter", p.path / "starter.py", p.starter, None), ("solution", p.path / "solution.py", p.solution, None)]
    subs += [(m.path.name, m.path, m.source, m) for m in mutants.load(p.path)]

    def one(sub):
        label, path, source, m = sub
        report = run_isolated(bundle, source)
        run = Run(label, str(path), report)
        if m is not None:
            run.promise = f"fails “{m.fails}”, says “{m.says}”"
            run.kept = not (mutants.header_errors(m) or mutants.judge(m, report, p.test_names))
        return run

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, subs))


def _status(run: Run, name: str) -> str:
    t = next((t for t in run.report.tests if t.name == name), None)
    return MARK[t.status.value] if t else MARK[run.report.status.value]


def render_text(p: Problem, runs: list[Run], width: int | None = None) -> str:
    width = width or shutil.get_terminal_size((120, 40)).columns
    names = p.test_names
    keys = [r.label if r.label in ("starter", "solution") else f"m{i}" for i, r in enumerate(runs, -1)]
    col = max(6, *(len(k) for k in keys))
    left = min(max(len(n) for n in names), max(20, width - (col + 1) * len(runs) - 2))
    cut = lambda s: s if len(s) <= left else s[:left - 1] + "…"
    lines = [f"{p.slug}: {p.spec.title} — {len(names)} tests, {len(runs)} submissions", ""]
    lines.append(" " * left + "  " + " ".join(k.rjust(col) for k in keys))
    for n in names:
        lines.append(cut(n).ljust(left) + "  " + " ".join(_status(r, n).rjust(col) for r in runs))
    lines.append("")
    for key, r in zip(keys, runs):
        head = f"── {key}: {r.path}" if key != r.label else f"── {r.label}: {r.path}"
        lines.append(head)
        if r.promise:
            lines.append(f"   promise: {r.promise} — {'kept' if r.kept else 'NOT KEPT'}")
        lines.append(f"   {r.report.status.value.upper()}: {r.report.message}")
        for t in r.report.tests:
            if t.status is not Status.PASS:
                text = f"[{t.status.value}] {t.name}: {t.message}"
                lines += textwrap.wrap(text, width=max(40, width - 6), initial_indent="   ",
                                       subsequent_indent="       ")
        lines.append("")
    return "\n".join(lines)


STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e8e8ea;background:#16171a}th,td{border-color:#3a3b40!important}
 .pass{background:#15391f!important}.fail{background:#4a1f1f!important}.other{background:#4a3d12!important}}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d0d5;padding:.3rem .5rem;text-align:left;
 vertical-align:top}td.cell{text-align:center;font-weight:600}.pass{background:#e3f5e6}.fail{background:#fbe3e3}
.other{background:#fdf3d3}.grid th{writing-mode:initial}section{margin:1.5rem 0}h2{font-size:1.05rem;margin:.2rem 0}
.msg{white-space:pre-wrap;max-width:70rem}.kept{color:#1a7f37}.broken{color:#b42318}code{font-size:.9em}
"""


def render_html(p: Problem, runs: list[Run]) -> str:
    e = html.escape
    keys = [r.label if r.label in ("starter", "solution") else r.label.removesuffix(".py") for r in runs]
    css = lambda s: "pass" if s == "pass" else "fail" if s == "FAIL" else "other"
    rows = "".join(
        f"<tr><th scope=row>{e(n)}</th>" + "".join(
            f"<td class='cell {css(_status(r, n))}'>{_status(r, n)}</td>" for r in runs) + "</tr>"
        for n in p.test_names)
    grid = (f"<table class=grid><thead><tr><th>test</th>{''.join(f'<th>{e(k)}</th>' for k in keys)}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")
    sections = []
    for k, r in zip(keys, runs):
        promise = ""
        if r.promise:
            promise = (f"<p>Promise: {e(r.promise)} — <strong class={'kept' if r.kept else 'broken'}>"
                       f"{'kept' if r.kept else 'NOT kept'}</strong></p>")
        tests = "".join(f"<tr><td class='cell {css(MARK[t.status.value])}'>{MARK[t.status.value]}</td>"
                        f"<th scope=row>{e(t.name)}</th><td class=msg>{e(t.message)}</td></tr>"
                        for t in r.report.tests if t.status is not Status.PASS)
        sections.append(f"<section><h2>{e(k)} <small><code>{e(r.path)}</code></small></h2>{promise}"
                        f"<p><strong>{r.report.status.value.upper()}</strong>: {e(r.report.message)}</p>"
                        + (f"<table>{tests}</table>" if tests else "") + "</section>")
    return (f"<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content='width=device-width'>"
            f"<title>Preview: {e(p.spec.title)}</title><style>{STYLE}</style>"
            f"<h1>Preview: {e(p.spec.title)} <small><code>{e(p.slug)}</code></small></h1>"
            f"<p>Every report a learner can get from this problem's starter, reference and mutants "
            f"(<code>problems/{e(p.slug)}/wrong/</code>), as <code>grader check</code> runs them.</p>"
            f"{grid}{''.join(sections)}</html>")

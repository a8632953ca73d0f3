"""Submit → report per problem, and recovery after a runaway run, through window.mlkata."""

from __future__ import annotations

import json
import time
from pathlib import Path

from . import stats
from .browser import open_problem, profile, wait_workers

# Times n runs in the page: `wall` from calling run() to its promise resolving (report rendered),
# `paint` to the next frame after that; `report_ms` is the report's own duration_ms (Python side).
# Before each run the page is let idle until the next learner worker (and its spare) has
# booted, as it has for a learner who reads the result before submitting again; `back_to_back`
# runs do not wait, and pay for a learner boot.
RUN_N = """async ([src, mode, n, paced = true]) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  window.mlkata.setCode(src);
  await frame();
  const out = [];
  for (let i = 0; i < n; i++) {
    if (paced) await window.mlkata.idle();
    const t0 = performance.now();
    const r = await window.mlkata.run(mode);
    const t1 = performance.now();
    await frame();
    out.push({ wall: t1 - t0, paint: performance.now() - t0, report_ms: r.duration_ms, status: r.status,
               tests_ms: r.tests.reduce((s, t) => s + (t.duration_ms || 0), 0), tests: r.tests.length });
  }
  return out;
}"""

# A runaway run, then the reference: total of the stopped run, and verdict → next report.
RECOVER = """async ([loop, ref]) => {
  const b = window.__bench, before = b.workers;
  await window.mlkata.idle();
  window.mlkata.setCode(loop);
  const t0 = performance.now();
  const r1 = await window.mlkata.run("tests");
  const t1 = performance.now();
  window.mlkata.setCode(ref);
  const r2 = await window.mlkata.run("tests");
  const t2 = performance.now();
  return { total: t1 - t0, recovery: t2 - t1, verdict: r1.status, next: r2.status,
           next_report_ms: r2.duration_ms, workers_spawned: b.workers - before, isolated: self.crossOriginIsolated };
}"""


def bundle(site: Path, slug: str) -> dict:
    return json.loads((site / "p" / slug / "bundle.json").read_text(encoding="utf-8"))


def _summarise(rows: list[dict]) -> dict:
    first, rest = rows[0], rows[1:]
    return {"first_wall": first["wall"], "wall": stats.summary([r["wall"] for r in rest]),
            "paint": stats.summary([r["paint"] for r in rest]),
            "report_ms": stats.summary([r["report_ms"] for r in rest]),
            "tests_ms": stats.summary([r["tests_ms"] for r in rest]),
            "setup_ms": stats.summary([r["report_ms"] - r["tests_ms"] for r in rest]),
            "outside_ms": stats.summary([r["wall"] - r["report_ms"] for r in rest]),
            "statuses": sorted({r["status"] for r in rows}), "tests": first["tests"]}


def submit_times(pw, base: str, solutions: dict, n: int, foreign: list, log=print,
                 rounds: dict | None = None, n_other: int | None = None) -> dict:
    """Warm profile; per problem: open the page, let both workers boot, one untimed-in-stats
    first run, then n timed runs of the reference for "tests" and for "examples".

    ``rounds`` ({slug: k}) spreads a problem's n runs over k visits, made in turn with the
    other such problems (a, b, c, a, b, c, …), so that a slow spell of this shared VM falls
    on all of them alike instead of on whichever problem it happened to hit."""
    rounds = {slug: k for slug, k in (rounds or {}).items() if slug in solutions and k > 1}
    samples: dict = {}
    with profile(pw, foreign) as ctx:
        for i in range(max(rounds.values(), default=0)):
            for slug, k in rounds.items():
                if i < k:
                    share = n // k + (1 if i < n % k else 0)
                    samples.setdefault(slug, []).append(_visit(ctx, base, slug, solutions[slug], share))
        for slug in solutions:  # the rest: fewer runs each (each run waits for a learner boot)
            if slug not in rounds:
                samples[slug] = [_visit(ctx, base, slug, solutions[slug], n_other or n)]
    out = {}
    for slug in solutions:  # in the given order, however they were visited
        visits = samples[slug]
        res = {mode: _summarise([visits[0][mode][0]] + [r for v in visits for r in v[mode][1:]]) for mode in ("tests", "examples")}
        res["tests"]["visit_medians"] = [stats.median([r["wall"] for r in v["tests"][1:]]) for v in visits]
        out[slug] = res
        t, e = res["tests"], res["examples"]
        spread = f", {len(visits)} visits: " + " / ".join(f"{m:.0f}" for m in t["visit_medians"]) if len(visits) > 1 else ""
        log(f"  {slug}: Submit median {t['wall']['median']:.1f} ms (p95 {t['wall']['p95']:.1f}, python "
            f"{t['report_ms']['median']:.1f}{spread}), examples median {e['wall']['median']:.1f} ms  {t['statuses']}")
    return out


def _visit(ctx, base: str, slug: str, src: str, n: int) -> dict:
    """One visit to a problem page: its first run, then n timed runs, for each mode."""
    page, _ = open_problem(ctx, f"{base}p/{slug}/index.html")
    res = {mode: page.evaluate(RUN_N, [src, mode, n + 1]) for mode in ("tests", "examples")}
    page.close()
    return res


def back_to_back(pw, base: str, slug: str, src: str, n: int, foreign: list) -> dict:
    """n Submits with no pause between them: each waits for a fresh learner worker's boot."""
    with profile(pw, foreign) as ctx:
        page, _ = open_problem(ctx, f"{base}p/{slug}/index.html")
        rows = page.evaluate(RUN_N, [src, "tests", n + 1, False])
        page.close()
    return stats.summary([r["wall"] for r in rows[1:]])


MEMORY = """async () => {
  const m = await performance.measureUserAgentSpecificMemory();
  const workers = m.breakdown.filter((b) => b.types.includes("DedicatedWorker")).length;
  return { bytes: m.bytes, workers };
}"""


def page_memory(pw, base: str, slug: str, foreign: list) -> dict:
    """The problem page's memory, all workers together (checker, next learner, spare), as
    Chromium measures it for a cross-origin isolated page, once everything has booted."""
    with profile(pw, foreign) as ctx:
        page, _ = open_problem(ctx, f"{base}p/{slug}/index.html")
        page.evaluate("window.mlkata.idle()")
        got = page.evaluate(MEMORY)
        page.close()
    return got


def recovery(pw, base: str, site: Path, slug: str, solution: str, reps: int, foreign: list, log=print) -> dict:
    """Runaway code (`while True: pass`) then the reference, ``reps`` times on one page."""
    b = bundle(site, slug)
    loop = f"def {b['entry']}(*a):\n    while True:\n        pass\n"
    rows = []
    with profile(pw, foreign) as ctx:
        page, _ = open_problem(ctx, f"{base}p/{slug}/index.html")
        page.evaluate(RUN_N, [solution, "tests", 1])  # the page is warm, as after a first Submit
        for i in range(reps):
            r = page.evaluate(RECOVER, [loop, solution])
            rows.append(r)
            log(f"    run {i + 1}: stopped after {r['total']:.0f} ms ({r['verdict']}), next report "
                f"{r['recovery']:.0f} ms later ({r['next']}), workers spawned {r['workers_spawned']}")
            wait_workers(page)  # a replaced worker's spare has booted again before the next rep
        page.close()
    limit_ms = b["time_limit"] * 1000
    return {"time_limit_ms": limit_ms, "total": stats.summary([r["total"] for r in rows]),
            "overshoot": stats.summary([r["total"] - limit_ms for r in rows]),
            "recovery": stats.summary([r["recovery"] for r in rows]),
            "limit_to_next_report": stats.summary([r["total"] - limit_ms + r["recovery"] for r in rows]),
            "runs": rows}


def cpython_times(site: Path, solutions: dict, n: int) -> dict:
    """The same grading (``grader.checker.run`` on the built bundle and the reference, with a
    learner child process started beforehand, untimed, as the browser's spare is) in this
    CPython, median of n after one first run: a yardstick for how fast the VM is during this
    benchmark, since the browser figures move with it."""
    from grader.checker.run import run
    from grader.cpython import ChildLearner
    out = {}
    for slug, src in solutions.items():
        b = bundle(site, slug)
        ts = []
        for i in range(n + 1):
            with ChildLearner(b["time_limit"]) as child:
                t0 = time.perf_counter()
                run(b, src, "tests", child)
                ts.append((time.perf_counter() - t0) * 1000)
        out[slug] = stats.median(ts[1:])
    return out

"""Write latest.json and latest.md: the figures, their targets, and what they were measured on."""

from __future__ import annotations

import json
from pathlib import Path

SUBMIT_TARGETS = ("matmul_backward", "softmax_backward", "cross_entropy")


def _ms(x, digits=0):
    return "n/a" if x is None else f"{x:,.{digits}f} ms"


def _s(x):
    return "n/a" if x is None else f"{x / 1000:.2f} s"


def _kb(x):
    return "n/a" if x is None else f"{x / 1024:,.1f} KB"


def _ok(cond):
    return "n/a" if cond is None else ("yes" if cond else "**no**")


def _le(x, limit):
    return None if x is None else x <= limit


def _ratio(a, b):
    return a / b if a is not None and b else None


def derived(r: dict) -> dict:
    """Medians and ratios the table (and the JSON) report."""
    from .stats import median
    d = {}
    for cache in ("cold", "warm"):
        v = r["loads"][cache]
        m = {k: median([x[k] for x in v["mlkata"] if x.get(k) is not None])
             for k in ("editor", "editor_paint", "editor_rich", "ready", "worker_boot")}
        a = {k: median([x[k] for x in v["anchor"]]) for k in ("ready", "worker_boot")}
        d[cache] = {"mlkata": m, "anchor": a, "ratio": _ratio(m["ready"], a["ready"]), "n": len(v["mlkata"])}
    return d


def rows(r: dict) -> list[tuple[str, str, str, str]]:
    d = r["derived"]
    out = []
    for cache in ("cold", "warm"):
        m, a, n = d[cache]["mlkata"], d[cache]["anchor"], d[cache]["n"]
        label = "cold cache (fresh profile per visit)" if cache == "cold" else "warm cache (same profile, repeat visits)"
        out.append((f"Navigation → editor usable (textarea with the draft, editable), {label}, median of {n}",
                    f"{_ms(m['editor'])} (next frame {_ms(m['editor_paint'])})", "≤ 300 ms", _ok(_le(m["editor"], 300))))
        out.append((f"Navigation → CodeMirror has taken over (highlighting, undo, search), {cache}",
                    _ms(m["editor_rich"]), "", ""))
    for cache in ("cold", "warm"):
        m, a, n = d[cache]["mlkata"], d[cache]["anchor"], d[cache]["n"]
        out.append((f"Navigation → runtime ready (`mlkata.ready`), {cache}, median of {n}",
                    f"{_ms(m['ready'])} (worker's own boot {_ms(m['worker_boot'])})", "", ""))
        out.append((f"Anchor: bare page, same Pyodide + `loadPackage('numpy')` + `import numpy` in a Worker, {cache}",
                    f"{_ms(a['ready'])} (worker's own boot {_ms(a['worker_boot'])})", "", ""))
        ratio = d[cache]["ratio"]
        out.append((f"Ready ÷ bare boot, {cache}", "n/a" if ratio is None else f"{ratio:.2f}×",
                    "≤ 1.2×" if cache == "warm" else "", _ok(_le(ratio, 1.2)) if cache == "warm" else ""))
    for slug in SUBMIT_TARGETS:
        s = r["submit"].get(slug)
        if s:
            w, visits = s["tests"]["wall"], s["tests"].get("visit_medians") or []
            spread = (f"; per visit {' / '.join(_ms(m) for m in visits)}" if len(visits) > 1 else "")
            out.append((f"Submit → report, `{slug}`, warm (median / p95 of {w['n']}"
                        + (f", over {len(visits)} visits taken in turn with the other two" if len(visits) > 1 else "") + ")",
                        f"{_ms(w['median'], 1)} / {_ms(w['p95'], 1)}{spread}", "median ≤ 100 ms", _ok(_le(w["median"], 100))))
            cpy = (r.get("cpython_grading") or {}).get(slug)
            if cpy is not None:
                out.append((f"↳ yardstick: the same grading in CPython on this machine, just after (median of {r['runs_per_problem']})",
                            _ms(cpy, 1), "", ""))
    if r.get("back_to_back"):
        w = r["back_to_back"]
        out.append((f"Submit → report, `{r['load_slug']}`, back to back with no pause (median / p95 of {w['n']}): "
                    "each waits for a fresh learner worker's boot", f"{_ms(w['median'])} / {_ms(w['p95'])}", "", ""))
    if r.get("memory"):
        mem = r["memory"]
        out.append((f"Page memory, all workers together (`measureUserAgentSpecificMemory`, `p/{r['load_slug']}/` settled)",
                    f"{mem['bytes'] / 2**20:.0f} MiB ({mem['workers']} workers: checker, next learner, spare)", "", ""))
    for mode in ("isolated", "plain"):
        rec = r["recovery"].get(mode)
        if rec:
            t = rec["limit_to_next_report"]
            out.append((f"Recovery, {'isolated by the headers' if mode == 'isolated' else 'isolated by the service worker (plain server)'}: "
                        f"time limit → next report (median of {t['n']})",
                        f"{_ms(t['median'])} past the {_s(rec['time_limit_ms'])} limit "
                        f"(stopped run {_ms(rec['total']['median'])}; verdict → next report {_ms(rec['recovery']['median'])})",
                        "≤ 1 s beyond the limit", _ok(_le(t["median"], 1000))))
    tr = r["transfer"]
    out.append(("Bytes, first visit (page + all workers)", f"{_kb(tr['first']['bytes'])} in {tr['first']['requests']} requests", "", ""))
    out.append(("Bytes, repeat visit", f"{_kb(tr['repeat']['bytes'])} ({tr['repeat']['from_network']} of {tr['repeat']['requests']} requests reached the server)",
                "≤ 50 KB", _ok(_le(tr["repeat"]["bytes"], 50 * 1024))))
    b = r["build"]
    real = b["real"]
    med = real["build_ms"]["median"]
    out.append((f"Build `python build.py --no-check`, the real {real['problems']} problems (median of {real['build_ms']['n']})",
                f"{_s(med)} ({_ms(med / real['problems'], 1)} per problem)", "", ""))
    out.append((f"No-op rebuild, real problems", _s(real["noop_ms"]), "≤ 2 s", _ok(_le(real["noop_ms"], 2000))))
    gen = b["generated"]
    for n, g in gen["sizes"].items():
        big = int(n) == max(int(k) for k in gen["sizes"])
        out.append((f"Build, {n} generated problems", f"{_s(g['build_ms'])} ({_ms(g['per_problem_ms'], 1)} per problem)",
                    "≤ 20 s, ≤ 20 ms per problem" if big else "≤ 20 ms per problem",
                    _ok(_le(g["build_ms"], 20000) and _le(g["per_problem_ms"], 20)) if big else _ok(_le(g["per_problem_ms"], 20))))
    if gen.get("slope_ms_per_problem") is not None:
        out.append(("Build growth: least-squares line through those points",
                    f"{_ms(gen['slope_ms_per_problem'], 1)} per problem + {_s(gen['intercept_ms'])} fixed", "linear", ""))
    big = gen["sizes"][max(gen["sizes"], key=int)]
    out.append((f"No-op rebuild, {max(gen['sizes'], key=int)} generated problems", _s(big.get("noop_ms")), "≤ 2 s", _ok(_le(big.get("noop_ms"), 2000))))
    return out


def submit_table(r: dict) -> list[str]:
    lines = ["| problem | tests | Submit median | Submit p95 | ↳ in tests | ↳ grader setup | ↳ outside Python | first Submit | Run examples median | examples p95 | verdicts |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for slug, s in r["submit"].items():
        t, e = s["tests"], s["examples"]
        lines.append(f"| `{slug}` | {t['tests']} | {_ms(t['wall']['median'], 1)} | {_ms(t['wall']['p95'], 1)} | "
                     f"{_ms(t['tests_ms']['median'], 1)} | {_ms(t['setup_ms']['median'], 1)} | {_ms(t['outside_ms']['median'], 1)} | {_ms(t['first_wall'], 1)} | {_ms(e['wall']['median'], 1)} | "
                     f"{_ms(e['wall']['p95'], 1)} | {', '.join(sorted(set(t['statuses']) | set(e['statuses'])))} |")
    return lines


def markdown(r: dict) -> str:
    m = r["machine"]
    lines = ["# mlkata speed benchmark", "",
             f"Run {r['started']} ({'--quick' if r['quick'] else 'full'}), took {r['duration_s']:.0f} s. "
             "Figures are printed, never asserted.", "",
             "| nproc | CPU | Chromium | Python |", "| --- | --- | --- | --- |",
             f"| {m['nproc']} | {m['cpu']} | {m['chromium']} | {m['python']} |", "",
             "| measure | figure | target | within target |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(r)]
    lines += ["", f"Submit → report and Run examples, warm, the reference solution, {r['runs_per_problem']} timed runs each "
              f"for the three launch problems and {max(3, r['runs_per_problem'] // 4)} for the others "
              "(after one first run per visit; the very first is shown apart; the three launch problems spread theirs over "
              "visits taken in turn, so a slow spell of the VM hits all three); wall time from `mlkata.run()` to its promise resolving (report rendered). "
              "↳ columns split the median run using the report: *in tests* = sum of the tests' `duration_ms`; "
              "*grader setup* = report `duration_ms` − that (exec tests.py, sending and loading the submission in the learner worker); "
              "*outside Python* = wall − report `duration_ms` (messages, JSON, handing the learner worker its channel, rendering). "
              "Before each timed run the page idles until the next learner worker and its spare have booted (`mlkata.idle()`), "
              "as for a learner who reads a result before submitting again; back-to-back Submits are a row of their own.", ""]
    lines += submit_table(r)
    lines += ["", "Method notes:", "",
              f"- Page timings: `performance.now()` in the page (ms since navigation start), from an init script: "
              "a MutationObserver for the editor becoming editable (the page's `#editor textarea` losing `readonly` once it holds the draft, or CodeMirror's `.cm-content[contenteditable=true]`, whichever is first; CodeMirror's takeover is timed apart), and `window.mlkata.ready` resolving. "
              f"Problem page: `p/{r['load_slug']}/`. Each profile is a persistent Chromium profile (on-disk HTTP cache), "
              "served by `builder.serve.make_server` (COOP/COEP + the site's CSP; recovery also on a plain server, isolated by the service worker).",
              f"- Bytes: {r['transfer']['method']}",
              "- Builds: wall time of the `python build.py --no-check` subprocess into a fresh folder (a no-op "
              "rebuild writes into the previous output again); includes Python start-up, esbuild and copying Pyodide.",
              f"- Requests that left localhost: {len(r['foreign_requests'])}."]
    return "\n".join(lines) + "\n"


def write(r: dict, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    j, md = out_dir / "latest.json", out_dir / "latest.md"
    j.write_text(json.dumps(r, indent=2, default=str) + "\n", encoding="utf-8")
    md.write_text(markdown(r), encoding="utf-8")
    return j, md

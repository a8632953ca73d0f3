"""``python -m bench [--quick] [--out bench/results]``: build, serve, drive Chromium, print figures."""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
import time
from pathlib import Path

from . import anchor, build_speed, machine, report, runs, site, transfer

LOAD_SLUG = "matmul_backward"


def log(msg: str) -> None:
    print(msg, flush=True)


def build_site(tmp: Path, attempts: int = 3) -> Path:
    """Build into tmp/site (retrying: others may be mid-edit), then add the anchor page."""
    out = tmp / "site"
    for i in range(attempts):
        try:
            secs = site.build(out)
            break
        except RuntimeError as e:
            if i == attempts - 1:
                raise
            log(f"  build failed, retrying in 30 s:\n{str(e)[-800:]}")
            time.sleep(30)
    log(f"  built {len(site.problem_slugs(out))} problems in {secs:.2f} s")
    anchor.write(out)
    return out


def solutions(site_dir: Path) -> dict[str, str]:
    """Each built problem's reference solution, read from problems/<slug>/solution.py."""
    out = {}
    for slug in site.problem_slugs(site_dir):
        f = site.ROOT / "problems" / slug / "solution.py"
        if f.is_file():
            out[slug] = f.read_text(encoding="utf-8")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (3 visits, 10 runs, 1 recovery)")
    ap.add_argument("--out", type=Path, default=site.ROOT / "bench" / "results")
    ap.add_argument("--problems", help="comma-separated slugs whose Submit is timed (default: all)")
    args = ap.parse_args(argv)
    visits, runs_n, reps, build_reps = (3, 10, 1, 1) if args.quick else (5, 20, 3, 3)
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    t_start = time.perf_counter()
    from playwright.sync_api import sync_playwright
    from .browser import CHROMIUM, page_loads
    r = {"started": started, "quick": args.quick, "machine": machine.describe(CHROMIUM),
         "load_slug": LOAD_SLUG, "runs_per_problem": runs_n}
    foreign: list = []
    with tempfile.TemporaryDirectory(prefix="mlkata-bench-") as tmp:
        log("== building the site")
        site_dir = build_site(Path(tmp))
        refs = solutions(site_dir)
        r["problems"] = list(refs)
        with sync_playwright() as pw, site.serving(site_dir, isolate=True) as iso, \
                site.serving(site_dir, isolate=False) as plain:
            log(f"== navigation → editor / ready, and the bare-boot anchor ({visits} visits each)")
            r["loads"] = page_loads(pw, iso, LOAD_SLUG, anchor.PATH, visits, foreign, log)
            log("== bytes transferred")
            r["transfer"] = transfer.bytes_transferred(pw, iso, LOAD_SLUG, foreign)
            log(f"  first visit {r['transfer']['first']['bytes']:,} B, repeat {r['transfer']['repeat']['bytes']:,} B")
            log(f"== Submit → report and Run examples, every problem ({runs_n} runs each)")
            r["submit_rounds"] = {slug: 4 if not args.quick else 2 for slug in report.SUBMIT_TARGETS}
            timed = {s: src for s, src in refs.items()
                     if not args.problems or s in args.problems.split(",") or s in report.SUBMIT_TARGETS}
            r["submit"] = runs.submit_times(pw, iso, timed, runs_n, foreign, log, rounds=r["submit_rounds"],
                                            n_other=max(3, runs_n // 4))
            r["cpython_grading"] = runs.cpython_times(site_dir, {s: refs[s] for s in report.SUBMIT_TARGETS if s in refs}, runs_n)
            log("  the same grading in CPython (yardstick): " + ", ".join(
                f"{s} {ms:.1f} ms" for s, ms in r["cpython_grading"].items()))
            r["back_to_back"] = runs.back_to_back(pw, iso, LOAD_SLUG, refs[LOAD_SLUG], runs_n // 2, foreign)
            log(f"  back-to-back Submits (each waits for a learner boot): median {r['back_to_back']['median']:.0f} ms")
            r["memory"] = runs.page_memory(pw, iso, LOAD_SLUG, foreign)
            log(f"  page memory, all workers: {r['memory']['bytes'] / 2**20:.0f} MiB in {r['memory']['workers']} workers")
            log(f"== recovery after a runaway run ({reps} each)")
            r["recovery"] = {}
            for mode, base in (("isolated", iso), ("plain", plain)):
                log(f"  {mode}:")
                r["recovery"][mode] = runs.recovery(pw, base, site_dir, LOAD_SLUG, refs[LOAD_SLUG], reps, foreign, log)
    log("== build speed")
    r["build"] = {"real": build_speed.real(build_reps, log),
                  "generated": build_speed.generated((250, 500, 1000), log)}
    r["foreign_requests"] = sorted(set(foreign))
    r["duration_s"] = time.perf_counter() - t_start
    r["derived"] = report.derived(r)
    j, md = report.write(r, args.out)
    log("")
    sys.stdout.write(md.read_text(encoding="utf-8"))
    log(f"\nwrote {j} and {md} ({r['duration_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

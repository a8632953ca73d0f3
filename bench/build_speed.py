"""How long ``python build.py --no-check`` takes: the real problems, N generated copies, a no-op rebuild."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

from . import site, stats

TEMPLATE = "matmul_backward"


def generate(dest: Path, n: int, template: Path = site.ROOT / "problems" / TEMPLATE) -> Path:
    """``n`` copies of the template problem with unique slugs and ids, no cross-references."""
    dest.mkdir(parents=True)
    spec = yaml.safe_load((template / "problem.yaml").read_text(encoding="utf-8"))
    spec["related"], spec["prerequisites"] = [], []
    for key in ("track", "order"):  # a track needs its folder; copies belong to none
        spec.pop(key, None)
    for i in range(1, n + 1):
        d = dest / f"{TEMPLATE}_{i:04d}"
        shutil.copytree(template, d, ignore=shutil.ignore_patterns("__pycache__"))
        spec["id"] = f"gen-{i:04d}"
        spec["title"] = f"Matmul backward {i}"
        (d / "problem.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


def real(reps: int, log=print) -> dict:
    """Fresh-output builds of problems/, then a rebuild of the same output with nothing changed."""
    with tempfile.TemporaryDirectory(prefix="mlkata-bench-build-") as tmp:
        times = []
        for i in range(reps):
            out = Path(tmp) / f"out{i}"
            times.append(site.build(out) * 1000)
        noop = site.build(Path(tmp) / "out0") * 1000
        n = sum(1 for _ in (Path(tmp) / "out0" / "p").iterdir())
    log(f"  real problems ({n}): {stats.median(times):.0f} ms; no-op rebuild {noop:.0f} ms")
    return {"problems": n, "build_ms": stats.summary(times), "noop_ms": noop}


def generated(sizes: tuple[int, ...], log=print) -> dict:
    """Build ``n`` generated problems for each n; per-problem ms, the slope of a line through the
    points (marginal cost per problem) and its intercept (fixed cost: esbuild, vendoring Pyodide)."""
    rows = {}
    with tempfile.TemporaryDirectory(prefix="mlkata-bench-gen-") as tmp:
        for n in sizes:
            probs = generate(Path(tmp) / f"problems{n}", n)
            out = Path(tmp) / f"out{n}"
            ms = site.build(out, probs) * 1000
            rows[n] = {"build_ms": ms, "per_problem_ms": ms / n}
            if n == max(sizes):
                rows[n]["noop_ms"] = site.build(out, probs) * 1000
            log(f"  {n} generated problems: {ms / 1000:.2f} s ({ms / n:.1f} ms per problem)"
                + (f"; no-op rebuild {rows[n]['noop_ms'] / 1000:.2f} s" if "noop_ms" in rows[n] else ""))
            shutil.rmtree(out)
    xs, ys = list(rows), [rows[n]["build_ms"] for n in rows]
    slope, intercept = _fit(xs, ys)
    return {"sizes": rows, "slope_ms_per_problem": slope, "intercept_ms": intercept}


def _fit(xs, ys):
    if len(xs) < 2:
        return None, None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return slope, my - slope * mx

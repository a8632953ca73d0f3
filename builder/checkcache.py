"""Run ``grader check`` on each problem, cached by a hash of its files (mutants included) and
the grader's code, so a rebuild or a second ``grader check`` re-runs only what changed.
Two problems are checked at once (2 cores), in two worker processes: the checker keeps
per-run state in module globals (``testing.TOLERANCE``, the hint recorder), so two checks
must never share an interpreter (two threads once mixed their tolerances). Results without
errors are cached (warnings included, so they are shown again); a problem with errors is
re-run after every edit."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from builder.buildcache import _write, code_hash
from grader.check import check_problem, is_warning
from grader.problem import FILES

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "checks"


def _key(problem, grader_hash: str) -> str:
    h = hashlib.sha256(grader_hash.encode())
    for f in FILES:
        h.update((problem.path / f).read_bytes())
    for f in sorted((problem.path / "wrong").glob("*.py")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(str(problem.path.resolve()).encode())  # findings name paths
    return h.hexdigest()


def check_cached(problems, log=None) -> list[str]:
    grader_hash = code_hash(*sorted((ROOT / "grader").rglob("*.py")))  # once, not once per problem

    markers = [CACHE / f"{_key(p, grader_hash)}.json" for p in problems]
    cached = [m.is_file() for m in markers]
    with _checked([p for p, c in zip(problems, cached) if not c]) as fresh:
        out = []
        for p, marker, hit in zip(problems, markers, cached):
            if hit:
                findings = json.loads(marker.read_text())
            else:
                findings = next(fresh)
                if not any(not is_warning(f) for f in findings):
                    _write(marker, json.dumps(findings).encode())
            if log:
                log(f"{'FAIL' if any(not is_warning(f) for f in findings) else 'ok  '} {p.slug}")
            out += findings
    return out


@contextmanager
def _checked(problems):
    """``check_problem`` of each problem, in order, computed two at a time in worker processes."""
    if not problems:
        yield iter([])
        return
    with ProcessPoolExecutor(max_workers=min(2, len(problems)),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            yield pool.map(check_problem, problems)
        finally:
            pool.shutdown(cancel_futures=True)

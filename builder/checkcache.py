"""Run ``grader check`` on each problem, cached by a hash of its files and the grader's code,
so a rebuild re-checks only what changed. Two problems are checked at once (2 cores)."""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from grader.check import check_problem
from grader.problem import FILES

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "checks"


def _key(problem) -> str:
    h = hashlib.sha256()
    for f in sorted((ROOT / "grader").glob("*.py")):
        h.update(f.read_bytes())
    for f in FILES:
        h.update((problem.path / f).read_bytes())
    return h.hexdigest()


def check_cached(problems) -> list[str]:
    CACHE.mkdir(parents=True, exist_ok=True)

    def one(p) -> list[str]:
        marker = CACHE / f"{_key(p)}.json"
        if marker.is_file():
            return json.loads(marker.read_text())
        errors = check_problem(p)
        if not errors:  # only successes are cached: a failing problem is re-run after a fix
            marker.write_text(json.dumps(errors))
        return errors

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [e for errs in pool.map(one, problems) for e in errs]

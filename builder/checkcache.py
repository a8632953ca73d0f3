"""Run ``grader check`` on each problem, cached by a hash of its files and the grader's code,
so a rebuild re-checks only what changed. Two problems are checked at once (2 cores)."""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from builder.buildcache import code_hash
from grader.check import check_problem
from grader.problem import FILES

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "checks"


def _key(problem, grader_hash: str) -> str:
    h = hashlib.sha256(grader_hash.encode())
    for f in FILES:
        h.update((problem.path / f).read_bytes())
    return h.hexdigest()


def check_cached(problems) -> list[str]:
    CACHE.mkdir(parents=True, exist_ok=True)
    grader_hash = code_hash(*sorted((ROOT / "grader").glob("*.py")))  # once, not once per problem

    def one(p) -> list[str]:
        marker = CACHE / f"{_key(p, grader_hash)}.json"
        if marker.is_file():
            return json.loads(marker.read_text())
        errors = check_problem(p)
        if not errors:  # only successes are cached: a failing problem is re-run after a fix
            marker.write_text(json.dumps(errors))
        return errors

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [e for errs in pool.map(one, problems) for e in errs]

"""Run ``grader check`` on each problem, cached by a hash of its files (mutants included) and
the grader's code, so a rebuild or a second ``grader check`` re-runs only what changed.
Two problems are checked at once (2 cores). Results without errors are cached (warnings
included, so they are shown again); a problem with errors is re-run after every edit."""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
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

    def one(p) -> list[str]:
        marker = CACHE / f"{_key(p, grader_hash)}.json"
        if marker.is_file():
            findings = json.loads(marker.read_text())
        else:
            findings = check_problem(p)
            if not any(not is_warning(f) for f in findings):
                _write(marker, json.dumps(findings).encode())
        if log:
            log(f"{'FAIL' if any(not is_warning(f) for f in findings) else 'ok  '} {p.slug}")
        return findings

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [e for errs in pool.map(one, problems) for e in errs]

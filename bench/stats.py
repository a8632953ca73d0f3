"""Summary statistics for lists of milliseconds."""

from __future__ import annotations

import math
import statistics


def median(xs):
    return statistics.median(xs) if xs else None


def p95(xs):
    """Nearest-rank 95th percentile (with 10 samples: the largest)."""
    if not xs:
        return None
    s = sorted(xs)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def summary(xs) -> dict:
    xs = [x for x in xs if x is not None]
    return {"n": len(xs), "median": median(xs), "p95": p95(xs),
            "min": min(xs) if xs else None, "max": max(xs) if xs else None, "samples": [round(x, 2) for x in xs]}

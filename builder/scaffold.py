"""``build.py new SLUG``: a complete problem folder whose TODO markers ``grader check``
reports until the author replaces them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from grader.problem import load_all

YAML = """\
# Every key is described in docs/authoring.md; editors can validate this file
# against problem.schema.json (published with the site).
id: {id}
title: TODO title
difficulty: easy
tags: [TODO]
entry: {slug}
args:
  - {{name: x, type: array}}
returns:
  - {{name: y, type: array}}
time_limit: 5
tolerance: {{atol: 1.0e-6, rtol: 1.0e-6}}
examples:
  - inputs: {{x: "[1.0, 2.0, 3.0]"}}
    output: {{y: "[2.0, 4.0, 6.0]"}}
    explanation: TODO explain why this is the answer.
  - inputs: {{x: "[0.0]"}}
    output: {{y: "[0.0]"}}
    explanation: TODO explain the edge case.
hints:
  - TODO a first, gentle hint.
related: []
"""

STATEMENT = """\
## Background

TODO why this matters.

## Problem statement

TODO what to compute, with math such as $y = 2x$.

## Input

- `x`: TODO shape and meaning.

## Output

- `y`: TODO shape and meaning.

## Constraints

- TODO sizes.

## Notes

TODO the derivation, the common mistakes.
"""

STARTER = '''\
import numpy as np


def {slug}(x):
    """TODO one line on what it computes.

    x: TODO shape
    returns: TODO shape
    """
    return np.zeros_like(x)
'''

SOLUTION = '''\
import numpy as np


def {slug}(x):
    return 2 * x  # TODO the reference
'''

TESTS = '''\
import numpy as np

from grader.testing import assert_close, numerical_gradient, rng


def test_matches_reference(f):
    """TODO the name learners see for this test"""
    x = rng(0).standard_normal(5)
    assert_close(f(x), 2 * x, "y", hint="TODO what to check when this fails.")
'''


def next_id(problems_dir: Path) -> str:
    problems, _ = load_all(problems_dir)
    nums = [int(m.group(1)) for p in problems if (m := re.fullmatch(r"mk-(\d+)", p.spec.id))]
    return f"mk-{max(nums, default=0) + 1:04d}"


def new_problem(problems_dir: Path, slug: str) -> int:
    from .content import SLUG, SLUG_RULE
    if not SLUG.fullmatch(slug):
        print(f"{slug!r}: {SLUG_RULE}; it names the folder and the entry function", file=sys.stderr)
        return 2
    folder = Path(problems_dir) / slug
    if folder.exists():
        print(f"{folder}: already exists; nothing written", file=sys.stderr)
        return 1
    pid = next_id(problems_dir)
    folder.mkdir(parents=True)
    files = {"problem.yaml": YAML, "statement.md": STATEMENT, "starter.py": STARTER,
             "solution.py": SOLUTION, "tests.py": TESTS}
    for name, template in files.items():
        (folder / name).write_text(template.format(slug=slug, id=pid), encoding="utf-8")
    print(f"created {folder} (id {pid}). Replace every TODO, then run: python -m grader check {problems_dir}")
    return 0

"""``python -m grader run PROBLEM_DIR FILE.py [--json] [--examples]``, ``check [DIR|SLUG]``,
``preview SLUG`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def cmd_run(args) -> int:
    from .problem import ProblemError, load_problem
    from .cpython import run_isolated
    try:
        problem = load_problem(Path(args.problem))
    except ProblemError as e:
        print("\n".join(e.errors), file=sys.stderr)
        return 2
    source = Path(args.file).read_text(encoding="utf-8")
    report = run_isolated(problem.bundle(), source, "examples" if args.examples else "tests")
    if args.json:
        print(report.as_json())
    else:
        print(f"{report.status.value.upper()}: {report.message}")
        for t in report.tests:
            print(f"  [{t.status.value:7}] {t.name} ({t.duration_ms:.1f} ms)")
            if t.message:
                print("            " + t.message.replace("\n", "\n            "))
            if t.output:
                print("            output: " + t.output.rstrip().replace("\n", "\n                    "))
    return 0 if report.status.value == "pass" else 1


def cmd_check(args) -> int:
    from .check import check_all, is_warning
    findings = check_all(args.problems, log=lambda s: print(s, file=sys.stderr, flush=True))
    for f in findings:
        print(f, flush=True)
    errors = [f for f in findings if not is_warning(f)]
    warnings = len(findings) - len(errors)
    tail = f", {warnings} warning(s)" if warnings else ""
    print(f"{len(errors)} error(s){tail}" if errors else f"all problems ok{tail}", file=sys.stderr)
    return 1 if errors else 0


def cmd_preview(args) -> int:
    from builder.content import ContentError, load_content
    from .authoring.preview import collect, render_text
    try:
        content = load_content(args.problem)
    except ContentError as e:
        print("\n".join(e.errors), file=sys.stderr)
        return 2
    for p in content.problems:
        print(render_text(p, collect(p)), flush=True)
    return 0


def cmd_schema(args) -> int:
    from .schema import ProblemSpec
    print(json.dumps(ProblemSpec.model_json_schema(), indent=2))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m grader", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="judge one file against a problem")
    r.add_argument("problem", help="the problem folder")
    r.add_argument("file", help="the learner's .py file")
    r.add_argument("--json", action="store_true", help="print exactly the report, as JSON")
    r.add_argument("--examples", action="store_true", help="run the visible examples instead of the hidden tests")
    r.set_defaults(func=cmd_run)
    c = sub.add_parser("check", help="validate a problems folder, one problem folder, or a slug")
    c.add_argument("problems", nargs="?", default="problems",
                   help="a problems folder (default problems), a problem folder, or a slug")
    c.set_defaults(func=cmd_check)
    v = sub.add_parser("preview", help="the starter's, the solution's and each mutant's report, side by side")
    v.add_argument("problem", help="a slug or a problem folder")
    v.set_defaults(func=cmd_preview)
    s = sub.add_parser("schema", help="print problem.yaml's JSON Schema")
    s.set_defaults(func=cmd_schema)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `grader run ... | head`: the reader left; nothing more to say
        if not _stdout_closed():
            raise  # a pipe of the grader's own (to a learner process) broke: not the reader
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _stdout_closed() -> bool:
    """True when stdout is a pipe whose reader has gone (``| head`` finished)."""
    import select
    import stat
    try:
        if not stat.S_ISFIFO(os.fstat(1).st_mode):
            return False
        poller = select.poll()
        poller.register(1, select.POLLERR)
        return any(ev & select.POLLERR for _, ev in poller.poll(0))
    except (OSError, ValueError):
        return True


if __name__ == "__main__":
    sys.exit(main())

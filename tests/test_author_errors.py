"""Broken problem folders: `grader check` and `build.py` refuse them with `path:line: message`,
and a failed build leaves the previous site byte for byte."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SOURCE = ROOT / "problems" / "matmul_backward"


def make(tmp_path: Path, edit=None, name="matmul_backward") -> Path:
    """A problems folder holding one copy of matmul_backward, edited by ``edit(folder)``."""
    root = tmp_path / "problems"
    folder = root / name
    shutil.copytree(SOURCE, folder)
    y = folder / "problem.yaml"
    # Standalone: no references to other problems or to a track.
    text = re.sub(r"^(related|prerequisites):.*$", r"\1: []", y.read_text(), flags=re.M)
    y.write_text(re.sub(r"^(track|order):.*\n", "", text, flags=re.M))
    if edit:
        edit(folder)
    return root


def sub(folder: Path, file: str, old: str, new: str) -> None:
    p = folder / file
    text = p.read_text()
    assert old in text, f"{old!r} not in {file}"
    p.write_text(text.replace(old, new, 1))


def check(root: Path) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "grader", "check", str(root)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    return proc.returncode, proc.stdout


def line_of(path: Path, needle: str) -> int:
    return next(i for i, l in enumerate(path.read_text().splitlines(), 1) if needle in l)


STATIC = {
    "yaml_syntax": (lambda f: sub(f, "problem.yaml", "difficulty: easy", "difficulty: [easy"),
                    "problem.yaml", "YAML syntax error"),
    "unknown_key": (lambda f: sub(f, "problem.yaml", "difficulty: easy", "difficulty: easy\ndificulty: hard"),
                    "problem.yaml", "dificulty: unknown key"),
    "wrong_type": (lambda f: sub(f, "problem.yaml", "time_limit: 5", "time_limit: fast"),
                   "problem.yaml", "time_limit: input should be a valid number"),
    "bad_enum": (lambda f: sub(f, "problem.yaml", "{name: A, type: array}", "{name: A, type: matrix}"),
                 "problem.yaml", "args.1.type: input should be"),
    "missing_key": (lambda f: sub(f, "problem.yaml", "title: Matmul backward\n", ""),
                    "problem.yaml", "title: field required"),
    "missing_file": (lambda f: (f / "solution.py").unlink(), "solution.py", "missing file"),
    "tests_syntax": (lambda f: sub(f, "tests.py", "def test_dA(f):", "def test_dA(f)"),
                     "tests.py", "syntax error"),
    "starter_syntax": (lambda f: sub(f, "starter.py", "dA = np.zeros_like(A)", "dA = np.zeros_like(A"),
                       "starter.py", "syntax error"),
    "no_docstring": (lambda f: sub(f, "tests.py", '    """Returns two arrays with correct shapes"""\n', ""),
                     "tests.py", "test_shapes has no docstring"),
    "todo_left": (lambda f: sub(f, "statement.md", "## Notes", "## Notes\n\nTODO: write notes"),
                  "statement.md", "TODO left"),
    "signature_mismatch": (lambda f: sub(f, "solution.py", "def matmul_backward(grad_out, A, B):", "def matmul_backward(g, A, B):"),
                           "solution.py", "takes (g, A, B)"),
    "bad_literal": (lambda f: sub(f, "problem.yaml", 'grad_out: "[[1.0, 1.0]]"', 'grad_out: "[[1.0, 1.0]"'),
                    "problem.yaml", "is not a Python literal"),
    "example_keys": (lambda f: sub(f, "problem.yaml", '      B: "[[3.0, 4.0], [5.0, 6.0]]"\n', ""),
                     "problem.yaml", "examples[0].inputs has keys"),
}


@pytest.mark.parametrize("case", sorted(STATIC))
def test_static_errors_name_file_and_line(tmp_path, case):
    edit, file, message = STATIC[case]
    code, out = check(make(tmp_path, edit))
    assert code == 1
    lines = [l for l in out.splitlines() if l.strip()]
    assert any(message in l for l in lines), out
    for l in lines:
        assert re.match(r"^/.+?:\d+: .+", l), f"not path:line: message: {l!r}"
    hit = next(l for l in lines if message in l)
    assert Path(hit.split(":", 1)[0]).name == file


def test_unknown_key_points_at_its_line(tmp_path):
    root = make(tmp_path, STATIC["unknown_key"][0])
    _, out = check(root)
    y = root / "matmul_backward" / "problem.yaml"
    assert f"{y}:{line_of(y, 'dificulty')}: dificulty: unknown key" in out


RUNTIME = {
    "reference_fails": (lambda f: sub(f, "solution.py", "dA = grad_out @ B.T", "dA = grad_out @ B.T * 2"),
                        "solution.py", "the reference does not pass"),
    "starter_passes": (lambda f: (f / "starter.py").write_text((f / "solution.py").read_text()),
                       "starter.py", "the starter passes every test"),
    "example_wrong": (lambda f: sub(f, "problem.yaml", 'dA: "[[7.0, 11.0]]"', 'dA: "[[7.0, 12.0]]"'),
                      "problem.yaml", "examples[0]: the reference disagrees with the expected output"),
    "nondeterministic": (lambda f: sub(f, "tests.py", "g = rng(seed)", "g = np.random.default_rng()"),
                         "tests.py", "different results on two runs"),
}


@pytest.mark.parametrize("case", sorted(RUNTIME))
def test_runtime_errors(tmp_path, case):
    edit, file, message = RUNTIME[case]
    code, out = check(make(tmp_path, edit))
    assert code == 1
    hit = [l for l in out.splitlines() if message in l]
    assert hit, out
    assert Path(hit[0].split(":", 1)[0]).name == file


def test_duplicate_ids(tmp_path):
    root = make(tmp_path)
    shutil.copytree(root / "matmul_backward", root / "matmul_backward_copy")
    code, out = check(root)
    assert code == 1 and "id 'mk-0001' is also used by" in out


def test_sound_problem_passes(tmp_path):
    code, out = check(make(tmp_path))
    assert code == 0, out


def tree_digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def build(root: Path, out: Path, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", "--problems", str(root), "--out", str(out), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_failed_build_leaves_last_good_site(tmp_path):
    root, out = make(tmp_path), tmp_path / "dist"
    ok = build(root, out)
    assert ok.returncode == 0, ok.stderr
    before = tree_digest(out)
    sub(root / "matmul_backward", "statement.md", "## Notes", "## Notes\n\nBroken $\\frac{a}{b$ math and $\\nosuchcommand x$.")
    bad = build(root, out)
    assert bad.returncode == 1
    md = root / "matmul_backward" / "statement.md"
    assert f"{md}:{line_of(md, 'nosuchcommand')}: math:" in bad.stderr
    assert "left as it was" in bad.stderr
    assert tree_digest(out) == before
    yaml_bad = build(make(tmp_path / "b", STATIC["unknown_key"][0]), out)
    assert yaml_bad.returncode == 1 and "unknown key" in yaml_bad.stderr
    assert tree_digest(out) == before


def test_statement_html_is_text_and_links_are_safe(tmp_path):
    def edit(f):
        sub(f, "statement.md", "## Notes", "## Notes\n\n<script>alert(1)</script> <b>bold</b> "
            "[evil](javascript:alert(1)) [docs](https://numpy.org) costs $5 and $10.")
    root, out = make(tmp_path, edit), tmp_path / "dist"
    assert build(root, out, "--no-check").returncode == 0
    html = (out / "p" / "matmul_backward" / "index.html").read_text()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html
    assert 'href="javascript:' not in html
    assert '<a href="https://numpy.org" rel="noopener noreferrer nofollow" target="_blank">docs</a>' in html
    assert "costs $5 and $10." in html
    assert "<math" in html  # the statement's own math rendered at build time


def test_rebuilds_are_incremental_and_errors_are_never_cached(tmp_path):
    """Same inputs: the build is skipped and dist/ untouched. One edit: rebuilt with it.
    A broken edit after a good one is still refused (the caches hold successes only)."""
    root, out = make(tmp_path), tmp_path / "dist"
    assert build(root, out, "--no-check").returncode == 0
    before = tree_digest(out)
    again = build(root, out, "--no-check")
    assert again.returncode == 0 and "is up to date" in again.stdout
    assert tree_digest(out) == before
    sub(root / "matmul_backward", "statement.md", "## Notes", "## Notes\n\nAn edited line.")
    edited = build(root, out, "--no-check")
    assert edited.returncode == 0 and "built" in edited.stdout
    assert "An edited line." in (out / "p" / "matmul_backward" / "index.html").read_text()
    sub(root / "matmul_backward", "problem.yaml", "difficulty: easy", "difficulty: trivial")
    broken = build(root, out, "--no-check")
    assert broken.returncode == 1 and "difficulty" in broken.stderr
    sub(root / "matmul_backward", "problem.yaml", "difficulty: trivial", "difficulty: easy")
    assert build(root, out, "--no-check").returncode == 0

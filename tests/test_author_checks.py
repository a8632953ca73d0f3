"""The author's mistakes that used to pass silently or be blamed on the wrong file: each one is
made here, and `grader check` (or the build) must name the file and line and say what is wrong.
The pattern (a one-problem copy of matmul_backward, edited) is test_author_errors.py's."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_author_errors import build, line_of, make, sub
from test_author_errors import check as run_check


def check(root: Path) -> tuple[int, str]:
    """`grader check`'s exit code and findings, without translation warnings (a copy edited
    here leaves its Spanish translation out of date, which these tests are not about)."""
    code, out = run_check(root)
    return code, "".join(l for l in out.splitlines(True) if not (": warning: " in l and "translation" in l))


SOLUTION_HEADER = "# fails: dA matches grad_out @ B.T\n# says: dA is wrong\n"


def hidden_of(root: Path) -> Path:
    return root / "matmul_backward" / "tests.py"


# 1. Errors in tests.py are the author's, at tests.py:LINE, with a traceback; never solution.py.

def test_tests_py_that_fails_at_import(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "tests.py", "SHAPES = [", "import nosuch_module_xyz\nSHAPES = ["))
    code, out = check(root)
    t = hidden_of(root)
    assert code == 1
    assert out.startswith(f"{t}:{line_of(t, 'import nosuch_module_xyz')}: tests.py raised while loading: "
                          "ModuleNotFoundError: No module named 'nosuch_module_xyz'\n"), out
    assert f'File "tests.py", line {line_of(t, "import nosuch_module_xyz")}, in <module>' in out
    assert "solution.py" not in out


def test_bug_in_a_test_body(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "tests.py", "f(np.zeros((4, 5)), A, B)", "f(np.zeroes((4, 5)), A, B)"))
    code, out = check(root)
    t = hidden_of(root)
    line = line_of(t, "np.zeroes")
    assert code == 1
    assert f"{t}:{line}: this test raised: AttributeError: module 'numpy' has no attribute 'zeroes'" in out, out
    assert f'File "tests.py", line {line}, in test_zero_grad' in out
    assert "solution.py" not in out and "the reference does not pass" not in out


def test_hint_that_raises_is_run_by_check(tmp_path):
    """The hint's comparison passes on the reference, yet check calls the hint and finds the bug."""
    root = make(tmp_path, lambda f: sub(f, "tests.py", 'hint="Compared with a finite-difference estimate of dL/dA."',
                                        'hint=lambda: "Compared with " + dA.tolist()'))
    code, out = check(root)
    t = hidden_of(root)
    line = line_of(t, 'hint=lambda: "Compared with " + dA')
    assert code == 1
    assert (f"{t}:{line}: this test raised: TypeError: can only concatenate str (not \"list\") to str") in out, out
    assert "solution.py" not in out


def test_hint_that_no_run_reaches_is_a_warning(tmp_path):
    def edit(f):
        sub(f, "tests.py", 'hint="Compared with a finite-difference estimate of dL/dA.")',
            'hint="Compared with a finite-difference estimate of dL/dA.")\n'
            '    if dA.sum() > 1e9:\n'
            '        assert_close(dA, 0 * dA, "dA", hint=lambda: "never reached")')
    root = make(tmp_path, edit)
    code, out = check(root)
    t = hidden_of(root)
    assert code == 0, out
    assert (f"{t}:{line_of(t, 'never reached')}: warning: this hint never ran: neither the reference, "
            "the starter nor a mutant reaches it; add a mutant in wrong/ that fails there") in out


def test_build_reports_a_broken_tests_py_the_same_way(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "tests.py", "SHAPES = [", "import nosuch_module_xyz\nSHAPES = ["))
    built = build(root, tmp_path / "dist")
    t = hidden_of(root)
    assert built.returncode == 1
    assert f"{t}:{line_of(t, 'import nosuch_module_xyz')}: tests.py raised while loading: ModuleNotFoundError" in built.stderr


# 2. One loader: `grader check` and the build agree on every error; check takes a root, a
#    problem folder or a slug, and never reports success on something holding no problem.

def findings(text: str) -> list[str]:
    return [l for l in text.splitlines() if re.match(r"^/.+?:\d+: ", l)
            and not (": warning: " in l and "translation" in l)]


AGREE = {
    "broken_math": (lambda f: sub(f, "statement.md", "## Notes", "## Notes\n\nBroken $\\frac{a}{$ here."),
                    "statement.md", "math:"),
    "unknown_track": (lambda f: sub(f, "problem.yaml", "difficulty: easy", "difficulty: easy\ntrack: nosuchtrack"),
                      "problem.yaml", "track 'nosuchtrack' has no folder"),
}


@pytest.mark.parametrize("case", sorted(AGREE))
def test_check_and_build_agree(tmp_path, case):
    edit, file, message = AGREE[case]
    root = make(tmp_path, edit)
    code, out = check(root)
    built = build(root, tmp_path / "dist", "--no-check")
    assert code == 1 and built.returncode == 1
    hits = [l for l in findings(out) if message in l]
    assert hits and Path(hits[0].split(":", 1)[0]).name == file, out
    assert findings(out) == findings(built.stderr)


def test_check_one_problem_folder_with_todos_fails(tmp_path):
    root = tmp_path / "problems"
    root.mkdir()
    made = subprocess.run([sys.executable, "build.py", "new", "mse_backward", "--problems", str(root)],
                          cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    code, out = check(root / "mse_backward")
    assert code == 1
    assert f"{root / 'mse_backward' / 'problem.yaml'}:4: TODO left in the file" in out


def test_check_by_slug_checks_that_problem_only(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "grader", "check", "matmul_backward"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr.splitlines()[0] == "ok   matmul_backward"
    assert proc.stderr.splitlines()[-1] == "all problems ok"


@pytest.mark.parametrize("what", ["empty_folder", "no_such_path"])
def test_check_of_nothing_is_an_error(tmp_path, what):
    target = tmp_path / "empty" if what == "empty_folder" else tmp_path / "nope"
    if what == "empty_folder":
        (target / "notes").mkdir(parents=True)
    code, out = check(target)
    assert code == 1
    if what == "empty_folder":
        assert out == (f"{target}:1: no problem here: a problem is a folder holding problem.yaml, "
                       "and a problems folder holds such folders\n")
    else:
        assert out == f"{target}:1: not a problems folder, a problem folder or the slug of a problem in problems/\n"


def test_check_results_are_cached_by_content(tmp_path, monkeypatch):
    """A second check of unchanged files runs nothing; editing a mutant re-runs that problem."""
    from builder import checkcache
    from builder.content import load_content
    monkeypatch.setattr(checkcache, "CACHE", tmp_path / "cache")
    root = make(tmp_path)
    runs = []
    from contextlib import contextmanager

    @contextmanager
    def checked(problems):  # in this process, counting runs
        runs.extend(p.slug for p in problems)
        yield iter([[] for _ in problems])
    monkeypatch.setattr(checkcache, "_checked", checked)
    problems = load_content(root).problems
    assert checkcache.check_cached(problems) == [] and runs == ["matmul_backward"]
    assert checkcache.check_cached(problems) == [] and runs == ["matmul_backward"]
    (root / "matmul_backward" / "wrong" / "x.py").write_text("# fails: a\n# says: b\n")
    checkcache.check_cached(problems)
    assert runs == ["matmul_backward", "matmul_backward"]


# 3. Mutants: known-wrong submissions that must fail the test they name, with the message
#    they promise.

def add_mutant(root: Path, name: str, source: str) -> Path:
    d = root / "matmul_backward" / "wrong"
    d.mkdir(exist_ok=True)
    (d / name).write_text(source)
    return d / name


def test_every_problem_has_three_mutants_with_headers():
    from grader.authoring.mutants import load
    for folder in sorted(p for p in (ROOT / "problems").iterdir() if (p / "problem.yaml").is_file()):
        ms = load(folder)
        assert len(ms) >= 3, f"{folder.name} has {len(ms)} mutants"
        for m in ms:
            assert m.fails and m.says, f"{m.path} lacks its header"


def test_solution_copied_into_wrong_fails_check(tmp_path):
    root = make(tmp_path)
    bare = add_mutant(root, "copy.py", (root / "matmul_backward" / "solution.py").read_text())
    code, out = check(root)
    assert code == 1
    assert out.splitlines()[0] == (f"{bare}:1: the header must start the file with the lines “# fails: <test name>” "
                                   "and “# says: <message fragment>” (fails and says missing)")
    bare.unlink()
    headed = add_mutant(root, "copy.py", SOLUTION_HEADER + (root / "matmul_backward" / "solution.py").read_text())
    code, out = check(root)
    assert code == 1
    assert out.splitlines()[0] == f"{headed}:1: this mutant passes every test: the tests do not catch the mistake it makes"


WRONG_DB = "import numpy as np\n\n\ndef matmul_backward(grad_out, A, B):\n    return grad_out @ B.T, A.T @ grad_out / 2\n"


@pytest.mark.parametrize("case", ["unknown_test", "other_test", "wrong_fragment"])
def test_mutant_promises_are_checked(tmp_path, case):
    root = make(tmp_path)
    header = {"unknown_test": "# fails: dB matches A.T @ grad_ou\n# says: times 0.5\n",
              "other_test": "# fails: dA matches grad_out @ B.T\n# says: times 0.5\n",
              "wrong_fragment": "# fails: dB matches A.T @ grad_out\n# says: transposed\n"}[case]
    m = add_mutant(root, "half_db.py", header + WRONG_DB)
    code, out = check(root)
    assert code == 1
    first = out.splitlines()[0]
    if case == "unknown_test":
        assert first == (f"{m}:1: names the test “dB matches A.T @ grad_ou”, which tests.py does not have; "
                         "did you mean “dB matches A.T @ grad_out”?")
    elif case == "other_test":
        assert first == (f"{m}:1: “dA matches grad_out @ B.T” passes on this mutant (it fails “dB matches A.T @ "
                         "grad_out”, “Diagnostic: matches finite-difference numerical gradient” instead)")
    else:
        assert first.startswith(f"{m}:1: “dB matches A.T @ grad_out” fails, but its message lacks “transposed”; "
                                "it says: dB is wrong at ")


def test_a_kept_promise_passes(tmp_path):
    root = make(tmp_path)
    add_mutant(root, "half_db.py", "# fails: dB matches A.T @ grad_out\n# says: dB should be A.T @ grad_out\n" + WRONG_DB)
    code, out = check(root)
    assert code == 0, out


# 4. No silent mistakes: each is an error (or a warning) at its file and line.

def test_two_test_functions_with_one_name(tmp_path):
    def edit(f):
        t = f / "tests.py"
        t.write_text(t.read_text() + '\n\ndef test_dA(f):\n    """dA again, under a new name"""\n    test_dB(f)\n')
    root = make(tmp_path, edit)
    code, out = check(root)
    t = hidden_of(root)
    second = [i for i, l in enumerate(t.read_text().splitlines(), 1) if l.startswith("def test_dA(")][1]
    assert code == 1
    assert (f"{t}:{second}: a second function named test_dA (the first is at line {line_of(t, 'def test_dA(')}) "
            "replaces it: rename one") in out


def test_two_problems_with_one_title(tmp_path):
    root = make(tmp_path)
    shutil.copytree(root / "matmul_backward", root / "matmul_backward_two")
    sub(root / "matmul_backward_two", "problem.yaml", "id: mk-0001", "id: mk-0777")
    code, out = check(root)
    y = root / "matmul_backward" / "problem.yaml"
    assert code == 1
    assert (f"{y}:{line_of(y, 'title:')}: the title 'Matmul backward' is also the title of matmul_backward_two: "
            "learners could not tell them apart") in out


def test_raw_html_in_a_statement_is_a_warning(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "statement.md", "## Notes", "## Notes\n\nSee <b>this</b> and `<i>`."))
    code, out = check(root)
    md = root / "matmul_backward" / "statement.md"
    assert code == 0, out
    assert out.splitlines() == [f"{md}:{line_of(md, 'See <b>')}: warning: raw HTML <b> is shown as text, not rendered: "
                                "write Markdown (or `code` to show a tag)",
                                f"{md}:{line_of(md, 'See <b>')}: warning: raw HTML </b> is shown as text, not rendered: "
                                "write Markdown (or `code` to show a tag)"]
    built = build(root, tmp_path / "dist", "--no-check")
    assert built.returncode == 0 and f"{md}:{line_of(md, 'See <b>')}: warning: raw HTML <b>" in built.stderr


def test_a_slug_that_breaks_the_rule(tmp_path):
    root = make(tmp_path, name="msé_backward")
    code, out = check(root)
    assert code == 1
    assert out.splitlines()[0] == (f"{root / 'msé_backward' / 'problem.yaml'}:1: the folder name 'msé_backward' is "
                                   "the slug, and a slug is lowercase ASCII letters, digits and underscores, "
                                   "starting with a letter")
    made = subprocess.run([sys.executable, "build.py", "new", "msé_backward", "--problems", str(root)], cwd=ROOT,
                          capture_output=True, text=True)
    assert made.returncode == 2 and "a slug is lowercase ASCII letters" in made.stderr


def test_an_example_the_reference_disagrees_with_is_reported_at_its_line(tmp_path):
    root = make(tmp_path, lambda f: sub(f, "problem.yaml", 'dA: "[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]"',
                                        'dA: "[[0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]"'))
    code, out = check(root)
    y = root / "matmul_backward" / "problem.yaml"
    second = [i for i, l in enumerate(y.read_text().splitlines(), 1) if l.startswith("  - inputs:")][1]
    assert code == 1
    assert (f"{y}:{second}: examples[1]: the reference disagrees with the expected output: dA is wrong at 1 of 6 "
            "entries.") in out


@pytest.mark.parametrize("typo,key,line_key,suggestion", [
    ("dificulty: hard", "dificulty", "dificulty", "difficulty"),
    ("tolerance: {atol: 1.0e-6, rtl: 1.0e-6}", "tolerance.rtl", "tolerance", "rtol"),
])
def test_unknown_keys_get_did_you_mean(tmp_path, typo, key, line_key, suggestion):
    def edit(f):
        if typo.startswith("tolerance"):
            sub(f, "problem.yaml", "tolerance: {atol: 1.0e-6, rtol: 1.0e-6}", typo)
        else:
            sub(f, "problem.yaml", "difficulty: easy", "difficulty: easy\n" + typo)
    root = make(tmp_path, edit)
    code, out = check(root)
    y = root / "matmul_backward" / "problem.yaml"
    assert code == 1
    assert out.splitlines() == [f"{y}:{line_of(y, line_key + ':')}: {key}: unknown key; did you mean '{suggestion}'?"]


# 5. `grader preview`: every report a learner can get, side by side.

def test_preview_in_the_terminal():
    proc = subprocess.run([sys.executable, "-m", "grader", "preview", "matmul_backward"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env={**__import__("os").environ, "COLUMNS": "150"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "matmul_backward: Matmul backward — 5 tests, 6 submissions"
    assert lines[2].split() == ["starter", "solution", "m1", "m2", "m3", "m4"]
    grid = {l[:56].strip(): l[56:].split() for l in lines[3:8]}
    assert grid["dA matches grad_out @ B.T"] == ["FAIL", "pass", "pass", "pass", "FAIL", "FAIL"]
    assert "── m3: problems/matmul_backward/wrong/square_special_case.py" in lines
    assert ("   promise: fails “dA matches grad_out @ B.T”, says “dA should be grad_out @ B.T” — kept"
            in lines)


def test_grader_run_into_head_ends_quietly():
    """`grader run … | head` : the reader leaves early; no BrokenPipeError traceback."""
    flood = ROOT / "tests" / "cases" / "print_flood" / "submission.py"  # ~64 KB of output per test
    proc = subprocess.run(["bash", "-c", f"'{sys.executable}' -m grader run problems/matmul_backward '{flood}' "
                           "| head -1; echo \"status ${PIPESTATUS[0]}\""],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.stdout.splitlines()[0].startswith(("PASS:", "TIMEOUT:"))
    assert proc.stdout.splitlines()[-1] in ("status 0", "status 1")
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr

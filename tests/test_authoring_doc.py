"""docs/authoring.md's worked example, followed literally: scaffold with ``build.py new``,
paste the doc's files in, and the problem passes ``grader check`` and is published by the
build. If the doc drifts from the code, this fails."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT

DOC = ROOT / "docs" / "authoring.md"
FILES = ["problem.yaml", "statement.md", "starter.py", "solution.py", "tests.py"]


def worked_example_blocks() -> list[tuple[str, str]]:
    """(language, body) of each fenced block in the worked-example section, in order."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## A worked example", 1)[1].split("\n## Tracks", 1)[0]
    return re.findall(r"^```(\w+)\n(.*?)^```$", section, flags=re.S | re.M)


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_worked_example_goes_from_scaffold_to_published(tmp_path):
    problems = tmp_path / "problems"
    shutil.copytree(ROOT / "problems", problems)
    # The course has its own relu_backward now; the doc builds one from nothing, in its place
    # (the problems that name it as related or prerequisite then name the doc's).
    shutil.rmtree(problems / "relu_backward", ignore_errors=True)
    blocks = worked_example_blocks()
    langs = [lang for lang, _ in blocks]
    assert langs == ["console", "yaml", "markdown", "python", "python", "python", "python", "console"], langs

    made = run("build.py", "new", "relu_backward", "--problems", str(problems))
    assert made.returncode == 0, made.stderr
    promised_id = re.search(r"id (mk-\d+)", blocks[0][1]).group(1)
    assert f"(id {promised_id})" in made.stdout, "the doc shows the id build.py new gives"
    todo = run("-m", "grader", "check", str(problems))
    assert todo.returncode != 0 and "relu_backward/problem.yaml:4: TODO left in the file" in todo.stdout + todo.stderr

    folder = problems / "relu_backward"
    for name, (_, body) in zip(FILES, blocks[1:6]):
        (folder / name).write_text(body, encoding="utf-8")
    (folder / "wrong").mkdir()
    (folder / "wrong" / "ge_zero.py").write_text(blocks[6][1], encoding="utf-8")
    checked = run("-m", "grader", "check", str(problems))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "ok   relu_backward" in checked.stdout + checked.stderr
    mine = [l for l in checked.stdout.splitlines() if "relu_backward" in l and ": warning: " in l]
    assert [l for l in mine if "translation" not in l] == [], mine  # its hints all run, and it has a mutant

    preview = run("-m", "grader", "preview", str(folder))
    assert preview.returncode == 0, preview.stderr
    assert "wrong/ge_zero.py" in preview.stdout
    assert "promise: fails “At x = 0 the gradient is 0”, says “Use x > 0, not x >= 0.” — kept" in preview.stdout

    judged = run("-m", "grader", "run", str(folder), str(folder / "starter.py"))
    assert judged.returncode != 0
    assert judged.stdout.startswith("FAIL: 1 of 3 passed.")
    assert "dx is zero everywhere: is the placeholder still in place?" in judged.stdout

    out = tmp_path / "dist"
    built = run("build.py", "--problems", str(problems), "--out", str(out))
    assert built.returncode == 0, built.stdout + built.stderr
    page = (out / "p" / "relu_backward" / "index.html").read_text(encoding="utf-8")
    assert "ReLU backward" in page and "<math" in page and "At x = 0 the gradient is 0" in page
    assert "relu_backward" in (out / "index.html").read_text(encoding="utf-8")

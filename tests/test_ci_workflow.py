"""The course's GitHub Actions workflow cannot run here; this keeps it valid YAML with the
shape GitHub expects, and its steps the same commands the Makefile runs."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "course.yml"


def makefile_recipes() -> dict[str, list[str]]:
    recipes, target = {}, None
    for line in (ROOT / "Makefile").read_text().splitlines():
        m = re.match(r"^([a-z]+):", line)
        if m:
            target = m.group(1)
            recipes[target] = []
        elif line.startswith("\t") and target:
            recipes[target].append(line.strip())
    return recipes


def test_workflow_is_valid_and_runs_the_makefile_commands():
    wf = yaml.safe_load(WORKFLOW.read_text())
    triggers = wf[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check = wf["jobs"]["check"]
    assert check["container"].startswith("debian:")  # Debian's chromium, as scripts/setup.sh installs
    steps = {s["name"]: s.get("run") for s in check["steps"] if "name" in s}
    make = makefile_recipes()
    ran = []
    for name, command in steps.items():
        m = re.fullmatch(r"make (\w+)", name)
        if m:
            assert [command] == make[m.group(1)], f"step {name!r} runs {command!r}, the Makefile {make[m.group(1)]}"
            ran.append(m.group(1))
    assert ran == ["setup", "check", "browser", "build"]
    upload = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "dist" and "refs/heads/main" in upload["if"]


def test_deploy_job_publishes_to_pages_from_main_only():
    deploy = yaml.safe_load(WORKFLOW.read_text())["jobs"]["deploy"]
    assert deploy["needs"] == "check" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"] for s in deploy["steps"]] == ["actions/deploy-pages@v4"]

"""Load and statically validate a problem folder. Every error is ``path:line: message``."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import ProblemSpec
from .yamlpos import line_of

FILES = ("problem.yaml", "statement.md", "starter.py", "tests.py", "solution.py")


class ProblemError(Exception):
    """One or more author errors, each ``path:line: message``."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Problem:
    slug: str
    path: Path
    spec: ProblemSpec
    statement: str
    starter: str
    tests_source: str
    solution: str
    test_names: list[str] = field(default_factory=list)
    # Derive mode's name for each test whose own name gives the answer away (page only).
    neutral_names: dict[str, str] = field(default_factory=dict)

    def bundle(self) -> dict:
        """What the runner needs to judge a submission (and all the page needs to run it)."""
        s = self.spec
        return {
            "problem": self.slug,
            "id": s.id,
            "entry": s.entry,
            "args": [a.model_dump() for a in s.args],
            "returns": [r.model_dump() for r in s.returns],
            "time_limit": s.time_limit,
            "tolerance": s.tolerance.model_dump(),
            "examples": [e.model_dump() for e in s.examples],
            "tests_source": self.tests_source,
            "test_names": self.test_names,
        }


def _py_errors(path: Path, source: str) -> tuple[ast.Module | None, list[str]]:
    try:
        return ast.parse(source, filename=str(path)), []
    except SyntaxError as e:
        return None, [f"{path}:{e.lineno}: syntax error: {e.msg}"]


def _test_names(path: Path, tree: ast.Module) -> tuple[list[str], list[str]]:
    names, errors = [], []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            doc = ast.get_docstring(node)
            if not doc:
                errors.append(f"{path}:{node.lineno}: {node.name} has no docstring; its first line is the name learners see")
                continue
            name = doc.strip().splitlines()[0].strip()
            if name in names:
                errors.append(f"{path}:{node.lineno}: two tests are named “{name}”")
            names.append(name)
    if not names and not errors:
        errors.append(f"{path}:1: no test functions (def test_…(f): with a docstring)")
    return names, errors


DERIVE_PREFIX = "Derive:"


def _neutral_names(tree: ast.Module) -> dict[str, str]:
    """{test name: neutral name} from a ``Derive: <neutral name>`` line in a test's docstring,
    the name derive mode shows instead of one that states the formula."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            lines = (ast.get_docstring(node) or "").strip().splitlines()
            neutral = [ln.strip()[len(DERIVE_PREFIX):].strip() for ln in lines[1:] if ln.strip().startswith(DERIVE_PREFIX)]
            if lines and neutral and neutral[0]:
                found[lines[0].strip()] = neutral[0]
    return found


def _signature_errors(path: Path, tree: ast.Module, spec: ProblemSpec) -> list[str]:
    fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == spec.entry), None)
    if fn is None:
        return [f"{path}:1: does not define `{spec.entry}` (the entry in problem.yaml)"]
    params = [a.arg for a in fn.args.args]
    want = [a.name for a in spec.args]
    if params != want:
        return [f"{path}:{fn.lineno}: `{spec.entry}` takes ({', '.join(params)}), problem.yaml args say ({', '.join(want)})"]
    return []


def _example_errors(path: Path, text: str, spec: ProblemSpec) -> list[str]:
    errors = []
    args, outs = [a.name for a in spec.args], [r.name for r in spec.returns]
    for i, ex in enumerate(spec.examples):
        for part, want in (("inputs", args), ("output", outs)):
            got = list(getattr(ex, part))
            # Every input is needed; an example may leave out an output it does not pin down
            # (a training run's loss history), but not all of them.
            ok = sorted(got) == sorted(want) if part == "inputs" else got and set(got) <= set(want)
            if not ok:
                line = line_of(text, ("examples", i, part))
                expected = want if part == "inputs" else f"some of {want}"
                errors.append(f"{path}:{line}: examples[{i}].{part} has keys {got}, expected {expected}")
            for k, v in getattr(ex, part).items():
                if isinstance(v, str):
                    try:
                        ast.literal_eval(v)
                    except (ValueError, SyntaxError) as e:
                        line = line_of(text, ("examples", i, part, k))
                        errors.append(f"{path}:{line}: examples[{i}].{part}.{k} is not a Python literal: {e}")
    return errors


def _todo_errors(path: Path, text: str) -> list[str]:
    return [f"{path}:{n}: TODO left in the file" for n, line in enumerate(text.splitlines(), 1)
            if "TODO" in line]


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: ~10× faster


def unknown_key(loc: tuple, model=None) -> str:
    """"unknown key", with the closest known key of the same mapping when there is one."""
    import difflib
    from . import schema
    parent = next((k for k in reversed(loc[:-1]) if isinstance(k, str)), None)
    model = model or {"args": schema.Param, "returns": schema.Param, "tolerance": schema.Tolerance,
                      "examples": schema.Example}.get(parent, schema.ProblemSpec)
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1)
    return f"unknown key; did you mean {close[0]!r}?" if close else "unknown key"


def load_spec(path: Path) -> ProblemSpec:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ProblemError([f"{path}:{line}: YAML syntax error: {getattr(e, 'problem', e)}"]) from None
    if not isinstance(data, dict):
        raise ProblemError([f"{path}:1: expected a mapping of keys (title:, entry:, …)"])
    try:
        return ProblemSpec.model_validate(data)
    except ValidationError as e:
        errors = []
        for err in e.errors():
            loc = tuple(err["loc"])
            key = ".".join(str(p) for p in loc) or "(top level)"
            msg = unknown_key(loc) if err["type"] == "extra_forbidden" else err["msg"][0].lower() + err["msg"][1:]
            errors.append(f"{path}:{line_of(text, loc)}: {key}: {msg}")
        raise ProblemError(errors) from None


def load_problem(folder: Path) -> Problem:
    """Read a problem folder and check everything that needs no running of code."""
    folder = Path(folder)
    missing = [f"{folder / f}:1: missing file" for f in FILES if not (folder / f).is_file()]
    if missing:
        raise ProblemError(missing)
    spec = load_spec(folder / "problem.yaml")
    texts = {f: (folder / f).read_text(encoding="utf-8") for f in FILES}
    errors = _example_errors(folder / "problem.yaml", texts["problem.yaml"], spec)
    test_names: list[str] = []
    neutral_names: dict[str, str] = {}
    for f in ("starter.py", "solution.py", "tests.py"):
        tree, errs = _py_errors(folder / f, texts[f])
        errors += errs
        if tree is not None and f != "tests.py":
            errors += _signature_errors(folder / f, tree, spec)
        if tree is not None and f == "tests.py":
            test_names, errs = _test_names(folder / f, tree)
            errors += errs
            neutral_names = _neutral_names(tree)
    for f in FILES:
        errors += _todo_errors(folder / f, texts[f])
    if errors:
        raise ProblemError(errors)
    return Problem(slug=folder.name, path=folder, spec=spec, statement=texts["statement.md"],
                   starter=texts["starter.py"], tests_source=texts["tests.py"],
                   solution=texts["solution.py"], test_names=test_names,
                   neutral_names=neutral_names)


def load_all(root: Path, load=load_problem) -> tuple[list[Problem], list[str]]:
    """Every problem under ``root`` (sorted by track order, then slug) and all author errors.
    ``load`` reads one folder (the build passes a cached ``load_problem``)."""
    root = Path(root)
    problems, errors = [], []
    if not root.is_dir():
        return [], [f"{root}:1: no such problems folder"]
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            problems.append(load(folder))
        except ProblemError as e:
            errors += e.errors
    seen: dict[str, Problem] = {}
    slugs = {p.slug for p in problems}
    for p in problems:
        y = p.path / "problem.yaml"
        text = lambda: y.read_text(encoding="utf-8")  # only to place an error
        if p.spec.id in seen:
            errors.append(f"{y}:{line_of(text(), ('id',))}: id {p.spec.id!r} is also used by {seen[p.spec.id].path}")
        seen[p.spec.id] = p
        for key in ("related", "prerequisites"):
            for i, ref in enumerate(getattr(p.spec, key)):
                if ref not in slugs:
                    errors.append(f"{y}:{line_of(text(), (key, i))}: {key} names {ref!r}, which is not a problem here")
    problems.sort(key=lambda p: (p.spec.track or "~", p.spec.order if p.spec.order is not None else 10**6, p.slug))
    return problems, errors

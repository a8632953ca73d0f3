"""Content-hash caches that make rebuilds cost what changed, not what exists.

- ``input_key``: one hash of everything a build reads (problems, site, grader, builder,
  the lock files, the options). ``dist/.build-key`` records the key of the build that
  produced it; the same key again means nothing changed, and the build is skipped.
- ``load_problem``: a problem folder parsed and statically checked once per content
  (YAML, schema, AST checks), then unpickled from ``.cache/build/problems/``.
- ``memo``: a text made from one text (Markdown → HTML), cached on disk by input hash.

Keys include the code that produces the cached value, so editing the grader or the
Markdown renderer invalidates what they made.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from grader import problem as problem_mod

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "build"
KEY_FILE = ".build-key"
CODE_DIRS = ("site", "grader", "builder")
CODE_FILES = ("build.py", "package-lock.json", "pyproject.toml")


def _hash_tree(h, root: Path) -> None:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            p = Path(dirpath) / name
            h.update(str(p.relative_to(root)).encode() + b"\0")
            h.update(p.read_bytes())


def code_hash(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def input_key(problems_dir: Path, *options) -> str:
    """A hash of every input of a build and its options."""
    h = hashlib.sha256(repr(options).encode())
    _hash_tree(h, Path(problems_dir))
    for d in CODE_DIRS:
        _hash_tree(h, ROOT / d)
    for f in CODE_FILES:
        if (ROOT / f).is_file():
            h.update((ROOT / f).read_bytes())
    return h.hexdigest()


def up_to_date(out: Path, key: str) -> bool:
    f = Path(out) / KEY_FILE
    return f.is_file() and f.read_text() == key


def record(out: Path, key: str) -> None:
    (Path(out) / KEY_FILE).write_text(key)


_LOADER_CODE = None


def load_problem(folder: Path):
    """``grader.problem.load_problem``, cached by the folder's files and the loader's code.
    Only successes are cached: an author error is found again until it is fixed."""
    global _LOADER_CODE
    if _LOADER_CODE is None:
        g = ROOT / "grader"
        _LOADER_CODE = code_hash(g / "problem.py", g / "schema.py", g / "yamlpos.py")
    h = hashlib.sha256((_LOADER_CODE + str(Path(folder).resolve())).encode())
    for name in problem_mod.FILES:
        f = Path(folder) / name
        if not f.is_file():
            return problem_mod.load_problem(folder)  # reports the missing file
        h.update(f.read_bytes())
    cached = CACHE / "problems" / f"{h.hexdigest()}.pickle"
    if cached.is_file():
        p = pickle.loads(cached.read_bytes())
        p.path = Path(folder)  # as the caller named it (the key is the resolved path)
        return p
    p = problem_mod.load_problem(folder)
    _write(cached, pickle.dumps(p))
    return p


def memo(name: str, text: str, compute, code: Path) -> str:
    """``compute()``, a text made from ``text`` alone, cached on disk by ``text`` and the
    source of ``code`` (the module that computes it)."""
    h = hashlib.sha256(code.read_bytes() + b"\0" + text.encode("utf-8"))
    cached = CACHE / name / h.hexdigest()
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    value = compute()
    _write(cached, value.encode("utf-8"))
    return value


def _write(path: Path, data: bytes) -> None:
    """Write atomically, so a build interrupted mid-write never leaves a torn cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)

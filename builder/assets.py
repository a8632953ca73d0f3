"""Front-end assets: esbuild bundles site/js and site/css into fingerprinted files (and copies
the math font the CSS names), and each worker's half of the grader is zipped:
``grader/checker/`` for the checker worker, ``grader/learner/`` for the learner worker, each
with the modules it imports (found by reading the imports, not kept in a list). Returns
{logical name: path in site}."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# (format, entries, code splitting). The worker is a classic script (it uses importScripts to
# load Pyodide from either origin). The problem page is split so that CodeMirror, imported
# dynamically by lazy-editor.js, is its own chunk ("editor.js") and the page's script stays
# small enough to make the editor usable at once; the other pages are single files.
ENTRIES = [("esm", ["js/page.js"], True), ("esm", ["js/catalogue.js", "js/theory.js", "js/lesson.js", "js/language.js", "css/style.css"], False),
           ("iife", ["js/checker-worker.js", "js/learner-worker.js"], False)]
# What each worker ships: a folder of the grader, plus what it imports from the rest.
WORKER_PACKAGES = {"checker.zip": "checker", "learner.zip": "learner"}


class AssetError(Exception):
    pass


def _esbuild(fmt: str, entries: list[str], outdir: Path, splitting: bool) -> dict[str, str]:
    if not ESBUILD.exists():
        raise AssetError(f"{ESBUILD}: missing; run `npm ci` first")
    meta = outdir / f".meta-{fmt}.json"
    cmd = [str(ESBUILD), *[str(SITE / e) for e in entries], "--bundle", "--minify",
           f"--format={fmt}", "--target=es2020", "--entry-names=[name]-[hash]",
           "--legal-comments=none", f"--outdir={outdir}", f"--metafile={meta}", "--log-level=error",
           # Fonts that style.css names in url() are copied beside it, fingerprinted the same way.
           "--loader:.woff2=file", "--asset-names=[name]-[hash]",
           *(["--splitting", "--chunk-names=[name]-[hash]"] if splitting else [])]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise AssetError(f"esbuild failed:\n{proc.stderr}")
    outputs = json.loads(meta.read_text())["outputs"]
    meta.unlink()
    names = {}
    for out, info in outputs.items():
        if "entryPoint" in info:
            names[Path(info["entryPoint"]).name] = Path(out).name
        elif out.endswith(".woff2"):  # a font: named by its source file, for the preload link
            names[Path(next(iter(info["inputs"]))).name] = Path(out).name
    return names


def shipped_modules(package: str) -> list[Path]:
    """``grader/<package>/`` and every grader module it imports, transitively (read from
    the import statements), as paths. ``grader/__init__.py`` always comes along."""
    import ast
    grader = ROOT / "grader"
    todo = sorted((grader / package).glob("*.py")) + [grader / "__init__.py"]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        here = path.parent.relative_to(ROOT).parts  # e.g. ("grader", "checker")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom):
                base = list(here[:len(here) - node.level + 1]) if node.level else []
                mod = base + (node.module.split(".") if node.module else [])
                names = [mod] + [mod + [a.name] for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name.split(".") for a in node.names]
            for parts in names:
                if parts[:1] != ["grader"]:
                    continue
                for candidate in (ROOT.joinpath(*parts).with_suffix(".py"), ROOT.joinpath(*parts, "__init__.py")):
                    if candidate.is_file():
                        todo.append(candidate)
                for i in range(2, len(parts)):  # parent packages of a submodule
                    init = ROOT.joinpath(*parts[:i], "__init__.py")
                    if init.is_file():
                        todo.append(init)
    return sorted(seen)


def grader_zip(package: str) -> bytes:
    """One worker's half of the grader as a zip, deterministic so its hash only changes with code."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path in shipped_modules(package):
            info = zipfile.ZipInfo(str(path.relative_to(ROOT)), date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, path.read_bytes())
    return buf.getvalue()


def build_assets(out: Path) -> dict[str, str]:
    """Write every asset under ``out/assets``; return logical name -> site-relative path."""
    adir = out / "assets"
    adir.mkdir(parents=True, exist_ok=True)
    names = {}
    for fmt, entries, splitting in ENTRIES:
        names.update(_esbuild(fmt, entries, adir, splitting))
    for name, package in WORKER_PACKAGES.items():
        data = grader_zip(package)
        zname = f"{package}-{hashlib.sha256(data).hexdigest()[:12]}.zip"
        (adir / zname).write_bytes(data)
        names[name] = zname
    return {k: f"assets/{v}" for k, v in names.items()}

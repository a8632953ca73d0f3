"""Front-end assets: esbuild bundles site/js and site/css into fingerprinted files, and the
grader's runtime modules are zipped for the worker. Returns {logical name: path in site}."""

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
           ("iife", ["js/worker.js"], False)]
RUNTIME_MODULES = ("__init__", "report", "audit", "guard", "capture", "learner", "testing", "submission", "runner")


class AssetError(Exception):
    pass


def _esbuild(fmt: str, entries: list[str], outdir: Path, splitting: bool) -> dict[str, str]:
    if not ESBUILD.exists():
        raise AssetError(f"{ESBUILD}: missing; run `npm ci` first")
    meta = outdir / f".meta-{fmt}.json"
    cmd = [str(ESBUILD), *[str(SITE / e) for e in entries], "--bundle", "--minify",
           f"--format={fmt}", "--target=es2020", "--entry-names=[name]-[hash]",
           "--legal-comments=none", f"--outdir={outdir}", f"--metafile={meta}", "--log-level=error",
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
    return names


def grader_zip() -> bytes:
    """The grader's browser half as a zip, deterministic so its hash only changes with code."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in RUNTIME_MODULES:
            info = zipfile.ZipInfo(f"grader/{name}.py", date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, (ROOT / "grader" / f"{name}.py").read_bytes())
    return buf.getvalue()


def build_assets(out: Path) -> dict[str, str]:
    """Write every asset under ``out/assets``; return logical name -> site-relative path."""
    adir = out / "assets"
    adir.mkdir(parents=True, exist_ok=True)
    names = {}
    for fmt, entries, splitting in ENTRIES:
        names.update(_esbuild(fmt, entries, adir, splitting))
    data = grader_zip()
    zname = f"grader-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    (adir / zname).write_bytes(data)
    names["grader.zip"] = zname
    return {k: f"assets/{v}" for k, v in names.items()}

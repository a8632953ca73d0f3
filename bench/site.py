"""Build the site into a temp folder and serve it on localhost, as a host would."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(out: Path, problems: Path | None = None) -> float:
    """``python build.py --no-check --out OUT``; returns wall seconds (raises on failure)."""
    cmd = [sys.executable, "build.py", "--no-check", "--out", str(out)]
    if problems is not None:
        cmd += ["--problems", str(problems)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    took = time.perf_counter() - t0
    if proc.returncode:
        raise RuntimeError(f"build failed:\n{proc.stdout}\n{proc.stderr}")
    return took


@contextmanager
def serving(directory: Path, *, isolate: bool, csp: str | None = None):
    """Serve ``directory`` on a free port with make_server; yields the base URL."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from builder.pages import csp as site_csp
    from builder.serve import make_server
    server = make_server(directory, port=0, isolate=isolate, csp=site_csp(None) if csp is None else csp)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def problem_slugs(site: Path) -> list[str]:
    return sorted(p.name for p in (site / "p").iterdir() if (p / "bundle.json").is_file())

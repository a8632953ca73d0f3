"""`build.py serve`: serves with the isolation headers, rebuilds when a problem changes, and
the open page reloads by itself; a broken edit keeps the last good site served."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from browser import wait_until
from conftest import ROOT

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_rebuilds_and_reloads(browser, tmp_path):
    problems = tmp_path / "problems"
    shutil.copytree(ROOT / "problems", problems)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "build.py", "serve", "--no-check", "--port", str(port),
                             "--problems", str(problems), "--out", str(tmp_path / "dist")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                head = urllib.request.urlopen(base + "index.html", timeout=2)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
        assert head.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert head.headers["Cross-Origin-Embedder-Policy"] == "require-corp"
        assert "default-src 'self'" in head.headers["Content-Security-Policy"]
        page = browser.new_page()
        page.goto(base + "p/matmul_backward/index.html")
        assert page.evaluate("crossOriginIsolated")
        page.evaluate("window.__marker = 1")  # gone after a reload
        time.sleep(1)  # let the page learn the current build id
        statement = problems / "matmul_backward" / "statement.md"
        statement.write_text(statement.read_text().replace("## Background", "## Background\n\nFreshly edited line."))
        wait_until(page, "window.__marker === undefined && document.body.innerText.includes('Freshly edited line.')", 60)
        # A broken edit: the last good site stays up, the page does not reload.
        page.evaluate("window.__marker = 2")
        (problems / "matmul_backward" / "problem.yaml").write_text("title: [broken")
        time.sleep(4)
        assert page.evaluate("window.__marker") == 2
        assert urllib.request.urlopen(base + "p/matmul_backward/index.html", timeout=5).status == 200
        page.close()
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert "build failed; still serving the last good site" in out or "YAML syntax error" in out, out

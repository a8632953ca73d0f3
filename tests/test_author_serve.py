"""`build.py serve` for authors: a failed rebuild shows its errors over the open page (and
clears when fixed), and /__preview/<slug> shows every report a learner can get."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from browser import wait_until
from conftest import ROOT
from test_author_errors import make
from test_serve import free_port

pytestmark = pytest.mark.browser


def test_build_errors_overlay_and_preview_page(browser, tmp_path):
    root = make(tmp_path)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "build.py", "serve", "--no-check", "--port", str(port),
                             "--problems", str(root), "--out", str(tmp_path / "dist")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(base + "index.html", timeout=2)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
        page = browser.new_page()
        page.goto(base + "p/matmul_backward/index.html")
        time.sleep(1)
        y = root / "matmul_backward" / "problem.yaml"
        good = y.read_text()
        y.write_text(good.replace("difficulty: easy", "difficulty: easy\ndificulty: hard"))
        wait_until(page, "document.getElementById('mlkata-build-errors') !== null", 60)
        text = page.inner_text("#mlkata-build-errors")
        assert "Build failed (1 error): this page is the last good build." in text
        assert f"{y}:" in text and "dificulty: unknown key; did you mean 'difficulty'?" in text
        page.screenshot(path=str(tmp_path / "overlay.png"))
        page.evaluate("window.__marker = 1")
        y.write_text(good)  # fixed: the page reloads into the new build, without the overlay
        wait_until(page, "window.__marker === undefined && document.readyState === 'complete'", 60)
        time.sleep(1.5)
        assert page.query_selector("#mlkata-build-errors") is None

        page.goto(base + "__preview/matmul_backward")
        body = page.inner_text("body")
        assert "Preview: Matmul backward" in body
        for label in ("starter", "solution", "square_special_case", "swapped_gradients"):
            assert label in body
        assert "dA is the transpose of the right answer" in body
        assert body.count("kept") >= 4 and "NOT kept" not in body
        page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
        page.close()
    finally:
        proc.terminate()
        proc.communicate(timeout=10)

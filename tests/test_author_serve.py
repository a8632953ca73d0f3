"""`build.py serve` for authors: a failed rebuild shows its errors over the open page (and
clears when fixed), and /__preview/<slug> shows every report a learner can get."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from browser import wait_until
from conftest import ROOT, build
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
        assert "the outputs look swapped" in body
        assert body.count("kept") >= 4 and "NOT kept" not in body
        page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
        page.close()
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_changed_starter_is_offered_over_an_old_draft(browser, tmp_path):
    """A draft remembers its starter; after the starter changes, the page says so and offers
    the new one; taking it is undoable, keeping the draft silences the notice."""
    from browser import serving
    from builder.pages import csp
    root, out = make(tmp_path), tmp_path / "dist"

    def build_site():
        proc = build(root, out)
        assert proc.returncode == 0, proc.stderr

    build_site()
    draft = "import numpy as np\n\n\ndef matmul_backward(grad_out, A, B):\n    return grad_out @ B.T, A.T @ grad_out  # mine\n"
    with serving(out, isolate=True, csp=csp(None)) as url:
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(url + "p/matmul_backward/index.html")
        wait_until(page, "window.mlkata !== undefined", 60)
        page.evaluate("(s) => window.mlkata.setCode(s)", draft)
        wait_until(page, "localStorage.getItem('mlkata:v1:draftbase:mk-0001') !== null", 10)
        page.reload()
        wait_until(page, "window.mlkata !== undefined", 60)
        assert page.query_selector(".starter-changed") is None  # same starter: nothing to say

        starter = root / "matmul_backward" / "starter.py"
        starter.write_text(starter.read_text().replace("returns: (dA, dB)", "returns: the tuple (dA, dB)"))
        build_site()
        page.reload()
        wait_until(page, "window.mlkata !== undefined", 60)
        wait_until(page, "document.querySelector('.starter-changed') !== null", 30)
        assert "The starter code of this problem changed since you saved your draft" in page.inner_text(".starter-changed")
        assert page.evaluate("window.mlkata.getCode()") == draft  # nothing replaced until asked
        page.click("text=Use the new starter")
        assert "returns: the tuple (dA, dB)" in page.evaluate("window.mlkata.getCode()")
        assert page.query_selector(".starter-changed") is None
        page.click("#undo-reset")
        assert page.evaluate("window.mlkata.getCode()") == draft

        # An old draft again (from the catalogue, where no page saves a draft on leaving): keep it,
        # and the notice is gone for good.
        page.goto(url + "index.html")
        page.evaluate("localStorage.setItem('mlkata:v1:draftbase:mk-0001', JSON.stringify('00000000'))")
        page.goto(url + "p/matmul_backward/index.html")
        wait_until(page, "document.querySelector('.starter-changed') !== null", 30)
        page.click("text=Keep my draft")
        page.reload()
        wait_until(page, "window.mlkata !== undefined", 60)
        page.wait_for_timeout(500)
        assert page.query_selector(".starter-changed") is None
        assert page.evaluate("window.mlkata.getCode()") == draft
        ctx.close()

"""The CDN build (`build.py --pyodide cdn`) grades through the same two-interpreter path.

The runtime then comes from jsDelivr, which this machine cannot reach: Playwright answers
those requests from the same npm files the CDN publishes (and the verified NumPy wheel),
with the CORS/CORP headers jsDelivr sends. The site itself is served plain, so isolation
comes from the service worker (COEP credentialless in this mode).
"""

from __future__ import annotations

import mimetypes
import subprocess
import sys

import pytest

from browser import Page, serving
from conftest import ROOT

pytestmark = pytest.mark.browser
CDN_PREFIX = "https://cdn.jsdelivr.net/pyodide/"


@pytest.fixture(scope="module")
def cdn_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("cdn") / "dist"
    proc = subprocess.run([sys.executable, "build.py", "--no-check", "--pyodide", "cdn", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return out


def _answer_from_npm(route):
    from builder.runtime import PYODIDE_NPM, wheel_path
    name = route.request.url.rsplit("/", 1)[1]
    path = wheel_path() if name.endswith(".whl") else PYODIDE_NPM / name
    if not path.is_file():
        return route.fulfill(status=404)
    route.fulfill(status=200, body=path.read_bytes(), headers={
        "Content-Type": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin"})


def test_cdn_build_grades_in_two_interpreters(browser, cdn_site):
    from builder.pages import csp
    from build import CDN_ORIGIN
    assert "cdn.jsdelivr.net" in (cdn_site / "p" / "matmul_backward" / "index.html").read_text()
    with serving(cdn_site, isolate=False, csp=csp(CDN_ORIGIN)) as url:
        ctx = browser.new_context()
        cdn_requests = []
        ctx.route(CDN_PREFIX + "**", lambda route: (cdn_requests.append(route.request.url), _answer_from_npm(route)))
        try:
            p = Page(ctx.new_page(), url + "p/matmul_backward/index.html")
            info = p.page.evaluate("window.mlkata.runtime()")
            assert info["isolated"] and info["grading"] and info["isolation"] == "service-worker", info
            assert info["snapshot"] is False, info  # the CDN build ships no snapshot
            assert info["numpy"] == "wheel", info  # and loads NumPy's wheel from the CDN
            assert p.run((ROOT / "problems" / "matmul_backward" / "solution.py").read_text())["status"] == "pass"
            assert p.run((ROOT / "problems" / "matmul_backward" / "starter.py").read_text())["status"] == "fail"
            assert any(u.endswith("pyodide.asm.wasm") for u in cdn_requests), cdn_requests
        finally:
            ctx.close()

"""A first visit on a slow connection shows the runtime download's progress, and the editor
works meanwhile (issue: "Starting Python…" for 17 s with nothing in between)."""

from __future__ import annotations

import pytest

from browser import guard_origin, serving, wait_until

pytestmark = pytest.mark.browser


def test_first_visit_on_a_slow_network_shows_download_progress(browser, site):
    from builder.pages import csp
    with serving(site, isolate=True, csp=csp(None)) as url:
        ctx = browser.new_context()
        foreign: list = []
        guard_origin(ctx, url, foreign)
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 20,
                                                      "downloadThroughput": 40e6 / 8, "uploadThroughput": 10e6 / 8})
        try:
            page.goto(url + "p/matmul_backward/index.html")
            wait_until(page, "document.querySelector('#runtime-status progress') !== null", 60)
            text = page.inner_text("#runtime-status")
            assert "Downloading Python:" in text and " of " in text and "MB" in text, text
            assert "The editor works already" in text
            seen = [page.evaluate("document.querySelector('#runtime-status progress').value")]
            page.wait_for_timeout(1500)
            bar = page.evaluate("(() => { const b = document.querySelector('#runtime-status progress');"
                                " return b && [b.value, b.max]; })()")
            if bar:
                seen.append(bar[0])
                assert 0 < seen[0] <= seen[1] < bar[1], (seen, bar)
            # The editor is usable while Python downloads.
            editable = page.evaluate("(() => { const t = document.querySelector('#editor textarea');"
                                     " return !!document.querySelector('.cm-content[contenteditable=true]') || (t && !t.readOnly); })()")
            assert editable
            page.evaluate("window.mlkata.ready")
            assert "Python ready" in page.inner_text("#runtime-status")
        finally:
            ctx.close()
    assert foreign == []

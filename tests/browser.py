"""Helpers for the browser tests and the benchmark: build once, serve, drive Chromium.

Playwright drives Debian's /usr/bin/chromium (never `playwright install`); every request
to another origin is aborted and recorded, so tests can assert none was attempted.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@contextmanager
def serving(directory: Path, *, isolate: bool, csp: str = ""):
    """Serve ``directory`` on a free localhost port; yields the base URL."""
    from builder.serve import make_server
    server = make_server(directory, port=0, isolate=isolate, csp=csp)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def guard_origin(context, base_url: str, foreign: list) -> None:
    """Abort (and record) every request that leaves ``base_url``'s origin."""
    origin = urlparse(base_url).netloc

    def handle(route):
        url = route.request.url
        if urlparse(url).netloc == origin or url.startswith("data:"):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()
    context.route("**/*", handle)


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll ``expression`` in the page until truthy. (Playwright's wait_for_function evals
    its predicate, which the site's CSP rightly forbids.) A poll that a navigation cuts
    short (the page reloading, which some tests wait for) counts as false."""
    from playwright.sync_api import Error
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(expression):
                return
        except Error as e:
            if "context was destroyed" not in str(e) and "navigat" not in str(e):
                raise
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


class Page:
    """A problem page driven through the documented automation API, window.mlkata."""

    def __init__(self, page, url: str, isolated: bool = True):
        self.page = page
        page.goto(url)
        # On a server without COOP/COEP the page reloads once, when the service worker
        # (which adds them) takes control: wait for the isolated page.
        wait_until(page, "window.mlkata !== undefined" + (" && crossOriginIsolated" if isolated else ""), 60)
        page.evaluate("window.mlkata.ready")

    def run(self, source: str, mode: str = "tests") -> dict:
        self.page.evaluate("(s) => window.mlkata.setCode(s)", source)
        return self.page.evaluate("(m) => window.mlkata.run(m)", mode)

"""Bytes over the wire on a first and a repeat visit (page and its workers)."""

from __future__ import annotations

import time

from .browser import READY, SERVICE_WORKER_ACTIVE, TIMEOUT_MS, profile, wait_workers

METHOD = ("Playwright request.sizes() for every request of the page and its Workers "
          "(response headers + encoded body = CDP encodedDataLength; cache hits count 0, "
          "304 revalidations their headers), until both workers (runtime + spare) are ready. "
          "The repeat visit comes once the service worker (registered after the first boot) is "
          "active, as for a learner coming back. Not counted: request headers sent, TLS, the "
          "service worker's own precache; the local server does not compress.")


def _visit(ctx, url: str) -> dict:
    reqs, failed = [], []
    page = ctx.new_page()
    page.on("requestfinished", lambda r: reqs.append(r))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY, timeout=TIMEOUT_MS, polling=50)
    wait_workers(page)
    page.evaluate(SERVICE_WORKER_ACTIVE)
    time.sleep(0.5)
    rows = []
    for r in reqs:
        s = r.sizes()
        rows.append({"url": r.url, "bytes": max(0, s["responseHeadersSize"] + s["responseBodySize"]),
                     "body": max(0, s["responseBodySize"])})
    page.close()
    return {"bytes": sum(r["bytes"] for r in rows), "requests": len(rows),
            "from_network": sum(1 for r in rows if r["bytes"] > 0), "failed": failed, "rows": rows}


def bytes_transferred(pw, base: str, slug: str, foreign: list) -> dict:
    """A fresh profile: the first visit, then the same page again."""
    url = f"{base}p/{slug}/index.html"
    with profile(pw, foreign) as ctx:
        first = _visit(ctx, url)
        repeat = _visit(ctx, url)
    return {"method": METHOD, "first": first, "repeat": repeat}

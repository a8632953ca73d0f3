"""Drive Debian's Chromium: fresh or reused profiles, and navigation → editor / ready timings.

Every profile is a *persistent* context in a temp dir, i.e. a real on-disk HTTP cache like
a learner's browser. (Playwright's ``browser.new_context()`` is off-the-record: its
in-memory cache does not keep the 10 MB ``pyodide.asm.wasm``, so "warm" would refetch it.)
"""

from __future__ import annotations

import sys
import tempfile
import time
from contextlib import contextmanager
from urllib.parse import urlparse

from .site import ROOT

if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
from browser import ARGS as TEST_ARGS, CHROMIUM  # noqa: E402  (tests/browser.py: shared launch settings)

# performance.measureUserAgentSpecificMemory() at once, not at the next GC.
ARGS = TEST_ARGS + ["--enable-blink-features=ForceEagerMeasureMemory"]

# Marks, in performance.now() ms since navigation start, written to window.__bench:
# editor (the learner can type: the plain textarea editable, or CodeMirror's .cm-content),
# editorPaint (next frame after that), editorRich (CodeMirror mounted and editable),
# ready (window.mlkata.ready resolved), workers (Workers created), workerReady [{t, boot_ms}].
INIT_JS = r"""(() => {
  if (typeof document === "undefined") return;
  // Problem pages grade only when cross-origin isolated (on a plain server, after one reload).
  const b = window.__bench = { workers: 0, workerReady: [], needIsolation: location.pathname.includes("/p/") };
  const rich = () => {
    const el = document.querySelector(".cm-content");
    return !!el && el.getAttribute("contenteditable") === "true";
  };
  const plain = () => {
    const el = document.querySelector("#editor textarea");
    return !!el && !el.readOnly && !el.disabled;
  };
  const mo = new MutationObserver(() => {
    if (b.editor === undefined && (plain() || rich())) {
      b.editor = performance.now();
      requestAnimationFrame(() => setTimeout(() => { b.editorPaint = performance.now(); }, 0));
    }
    if (b.editorRich === undefined && rich()) {
      b.editorRich = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["contenteditable", "readonly"] });
  let api;
  Object.defineProperty(window, "mlkata", { configurable: true, enumerable: true, get: () => api,
    set(v) {
      api = v;
      if (v && v.ready) v.ready.then(() => { b.ready = performance.now(); }, (e) => { b.failed = String(e); });
    } });
  const W = window.Worker;
  if (W) window.Worker = class extends W {
    constructor(...args) {
      super(...args);
      b.workers++;
      this.addEventListener("message", ({ data }) => {
        if (data && data.type === "ready") b.workerReady.push({ t: performance.now(), boot_ms: data.payload && data.payload.boot_ms });
      });
    }
  };
})();"""

READY = ("() => window.__bench && (window.__bench.failed || (window.__bench.ready !== undefined"
         " && window.__bench.editorPaint !== undefined && window.__bench.editorRich !== undefined))"
         " && (self.crossOriginIsolated || !window.__bench.needIsolation)")
ALL_WORKERS_READY = "() => window.__bench.workers > 0 && window.__bench.workerReady.length >= window.__bench.workers"
MARKS = "() => JSON.parse(JSON.stringify(window.__bench))"
SERVICE_WORKER_ACTIVE = ("() => !navigator.serviceWorker ? true : navigator.serviceWorker.getRegistration()"
                         ".then((r) => r ? navigator.serviceWorker.ready.then(() => true) : false)")
TIMEOUT_MS = 180_000


@contextmanager
def profile(pw, foreign: list | None = None):
    """A fresh Chromium profile (empty disk cache); yields its persistent context."""
    with tempfile.TemporaryDirectory(prefix="mlkata-bench-profile-") as d:
        ctx = pw.chromium.launch_persistent_context(d, executable_path=CHROMIUM, args=ARGS,
                                                    viewport={"width": 1280, "height": 900})
        ctx.add_init_script(INIT_JS)
        if foreign is not None:
            ctx.on("request", lambda r: _note_foreign(r.url, foreign))
        try:
            yield ctx
        finally:
            ctx.close()


def _note_foreign(url: str, foreign: list) -> None:
    if urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:")):
        foreign.append(url)


def open_problem(ctx, url: str, *, settle: bool = True):
    """Open a problem page, wait for the runtime (and, if ``settle``, the spare worker); returns (page, marks)."""
    page = ctx.new_page()
    page.goto(url, wait_until="commit")
    # A page served without COOP/COEP reloads once into isolation (the service worker adds
    # the headers): a wait cut short by that reload starts again in the new document.
    for attempt in range(3):
        try:
            page.wait_for_function(READY, timeout=TIMEOUT_MS, polling=50)
            break
        except Exception as e:
            if attempt == 2 or "context was destroyed" not in str(e) and "navigat" not in str(e):
                raise
    if settle:
        # Every worker has booted, and the service worker (registered once Python has booted)
        # has precached the site and is active, as for a learner coming back another day.
        wait_workers(page)
        page.evaluate(SERVICE_WORKER_ACTIVE)
    marks = page.evaluate(MARKS)
    if marks.get("failed"):
        raise RuntimeError(f"{url}: runtime failed: {marks['failed']}")
    return page, marks


def wait_workers(page) -> None:
    """Until every Worker the page created has said ready (the spare included)."""
    page.wait_for_function(ALL_WORKERS_READY, timeout=TIMEOUT_MS, polling=50)


def visit_problem(ctx, url: str, *, settle: bool) -> dict:
    page, marks = open_problem(ctx, url, settle=settle)
    if settle:
        time.sleep(0.5)  # let the cache (and V8's code cache) be written, as while a learner reads
    page.close()
    boot = marks["workerReady"][0]["boot_ms"] if marks["workerReady"] else None
    return {"editor": marks.get("editor"), "editor_paint": marks.get("editorPaint"), "editor_rich": marks.get("editorRich"),
            "ready": marks.get("ready"), "worker_boot": boot}


def visit_anchor(ctx, url: str, *, settle: bool) -> dict:
    page = ctx.new_page()
    page.goto(url)
    got = page.evaluate("window.__anchor", )
    if settle:
        time.sleep(0.5)
    page.close()
    return {"ready": got["page_ms"], "worker_boot": got["boot_ms"]}


def page_loads(pw, base: str, slug: str, anchor_path: str, n: int, foreign: list, log=print) -> dict:
    """Cold (a fresh profile per visit) and warm (one profile, primed, then n visits), mlkata
    and the bare-boot anchor interleaved so drift hits both alike."""
    url, anchor_url = f"{base}p/{slug}/index.html", base + anchor_path
    out = {"cold": {"mlkata": [], "anchor": []}, "warm": {"mlkata": [], "anchor": []}}
    for i in range(n):
        with profile(pw, foreign) as ctx:
            out["cold"]["mlkata"].append(visit_problem(ctx, url, settle=False))
        with profile(pw, foreign) as ctx:
            out["cold"]["anchor"].append(visit_anchor(ctx, anchor_url, settle=False))
        log(f"  cold visit {i + 1}/{n}: ready {out['cold']['mlkata'][-1]['ready']:.0f} ms, "
            f"bare boot {out['cold']['anchor'][-1]['ready']:.0f} ms")
    with profile(pw, foreign) as m, profile(pw, foreign) as a:
        visit_problem(m, url, settle=True)
        visit_anchor(a, anchor_url, settle=True)
        for i in range(n):
            out["warm"]["mlkata"].append(visit_problem(m, url, settle=True))
            out["warm"]["anchor"].append(visit_anchor(a, anchor_url, settle=True))
            log(f"  warm visit {i + 1}/{n}: ready {out['warm']['mlkata'][-1]['ready']:.0f} ms, "
                f"bare boot {out['warm']['anchor'][-1]['ready']:.0f} ms")
    return out
